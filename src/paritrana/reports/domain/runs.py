"""A frozen run, scored again from its record alone: the unit table, tree and pipeline.

Deliberation records everything it scored (``ScoringRun.record``: ``tree``, ``pipeline``,
``data`` as a split table with the unit ``code`` first, ``groups``, ``sensitivity``), so
scorecards and packages never read today's database values: they re-score what was
frozen. Pure functions of the record (no Django), shared by the scorecard's "what would
move you up" and by ``paritrana results verify``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from paritrana.scoring.pipeline import ScoringResult, run_pipeline
from paritrana.scoring.spec import PipelineSpec, SensitivityParams, spec_from_dict
from paritrana.scoring.step import parse_params
from paritrana.scoring.tree import CriteriaTree
from paritrana.scoring.tree_io import tree_from_dict


@dataclass(frozen=True)
class FrozenRun:
    """The parts of a run record the engine needs, parsed."""

    tree: CriteriaTree
    spec: PipelineSpec
    data: pd.DataFrame  # one row per unit, ``code`` column first, one column per leaf
    groups: dict[str, str]
    sensitivity: SensitivityParams | None

    def group_frame(self, group: str) -> pd.DataFrame:
        """The units of one ranking group, in the order deliberation scored them."""
        codes = self.data["code"].astype(str)
        mask = codes.map(lambda c: self.groups.get(c, "") == group)
        return self.data.loc[mask.to_numpy()].reset_index(drop=True)

    @property
    def group_names(self) -> list[str]:
        return sorted(set(self.groups.values())) or [""]


def frozen_run(record: Mapping[str, Any]) -> FrozenRun:
    """Parse a run record (as stored, or as written into a result package)."""
    split = record["data"]
    data = pd.DataFrame(split["data"], columns=split["columns"])
    data["code"] = data["code"].astype(str)
    for column in data.columns[1:]:
        data[column] = pd.to_numeric(data[column], errors="coerce").astype(float)
    sens_raw = record.get("sensitivity")
    sensitivity = (
        parse_params(SensitivityParams, sens_raw, "sensitivity") if sens_raw is not None else None
    )
    groups = {str(k): str(v) for k, v in (record.get("groups") or {}).items()}
    return FrozenRun(
        tree=tree_from_dict(record["tree"]),
        spec=spec_from_dict(record["pipeline"]),
        data=data,
        groups=groups,
        sensitivity=sensitivity,
    )


def frozen_score(run: FrozenRun, group: str) -> ScoringResult:
    """The engine's result for one group, exactly as deliberation computed it."""
    return run_pipeline(run.group_frame(group), run.tree, run.spec)


def frozen_scores(run: FrozenRun) -> dict[str, ScoringResult]:
    return {group: frozen_score(run, group) for group in run.group_names}
