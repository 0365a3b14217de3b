"""Running a pipeline: unit data + tree + spec -> every named dataset, ranks and a log.

Each step reads the dataset the previous step wrote (``raw`` first) and writes its own
(``denominated``, ``screened``, ``imputed``, ``treated``, ``normalised``, ``aggregated``).
The log holds, per step, its parameters and what it did: with the tree and the inputs'
digests it is the run record from which the same run can be reproduced.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from paritrana.scoring.aggregate import aggregate
from paritrana.scoring.denominate import denominate
from paritrana.scoring.impute import impute
from paritrana.scoring.normalise import normalise
from paritrana.scoring.ranking import rank_units
from paritrana.scoring.screen import screen
from paritrana.scoring.spec import STEPS, PipelineSpec
from paritrana.scoring.step import StepContext, StepResult, restrict
from paritrana.scoring.treat import treat
from paritrana.scoring.tree import CriteriaTree
from paritrana.scoring.units import UnitTable, prepare_units
from paritrana.scoring.weighting import WeightParams, weight

_UNIT_STEPS: dict[str, Any] = {
    "denominate": denominate,
    "screen": screen,
    "impute": impute,
    "treat": treat,
    "normalise": normalise,
}


@dataclass(frozen=True)
class ScoringResult:
    """Everything a run produced. ``tree`` carries the effective (post-weighting) weights."""

    tree: CriteriaTree
    spec: PipelineSpec
    units: UnitTable
    datasets: dict[str, pd.DataFrame]
    weights: dict[str, float]
    ranks: pd.DataFrame
    log: list[dict[str, Any]]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    @property
    def scores(self) -> pd.DataFrame:
        """Normalised indicators and every aggregate: the ``aggregated`` dataset."""
        return self.datasets["aggregated"]

    @property
    def normalise_input(self) -> pd.DataFrame:
        """The dataset the normalise step read (what the sensitivity analysis re-normalises)."""
        names = list(self.datasets)
        return self.datasets[names[names.index("normalised") - 1]]


def run_pipeline(frame: pd.DataFrame, tree: CriteriaTree, spec: PipelineSpec) -> ScoringResult:
    """Check ``frame`` (one row per unit) against ``tree`` and run ``spec`` on it."""
    return run_on_units(prepare_units(frame, tree, spec.units), tree, spec)


def run_on_units(units: UnitTable, tree: CriteriaTree, spec: PipelineSpec) -> ScoringResult:
    datasets: dict[str, pd.DataFrame] = {"raw": units.indicators}
    log: list[dict[str, Any]] = []
    tables: dict[str, pd.DataFrame] = {}
    current = "raw"
    for name, fn in _UNIT_STEPS.items():
        params = spec.params(name)
        if params is None:
            continue
        ctx = StepContext(tree=tree, units=restrict(datasets[current], units))
        result: StepResult = fn(datasets[current], ctx, params)
        output = STEPS[name][1] or name
        datasets[output] = result.data
        tables.update(result.tables)
        entry = {"step": name, "input": current, "output": output, "params": asdict(params)}
        log.append({**entry, **result.log})
        current = output
    weight_params = spec.params("weight") or WeightParams()
    weighted = weight(tree, weight_params)
    log.append({"step": "weight", "params": asdict(weight_params), **weighted.log})
    agg_params = spec.params("aggregate")
    scores, agg_log = aggregate(datasets["normalised"], tree, weighted.weights, agg_params)
    datasets["aggregated"] = scores
    entry = {"step": "aggregate", "input": "normalised", "output": "aggregated"}
    log.append({**entry, "params": asdict(agg_params), **agg_log})
    effective = tree.with_weights(weighted.weights)
    return ScoringResult(
        tree=effective,
        spec=spec,
        units=restrict(datasets[current], units),
        datasets=datasets,
        weights=weighted.weights,
        ranks=rank_units(scores, effective, spec.ranks),
        log=log,
        tables=tables,
    )
