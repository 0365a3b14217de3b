"""Users and the roles they hold.

A user can hold several roles (a committee member may also be a data officer); a role
scoped to a province carries that province. Jurors and candidates get their object scope
(assigned candidates, own organisation) from the judging and entities apps.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_COMMITTEE = "NATIONAL_COMMITTEE", _("National committee")
    PROVINCIAL_COMMITTEE = "PROVINCIAL_COMMITTEE", _("Provincial committee")
    JUROR = "JUROR", _("Juror")
    CANDIDATE = "CANDIDATE", _("Candidate")
    DATA_OFFICER = "DATA_OFFICER", _("Data officer")


class User(AbstractUser):
    """Paritrana user; roles live in :class:`RoleAssignment`."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Required for a provincial committee; empty for national roles."),
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = (
            models.UniqueConstraint(
                fields=("user", "role", "province"), name="unique_role_per_scope"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="PROVINCIAL_COMMITTEE") | models.Q(province__isnull=False),
                name="provincial_committee_has_province",
            ),
        )

    def __str__(self) -> str:
        scope = f" ({self.province_id})" if self.province_id else ""
        return f"{self.user} — {self.get_role_display()}{scope}"
