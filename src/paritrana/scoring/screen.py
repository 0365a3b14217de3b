"""Step 2, screen: drop units with too little data, or named units.

A unit stays when the share of its indicators that are present is at least
``min_availability`` (COINr's ``dat_thresh``); ``exclude`` removes units by code (e.g. a
candidate disqualified by the committee). The log names every unit removed and why.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from paritrana.scoring.errors import SpecError
from paritrana.scoring.step import StepContext, StepResult


@dataclass(frozen=True)
class ScreenParams:
    min_availability: float = 0.0
    exclude: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= float(self.min_availability) <= 1.0:
            raise SpecError("screen: min_availability must be between 0 and 1")
        object.__setattr__(self, "exclude", tuple(str(c) for c in self.exclude))


def screen(data: pd.DataFrame, ctx: StepContext, params: ScreenParams) -> StepResult:
    del ctx  # screening looks only at the dataset itself
    unknown = [c for c in params.exclude if c not in data.index]
    if unknown:
        raise SpecError(f"screen: excluded unit(s) not in the data: {', '.join(unknown)}")
    availability = data.notna().mean(axis=1) if data.shape[1] else pd.Series(1.0, data.index)
    too_sparse = availability < params.min_availability
    excluded = data.index.isin(params.exclude)
    keep = ~(too_sparse.to_numpy() | excluded)
    removed = {
        str(code): ("excluded" if ex else f"availability {avail:.3f}")
        for code, avail, ex, kept in zip(data.index, availability, excluded, keep, strict=True)
        if not kept
    }
    log = {
        "min_availability": params.min_availability,
        "exclude": list(params.exclude),
        "removed": removed,
        "units_kept": int(keep.sum()),
    }
    return StepResult(data=data.loc[keep].copy(), log=log)
