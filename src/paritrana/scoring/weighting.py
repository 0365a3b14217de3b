"""Step 6, weight: decide each node's weight relative to its siblings.

* ``given``  the tree's weights, optionally overridden per node by ``weights``;
* ``equal``  every child of a parent weighs the same;
* ``ahp``    for each parent listed in ``ahp`` ({children: [...], matrix: [[...]]}), the
  principal-eigenvector weights of the pairwise matrix (:mod:`paritrana.scoring.ahp`),
  refused above ``max_cr``; parents not listed keep their given weights.

Weights are stored as given (not rescaled); aggregation divides by the sum of the weights
of the children that have data, so only ratios between siblings matter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from paritrana.scoring.ahp import ahp_weights
from paritrana.scoring.errors import MethodError, SpecError
from paritrana.scoring.step import choice
from paritrana.scoring.tree import CriteriaTree

METHODS = ("given", "equal", "ahp")


@dataclass(frozen=True)
class WeightParams:
    method: str = "given"
    weights: Mapping[str, float] = field(default_factory=dict)
    ahp: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    max_cr: float = 0.1

    def __post_init__(self) -> None:
        choice(self.method, METHODS, "weight: method")
        if self.method == "ahp" and not self.ahp:
            raise SpecError("weight: method ahp needs an 'ahp' mapping of parent -> matrix")


@dataclass(frozen=True)
class WeightResult:
    """Effective weight of every non-root node, and the log (AHP consistency per parent)."""

    weights: dict[str, float]
    log: dict[str, Any]


def weight(tree: CriteriaTree, params: WeightParams) -> WeightResult:
    weights = {n.code: n.weight for n in tree.nodes if n.parent is not None}
    for code, value in params.weights.items():
        if code not in weights:
            raise SpecError(f"weight: '{code}' is not a non-root node of the tree")
        weights[code] = float(value)
    log: dict[str, Any] = {"method": params.method}
    if params.method == "equal":
        weights = dict.fromkeys(weights, 1.0)
    elif params.method == "ahp":
        log["ahp"] = {
            parent: _apply_ahp(tree, parent, spec, params.max_cr, weights)
            for parent, spec in params.ahp.items()
        }
    tree.with_weights(weights)  # re-validates: no negative weights, no all-zero siblings
    log["weights"] = weights
    return WeightResult(weights=weights, log=log)


def _apply_ahp(
    tree: CriteriaTree,
    parent: str,
    spec: Mapping[str, Any],
    max_cr: float,
    weights: dict[str, float],
) -> dict[str, float]:
    if parent not in tree or tree.node(parent).is_indicator:
        raise SpecError(f"weight: AHP parent '{parent}' is not an aggregate of the tree")
    children = [str(c) for c in spec.get("children", tree.children(parent))]
    if sorted(children) != sorted(tree.children(parent)):
        raise SpecError(
            f"weight: AHP for '{parent}' must list exactly its children: "
            f"{', '.join(tree.children(parent))}"
        )
    try:
        result = ahp_weights(spec.get("matrix", []), max_cr=max_cr)
    except ValueError as exc:
        raise MethodError(f"weight: AHP for '{parent}': {exc}") from exc
    if result.n != len(children):
        raise SpecError(
            f"weight: AHP matrix for '{parent}' must be {len(children)}x{len(children)}"
        )
    for code, w in zip(children, result.weights, strict=True):
        weights[code] = float(w)
    return {"cr": result.cr, "ci": result.ci, "lambda_max": result.lambda_max}
