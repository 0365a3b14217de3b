"""Step 7, aggregate: weighted means up the tree, level by level.

For a parent with children i = 1..k, a unit's present children P (non-missing) and weights
w_i, with W = sum of w_i over P:

* ``arithmetic``  sum_P w_i x_i / W
* ``geometric``   exp(sum_P w_i ln x_i / W)         (needs every x_i > 0)
* ``harmonic``    W / sum_P (w_i / x_i)             (needs every x_i > 0)

The parent is missing when no child is present, when W = 0, or when the share of present
children |P|/k is below ``min_availability`` (per aggregate via ``per_node``). Geometric and
harmonic means of a value <= 0 are refused with the unit, node and child named: min-max to
[0, 100] produces zeros, so use a range like [1, 100] with those methods.

:func:`combine` is the one implementation of these formulas; the Monte Carlo analysis
calls it with a leading axis of runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from paritrana.scoring.errors import MethodError, SpecError
from paritrana.scoring.frames import frame_of
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.step import choice, parse_params
from paritrana.scoring.tree import CriteriaTree

METHODS = ("arithmetic", "geometric", "harmonic")


@dataclass(frozen=True)
class AggregateParams:
    method: str = "arithmetic"
    min_availability: float = 0.0
    per_node: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        choice(self.method, METHODS, "aggregate: method")
        if not 0.0 <= float(self.min_availability) <= 1.0:
            raise SpecError("aggregate: min_availability must be between 0 and 1")

    def for_node(self, code: str) -> AggregateParams:
        override = self.per_node.get(code)
        if override is None:
            return self
        merged = {**asdict(self), **override, "per_node": {}}
        return parse_params(AggregateParams, merged, f"aggregate: per_node '{code}'")


def combine(
    values: FloatArray, weights: FloatArray, method: str, min_availability: float
) -> FloatArray:
    """Weighted mean over the last axis. ``values`` (..., n, k); ``weights`` (..., 1, k)."""
    present = ~np.isnan(values)
    w = np.where(present, weights, 0.0)
    total = w.sum(axis=-1)
    enough = present.any(axis=-1) & (present.mean(axis=-1) >= min_availability) & (total > 0)
    if method != "arithmetic" and (values[present] <= 0).any():
        raise MethodError(f"aggregate: {method} mean of a value <= 0")
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "arithmetic":
            out = np.where(present, w * values, 0.0).sum(axis=-1) / total
        elif method == "geometric":
            out = np.exp(
                np.where(present, w * np.log(np.where(present, values, 1.0)), 0.0).sum(-1) / total
            )
        else:
            out = total / np.where(present, w / np.where(present, values, 1.0), 0.0).sum(axis=-1)
    return np.where(enough, out, np.nan)


def aggregate(
    data: pd.DataFrame, tree: CriteriaTree, weights: Mapping[str, float], params: AggregateParams
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Normalised indicators in, indicators plus every aggregate out (bottom-up order)."""
    unknown = [c for c in params.per_node if c not in tree.aggregates]
    if unknown:
        raise SpecError(f"aggregate: per_node names unknown aggregate(s): {', '.join(unknown)}")
    scores: dict[str, FloatArray] = {c: data[c].to_numpy(dtype=float) for c in tree.indicators}
    methods: dict[str, dict[str, Any]] = {}
    for code in tree.aggregates:
        p = params.for_node(code)
        kids = tree.children(code)
        values = np.column_stack([scores[k] for k in kids])
        if p.method != "arithmetic":
            _refuse_non_positive(values, code, kids, data.index, p.method)
        w = np.array([weights[k] for k in kids], dtype=float)[None, :]
        scores[code] = combine(values, w, p.method, p.min_availability)
        methods[code] = {"method": p.method, "min_availability": p.min_availability}
    out = frame_of({c: scores[c] for c in (*tree.indicators, *tree.aggregates)}, data.index)
    missing = {c: int(out[c].isna().sum()) for c in tree.aggregates if out[c].isna().any()}
    return out, {"nodes": methods, "missing": missing}


def _refuse_non_positive(
    values: FloatArray, node: str, kids: tuple[str, ...], units: pd.Index, method: str
) -> None:
    bad = ~np.isnan(values) & (values <= 0)
    if bad.any():
        row, col = (int(i[0]) for i in np.nonzero(bad))
        raise MethodError(
            f"aggregate: {method} mean of '{node}' needs values > 0, but unit '{units[row]}' "
            f"has {kids[col]} = {values[row, col]:g} (normalise to a positive range, "
            f"e.g. minmax [1, 100])"
        )
