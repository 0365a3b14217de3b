"""Kemendagri reference regions and the award's zones.

Codes are the natural keys ("32", "32.04", "32.04.01", "32.04.01.2001"), so reloading the
reference CSVs updates rows in place and every other table can refer to a stable code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Zone(models.Model):
    """A group of provinces compared with each other in the national round."""

    code = models.CharField(_("code"), max_length=32, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ("order", "name")
        verbose_name = _("zone")
        verbose_name_plural = _("zones")

    def __str__(self) -> str:
        return self.name


class Province(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.PROTECT, related_name="provinces", null=True
    )

    class Meta:
        ordering = ("code",)
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Regency(models.Model):
    class Kind(models.TextChoices):
        KABUPATEN = "KABUPATEN", _("Regency (kabupaten)")
        KOTA = "KOTA", _("City (kota)")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="regencies"
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ("code",)
        verbose_name = _("regency/city")
        verbose_name_plural = _("regencies/cities")
        indexes = (models.Index(fields=("name",)),)

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    code = models.CharField(_("code"), max_length=8, primary_key=True)
    regency = models.ForeignKey(
        Regency, verbose_name=_("regency/city"), on_delete=models.PROTECT, related_name="districts"
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ("code",)
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        indexes = (models.Index(fields=("name",)),)

    def __str__(self) -> str:
        return self.name


class Village(models.Model):
    code = models.CharField(_("code"), max_length=13, primary_key=True)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="villages"
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ("code",)
        verbose_name = _("village/kelurahan")
        verbose_name_plural = _("villages/kelurahan")
        indexes = (models.Index(fields=("name",)),)

    def __str__(self) -> str:
        return self.name
