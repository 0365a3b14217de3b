"""Writing a small scoring problem to disk, for the record and CLI tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.scoring.builders import TREE, mini_frame

PIPELINE = {
    "name": "mini",
    "units": {"code": "code", "name": "name"},
    "steps": {
        "denominate": {},
        "impute": {"by": "Group_Zone"},
        "normalise": {"range": [1, 100]},
        "aggregate": {},
    },
    "ranks": {"decimals": 2, "tie_breakers": ["A"]},
    "sensitivity": {"runs": 50, "seed": 3, "aggregate": [{}, {"method": "geometric"}]},
}


def write_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "data": folder / "data.csv",
        "meta": folder / "tree.yaml",
        "pipeline": folder / "pipeline.yaml",
    }
    mini_frame(10, seed=4).to_csv(paths["data"], index=False)
    paths["meta"].write_text(yaml.safe_dump(TREE), encoding="utf-8")
    paths["pipeline"].write_text(yaml.safe_dump(PIPELINE), encoding="utf-8")
    return paths
