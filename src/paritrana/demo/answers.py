"""Realistic questionnaire answers: better-screened candidates tend to claim (and do) more.

Each candidate draws from its own random stream (seeded by the demo seed and its entity and
category), so the same demo gives the same answers on SQLite and PostgreSQL.
"""

from __future__ import annotations

import random

from paritrana.awards.models import Candidate
from paritrana.submissions.models import Question, QuestionType

_CONTACTS = (
    "Rina Wulandari, Kepala Bidang Jaminan Sosial, 0812-2045-7781",
    "Ahmad Fauzi, Sekretaris Dinas Tenaga Kerja, 0813-9921-4410",
    "Lestiani Putri, Manajer SDM, 0811-2233-9087",
    "Yusuf Hidayat, Kepala Seksi Perlindungan Pekerja, 0857-1200-3345",
)
_PROGRAMMES = (
    "perlindungan pekerja rentan (ojek, petani, nelayan) yang iurannya dibayar dari APBD",
    "integrasi kepesertaan BPJS Ketenagakerjaan sebagai syarat perizinan usaha",
    "pendaftaran perangkat desa dan kader posyandu melalui APBDes",
    "kerja sama dengan koperasi dan pasar tradisional untuk pendaftaran pekerja bukan penerima upah",
    "pelatihan K3 dan pendampingan klaim JKK bagi pekerja kontrak",
)

CLAIMING = 0.9  # share of businesses that facilitated at least one claim


def candidate_key(candidate: Candidate) -> str:
    """Stable across databases: names, not primary keys."""
    where = candidate.round.province_id or "national"
    return f"{candidate.entity.code}:{candidate.category.code}:{where}"


def candidate_rng(*, seed: int, candidate: Candidate) -> random.Random:
    return random.Random(f"{seed}:{candidate_key(candidate)}")  # noqa: S311 - simulation, not secrets


def candidate_quality(candidate: Candidate) -> float:
    """0..1 from the screening score (the engine's 0-100), 0.5 when it was not screened."""
    source = candidate.promoted_from or candidate
    score = source.screening_score
    return 0.5 if score is None else min(max(score / 100.0, 0.0), 1.0)


def _number(question: Question, quality: float, rng: random.Random) -> str:
    if question.code == "claims_facilitated":
        return str(int(rng.gauss(40 + 160 * quality, 25)) if rng.random() < CLAIMING else 0)
    high = question.max_value if question.max_value is not None else 20
    value = max(0, round(rng.gauss(1 + 6 * quality, 1.5)))
    return str(min(value, int(high)))


def _choice(question: Question, quality: float, rng: random.Random) -> str:
    choices = sorted(question.choices, key=lambda c: c.get("score", 0))
    pick = min(int((quality + rng.uniform(-0.25, 0.25)) * len(choices)), len(choices) - 1)
    return str(choices[max(pick, 0)]["value"])


def _text(question: Question, candidate: Candidate, rng: random.Random) -> str:
    if question.code == "contact_person":
        return rng.choice(_CONTACTS)
    programme = rng.choice(_PROGRAMMES)
    workers = rng.randrange(150, 4000, 50)
    return (
        f"{candidate.entity.name} menjalankan program {programme}. Selama periode penilaian "
        f"sekitar {workers:,} pekerja terlindungi; pendanaan dianggarkan setiap tahun dan "
        "dipantau bersama Kantor Cabang BPJS Ketenagakerjaan."
    ).replace(",", ".")


def answer_for(*, question: Question, candidate: Candidate, rng: random.Random) -> str:
    """What a candidate of this quality would type (raw text, as the portal receives it)."""
    quality = candidate_quality(candidate)
    if question.type == QuestionType.NUMBER:
        return _number(question, quality, rng)
    if question.type == QuestionType.CHOICE:
        return _choice(question, quality, rng)
    if question.type == QuestionType.YES_NO:
        return "ya" if rng.random() < 0.35 + 0.6 * quality else "tidak"
    return _text(question, candidate, rng)
