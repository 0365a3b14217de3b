"""Jury panels of a round, their members, the jurors' profiles and who interviews whom."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Panel(models.Model):
    round = models.ForeignKey(
        "awards.Round", verbose_name=_("round"), on_delete=models.CASCADE, related_name="panels"
    )
    name = models.CharField(_("name"), max_length=150)
    blind = models.BooleanField(
        _("blind scoring"),
        default=False,
        help_text=_("A juror sees the other jurors' scores only after submitting his own."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("round", "name")
        verbose_name = _("jury panel")
        verbose_name_plural = _("jury panels")
        constraints = (models.UniqueConstraint(fields=("round", "name"), name="unique_panel_name"),)

    def __str__(self) -> str:
        return self.name


class PanelMember(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="members")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.PROTECT,
        related_name="panel_memberships",
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ("panel", "juror_id")
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = (
            models.UniqueConstraint(fields=("panel", "juror"), name="unique_panel_member"),
        )

    def __str__(self) -> str:
        return f"{self.juror} @ {self.panel}"


class JurorProfile(models.Model):
    """What Paritrana compares with a candidate to flag a likely conflict of interest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="juror_profile"
    )
    home_province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("home province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    home_regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("home regency/city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    employer_name = models.CharField(_("employer / organisation"), max_length=250, blank=True)
    employer_npp = models.CharField(
        _("employer NPP"),
        max_length=40,
        blank=True,
        help_text=_("BPJS Ketenagakerjaan registration number of the employer, if any."),
    )

    class Meta:
        verbose_name = _("juror profile")
        verbose_name_plural = _("juror profiles")

    def __str__(self) -> str:
        return str(self.user)


class AssignmentOrigin(models.TextChoices):
    AUTO = "AUTO", _("Automatic")
    MANUAL = "MANUAL", _("Assigned by hand")


class Assignment(models.Model):
    """A juror interviews a candidate for a panel; one per juror and candidate."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("juror"),
        on_delete=models.PROTECT,
        related_name="jury_assignments",
    )
    candidate = models.ForeignKey(
        "awards.Candidate",
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="jury_assignments",
    )
    origin = models.CharField(_("origin"), max_length=10, choices=AssignmentOrigin.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("panel", "candidate_id", "juror_id")
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = (
            models.UniqueConstraint(fields=("juror", "candidate"), name="unique_assignment"),
        )

    def __str__(self) -> str:
        return f"{self.juror} → {self.candidate_id}"
