"""Sobol' indices of the uncertain scoring choices on every unit's rank.

Factors: the weight of each aspect (each child of the index) as a multiplier uniform on
[1 - spread, 1 + spread], and — when the sensitivity parameters list more than one
alternative — the normalisation and the aggregation method, each a discrete factor with
equally likely choices. The model is the Monte Carlo evaluator of
:mod:`paritrana.scoring.sensitivity` (same rounding and tie-breakers), run on Saltelli's
sample; the estimators are those of :mod:`paritrana.scoring.sobol` (SALib's).

Per unit, S1 (first order: the share of the rank's variance a factor explains alone) and
ST (total: including its interactions); the summary averages them over units whose rank
varies at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from paritrana.scoring.errors import MethodError
from paritrana.scoring.pipeline import ScoringResult
from paritrana.scoring.sensitivity import Evaluator
from paritrana.scoring.sobol import SobolProblem, discrete_choice, sobol_indices_multi
from paritrana.scoring.spec import SensitivityParams
from paritrana.scoring.stats import FloatArray


@dataclass(frozen=True)
class SobolRanks:
    """``per_unit``: units x (statistic, factor); ``summary``: factor x (S1, ST) means."""

    per_unit: pd.DataFrame
    summary: pd.DataFrame
    evaluations: int


def sobol_of_ranks(
    result: ScoringResult, params: SensitivityParams, *, n: int = 256, seed: int | None = None
) -> SobolRanks:
    """Sobol' indices of each unit's rank; ``n`` base samples (a power of two)."""
    ev = Evaluator(result, params)
    aspects = list(result.tree.children(result.tree.root))
    names = [f"weight {a}" for a in aspects] if params.spread > 0 else []
    bounds = [(1 - params.spread, 1 + params.spread)] * len(names)
    choices = {"normalise": len(ev.norm_alts), "aggregate": len(ev.agg_alts)}
    for step, count in choices.items():
        if count > 1:
            names.append(step)
            bounds.append((0.0, 1.0))
    if not names:
        raise MethodError("sobol: nothing is uncertain (spread 0 and one method per step)")
    problem = SobolProblem(names=tuple(names), bounds=tuple(bounds))
    columns = [ev.nodes.index(a) for a in aspects] if params.spread > 0 else []
    ranked = ~np.isnan(ev.ranks(ev.nominal_weights[None, :], np.zeros(1, int), np.zeros(1, int))[0])

    def model(sample: FloatArray) -> FloatArray:
        weights = np.broadcast_to(ev.nominal_weights, (len(sample), len(ev.nodes))).copy()
        weights[:, columns] *= sample[:, : len(columns)]
        picks = iter(range(len(columns), len(names)))
        norm, agg = (
            discrete_choice(sample[:, next(picks)], count)
            if count > 1
            else np.zeros(len(sample), dtype=np.int64)
            for count in choices.values()
        )
        return ev.ranks(weights, norm, agg)[:, ranked]

    seed_ = params.seed if seed is None else seed
    units = [str(u) for u in ev.units[ranked]]
    table = sobol_indices_multi(problem, model, n=n, seed=seed_, output_names=units)
    total = pd.DataFrame(table["ST"])
    first = pd.DataFrame(table["S1"])
    varying = total.to_numpy().sum(axis=1) > 0  # units whose rank never moves say nothing
    summary = pd.DataFrame({"S1": first[varying].mean(), "ST": total[varying].mean()}).rename_axis(
        "factor"
    )
    return SobolRanks(per_unit=table, summary=summary, evaluations=n * (len(names) + 2))
