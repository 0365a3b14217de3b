"""A candidate: an entity competing in one category of one round."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Proposed by screening")
    CONFIRMED = "CONFIRMED", _("Confirmed")
    REMOVED = "REMOVED", _("Removed")


class CandidateOrigin(models.TextChoices):
    SCREENING = "SCREENING", _("Screening")
    MANUAL = "MANUAL", _("Added by the committee")
    PROMOTED = "PROMOTED", _("Provincial winner")


class Candidate(models.Model):
    round = models.ForeignKey("awards.Round", on_delete=models.CASCADE, related_name="candidates")
    category = models.ForeignKey(
        "awards.Category", on_delete=models.PROTECT, related_name="candidates"
    )
    entity = models.ForeignKey(
        "entities.Entity", on_delete=models.PROTECT, related_name="candidacies"
    )
    status = models.CharField(_("status"), max_length=10, choices=CandidateStatus.choices)
    origin = models.CharField(_("origin"), max_length=10, choices=CandidateOrigin.choices)
    status_reason = models.TextField(_("reason"), blank=True)
    screening_score = models.FloatField(_("screening score"), null=True, blank=True)
    screening_rank = models.PositiveIntegerField(_("screening rank"), null=True, blank=True)
    screening_detail = models.JSONField(_("screening detail"), default=dict, blank=True)
    promoted_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="promoted_to"
    )
    version = models.PositiveIntegerField(default=1, help_text="optimistic locking counter")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("round", "category", "screening_rank", "entity__name")
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        constraints = (
            models.UniqueConstraint(
                fields=("round", "category", "entity"), name="unique_candidacy"
            ),
        )

    def __str__(self) -> str:
        return f"{self.entity} ({self.category.code})"
