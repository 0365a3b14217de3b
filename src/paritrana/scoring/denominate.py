"""Step 1, denominate: divide indicators by a size column (population, area, GDP...).

Which indicator is divided by which column comes from the tree (each indicator's
``denominator``), optionally overridden in the step. A zero or missing denominator gives a
missing value (counted in the log), never an infinite one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from paritrana.scoring.errors import DataError, SpecError
from paritrana.scoring.step import StepContext, StepResult


@dataclass(frozen=True)
class DenominateParams:
    """``denominators`` maps indicator -> column (or null for none), overriding the tree."""

    denominators: Mapping[str, str | None] = field(default_factory=dict)


def denominate(data: pd.DataFrame, ctx: StepContext, params: DenominateParams) -> StepResult:
    pairs = _pairs(ctx, params)
    out = data.copy()
    undefined: dict[str, int] = {}
    for indicator, column in pairs.items():
        den = _denominator(ctx, column).to_numpy(dtype=float)
        num = out[indicator].to_numpy(dtype=float)
        usable = np.isfinite(den) & (den != 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[indicator] = np.where(usable, num / den, np.nan)
        lost = int((~usable & ~np.isnan(num)).sum())
        if lost:
            undefined[indicator] = lost
    log = {"denominators": dict(pairs), "cells_without_denominator": undefined}
    return StepResult(data=out, log=log)


def _pairs(ctx: StepContext, params: DenominateParams) -> dict[str, str]:
    for code in params.denominators:
        if code not in ctx.tree.indicators:
            raise SpecError(f"denominate: '{code}' is not an indicator of the tree")
    pairs: dict[str, str] = {}
    for code in ctx.tree.indicators:
        column = params.denominators.get(code, ctx.tree.node(code).denominator)
        if column:
            pairs[code] = column
    return pairs


def _denominator(ctx: StepContext, column: str) -> pd.Series:
    if column not in ctx.units.denominators.columns:
        raise DataError(f"denominate: denominator column '{column}' is not in the data")
    return ctx.units.denominators[column]
