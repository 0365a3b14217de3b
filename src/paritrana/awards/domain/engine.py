"""The awards' side of the scoring engine: spec for a (sub-)tree, explanations as JSON.

Every statistic comes from :mod:`paritrana.scoring`; this module only shapes its inputs and
turns its outputs into what the database and the pages keep.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import replace
from typing import Any

import pandas as pd

from paritrana.awards.domain.configuration import category_spec
from paritrana.awards.models import Category
from paritrana.scoring.explain import COLUMNS as EXPLAIN_COLUMNS
from paritrana.scoring.explain import explain
from paritrana.scoring.pipeline import ScoringResult
from paritrana.scoring.spec import PipelineSpec
from paritrana.scoring.tree import CriteriaTree

#: Explanation columns kept per node: all of scoring.explain's but the unit code.
EXPLAIN_KEEP = tuple(c for c in EXPLAIN_COLUMNS if c != "code")


def spec_for_tree(category: Category, tree: CriteriaTree) -> PipelineSpec:
    """The category's pipeline, with tie-breakers limited to nodes of ``tree``.

    Screening scores a sub-tree (computed leaves only): a tie-breaker on an aspect it does
    not have cannot apply there.
    """
    spec = category_spec(category)
    breakers = tuple(c for c in spec.ranks.tie_breakers if c in tree)
    return replace(spec, ranks=replace(spec.ranks, tie_breakers=breakers))


def json_safe(value: Any) -> Any:
    """NaN/inf to None, numpy scalars to Python, tuples to lists: strict JSON for the DB."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return json_safe(value.item())
    return value


def frame_digest(frame: pd.DataFrame) -> str:
    """SHA-256 of a frame's content (index, columns, values), stable across runs."""
    payload = json.dumps(
        json_safe(frame.to_dict(orient="split")), sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def explanations(
    result: ScoringResult, units: list[str], raw: pd.DataFrame, refs: dict[str, tuple[str, str]]
) -> dict[str, list[dict[str, Any]]]:
    """Per unit: one row per node (root first) with score, weight, contribution and, for a
    leaf, its raw value, source and reference."""
    if not units:
        return {}
    table = explain(result, units)
    out: dict[str, list[dict[str, Any]]] = {u: [] for u in units}
    for row in table.to_dict(orient="records"):
        item = {k: row[k] for k in EXPLAIN_KEEP}
        node = row["node"]
        if node in refs:
            item["source"], item["ref"] = refs[node]
            item["raw"] = raw.at[row["code"], node] if node in raw.columns else None
        out[str(row["code"])].append(json_safe(item))
    return out


def summary_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The top of an explanation: root score and its aspects' contributions."""
    root = next((r for r in rows if not r["parent"]), None)
    aspects = [r for r in rows if root is not None and r["parent"] == root["node"]]
    return {
        "score": root["score"] if root else None,
        "strongest": root["strongest"] if root else "",
        "weakest": root["weakest"] if root else "",
        "aspects": [
            {
                "node": r["node"],
                "name": r["name"],
                "score": r["score"],
                "contribution": r["contribution"],
            }
            for r in aspects
        ],
    }
