"""A candidate's submission, its answers and the committee's verification of each answer."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubmissionStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    SUBMITTED = "SUBMITTED", _("Submitted")


class Submission(models.Model):
    """One per candidacy, created on the first answer or upload."""

    candidate = models.OneToOneField(
        "awards.Candidate", on_delete=models.CASCADE, related_name="submission"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self) -> str:
        return f"{self.candidate} — {self.get_status_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.status == SubmissionStatus.SUBMITTED


class Decision(models.TextChoices):
    UNVERIFIED = "UNVERIFIED", _("Not verified yet")
    ACCEPTED = "ACCEPTED", _("Accepted")
    CORRECTED = "CORRECTED", _("Corrected")
    REJECTED = "REJECTED", _("Rejected")


class Answer(models.Model):
    """The candidate's value (canonical text) and the committee's decision on it.

    ``version`` counts verification decisions: a decision names the version it was made
    on, so two committee members cannot silently overwrite each other.
    """

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "submissions.Question", on_delete=models.PROTECT, related_name="answers"
    )
    value = models.TextField(_("answer"), blank=True)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)
    updated_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision = models.CharField(
        _("verification"), max_length=10, choices=Decision.choices, default=Decision.UNVERIFIED
    )
    corrected_value = models.TextField(_("corrected value"), blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("verified"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ("submission", "question__order", "question__code")
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = (
            models.UniqueConstraint(fields=("submission", "question"), name="one_answer_each"),
        )

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value}"
