"""Explanations: why a unit scored and ranked where it did, node by node.

One row per unit and node (root first, depth first), with:

* ``score``   the node's value (normalised value for an indicator, aggregate otherwise);
* ``rank`` / ``ranked``  its rank among the units that have a score for that node;
* ``weight``  its effective share of the parent for this unit: w_i / W, W the sum of the
  weights of the siblings *this unit* has data for (missing children drop out);
* ``contribution``  its part of the parent's score, summing to the parent over siblings:
  arithmetic parent: weight * score = w_i x_i / W;
  geometric or harmonic parent: parent * w_i x_i / sum_j w_j x_j — the arithmetic shares
  rescaled to the parent, which keeps "more is better" and the sum, where a log or
  reciprocal decomposition would not (0 when every sibling is 0);
* ``strongest`` / ``weakest``  for an aggregate, the indicator below it where the unit
  ranks best / worst among units (ties: the first in tree order).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from paritrana.scoring.aggregate import AggregateParams
from paritrana.scoring.pipeline import ScoringResult
from paritrana.scoring.stats import FloatArray

COLUMNS = [
    "code",
    "node",
    "name",
    "level",
    "parent",
    "score",
    "rank",
    "ranked",
    "weight",
    "contribution",
    "strongest",
    "weakest",
]


def explain(result: ScoringResult, units: Sequence[str] | None = None) -> pd.DataFrame:
    """Explanation rows for ``units`` (all units when None), unit by unit in input order."""
    scores = result.scores if units is None else result.scores.loc[list(units)]
    ranks = result.ranks.loc[scores.index]
    tree = result.tree
    params: AggregateParams = result.spec.params("aggregate")
    shares = _shares(result, scores, params)
    frames = []
    for code in tree.top_down:
        node = tree.node(code)
        share, contribution = shares[code]
        strongest, weakest = _extremes(result, ranks, code)
        frames.append(
            pd.DataFrame(
                {
                    "code": scores.index,
                    "node": code,
                    "name": node.label,
                    "level": tree.levels[code],
                    "parent": node.parent or "",
                    "score": scores[code].to_numpy(),
                    "rank": ranks[code].to_numpy(),
                    "ranked": int(result.ranks[code].notna().sum()),
                    "weight": share,
                    "contribution": contribution,
                    "strongest": strongest,
                    "weakest": weakest,
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    position = {c: i for i, c in enumerate(scores.index)}
    order = np.argsort(out["code"].map(position).to_numpy(), kind="stable")
    return out.iloc[order].reset_index(drop=True)[COLUMNS]


def _shares(
    result: ScoringResult, scores: pd.DataFrame, params: AggregateParams
) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per node: (effective weight share, contribution to the parent), per unit."""
    tree = result.tree
    root = scores[tree.root].to_numpy(dtype=float)
    out: dict[str, tuple[FloatArray, FloatArray]] = {tree.root: (np.ones_like(root), root)}
    for parent in tree.aggregates:
        kids = tree.children(parent)
        x = scores[list(kids)].to_numpy(dtype=float)
        w = np.array([result.weights[k] for k in kids])[None, :]
        present = ~np.isnan(x)
        wp = np.where(present, w, 0.0)
        parent_score = scores[parent].to_numpy(dtype=float)
        usable = ~np.isnan(parent_score)[:, None] & present
        with np.errstate(divide="ignore", invalid="ignore"):
            share = wp / wp.sum(axis=1, keepdims=True)
            if params.for_node(parent).method == "arithmetic":
                contrib = share * x
            else:
                wx = np.where(present, wp * x, 0.0)
                total = wx.sum(axis=1, keepdims=True)
                contrib = np.where(total != 0, parent_score[:, None] * wx / total, 0.0)
        share = np.where(usable, share, np.nan)
        contrib = np.where(usable, contrib, np.nan)
        for i, kid in enumerate(kids):
            out[kid] = (share[:, i], contrib[:, i])
    return out


def _extremes(result: ScoringResult, ranks: pd.DataFrame, code: str) -> tuple[list[str], list[str]]:
    tree = result.tree
    if tree.node(code).is_indicator:
        blank = [""] * len(ranks)
        return blank, blank
    below = list(tree.descendant_indicators(code))
    r = ranks[below].to_numpy(dtype=float, na_value=np.nan)
    has = ~np.isnan(r).all(axis=1)
    best = np.argmin(np.where(np.isnan(r), np.inf, r), axis=1)
    worst = np.argmax(np.where(np.isnan(r), -np.inf, r), axis=1)
    strongest = [below[i] if ok else "" for i, ok in zip(best, has, strict=True)]
    weakest = [below[i] if ok else "" for i, ok in zip(worst, has, strict=True)]
    return strongest, weakest
