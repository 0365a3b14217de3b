"""Default questionnaires: one question per questionnaire criterion, plus context questions.

Question texts are data in Bahasa Indonesia (what candidates read); the committee edits
them per cycle like the criteria. Scored questions are keyed by the criterion's ``ref``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paritrana.awards.models import Category, CriteriaNode, CriterionSource
from paritrana.submissions.models import Question, QuestionType


@dataclass(frozen=True)
class QuestionTemplate:
    text: str
    type: str
    help_text: str = ""
    choices: tuple[dict[str, Any], ...] = ()
    min_value: float | None = None
    max_value: float | None = None
    required: bool = True
    evidence_required: bool = False


SCORED: dict[str, QuestionTemplate] = {
    "innovation_programmes": QuestionTemplate(
        "Berapa program inovasi perlindungan jaminan sosial ketenagakerjaan yang berjalan "
        "selama periode penilaian?",
        QuestionType.NUMBER,
        "Hitung program yang sudah berjalan (bukan rencana), misalnya perlindungan pekerja "
        "rentan melalui APBD/APBDes, integrasi perizinan, atau kerja sama dengan desa. "
        "Unggah dokumen program (SK, laporan, berita).",
        min_value=0,
        max_value=100,
        evidence_required=True,
    ),
    "sustainability_plan": QuestionTemplate(
        "Bagaimana keberlanjutan anggaran perlindungan pekerja direncanakan?",
        QuestionType.CHOICE,
        "Unggah dokumen anggaran (APBD, RPJMD, Perda) yang memuat alokasinya.",
        choices=(
            {"value": "none", "label": "Belum ada rencana", "score": 0},
            {"value": "plan", "label": "Ada rencana tertulis, belum dianggarkan", "score": 40},
            {"value": "annual", "label": "Dianggarkan dalam APBD tahun berjalan", "score": 70},
            {
                "value": "multiyear",
                "label": "Dianggarkan multi-tahun (RPJMD/Perda)",
                "score": 100,
            },
        ),
        evidence_required=True,
    ),
    "k3_programme": QuestionTemplate(
        "Apakah perusahaan menjalankan program K3 (Keselamatan dan Kesehatan Kerja) yang "
        "terdokumentasi?",
        QuestionType.YES_NO,
        "Misalnya P2K3, SMK3, pelatihan K3 berkala. Unggah sertifikat atau laporan.",
        evidence_required=True,
    ),
    "claims_facilitated": QuestionTemplate(
        "Berapa klaim jaminan sosial pekerja yang difasilitasi perusahaan selama periode "
        "penilaian?",
        QuestionType.NUMBER,
        "Klaim JKK, JKM, JHT, JP atau JKP yang diurus perusahaan untuk pekerjanya. "
        "Unggah rekap klaim.",
        min_value=0,
        evidence_required=True,
    ),
}

CONTEXT: tuple[tuple[str, QuestionTemplate], ...] = (
    (
        "programme_description",
        QuestionTemplate(
            "Uraikan secara singkat program perlindungan pekerja yang dijalankan.",
            QuestionType.TEXT,
            "Sasaran, jumlah pekerja yang dilindungi, sumber dana, dan hasilnya.",
        ),
    ),
    (
        "contact_person",
        QuestionTemplate(
            "Nama, jabatan dan nomor telepon penanggung jawab pengisian.",
            QuestionType.TEXT,
            required=False,
        ),
    ),
)

INTERVIEW_CONTEXT = (
    "head_attends_interview",
    QuestionTemplate(
        "Apakah kepala daerah atau pimpinan tertinggi akan hadir pada wawancara/paparan?",
        QuestionType.YES_NO,
        required=False,
    ),
)


def _generic(leaf: CriteriaNode) -> QuestionTemplate:
    # A criterion the defaults do not know: ask for its value as a number.
    return QuestionTemplate(leaf.name, QuestionType.NUMBER, min_value=0, evidence_required=True)


def questionnaire_create_defaults(*, category: Category) -> list[Question]:
    """Create the default questions the category lacks; returns the ones created.

    Idempotent: existing questions (maybe edited by the committee) are left alone.
    """
    leaves = CriteriaNode.objects.filter(
        category=category, source=CriterionSource.QUESTIONNAIRE
    ).order_by("parent__order", "order", "code")
    planned: list[tuple[str, str, QuestionTemplate]] = [
        (leaf.ref, leaf.ref, SCORED.get(leaf.ref) or _generic(leaf)) for leaf in leaves if leaf.ref
    ]
    planned += [(code, "", template) for code, template in CONTEXT]
    if category.has_interview:
        planned.append((INTERVIEW_CONTEXT[0], "", INTERVIEW_CONTEXT[1]))
    existing = set(Question.objects.filter(category=category).values_list("code", flat=True))
    return Question.objects.bulk_create(
        Question(
            category=category,
            code=code,
            criteria_code=criteria_code,
            text=t.text,
            help_text=t.help_text,
            type=t.type,
            choices=list(t.choices),
            min_value=t.min_value,
            max_value=t.max_value,
            required=t.required,
            evidence_required=t.evidence_required,
            order=order,
        )
        for order, (code, criteria_code, t) in enumerate(planned)
        if code not in existing
    )
