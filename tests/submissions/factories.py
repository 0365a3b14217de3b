"""Candidates, candidate accounts, stages and files for the submissions tests."""

from __future__ import annotations

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from paritrana.accounts.models import Role
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus, Round
from paritrana.entities.domain import entity_for_regency
from paritrana.regions.models import Regency
from paritrana.submissions.models import CandidateAccount
from tests.factories import user_with_role


def make_candidate(rnd: Round, category, regency_code: str, **kwargs) -> Candidate:
    entity = entity_for_regency(regency=Regency.objects.get(code=regency_code))
    return Candidate.objects.create(
        round=rnd,
        category=category,
        entity=entity,
        status=kwargs.pop("status", CandidateStatus.CONFIRMED),
        origin=kwargs.pop("origin", CandidateOrigin.SCREENING),
        **kwargs,
    )


def candidate_user(candidate: Candidate, **kwargs):
    user = user_with_role(Role.CANDIDATE, **kwargs)
    CandidateAccount.objects.create(user=user, candidate=candidate)
    return user


def set_stage(rnd: Round, code: str, **stage_fields) -> None:
    stage = rnd.cycle.stages.get(code=code)
    for key, value in stage_fields.items():
        setattr(stage, key, value)
    stage.save()
    rnd.stage = stage
    rnd.save(update_fields=["stage"])


def pdf_bytes(body: bytes = b"") -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + body
        + b"trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes() -> bytes:
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + _chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sos = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + app0 + sos + b"\x12\x34\x56" + b"\xff\xd9"


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def fill_and_submit(candidate, user, values: dict[str, str], *, evidence=True):
    """Answer through the domain (as the portal does), attach a PDF to claims, submit."""
    from paritrana.submissions.domain.answers import answer_save, submission_submit
    from paritrana.submissions.domain.evidence import evidence_upload
    from paritrana.submissions.models import Question

    questions = {q.code: q for q in Question.objects.filter(category_id=candidate.category_id)}
    for code, raw in values.items():
        answer_save(candidate=candidate, question=questions[code], raw=raw, actor=user)
        if evidence and questions[code].evidence_required:
            evidence_upload(
                candidate=candidate,
                question=questions[code],
                upload=upload(f"{code}.pdf", pdf_bytes()),
                actor=user,
            )
    return submission_submit(candidate=candidate, actor=user)


PEMDA_ANSWERS = {
    "innovation_programmes": "3",
    "sustainability_plan": "annual",
    "programme_description": "Iuran pekerja rentan dibayar APBD.",
}
