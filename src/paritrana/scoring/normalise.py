"""Step 5, normalise: bring every indicator onto a common scale, higher = better.

As in COINr, an indicator with direction -1 is first multiplied by -1 (x~ = d x), so
every method below rewards higher x~. Methods (parameters in brackets):

* ``minmax``      l + (x~ - min)/(max - min) (u - l)                       [range = (l, u)]
* ``zscore``      m + s (x~ - mean)/sd, sd the sample standard deviation    [mean = m, sd = s]
* ``dist2target`` (x~ - min)/(t~ - min) * scale, t~ = d * target            [scale, cap]
* ``dist2max``    (x~ - min)/(max - min) * scale  (COINr's 1 - (max - x~)/(max - min))
* ``dist2ref``    (1 - (x~_r - x~)/(x~_r - min)) * scale, r a reference unit [reference, cap]
* ``fracmax``     x~ / max * scale  (needs x~ >= 0)
* ``goalposts``   clip((x~ - g_lo)/(g_hi - g_lo), 0, 1) * scale; for d = -1 this is
  (hi - x)/(hi - lo)                                                        [goalposts, scale]
* ``rank``        rank of x~, ties share the lowest rank (1 = worst)
* ``prank``       (average rank - 1)/(n - 1) * scale: ties share a middle percentile
* ``rubric``      the score of the highest rubric level whose value <= x (direction ignored)
* ``none``        x~ unchanged.

Defined edge cases (documented in docs/scoring.md): zero range gives every unit the middle
of the scale (minmax: (l + u)/2, dist2max and prank: scale/2, zscore: m), so a constant
indicator favours nobody; a target or reference at the minimum gives every unit the full
``scale``; a column with no data stays missing. ``cap`` truncates scores above ``scale``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from paritrana.scoring.errors import MethodError, SpecError
from paritrana.scoring.frames import frame_of
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.step import StepContext, StepResult, choice, parse_params
from paritrana.scoring.tree import Node

METHODS = (
    "minmax",
    "zscore",
    "dist2target",
    "dist2max",
    "dist2ref",
    "fracmax",
    "goalposts",
    "rank",
    "prank",
    "rubric",
    "none",
)


@dataclass(frozen=True)
class NormaliseParams:
    method: str = "minmax"
    range: tuple[float, float] = (0.0, 100.0)
    mean: float = 0.0
    sd: float = 1.0
    scale: float = 100.0
    cap: bool = False
    reference: str | None = None
    goalposts: tuple[float, float] | None = None
    per_indicator: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        choice(self.method, METHODS, "normalise: method")
        object.__setattr__(self, "range", _pair(self.range, "range"))
        if self.goalposts is not None:
            object.__setattr__(self, "goalposts", _pair(self.goalposts, "goalposts"))
        if self.range[0] >= self.range[1]:
            raise SpecError(f"normalise: range {self.range} needs lower < upper")
        if self.sd <= 0 or self.scale <= 0:
            raise SpecError("normalise: sd and scale must be > 0")
        if self.method == "dist2ref" and self.reference is None:
            raise SpecError("normalise: dist2ref needs a reference unit code")

    def for_indicator(self, code: str) -> NormaliseParams:
        override = self.per_indicator.get(code)
        if override is None:
            return self
        merged = {**asdict(self), **override, "per_indicator": {}}
        return parse_params(NormaliseParams, merged, f"normalise: per_indicator '{code}'")


def _pair(value: Any, what: str) -> tuple[float, float]:
    if not isinstance(value, list | tuple) or len(value) != 2:  # noqa: PLR2004 - a pair
        raise SpecError(f"normalise: {what} must be a pair [lower, upper]")
    return (float(value[0]), float(value[1]))


def normalise(data: pd.DataFrame, ctx: StepContext, params: NormaliseParams) -> StepResult:
    unknown = [c for c in params.per_indicator if c not in data.columns]
    if unknown:
        raise SpecError(
            f"normalise: per_indicator names unknown indicator(s): {', '.join(unknown)}"
        )
    out = normalise_frame(data, ctx.tree.node, params)
    methods = {str(c): params.for_indicator(str(c)).method for c in data.columns}
    log = {"methods": methods}
    return StepResult(data=out, log=log)


def normalise_frame(
    data: pd.DataFrame, node_of: Callable[[str], Node], params: NormaliseParams
) -> pd.DataFrame:
    """Normalise every column; ``node_of(code)`` gives the tree node (direction, target...)."""
    columns = {
        str(code): normalise_column(
            data[code].to_numpy(dtype=float),
            node_of(str(code)),
            params.for_indicator(str(code)),
            data.index,
        )
        for code in data.columns
    }
    return frame_of(columns, data.index)


@dataclass(frozen=True)
class _Col:
    """One indicator ready to normalise: x~ = d x, its range and what the methods need."""

    xt: FloatArray
    lo: float
    hi: float
    count: int
    node: Node
    p: NormaliseParams
    units: pd.Index

    def const(self, value: float) -> FloatArray:
        """``value`` for every unit with data (the defined result for degenerate columns)."""
        return np.where(np.isnan(self.xt), np.nan, value)


def normalise_column(x: FloatArray, node: Node, p: NormaliseParams, units: pd.Index) -> FloatArray:
    """One indicator, one method. ``units`` names rows in messages and finds the reference."""
    if p.method == "rubric":
        return _rubric(x, node, units)
    xt = node.direction * x
    present = xt[~np.isnan(xt)]
    if present.size == 0:
        return np.full_like(xt, np.nan)
    col = _Col(xt, float(present.min()), float(present.max()), int(present.size), node, p, units)
    return _HANDLERS[p.method](col)


def _minmax(c: _Col) -> FloatArray:
    low, up = c.p.range
    if c.hi == c.lo:
        return c.const((low + up) / 2)
    return (c.xt - c.lo) / (c.hi - c.lo) * (up - low) + low


def _zscore(c: _Col) -> FloatArray:
    if c.count < 2 or c.hi == c.lo:  # noqa: PLR2004 - a standard deviation needs two values
        return c.const(c.p.mean)
    mean, sd = float(np.nanmean(c.xt)), float(np.nanstd(c.xt, ddof=1))
    return (c.xt - mean) / sd * c.p.sd + c.p.mean


def _dist2target(c: _Col) -> FloatArray:
    if c.node.target is None:
        raise MethodError(f"normalise: indicator '{c.node.code}' has no target for dist2target")
    target = c.node.direction * c.node.target
    if target <= c.lo:
        return c.const(c.p.scale)
    return _capped((c.xt - c.lo) / (target - c.lo), c.p)


def _dist2max(c: _Col) -> FloatArray:
    if c.hi == c.lo:
        return c.const(c.p.scale / 2)
    return (1 - (c.hi - c.xt) / (c.hi - c.lo)) * c.p.scale


def _dist2ref(c: _Col) -> FloatArray:
    ref_code = c.p.reference
    if ref_code not in c.units:
        raise MethodError(f"normalise: reference unit '{ref_code}' is not in the data")
    ref = float(c.xt[c.units.get_loc(ref_code)])
    if np.isnan(ref):
        raise MethodError(
            f"normalise: reference unit '{ref_code}' has no value for '{c.node.code}'"
        )
    if ref == c.lo:
        return c.const(c.p.scale)
    return _capped(1 - (ref - c.xt) / (ref - c.lo), c.p)


def _fracmax(c: _Col) -> FloatArray:
    if c.lo < 0 or c.hi <= 0:
        raise MethodError(
            f"normalise: fracmax needs non-negative values with a positive maximum; "
            f"indicator '{c.node.code}' (direction {c.node.direction}) spans {c.lo}..{c.hi}"
        )
    return c.xt / c.hi * c.p.scale


def _goalposts(c: _Col) -> FloatArray:
    posts = c.p.goalposts or c.node.goalposts
    if posts is None:
        raise MethodError(f"normalise: indicator '{c.node.code}' has no goalposts")
    g_lo, g_hi = (posts[0], posts[1]) if c.node.direction == 1 else (-posts[1], -posts[0])
    return np.clip((c.xt - g_lo) / (g_hi - g_lo), 0.0, 1.0) * c.p.scale


def _rank(c: _Col) -> FloatArray:
    return np.asarray(rankdata(c.xt, method="min", nan_policy="omit"), dtype=float)


def _prank(c: _Col) -> FloatArray:
    if c.count == 1:
        return c.const(c.p.scale / 2)
    ranks = np.asarray(rankdata(c.xt, method="average", nan_policy="omit"), dtype=float)
    return (ranks - 1) / (c.count - 1) * c.p.scale


def _none(c: _Col) -> FloatArray:
    return c.xt.copy()


def _capped(ratio: FloatArray, p: NormaliseParams) -> FloatArray:
    return (np.minimum(ratio, 1.0) if p.cap else ratio) * p.scale


def _rubric(x: FloatArray, node: Node, units: pd.Index) -> FloatArray:
    if not node.levels:
        raise MethodError(f"normalise: indicator '{node.code}' has no rubric levels")
    values = np.array([lv.value for lv in node.levels])
    scores = np.array([lv.score for lv in node.levels])
    below = ~np.isnan(x) & (x < values[0])
    if below.any():
        unit = units[int(np.flatnonzero(below)[0])]
        raise MethodError(
            f"normalise: unit '{unit}' has {node.code} = {x[below][0]}, below the lowest "
            f"rubric level ({values[0]})"
        )
    pos = np.searchsorted(values, np.nan_to_num(x, nan=values[0]), side="right") - 1
    return np.where(np.isnan(x), np.nan, scores[pos])


_HANDLERS: dict[str, Callable[[_Col], FloatArray]] = {
    "minmax": _minmax,
    "zscore": _zscore,
    "dist2target": _dist2target,
    "dist2max": _dist2max,
    "dist2ref": _dist2ref,
    "fracmax": _fracmax,
    "goalposts": _goalposts,
    "rank": _rank,
    "prank": _prank,
    "none": _none,
}
