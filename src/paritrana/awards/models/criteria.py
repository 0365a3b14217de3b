"""The criteria tree of a category: aspects -> indicators, with where each leaf comes from."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class CriterionSource(models.TextChoices):
    GROUP = "GROUP", _("Aspect (aggregates its children)")
    COMPUTED = "COMPUTED", _("Computed indicator")
    QUESTIONNAIRE = "QUESTIONNAIRE", _("Verified questionnaire answer")
    JURY = "JURY", _("Jury rubric")


class CriteriaNode(models.Model):
    category = models.ForeignKey(
        "awards.Category", on_delete=models.CASCADE, related_name="criteria"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=15, choices=CriterionSource.choices)
    ref = models.CharField(
        _("reference"),
        max_length=60,
        blank=True,
        help_text=_("Indicator code, question code or rubric criterion this leaf reads."),
    )
    weight = models.DecimalField(
        _("weight (%)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    direction = models.SmallIntegerField(
        _("direction"), choices=((1, _("higher is better")), (-1, _("lower is better"))), default=1
    )
    rubric_min = models.DecimalField(
        _("rubric minimum"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    rubric_max = models.DecimalField(
        _("rubric maximum"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ("category", "order", "code")
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = (
            models.UniqueConstraint(fields=("category", "code"), name="unique_criterion_code"),
        )

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def is_leaf(self) -> bool:
        return self.source != CriterionSource.GROUP
