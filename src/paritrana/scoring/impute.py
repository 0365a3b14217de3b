"""Step 3, impute: fill missing values with the mean or median, overall or by group.

``by`` names a group column (e.g. ``Group_EurAsia``; COINr's ``indgroup_mean``). A value
missing in a group whose other members are all missing falls back to the overall
statistic; an indicator missing for every unit stays missing (aggregation then leaves it
out). The log counts the cells filled per indicator and how.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from paritrana.scoring.errors import DataError
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
    overall = data.agg(params.method)
    filled = data.copy()
    by_group: dict[str, int] = {}
    if params.by is not None:
        groups = _groups(ctx, params.by, data.index)
        grouped = data.groupby(groups)  # units without a group get the overall value below
        group_stat = grouped.transform("mean" if params.method == "mean" else "median")
        before = filled.isna().sum()
        filled = filled.fillna(group_stat)
        by_group = _counts(before - filled.isna().sum())
    before_overall = filled.isna().sum()
    filled = filled.fillna(overall)
    log = {
        "method": params.method,
        "by": params.by,
        "filled_by_group": by_group,
        "filled_overall": _counts(before_overall - filled.isna().sum()),
        "still_missing": _counts(filled.isna().sum()),
    }
    return StepResult(data=filled, log=log)


def _groups(ctx: StepContext, column: str, index: pd.Index) -> pd.Series:
    if column not in ctx.units.groups.columns:
        raise DataError(f"impute: group column '{column}' is not in the data")
    return ctx.units.groups[column].reindex(index)


def _counts(per_column: pd.Series) -> dict[str, int]:
    return {str(k): int(v) for k, v in per_column.items() if v}
