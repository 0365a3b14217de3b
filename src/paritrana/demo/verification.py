"""The committee verifies every submitted answer: mostly accepted, some corrected or rejected.

The share of corrections and rejections follows what committees report: most documents
support the answer, a few claim more than the evidence shows.
"""

from __future__ import annotations

import random

from paritrana.awards.models import Candidate, Round
from paritrana.demo.answers import candidate_key
from paritrana.demo.people import committee_actor
from paritrana.demo.portal import round_candidates
from paritrana.demo.progress import Progress
from paritrana.submissions.domain.verification import answer_verify, field_note_create
from paritrana.submissions.models import (
    Answer,
    Decision,
    FieldNote,
    QuestionType,
    Submission,
    SubmissionStatus,
)

CORRECT_SHARE = 0.12
REJECT_SHARE = 0.06


def _lower_choice(answer: Answer) -> str | None:
    choices = sorted(answer.question.choices, key=lambda c: c.get("score", 0))
    values = [str(c["value"]) for c in choices]
    at = values.index(answer.value) if answer.value in values else 0
    return values[at - 1] if at > 0 else None


def _decide(answer: Answer, rng: random.Random) -> tuple[str, str, str]:
    """(decision, corrected raw value, reason) for one answer."""
    question = answer.question
    scored = bool(question.criteria_code)
    draw = rng.random()
    if scored and question.evidence_required and draw < REJECT_SHARE:
        return (
            Decision.REJECTED,
            "",
            "Dokumen bukti tidak memuat program atau kegiatan yang diklaim.",
        )
    if scored and draw < REJECT_SHARE + CORRECT_SHARE:
        if question.type == QuestionType.NUMBER and float(answer.value) > 1:
            lower = str(int(float(answer.value) * rng.uniform(0.5, 0.85)))
            return (
                Decision.CORRECTED,
                lower,
                f"Hanya {lower} yang didukung dokumen (SK dan laporan pelaksanaan).",
            )
        if question.type == QuestionType.CHOICE and _lower_choice(answer):
            return (
                Decision.CORRECTED,
                _lower_choice(answer) or "",
                "Alokasi multi-tahun belum ditetapkan dalam Perda; yang terbukti anggaran tahunan.",
            )
    return Decision.ACCEPTED, "", ""


def candidate_verify(*, candidate: Candidate, seed: int, actor: object) -> None:
    rng = random.Random(f"{seed}:verify:{candidate_key(candidate)}")  # noqa: S311 - simulation, not secrets
    answers = (
        Answer.objects.filter(submission__candidate=candidate, decision=Decision.UNVERIFIED)
        .exclude(value="")
        .select_related("question")
        .order_by("question__order", "pk")
    )
    for answer in answers:
        decision, corrected, reason = _decide(answer, rng)
        answer_verify(
            answer=answer,
            decision=decision,
            reason=reason,
            corrected_raw=corrected,
            expected_version=answer.version,
            actor=actor,
        )


def round_verify(*, rnd: Round, seed: int, progress: Progress) -> None:
    actor = committee_actor(rnd)
    candidates = [
        c
        for c in round_candidates(rnd)
        if Submission.objects.filter(candidate=c, status=SubmissionStatus.SUBMITTED).exists()
    ]
    for candidate in candidates:
        candidate_verify(candidate=candidate, seed=seed, actor=actor)
        progress.advance()
    if candidates and not FieldNote.objects.filter(submission__candidate__round=rnd).exists():
        field_note_create(
            candidate=candidates[0],
            text=(
                "Kunjungan lapangan: dokumen asli SK dan DPA dicocokkan dengan salinan yang "
                "diunggah; sesuai. Pekerja rentan penerima bantuan iuran diwawancarai (5 orang)."
            ),
            actor=actor,
        )
