"""Storing evidence files: checked by content and size, kept under a random name."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.awards.models import Candidate
from paritrana.submissions.conf import evidence_max_bytes
from paritrana.submissions.domain.answers import submission_check_open, submission_lock
from paritrana.submissions.domain.errors import FileRejectedError
from paritrana.submissions.domain.filetypes import Detected, detect, read_all
from paritrana.submissions.models import Evidence, FieldNote, Question, Submission

MAX_FILES_PER_QUESTION = 10


def _safe_name(name: str) -> str:
    # Only for display and the download's file name; storage uses a random name.
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    return "".join(ch for ch in base if ch.isprintable())[:200] or "file"


def upload_check(*, upload: Any) -> tuple[bytes, Detected]:
    """The upload's bytes and detected type; FileRejectedError with a clear message otherwise."""
    limit = evidence_max_bytes()
    if getattr(upload, "size", 0) > limit:
        raise FileRejectedError(
            _("The file is larger than %(mb)s MB; upload a smaller file.")
            % {"mb": f"{limit / 1024 / 1024:g}"}
        )
    data = read_all(upload, limit)
    if data is None:
        raise FileRejectedError(
            _("The file is larger than %(mb)s MB; upload a smaller file.")
            % {"mb": f"{limit / 1024 / 1024:g}"}
        )
    if not data:
        raise FileRejectedError(_("The file is empty."))
    detected = detect(data)
    if detected is None:
        raise FileRejectedError(
            _(
                "“%(name)s” is not a PDF, PNG or JPEG file (its content was checked, not its "
                "name). Upload the document as PDF or as an image."
            )
            % {"name": _safe_name(getattr(upload, "name", ""))}
        )
    return data, detected


@contextmanager
def files_removed_on_error() -> Iterator[list[Evidence]]:
    """Collects stored files; deletes their bytes if the block fails (its rows roll back)."""
    stored: list[Evidence] = []
    try:
        yield stored
    except BaseException:
        for evidence in stored:
            evidence.file.storage.delete(evidence.file.name)
        raise


def _store(
    *,
    submission: Submission,
    upload: Any,
    actor: Any,
    question: Question | None,
    field_note: FieldNote | None,
    stored: list[Evidence],
) -> Evidence:
    data, detected = upload_check(upload=upload)
    name = f"evidence/{submission.candidate_id}/{secrets.token_hex(16)}.{detected.extension}"
    evidence = Evidence(
        submission=submission,
        question=question,
        field_note=field_note,
        original_name=_safe_name(getattr(upload, "name", "")),
        content_type=detected.content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
    )
    evidence.file.save(name, ContentFile(data), save=False)
    stored.append(evidence)
    evidence.save()
    return evidence


def _file_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "name": evidence.original_name,
        "sha256": evidence.sha256,
        "size": evidence.size,
        "type": evidence.content_type,
        "stored_as": evidence.file.name,
    }


def evidence_upload(
    *, candidate: Candidate, question: Question, upload: Any, actor: Any
) -> Evidence:
    """The candidate's evidence for one question, while its questionnaire is open."""
    if question.category_id != candidate.category_id:
        raise ValueError("the question belongs to another category")
    with files_removed_on_error() as stored, transaction.atomic():
        submission = submission_lock(candidate=candidate)
        submission_check_open(candidate=candidate, submission=submission)
        if submission.evidence.filter(question=question).count() >= MAX_FILES_PER_QUESTION:
            raise FileRejectedError(
                _("At most %(n)s files per question; remove one first.")
                % {"n": MAX_FILES_PER_QUESTION}
            )
        evidence = _store(
            submission=submission,
            upload=upload,
            actor=actor,
            question=question,
            field_note=None,
            stored=stored,
        )
        audit_log(
            actor=actor,
            action="evidence.upload",
            obj=evidence,
            object_repr=f"{candidate} · {question.code} · {evidence.original_name}",
            after=_file_record(evidence),
        )
    return evidence


def evidence_delete(*, evidence: Evidence, actor: Any) -> None:
    """The candidate removes one of its files while its questionnaire is open."""
    candidate = evidence.submission.candidate
    if evidence.question_id is None:
        raise FileRejectedError(_("Field-verification files belong to the committee."))
    with transaction.atomic():
        submission = submission_lock(candidate=candidate)
        submission_check_open(candidate=candidate, submission=submission)
        record = _file_record(evidence)
        audit_log(
            actor=actor,
            action="evidence.delete",
            obj=evidence,
            object_repr=f"{candidate} · {evidence.original_name}",
            before=record,
        )
        stored = evidence.file.name
        evidence.delete()
        # Remove the bytes only once the row's deletion is committed.
        storage = evidence.file.storage
        transaction.on_commit(lambda: storage.delete(stored))


def field_file_store(
    *, note: FieldNote, upload: Any, actor: Any, stored: list[Evidence]
) -> Evidence:
    """A file attached to a committee's field-verification note (same checks as evidence)."""
    return _store(
        submission=note.submission,
        upload=upload,
        actor=actor,
        question=None,
        field_note=note,
        stored=stored,
    )


def file_record(evidence: Evidence) -> dict[str, Any]:
    return _file_record(evidence)
