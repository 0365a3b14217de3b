"""What an indicator is: data (code, name, formula, unit, direction, sources) plus one builder.

The builder maps the entity type's *base table* (one row per entity, aggregated measures as
columns) to a numerator and a denominator; the kind turns those into the value. Nothing else
in the package decides what an indicator means, so ``docs/indicators.md``, the Ibis pipeline
and the tidy output cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import ibis

# Ibis ships no type stubs; expressions are Any to mypy, named here for readers.
Table = Any
Column = Any


class EntityType(StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"
    VILLAGE = "village"
    EMPLOYER = "employer"


class Kind(StrEnum):
    """How value, numerator and denominator relate (stated in every output row's terms)."""

    #: value = numerator / denominator; null when the denominator is 0 or unknown.
    RATIO = "ratio"
    #: value = numerator (a count, amount or level); denominator is null, or the fixed
    #: maximum the count is out of (e.g. 5 programmes, 12 months).
    COUNT = "count"
    #: value = (numerator − denominator) / denominator, numerator this period and denominator
    #: the previous one; null when the previous period had none.
    GROWTH = "growth"


@dataclass(frozen=True)
class Terms:
    numerator: Column
    denominator: Column | None = None


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    entities: tuple[EntityType, ...]
    kind: Kind
    formula: str
    unit: str
    direction: int  # +1: higher is better; -1: lower is better
    sources: tuple[str, ...]  # "dataset.column" of schema.DATASETS
    terms: Callable[[Table], Terms]
    needs_previous: bool = False  # only computed when the previous period's data is given


def _float(expr: Column) -> Column:
    return expr.cast("float64")


def value_columns(indicator: Indicator, base: Table) -> dict[str, Column]:
    """value, numerator, denominator (all float64) of one indicator over a base table."""
    terms = indicator.terms(base)
    num = _float(terms.numerator)
    den = _float(terms.denominator) if terms.denominator is not None else ibis.null("float64")
    if indicator.kind is Kind.RATIO:
        # nullif keeps Spark's ANSI mode (on by default in Spark 4) from raising on x/0, and
        # makes DuckDB return null rather than inf: a ratio with nothing to divide by is unknown.
        value = num / den.nullif(0.0)
    elif indicator.kind is Kind.GROWTH:
        value = (num - den) / den.nullif(0.0)
    else:
        value = num
    return {"value": value, "numerator": num, "denominator": den}
