"""Which user accounts speak for which candidacy."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CandidateAccount(models.Model):
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="candidate_links"
    )
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="accounts"
    )
    invited_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)

    class Meta:
        verbose_name = _("candidate account")
        verbose_name_plural = _("candidate accounts")
        constraints = (
            models.UniqueConstraint(fields=("user", "candidate"), name="unique_candidate_account"),
        )

    def __str__(self) -> str:
        return f"{self.user} → {self.candidate}"
