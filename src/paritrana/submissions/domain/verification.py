"""The committee's decision on each answer, and its field-verification notes.

A decision names the ``version`` of the answer it was made on; when another committee
member decided in the meantime the decision is refused with theirs (VerificationConflictError)
and nothing is overwritten.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.awards.models import Candidate
from paritrana.submissions.domain.errors import (
    ClosedError,
    InvalidValueError,
    VerificationConflictError,
)
from paritrana.submissions.domain.evidence import (
    field_file_store,
    file_record,
    files_removed_on_error,
)
from paritrana.submissions.domain.state import verification_refusal
from paritrana.submissions.domain.values import value_display, value_parse
from paritrana.submissions.models import Answer, Decision, FieldNote, Submission

DECIDABLE = (Decision.ACCEPTED, Decision.CORRECTED, Decision.REJECTED)


def _decision_record(answer: Answer) -> dict[str, Any]:
    return {
        "decision": answer.decision,
        "corrected_value": answer.corrected_value,
        "reason": answer.decision_reason,
        "version": answer.version,
    }


def decision_summary(answer: Answer) -> str:
    """One line naming who decided what, for conflict messages and the candidate's view."""
    text = str(Decision(answer.decision).label)
    if answer.decision == Decision.CORRECTED:
        text += " → " + value_display(question=answer.question, value=answer.corrected_value)
    if answer.decision_reason:
        text += f" ({answer.decision_reason})"
    if answer.decided_by is not None:
        text = _("%(who)s: %(what)s") % {"who": answer.decided_by, "what": text}
    return text


def _clean_decision(answer: Answer, decision: str, corrected_raw: str, reason: str) -> str:
    if decision not in DECIDABLE:
        raise InvalidValueError(_("Choose accepted, corrected or rejected."))
    if decision != Decision.ACCEPTED and not reason:
        raise InvalidValueError(_("Give the reason for correcting or rejecting the answer."))
    if decision != Decision.CORRECTED:
        return ""
    corrected = value_parse(question=answer.question, raw=corrected_raw)
    if not corrected:
        raise InvalidValueError(_("Enter the corrected value."))
    if corrected == answer.value:
        raise InvalidValueError(
            _("The corrected value equals the candidate's answer; accept the answer instead.")
        )
    return corrected


def answer_verify(
    *,
    answer: Answer,
    decision: str,
    reason: str = "",
    corrected_raw: str = "",
    expected_version: int,
    actor: Any,
) -> Answer:
    """Record the committee's decision on one submitted answer."""
    reason = (reason or "").strip()
    with transaction.atomic():
        current = (
            Answer.objects.select_for_update(of=("self",))
            .select_related("question", "decided_by", "submission__candidate__round__stage")
            .get(pk=answer.pk)
        )
        candidate = current.submission.candidate
        refusal = verification_refusal(candidate=candidate, submission=current.submission)
        if refusal:
            raise ClosedError(refusal)
        if not current.value:
            raise InvalidValueError(_("The question was not answered; there is nothing to verify."))
        if current.version != expected_version:
            raise VerificationConflictError(
                _(
                    "Another committee member changed this verification while you were "
                    "deciding: %(theirs)s. Your decision was not saved."
                )
                % {"theirs": decision_summary(current)},
                current,
            )
        corrected = _clean_decision(current, decision, corrected_raw, reason)
        before = _decision_record(current)
        current.decision = decision
        current.corrected_value = corrected
        current.decision_reason = reason
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.version += 1
        current.save(
            update_fields=[
                "decision",
                "corrected_value",
                "decision_reason",
                "decided_by",
                "decided_at",
                "version",
            ]
        )
        audit_log(
            actor=actor,
            action="answer.verify",
            obj=current,
            object_repr=f"{candidate} · {current.question.code}",
            before=before,
            after=_decision_record(current),
        )
    return current


def field_note_create(
    *, candidate: Candidate, text: str, uploads: list[Any] | tuple[Any, ...] = (), actor: Any
) -> FieldNote:
    """A committee's note from a field visit, with optional files (checked like evidence)."""
    text = (text or "").strip()
    if not text:
        raise InvalidValueError(_("Write the note."))
    with files_removed_on_error() as stored, transaction.atomic():
        submission = Submission.objects.select_for_update().filter(candidate=candidate).first()
        refusal = verification_refusal(candidate=candidate, submission=submission)
        if refusal:
            raise ClosedError(refusal)
        note = FieldNote.objects.create(submission=submission, text=text, author=actor)
        files = [
            field_file_store(note=note, upload=upload, actor=actor, stored=stored)
            for upload in uploads
        ]
        audit_log(
            actor=actor,
            action="field_note.create",
            obj=note,
            object_repr=f"{candidate} · field note",
            after={"text": text, "files": [file_record(f) for f in files]},
        )
    return note
