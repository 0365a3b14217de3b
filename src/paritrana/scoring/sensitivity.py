"""Monte Carlo uncertainty analysis of the ranks: weights and method choices.

Each run draws a set of weights and one alternative per uncertain step, re-aggregates and
re-ranks. Draws (``SensitivityParams``):

* weights, every non-root node (or only ``aggregates`` / ``indicators``):
  ``uniform``: w_i * U(1 - spread, 1 + spread), independently;
  ``dirichlet``: per parent, the children's shares ~ Dirichlet(concentration * p), p the
  nominal shares (mean = nominal, larger concentration = tighter), rescaled to the
  nominal sum; zero weights stay zero; ``none``: nominal weights;
* normalisation and aggregation: one of the listed alternatives, uniformly. Each
  alternative is the nominal step's parameters with the listed changes; an empty list
  means the nominal method only.

Per unit: the nominal rank (as in ``ranks.csv``), the median rank, the 5% and 95%
quantiles of the rank (linear interpolation, R's type 7), the probability of keeping the
nominal rank and of ranking within the top ``top`` (3 by default). Ranks use the same
rounding and tie-breakers as the nominal ranks.

Vectorised: the normalised matrix of each alternative is computed once; every run's
aggregation is a batched weighted mean (runs x units x children) through the tree, and the
ranks of all runs are one sort along the unit axis. No Python loop per run.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from paritrana.scoring.aggregate import AggregateParams, combine
from paritrana.scoring.errors import MethodError
from paritrana.scoring.normalise import NormaliseParams, normalise_frame
from paritrana.scoring.pipeline import ScoringResult
from paritrana.scoring.ranking import rank_with_ties
from paritrana.scoring.spec import SensitivityParams
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.step import parse_params

_CHUNK_CELLS = 8_000_000  # runs x units x children per batch: bounds memory (~64 MB/array)


@dataclass(frozen=True)
class SensitivityResult:
    """``table``: one row per unit; ``ranks``: runs x units; ``draws``: what each run used."""

    table: pd.DataFrame
    ranks: FloatArray
    draws: pd.DataFrame
    params: SensitivityParams


class Evaluator:
    """Ranks of the root for many (weights, normalisation, aggregation) draws at once."""

    def __init__(self, result: ScoringResult, params: SensitivityParams) -> None:
        self.result = result
        self.tree = result.tree
        # depth-first order, not declaration order: it survives the run record's round trip,
        # so a re-run draws the same weight for the same node
        self.nodes = [c for c in self.tree.top_down if c != self.tree.root]
        self.nominal_weights = np.array([result.weights[c] for c in self.nodes])
        self.norm_alts = _alternatives(result, "normalise", params.normalise, NormaliseParams)
        self.agg_alts = _alternatives(result, "aggregate", params.aggregate, AggregateParams)
        data = result.normalise_input
        self.units = data.index
        self.normalised = [
            normalise_frame(data, self.tree.node, alt).to_numpy(dtype=float)
            for alt in self.norm_alts
        ]
        self._check_positive()

    def _check_positive(self) -> None:
        for b, agg in enumerate(self.agg_alts):
            methods = {agg.for_node(c).method for c in self.tree.aggregates}
            if methods == {"arithmetic"}:
                continue
            for a, matrix in enumerate(self.normalised):
                if (matrix[~np.isnan(matrix)] <= 0).any():
                    raise MethodError(
                        f"sensitivity: aggregate alternative {b + 1} ({agg.method}) needs "
                        f"normalised values > 0, but normalise alternative {a + 1} "
                        f"({self.norm_alts[a].method}) gives values <= 0; use e.g. minmax "
                        f"range [1, 100] or zscore with mean 10"
                    )

    def ranks(self, weights: FloatArray, norm: np.ndarray, agg: np.ndarray) -> FloatArray:
        """Root ranks (runs x units) for weights (runs x nodes) and alternative indices."""
        out = np.empty((weights.shape[0], self.units.size))
        for a in range(len(self.norm_alts)):
            for b in range(len(self.agg_alts)):
                runs = np.flatnonzero((norm == a) & (agg == b))
                for chunk in np.array_split(runs, max(1, -(-runs.size // self._chunk()))):
                    if chunk.size:
                        out[chunk] = self._rank_batch(weights[chunk], a, b)
        return out

    def _chunk(self) -> int:
        widest = max(len(self.tree.children(c)) for c in self.tree.aggregates)
        return max(1, _CHUNK_CELLS // max(1, self.units.size * widest))

    def _rank_batch(self, weights: FloatArray, a: int, b: int) -> FloatArray:
        matrix, agg = self.normalised[a], self.agg_alts[b]
        col = {code: i for i, code in enumerate(self.nodes)}
        runs = weights.shape[0]
        scores: dict[str, FloatArray] = {
            code: np.broadcast_to(matrix[:, j], (runs, self.units.size))
            for j, code in enumerate(self.tree.indicators)
        }
        for code in self.tree.aggregates:
            kids = self.tree.children(code)
            values = np.stack([scores[k] for k in kids], axis=-1)  # runs x units x children
            w = weights[:, [col[k] for k in kids]][:, None, :]
            p = agg.for_node(code)
            scores[code] = combine(values, w, p.method, p.min_availability)
        return self._rank(scores)

    def _rank(self, scores: dict[str, FloatArray]) -> FloatArray:
        rank_params = self.result.spec.ranks
        root = self.tree.root
        keys = [scores[root], *(scores[c] for c in rank_params.tie_breakers if c != root)]
        if rank_params.decimals is not None:
            keys = [np.round(k, rank_params.decimals) for k in keys]
        return rank_with_ties(keys)


def monte_carlo(result: ScoringResult, params: SensitivityParams) -> SensitivityResult:
    """Run ``params.runs`` draws and summarise each unit's rank distribution."""
    ev = Evaluator(result, params)
    rng = np.random.default_rng(params.seed)
    weights = draw_weights(ev, params, rng)
    norm = rng.integers(len(ev.norm_alts), size=params.runs)
    agg = rng.integers(len(ev.agg_alts), size=params.runs)
    ranks = ev.ranks(weights, norm, agg)
    nominal = result.ranks[result.tree.root].loc[ev.units].to_numpy(dtype=float, na_value=np.nan)
    draws = pd.DataFrame(weights, columns=ev.nodes)
    draws.insert(0, "aggregate", agg)
    draws.insert(0, "normalise", norm)
    return SensitivityResult(
        table=summarise(ev.units, nominal, ranks, params.top),
        ranks=ranks,
        draws=draws,
        params=params,
    )


