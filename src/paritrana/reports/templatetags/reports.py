"""Number formatting for reports: values in their own unit, scores, shares."""

from __future__ import annotations

import math
from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()

_SIGNIFICANT = 4


@register.filter
def value(number: Any) -> str:
    """An indicator value in its own unit, with about four significant digits."""
    if number is None or (isinstance(number, float) and not math.isfinite(number)):
        return "—"
    x = float(number)
    if x == 0 or x.is_integer():
        return number_format(int(x), 0, use_l10n=True, force_grouping=True)
    digits = max(0, _SIGNIFICANT - 1 - math.floor(math.log10(abs(x))))
    text = f"{round(x, digits):.{digits}f}".rstrip("0")  # 0.2, not 0.2000
    decimals = len(text.partition(".")[2])
    return number_format(round(x, digits), decimals, use_l10n=True, force_grouping=True)


@register.filter
def signed(number: Any) -> str:
    if number is None:
        return "—"
    text = value(number)
    return text if float(number) < 0 else f"+{text}"


@register.filter
def score(number: Any) -> str:
    if number is None:
        return "—"
    return number_format(float(number), 2, use_l10n=True)


@register.filter
def percent(number: Any) -> str:
    if number is None:
        return "—"
    return number_format(100 * float(number), 0, use_l10n=True) + " %"


@register.filter
def indent(depth: int) -> str:
    return f"{1.2 * int(depth or 0):.1f}em"
