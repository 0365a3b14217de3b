"""Showing indicator values the way their unit says (shares as percentages, money in Rp)."""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def indicator_value(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit.startswith("share"):
        return f"{value * 100:.1f}%"
    if "Rupiah" in unit or unit.startswith("Rp"):
        return f"Rp{intcomma(round(value))}"
    if float(value).is_integer():
        return str(intcomma(int(value)))
    return f"{value:,.3f}"


@register.filter
def amount(value: float | None) -> str:
    return "—" if value is None else str(intcomma(round(value)))
