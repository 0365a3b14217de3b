""" "What would move you up": the smallest change of ONE indicator that betters a rank.

Everything else is held fixed: the other units' data, the unit's other indicators, the
frozen run's tree and pipeline. For one unit and one indicator the engine is run on many
candidate values at once:

* every step before aggregation (denominate, impute, treat, normalise) works column by
  column, so changing one cell of indicator j changes only column j — but the whole column
  (a new maximum rescales everybody's min-max score, a new mean moves imputed cells). The
  column is therefore run through those steps once per candidate value, all values side
  by side as copies of j in one engine call;
* each candidate column is put back into the normalised table, and the scenarios are
  aggregated together (rows = scenarios x units) and ranked per scenario with the run's
  own rank rule (rounding, tie-breakers).

The search scans a grid from the current value to a bound, then narrows the first
improving step twice (a vectorised bisection: 33 values per pass), and the answer is
checked by one full pipeline run. Ranks need not be monotone in the value (outlier
treatment can make them jump), which is why a grid precedes the narrowing.

Bounds, in the indicator's own unit: rubric goalposts or levels when the leaf has them;
otherwise the observed range of the group extended by one range beyond the best value,
and never below zero for an indicator whose observed values are all non-negative.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from paritrana.scoring.aggregate import AggregateParams, aggregate
from paritrana.scoring.pipeline import ScoringResult, run_on_units, run_pipeline
from paritrana.scoring.ranking import rank_with_ties
from paritrana.scoring.spec import PipelineSpec, RankParams
from paritrana.scoring.tree import Node, build_tree
from paritrana.scoring.units import UnitTable

GRID = 33
PASSES = 3
_COLUMN_STEPS = ("denominate", "impute", "treat", "normalise")


@dataclass(frozen=True)
class Move:
    """One way up: set ``node`` from ``current`` to ``needed`` (raw unit) to reach ``new_rank``."""

    node: str
    name: str
    current: float
    needed: float
    change: float
    share_of_range: float  # |change| / observed range: comparable across indicators
    new_rank: int
    imputed: bool  # the current value was missing and imputed

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def unit_moves(result: ScoringResult, unit: str, frame: pd.DataFrame) -> dict[str, Any]:
    """Every single-indicator move that betters ``unit``'s rank, the smallest first.

    ``frame`` is the unit data the run scored (``code`` column). Returns ``{"rank": r,
    "moves": [...], "unreachable": [codes], "verified": bool}``; ``moves`` is empty for the
    first place or an unranked unit.
    """
    root = result.tree.root
    rank = result.ranks.at[unit, root] if unit in result.ranks.index else pd.NA
    out: dict[str, Any] = {"rank": None if pd.isna(rank) else int(rank), "moves": []}
    out["unreachable"] = []
    if pd.isna(rank) or int(rank) == 1:
        return out
    search = _Search(result, unit, int(rank))
    moves = []
    for code in result.tree.indicators:
        move = search.indicator(code)
        if move is None:
            out["unreachable"].append(code)
        else:
            moves.append(move)
    moves.sort(key=lambda m: (m.share_of_range, m.node))
    out["moves"] = [m.as_dict() for m in moves]
    if moves:
        out["verified"] = _verify(result, frame, unit, moves[0])
    return out


class _Search:
    def __init__(self, result: ScoringResult, unit: str, rank: int) -> None:
        self.result = result
        self.unit = unit
        self.rank = rank
        self.units = result.units  # survivors of screening, in scoring order
        self.row = int(np.flatnonzero(self.units.codes == unit)[0])
        self.raw = result.datasets["raw"].loc[self.units.codes]
        self.normalised = result.datasets["normalised"].loc[self.units.codes]
        imputed = result.datasets.get("imputed")
        self.imputed = imputed.loc[self.units.codes] if imputed is not None else self.raw

    def indicator(self, code: str) -> Move | None:
        node = self.result.tree.node(code)
        current, was_missing = self._current(code)
        lo, hi, span = self._bounds(node, code)
        end = hi if node.direction > 0 else lo
        if current is None or (end - current) * node.direction <= 0:
            return None
        a, b = current, end
        found: float | None = None
        for _ in range(PASSES):
            values = np.linspace(a, b, GRID)
            ranks = self._ranks(code, values)
            better = np.flatnonzero(ranks < self.rank)
            if better.size == 0:
                break
            first = int(better[0])
            found, new_rank = float(values[first]), int(ranks[first])
            if first == 0:
                break
            a, b = float(values[first - 1]), found
        if found is None:
            return None
        change = found - current
        return Move(
            node=code,
            name=node.label,
            current=current,
            needed=found,
            change=change,
            share_of_range=abs(change) / span if span else float("inf"),
            new_rank=new_rank,
            imputed=was_missing,
        )

    def _current(self, code: str) -> tuple[float | None, bool]:
        raw = self.raw.at[self.unit, code]
        if pd.notna(raw):
            return float(raw), False
        imputed = self.imputed.at[self.unit, code]
        return (float(imputed), True) if pd.notna(imputed) else (None, True)

    def _bounds(self, node: Node, code: str) -> tuple[float, float, float]:
        observed = self.raw[code].dropna().to_numpy(dtype=float)
        if node.goalposts is not None:
            lo, hi = node.goalposts
            return float(lo), float(hi), float(hi - lo)
        if node.levels:
            values = [lv.value for lv in node.levels]
            return float(min(values)), float(max(values)), float(max(values) - min(values))
        if observed.size == 0:
            return 0.0, 0.0, 0.0
        lo, hi = float(observed.min()), float(observed.max())
        span = hi - lo or abs(hi) or 1.0
        low = lo - span
        if lo >= 0:
            low = max(low, 0.0)  # counts and shares cannot go below zero
        return low, hi + span, span

    def _ranks(self, code: str, values: np.ndarray) -> np.ndarray:
        """The unit's rank with indicator ``code`` set to each of ``values``."""
        columns = self._normalised_columns(code, values)
        n, g = len(self.units.codes), len(values)
        base = self.normalised.to_numpy(dtype=float)
        position = list(self.normalised.columns).index(code)
        stacked = np.repeat(base[None, :, :], g, axis=0)
        stacked[:, :, position] = columns.T
        frame = pd.DataFrame(stacked.reshape(g * n, -1), columns=self.normalised.columns)
        params = self.result.spec.params("aggregate")
        scores, _log = aggregate(frame, self.result.tree, self.result.weights, params)
        return self._rank_rows(scores, g, n)[:, self.row]

    def _rank_rows(self, scores: pd.DataFrame, g: int, n: int) -> np.ndarray:
        rank_params: RankParams = self.result.spec.ranks
        root = self.result.tree.root
        keys = [root, *[b for b in rank_params.tie_breakers if b != root]]
        arrays = []
        for key in keys:
            values = scores[key].to_numpy(dtype=float).reshape(g, n)
            if rank_params.decimals is not None:
                values = np.round(values, rank_params.decimals)
            arrays.append(values)
        return rank_with_ties(arrays, decimals=rank_params.decimals)

    def _normalised_columns(self, code: str, values: np.ndarray) -> np.ndarray:
        """Indicator ``code`` after the column steps, one column per candidate value."""
        node = self.result.tree.node(code)
        names = [f"{code}__{i}" for i in range(len(values))]
        tree = build_tree(
            [
                Node(code="_ROOT", parent=None, is_indicator=False),
                *(replace(node, code=name, parent="_ROOT", weight=1.0) for name in names),
            ]
        )
        wide = np.repeat(self.raw[code].to_numpy(dtype=float)[:, None], len(values), axis=1)
        wide[self.row, :] = values
        units = UnitTable(
            names=self.units.names,
            groups=self.units.groups,
            denominators=self.units.denominators,
            indicators=pd.DataFrame(wide, index=self.units.codes, columns=names),
        )
        result = run_on_units(units, tree, _column_spec(self.result.spec, code, names))
        return result.datasets["normalised"].to_numpy(dtype=float)


def _column_spec(spec: PipelineSpec, code: str, names: list[str]) -> PipelineSpec:
    """The run's column steps with ``code``'s own parameters applied to every copy."""
    steps: dict[str, Any] = {}
    for step in _COLUMN_STEPS:
        params = spec.params(step)
        if params is None:
            continue
        if hasattr(params, "for_indicator"):
            params = params.for_indicator(code)
        if step == "denominate" and code in params.denominators:
            params = replace(params, denominators=dict.fromkeys(names, params.denominators[code]))
        elif step == "denominate":
            params = replace(params, denominators={})
        steps[step] = params
    steps["aggregate"] = AggregateParams()  # the copies only need normalising
    return replace(spec, steps=steps, ranks=RankParams(), sensitivity=None)


def _verify(result: ScoringResult, frame: pd.DataFrame, unit: str, move: Move) -> bool:
    """Re-run the whole pipeline with the move applied: does the rank really improve?"""
    changed = frame.copy()
    changed.loc[changed["code"].astype(str) == unit, move.node] = move.needed
    again = run_pipeline(changed, result.tree, result.spec)
    return bool(again.ranks.at[unit, again.tree.root] < result.ranks.at[unit, result.tree.root])
