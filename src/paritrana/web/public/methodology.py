"""The methodology of a published ranking, read from its final run's record.

The live criteria and pipeline can be edited after a cycle (for the next one); what
decided a published ranking is what the run recorded: the tree with its weights, the
pipeline's parameters, the weights the weighting step actually used and the sensitivity
analysis. Leaf sources (indicator, questionnaire, jury) come from the same run's stored
explanations, never from the editable criteria rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from paritrana.awards.models import CriterionSource, Result, ScoringRun
from paritrana.scoring.spec import STEPS

STEP_TEXT: dict[str, Promise] = {
    "denominate": _("Indicators are divided by their denominators (e.g. per worker)."),
    "screen": _("Candidates with too little data are left out of the ranking."),
    "impute": _("Missing values are estimated as configured below."),
    "treat": _("Outliers are treated (winsorised, or log-transformed) as configured below."),
    "normalise": _("Every indicator is put on a common scale."),
    "weight": _("Weights of the criteria within their aspect and of the aspects in the index."),
    "aggregate": _("Normalised scores are combined up the tree into aspect and total scores."),
}


@dataclass(frozen=True)
class Node:
    code: str
    name: str
    depth: int
    weight: float
    share: float  # % of its parent
    effective: float  # % of the total score
    direction: int
    is_leaf: bool
    source: str
    ref: str
    indicator: str
    unit: str


@dataclass(frozen=True)
class Step:
    name: str
    text: Promise | str
    params: list[tuple[str, str]]


@dataclass(frozen=True)
class Methodology:
    run_id: int
    nodes: list[Node]
    steps: list[Step]
    decimals: int | None
    tie_breakers: list[str]
    sensitivity: list[tuple[str, str]]
    jury: list[tuple[str, str]]
    groups: list[tuple[str, int]]
    digest: str
    created: str
    version: str


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def params_list(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A step's parameters as (name, value), leaving out empty overrides."""
    return [(k, _text(v)) for k, v in params.items() if v not in ({}, [], None)]


def _used_weights(record: Mapping[str, Any]) -> dict[str, float]:
    """The weights the weighting step logged (equal/AHP weights differ from the tree's)."""
    for group in (record.get("runs") or {}).values():
        for step in group.get("steps", []):
            if step.get("step") == "weight" and step.get("weights"):
                return {str(k): float(v) for k, v in step["weights"].items()}
    return {}


def _leaf_sources(run: ScoringRun) -> dict[str, tuple[str, str]]:
    result = Result.objects.filter(run=run).only("explanation").first()
    rows = result.explanation if result else []
    return {r["node"]: (r.get("source", ""), r.get("ref", "")) for r in rows if "source" in r}


def _indicators() -> dict[str, Any]:
    from paritrana.analytics.indicators.catalog import INDICATORS  # noqa: PLC0415 - pulls in Ibis

    return {i.code: i for i in INDICATORS}


def tree_nodes(record: Mapping[str, Any], sources: dict[str, tuple[str, str]]) -> list[Node]:
    """The recorded tree, depth first, with shares within the parent and of the total."""
    used = _used_weights(record)
    catalog = _indicators()
    labels = dict(CriterionSource.choices)
    out: list[Node] = []

    def walk(node: Mapping[str, Any], depth: int, share: float, effective: float) -> None:
        children = node.get("children")
        source, ref = sources.get(str(node["code"]), ("", ""))
        info = catalog.get(ref) if source == CriterionSource.COMPUTED else None
        out.append(
            Node(
                code=str(node["code"]),
                name=str(node.get("name") or node["code"]),
                depth=depth,
                weight=used.get(str(node["code"]), float(node.get("weight", 1.0))),
                share=share * 100,
                effective=effective * 100,
                direction=int(node.get("direction", 1)),
                is_leaf=children is None,
                source=str(labels.get(source, source)),
                ref=ref,
                indicator=info.name if info else "",
                unit=info.unit if info else "",
            )
        )
        kids = children or []
        weights = [used.get(str(c["code"]), float(c.get("weight", 1.0))) for c in kids]
        total = sum(weights) or 1.0
        for child, weight in zip(kids, weights, strict=True):
            walk(child, depth + 1, weight / total, effective * weight / total)

    root = (record.get("tree") or {}).get("index")
    if root:
        walk(root, 0, 1.0, 1.0)
    return out


def methodology(run: ScoringRun) -> Methodology:
    """Everything the methodology page shows, from ``run.record`` (loaded with the run)."""
    record = run.record or {}
    pipeline = record.get("pipeline") or {}
    # PostgreSQL's jsonb does not keep key order: list the steps in the order they run.
    order = list(STEPS)
    recorded = pipeline.get("steps") or {}
    steps = [
        Step(name, STEP_TEXT.get(name, name), params_list(recorded[name] or {}))
        for name in sorted(recorded, key=lambda n: order.index(n) if n in order else len(order))
    ]
    ranks = pipeline.get("ranks") or {}
    groups = [
        (str(code), len(group.get("units", [])))
        for code, group in (record.get("runs") or {}).items()
    ]
    return Methodology(
        run_id=run.pk,
        nodes=tree_nodes(record, _leaf_sources(run)),
        steps=steps,
        decimals=ranks.get("decimals"),
        tie_breakers=[str(c) for c in ranks.get("tie_breakers") or []],
        sensitivity=params_list(record.get("sensitivity") or {}),
        jury=params_list(record.get("jury") or {}),
        groups=groups,
        digest=str(record.get("input_digest") or run.input_digest),
        created=str(record.get("created", "")),
        version=str(record.get("paritrana_version", "")),
    )
