"""An award cycle, its categories, its stages (as data) and its rounds."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from paritrana.entities.models import EntityKind


class AwardCycle(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    assessment_start = models.DateField(_("assessment period from"))
    assessment_end = models.DateField(_("assessment period to"))
    ceremony_year = models.PositiveSmallIntegerField(_("ceremony year"))
    analytics_cycle = models.CharField(
        _("analytics cycle"),
        max_length=100,
        blank=True,
        help_text=_(
            "Folder of this cycle's data in the analytics store (paritrana data import --cycle)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("-ceremony_year", "name")
        verbose_name = _("award cycle")
        verbose_name_plural = _("award cycles")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(assessment_end__gte=models.F("assessment_start")),
                name="assessment_period_ordered",
            ),
        )

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """Who competes with whom: e.g. PEMDA, DESA, BU-MANUFAKTUR, UKM, PEMPROV."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    entity_kind = models.CharField(_("entity kind"), max_length=10, choices=EntityKind.choices)
    sector = models.CharField(_("sector"), max_length=40, blank=True)
    scales = models.JSONField(_("scales"), default=list, blank=True)
    national_only = models.BooleanField(
        _("national round only"),
        default=False,
        help_text=_("Provinces compete only nationally, by zone."),
    )
    by_zone = models.BooleanField(_("ranked within zones"), default=False)
    shortlist_size = models.PositiveSmallIntegerField(_("shortlist size per province"), default=3)
    has_interview = models.BooleanField(_("has interview"), default=True)
    pipeline = models.JSONField(_("scoring pipeline"), default=dict, blank=True)
    criteria_locked = models.BooleanField(_("criteria locked"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ("cycle", "order", "code")
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = (
            models.UniqueConstraint(fields=("cycle", "code"), name="unique_category_code"),
        )

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Stage(models.Model):
    """One step of the award; what each role may do is a flag on the row, not code."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="stages")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    shortlist_editable = models.BooleanField(_("committee edits the shortlist"), default=False)
    submissions_open = models.BooleanField(_("candidates submit"), default=False)
    verification_open = models.BooleanField(_("committee verifies"), default=False)
    scoring_open = models.BooleanField(_("jurors score"), default=False)
    deliberation_open = models.BooleanField(_("committee deliberates"), default=False)
    results_public = models.BooleanField(_("results are public"), default=False)
    criteria_locked = models.BooleanField(_("criteria are locked"), default=False)

    class Meta:
        ordering = ("cycle", "order")
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = (
            models.UniqueConstraint(fields=("cycle", "code"), name="unique_stage_code"),
            models.UniqueConstraint(fields=("cycle", "order"), name="unique_stage_order"),
        )

    def __str__(self) -> str:
        return self.name


class RoundLevel(models.TextChoices):
    PROVINCIAL = "PROVINCIAL", _("Provincial round")
    NATIONAL = "NATIONAL", _("National round")


class Round(models.Model):
    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="rounds")
    level = models.CharField(_("level"), max_length=10, choices=RoundLevel.choices)
    province = models.ForeignKey(
        "regions.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    stage = models.ForeignKey(
        Stage, verbose_name=_("current stage"), on_delete=models.PROTECT, related_name="+"
    )
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    locked_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("cycle", "level", "province")
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = (
            models.UniqueConstraint(
                fields=("cycle", "province"),
                condition=models.Q(level="PROVINCIAL"),
                name="one_provincial_round_per_province",
            ),
            models.UniqueConstraint(
                fields=("cycle",), condition=models.Q(level="NATIONAL"), name="one_national_round"
            ),
            models.CheckConstraint(
                condition=(models.Q(level="PROVINCIAL") & models.Q(province__isnull=False))
                | (models.Q(level="NATIONAL") & models.Q(province__isnull=True)),
                name="provincial_round_has_province",
            ),
        )

    def __str__(self) -> str:
        if self.level == RoundLevel.NATIONAL:
            return f"{self.cycle} — {RoundLevel.NATIONAL.label}"
        return f"{self.cycle} — {self.province}"

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None
