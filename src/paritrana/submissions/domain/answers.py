"""Saving answers (autosave, one question at a time) and submitting the questionnaire."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.awards.models import Candidate
from paritrana.submissions.domain.errors import ClosedError, IncompleteError
from paritrana.submissions.domain.state import editing_refusal
from paritrana.submissions.domain.values import value_claims_something, value_parse
from paritrana.submissions.models import (
    Answer,
    Decision,
    Question,
    Submission,
    SubmissionStatus,
)


def submission_lock(*, candidate: Candidate) -> Submission:
    """The candidate's submission, created if missing, locked for this transaction.

    Locking the row serialises an autosave racing the submit button, so nothing is
    written into a questionnaire after it was submitted.
    """
    submission, _created = Submission.objects.get_or_create(candidate=candidate)
    return Submission.objects.select_for_update().get(pk=submission.pk)


def submission_check_open(*, candidate: Candidate, submission: Submission | None) -> None:
    refusal = editing_refusal(candidate=candidate, submission=submission)
    if refusal:
        raise ClosedError(refusal)


def answer_save(*, candidate: Candidate, question: Question, raw: str, actor: Any) -> Answer:
    """Store what the candidate typed for one question (blank clears it).

    Raises InvalidValueError (nothing stored; the page keeps the typed text) or ClosedError.
    """
    if question.category_id != candidate.category_id:
        raise ValueError("the question belongs to another category")
    with transaction.atomic():
        submission = submission_lock(candidate=candidate)
        submission_check_open(candidate=candidate, submission=submission)
        value = value_parse(question=question, raw=raw)
        answer, created = Answer.objects.get_or_create(
            submission=submission, question=question, defaults={"updated_by": actor}
        )
        if not created and answer.value == value:
            return answer  # autosave fires on every pause; an unchanged value is no change
        before = {"value": answer.value, "decision": answer.decision}
        answer.value = value
        answer.updated_by = actor
        fields = ["value", "updated_by", "updated_at"]
        if answer.decision != Decision.UNVERIFIED:
            # Only possible after a reopen: a decision on the old value does not carry over.
            answer.decision = Decision.UNVERIFIED
            answer.corrected_value = answer.decision_reason = ""
            answer.version += 1
            fields += ["decision", "corrected_value", "decision_reason", "version"]
        answer.save(update_fields=fields)
        audit_log(
            actor=actor,
            action="answer.save",
            obj=answer,
            object_repr=f"{candidate} · {question.code}",
            before=None if created else before,
            after={"value": value, "decision": answer.decision},
        )
    return answer


def submission_missing(*, candidate: Candidate, submission: Submission | None) -> list[str]:
    """What stops the questionnaire from being submitted, one line per problem."""
    questions = list(Question.objects.filter(category_id=candidate.category_id))
    answers: dict[int, str] = {}
    with_evidence: set[int] = set()
    if submission is not None:
        answers = dict(submission.answers.values_list("question_id", "value"))
        with_evidence = set(
            submission.evidence.filter(question__isnull=False).values_list("question_id", flat=True)
        )
    missing = []
    for q in questions:
        value = answers.get(q.pk, "")
        if q.required and not value:
            missing.append(_("Not answered: %(q)s") % {"q": q.text})
        elif (
            q.evidence_required
            and value_claims_something(question=q, value=value)
            and q.pk not in with_evidence
        ):
            missing.append(_("Evidence missing: %(q)s") % {"q": q.text})
    return missing


def submission_submit(*, candidate: Candidate, actor: Any) -> Submission:
    """Submit the questionnaire before the deadline; afterwards it can no longer change."""
    with transaction.atomic():
        submission = submission_lock(candidate=candidate)
        submission_check_open(candidate=candidate, submission=submission)
        missing = submission_missing(candidate=candidate, submission=submission)
        if missing:
            raise IncompleteError(
                _("The questionnaire cannot be submitted yet; complete these first:"), missing
            )
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_at = timezone.now()
        submission.submitted_by = actor
        submission.save(update_fields=["status", "submitted_at", "submitted_by"])
        audit_log(
            actor=actor,
            action="submission.submit",
            obj=submission,
            before={"status": SubmissionStatus.DRAFT},
            after={"status": SubmissionStatus.SUBMITTED, "submitted_at": submission.submitted_at},
        )
    return submission


def submission_reopen(*, candidate: Candidate, reason: str, actor: Any) -> Submission:
    """Committee: give a submitted questionnaire back to the candidate (e.g. submitted by
    mistake) while submissions are still open."""
    if not reason.strip():
        raise ClosedError(_("Give a reason for reopening the questionnaire."))
    with transaction.atomic():
        submission = submission_lock(candidate=candidate)
        if not submission.is_submitted:
            raise ClosedError(_("The questionnaire is not submitted; there is nothing to reopen."))
        submission.status = SubmissionStatus.DRAFT
        # Check the stage as if it were a draft: reopening after the deadline would be moot.
        submission_check_open(candidate=candidate, submission=submission)
        before = {"status": SubmissionStatus.SUBMITTED, "submitted_at": submission.submitted_at}
        submission.submitted_at = None
        submission.submitted_by = None
        submission.save(update_fields=["status", "submitted_at", "submitted_by"])
        audit_log(
            actor=actor,
            action="submission.reopen",
            obj=submission,
            before=before,
            after={"status": SubmissionStatus.DRAFT, "reason": reason.strip()},
        )
    return submission
