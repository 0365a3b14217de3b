"""Step 3, impute: fill missing values with the mean or median, overall or by group.

``by`` names a group column (e.g. ``Group_EurAsia``; COINr's ``indgroup_mean``): a missing
value gets the statistic of the indicator over the units of its group that have a value.
Where the whole group is missing, or the unit has no group, the overall statistic is used;
an indicator missing for every unit stays missing (aggregation then leaves it out). The
log counts the cells filled per indicator and how.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from paritrana.scoring.errors import DataError
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.step import StepContext, StepResult, choice

METHODS = ("mean", "median", "none")


@dataclass(frozen=True)
class ImputeParams:
    method: str = "mean"
    by: str | None = None

    def __post_init__(self) -> None:
        choice(self.method, METHODS, "impute: method")


def impute(data: pd.DataFrame, ctx: StepContext, params: ImputeParams) -> StepResult:
    if params.method == "none":
        return StepResult(data=data.copy(), log={"method": "none"})
    values = np.array(data.to_numpy(dtype=float), order="F")  # pandas' layout: no copy back
    missing = np.isnan(values)
    by_group = np.zeros(values.shape[1], dtype=int)
    if params.by is not None and missing.any():
        codes = _group_codes(ctx, params.by, data.index)
        stats = _group_stats(data, codes, params.method)  # groups x indicators
        rows, cols = np.nonzero(missing & (codes >= 0)[:, None])  # only the gaps: cheap
        fill = stats[codes[rows], cols]
        ok = ~np.isnan(fill)
        values[rows[ok], cols[ok]] = fill[ok]
        by_group = np.bincount(cols[ok], minlength=values.shape[1])
    overall = _overall(data, params.method)
    rows, cols = np.nonzero(np.isnan(values))
    values[rows, cols] = overall[cols]
    left = np.bincount(cols[np.isnan(overall[cols])], minlength=values.shape[1])
    filled_overall = np.bincount(cols, minlength=values.shape[1]) - left
    columns = [str(c) for c in data.columns]
    log = {
        "method": params.method,
        "by": params.by,
        "filled_by_group": _counts(columns, by_group),
        "filled_overall": _counts(columns, filled_overall),
        "still_missing": _counts(columns, left),
    }
    out = pd.DataFrame(values, index=data.index, columns=data.columns, copy=False)
    return StepResult(data=out, log=log)


def _overall(data: pd.DataFrame, method: str) -> FloatArray:
    # pandas skips NaN and gives NaN for an all-missing column, without numpy's warning
    stat = data.mean() if method == "mean" else data.median()
    return stat.to_numpy(dtype=float)


def _group_codes(ctx: StepContext, column: str, index: pd.Index) -> np.ndarray:
    if column not in ctx.units.groups.columns:
        raise DataError(f"impute: group column '{column}' is not in the data")
    codes, _ = pd.factorize(ctx.units.groups[column].reindex(index))  # -1: no group
    return np.asarray(codes)


def _group_stats(data: pd.DataFrame, codes: np.ndarray, method: str) -> FloatArray:
    grouped = data.groupby(codes)  # groups -1 (no group) are just never used to fill
    stats = grouped.mean() if method == "mean" else grouped.median()
    table = np.full((int(codes.max()) + 1, data.shape[1]), np.nan)
    present = stats.index.to_numpy()
    keep = present >= 0
    table[present[keep]] = stats.to_numpy(dtype=float)[keep]
    return table


def _counts(columns: list[str], counts: np.ndarray) -> dict[str, int]:
    return {c: int(n) for c, n in zip(columns, counts, strict=True) if n}
