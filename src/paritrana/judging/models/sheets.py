"""Interview score sheets: one per juror per candidate, one score per jury criterion."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ScoreSheet(models.Model):
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="score_sheets"
    )
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="score_sheets"
    )
    comment = models.TextField(_("overall comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        ordering = ("candidate_id", "juror_id")
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = (
            models.UniqueConstraint(fields=("juror", "candidate"), name="unique_score_sheet"),
        )

    def __str__(self) -> str:
        return f"{self.juror} × {self.candidate_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    """A juror's score of one rubric criterion; no value means not scored or abstained.

    An abstention is stored as an explicit flag with no value, never as zero, so that the
    statistics leave a gap instead of pulling the candidate down.
    """

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        "awards.CriteriaNode", on_delete=models.PROTECT, related_name="jury_scores"
    )
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    abstained = models.BooleanField(_("abstain"), default=False)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ("sheet", "criterion__order", "criterion__code")
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = (
            models.UniqueConstraint(fields=("sheet", "criterion"), name="unique_score"),
            models.CheckConstraint(
                condition=models.Q(abstained=False) | models.Q(value__isnull=True),
                name="abstention_has_no_value",
            ),
        )

    def __str__(self) -> str:
        return f"{self.criterion_id}: {'abstain' if self.abstained else self.value}"