def draw_weights(ev: Evaluator, params: SensitivityParams, rng: np.random.Generator) -> FloatArray:
    base = np.broadcast_to(ev.nominal_weights, (params.runs, len(ev.nodes))).copy()
    chosen = np.array([_perturbed(ev, code, params.perturb) for code in ev.nodes])
    if params.perturbation == "uniform":
        factors = rng.uniform(1 - params.spread, 1 + params.spread, size=base.shape)
        base = np.where(chosen, base * factors, base)
    elif params.perturbation == "dirichlet":
        for parent in ev.tree.aggregates:
            idx = [i for i, c in enumerate(ev.nodes) if ev.tree.node(c).parent == parent]
            idx = [i for i in idx if chosen[i] and ev.nominal_weights[i] > 0]
            if len(idx) < 2:  # noqa: PLR2004 - one weight alone has no share to vary
                continue
            nominal = ev.nominal_weights[idx]
            shares = rng.dirichlet(params.concentration * nominal / nominal.sum(), params.runs)
            base[:, idx] = shares * nominal.sum()
    return base


def _perturbed(ev: Evaluator, code: str, which: str) -> bool:
    is_indicator = ev.tree.node(code).is_indicator
    return which == "all" or (which == "indicators") == is_indicator


def summarise(units: pd.Index, nominal: FloatArray, ranks: FloatArray, top: int) -> pd.DataFrame:
    """Per unit: nominal, median, q05, q95 of the rank, P(keeps nominal rank), P(top N)."""
    has = ~np.isnan(ranks).all(axis=0)
    safe = np.where(has, ranks, 0.0)  # all-missing units are masked below, never summarised
    quantiles = np.quantile(safe, [0.05, 0.5, 0.95], axis=0)
    with np.errstate(invalid="ignore"):
        keeps = (ranks == nominal[None, :]).mean(axis=0)
        in_top = (ranks <= top).mean(axis=0)
    table = pd.DataFrame(
        {
            "nominal_rank": nominal,
            "median_rank": quantiles[1],
            "rank_q05": quantiles[0],
            "rank_q95": quantiles[2],
            "p_keep_rank": keeps,
            f"p_top{top}": in_top,
        },
        index=units,
    )
    table.loc[~has, table.columns[1:]] = np.nan
    return table


def _alternatives(
    result: ScoringResult, step: str, raw: tuple[Any, ...], cls: type[Any]
) -> list[Any]:
    nominal = result.spec.params(step)
    if not raw:
        return [nominal]
    base = asdict(nominal)
    return [
        parse_params(cls, {**base, **alt}, f"sensitivity: {step} alternative {i + 1}")
        for i, alt in enumerate(raw)
    ]
