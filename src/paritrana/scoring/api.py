"""The scoring engine's Python API: what the web app (and a notebook) calls.

```python
from paritrana.scoring import api

tree = api.tree_from_dict({"name": "PEMDA", "index": {...}})      # or api.load_tree(path)
spec = api.spec_from_dict({"steps": {"normalise": {}, "aggregate": {}}})
result = api.score(frame, tree, spec)        # frame: one row per unit
result.datasets["normalised"]; result.scores; result.ranks
api.explain(result, ["32.04"])               # why 32.04 ranked where it did
api.monte_carlo(result, api.SensitivityParams(runs=1000)).table
api.compare_results(before, after)           # rank changes per unit
```
Everything here is pure (no Django, no files) except the ``load_*`` helpers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from paritrana.scoring.errors import DataError, MethodError, ScoringError, SpecError, TreeError
from paritrana.scoring.explain import explain
from paritrana.scoring.pipeline import ScoringResult, run_pipeline
from paritrana.scoring.record import compare_results, rank_changes
from paritrana.scoring.sensitivity import SensitivityResult, monte_carlo
from paritrana.scoring.sobol_ranks import SobolRanks, sobol_of_ranks
from paritrana.scoring.spec import (
    PipelineSpec,
    RankParams,
    SensitivityParams,
    load_spec,
    spec_from_dict,
)
from paritrana.scoring.tree import CriteriaTree, Node, RubricLevel, build_tree
from paritrana.scoring.tree_io import (
    load_tree_tables as load_tree,
)
from paritrana.scoring.tree_io import (
    tree_from_coinr0,
    tree_from_dict,
    tree_from_imeta,
    tree_to_dict,
)

__all__ = [
    "CriteriaTree",
    "DataError",
    "MethodError",
    "Node",
    "PipelineSpec",
    "RankParams",
    "RubricLevel",
    "ScoringError",
    "ScoringResult",
    "SensitivityParams",
    "SensitivityResult",
    "SobolRanks",
    "SpecError",
    "TreeError",
    "build_tree",
    "compare_results",
    "explain",
    "load_spec",
    "load_tree",
    "monte_carlo",
    "rank_changes",
    "score",
    "sobol_of_ranks",
    "spec_from_dict",
    "tree_from_coinr0",
    "tree_from_dict",
    "tree_from_imeta",
    "tree_to_dict",
]


def score(
    frame: pd.DataFrame,
    tree: CriteriaTree | Mapping[str, Any],
    spec: PipelineSpec | Mapping[str, Any],
) -> ScoringResult:
    """Run a pipeline on ``frame``; tree and spec may be given as their dict forms."""
    tree_ = tree if isinstance(tree, CriteriaTree) else tree_from_dict(tree)
    spec_ = spec if isinstance(spec, PipelineSpec) else spec_from_dict(spec)
    return run_pipeline(frame, tree_, spec_)
