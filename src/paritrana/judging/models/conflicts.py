"""Conflicts of interest: what a juror declares, and the committee's clearing of a flag.

Flags themselves are not stored: they are computed from the juror's profile and the
candidate's entity every time (``domain/conflicts.py``), so a profile edit or a new
candidate is taken into account at once. Only the committee's decision to clear a flag,
with its reason, is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConflictDeclaration(models.Model):
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declared_conflicts"
    )
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="declared_conflicts"
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        ordering = ("candidate_id", "juror_id")
        verbose_name = _("declared conflict of interest")
        verbose_name_plural = _("declared conflicts of interest")
        constraints = (
            models.UniqueConstraint(fields=("juror", "candidate"), name="unique_declared_conflict"),
        )

    def __str__(self) -> str:
        return f"{self.juror} × {self.candidate_id}"


class ConflictClearance(models.Model):
    """The committee judged a flagged conflict not to be one (the reason is required)."""

    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cleared_conflicts"
    )
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="cleared_conflicts"
    )
    reason = models.TextField(_("reason"))
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("cleared"), auto_now_add=True)

    class Meta:
        ordering = ("candidate_id", "juror_id")
        verbose_name = _("cleared conflict flag")
        verbose_name_plural = _("cleared conflict flags")
        constraints = (
            models.UniqueConstraint(
                fields=("juror", "candidate"), name="unique_conflict_clearance"
            ),
        )

    def __str__(self) -> str:
        return f"{self.juror} × {self.candidate_id} (cleared)"
