"""Small trees and unit tables for the scoring tests (plain functions, no fixtures)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from paritrana.scoring.spec import PipelineSpec, spec_from_dict
from paritrana.scoring.tree import CriteriaTree
from paritrana.scoring.tree_io import tree_from_dict

TREE: dict[str, Any] = {
    "name": "mini",
    "index": {
        "code": "Index",
        "children": [
            {
                "code": "A",
                "weight": 2,
                "children": [{"code": "a1"}, {"code": "a2", "direction": -1}],
            },
            {
                "code": "B",
                "weight": 1,
                "children": [{"code": "b1", "denominator": "Den_Pop"}, {"code": "b2"}],
            },
        ],
    },
}


def mini_tree() -> CriteriaTree:
    return tree_from_dict(TREE)


def mini_frame(units: int = 6, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "code": [f"U{i}" for i in range(units)],
            "name": [f"Unit {i}" for i in range(units)],
            "Group_Zone": ["west" if i % 2 else "east" for i in range(units)],
            "Den_Pop": rng.uniform(10, 100, units).round(2),
            "a1": rng.uniform(0, 10, units).round(3),
            "a2": rng.uniform(0, 10, units).round(3),
            "b1": rng.uniform(0, 1000, units).round(1),
            "b2": rng.uniform(0, 5, units).round(3),
        }
    )


def spec(**steps: Any) -> PipelineSpec:
    """A spec with the given steps (defaults: normalise min-max, arithmetic aggregate)."""
    base: dict[str, Any] = {"normalise": {}, "aggregate": {}}
    merged = {**base, **steps}
    order = ["denominate", "screen", "impute", "treat", "normalise", "weight", "aggregate"]
    ordered = {k: merged[k] for k in order if k in merged and merged[k] is not None}
    ranks = ordered.pop("ranks", None)
    raw: dict[str, Any] = {"name": "test", "steps": ordered}
    if ranks is not None:
        raw["ranks"] = ranks
    return spec_from_dict(raw)
