"""An assessed organisation. Rows exist only for entities the workflow touches.

Indicator values of all ~84k villages and ~840k employers stay in the analytics store;
an Entity row is created when one becomes a candidate (or, for the 38 provinces and 514
regencies, when a cycle is created), keyed by its natural code: the Kemendagri region code
or the employer's NPP.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntityKind(models.TextChoices):
    PROVINCE = "PROVINCE", _("Provincial government")
    REGENCY = "REGENCY", _("Regency/city government")
    VILLAGE = "VILLAGE", _("Village government")
    BUSINESS = "BUSINESS", _("Medium or large business")
    UKM = "UKM", _("Small or micro enterprise")


class Entity(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=EntityKind.choices)
    code = models.CharField(
        _("code"), max_length=40, help_text=_("Kemendagri region code, or the employer's NPP")
    )
    name = models.CharField(_("name"), max_length=250)
    province = models.ForeignKey(
        "regions.Province", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    regency = models.ForeignKey(
        "regions.Regency",
        verbose_name=_("regency/city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sector = models.CharField(_("sector"), max_length=40, blank=True)
    scale = models.CharField(_("scale"), max_length=20, blank=True)

    class Meta:
        ordering = ("kind", "code")
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        constraints = (models.UniqueConstraint(fields=("kind", "code"), name="unique_entity_code"),)

    def __str__(self) -> str:
        return self.name
