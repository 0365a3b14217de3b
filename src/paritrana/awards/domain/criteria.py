"""Checking a category's criteria tree and handing it to the scoring engine."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import Category, CriteriaNode, CriterionSource
from paritrana.scoring.tree import CriteriaTree, Node, build_tree

ROOT = "INDEX"
TOTAL = Decimal(100)


def criteria_problems(nodes: list[CriteriaNode]) -> list[str]:
    """Why a tree cannot be used, in words a committee member understands; [] when fine."""
    problems: list[str] = []
    by_parent: dict[int | None, list[CriteriaNode]] = defaultdict(list)
    for node in nodes:
        by_parent[node.parent_id].append(node)
    for parent_id, siblings in by_parent.items():
        total = sum((n.weight for n in siblings), Decimal(0))
        if total != TOTAL:
            where = (
                "the top level"
                if parent_id is None
                else f"the children of {_code(nodes, parent_id)}"
            )
            problems.append(f"Weights of {where} add up to {total.normalize():f}%, not 100%.")
    for node in nodes:
        if node.source == CriterionSource.GROUP and not by_parent.get(node.pk):
            problems.append(f"Aspect {node.code} has no indicators.")
        if node.source != CriterionSource.GROUP and by_parent.get(node.pk):
            problems.append(
                f"{node.code} is a leaf ({node.get_source_display()}) but has children."
            )
        if node.source != CriterionSource.GROUP and not node.ref:
            problems.append(
                f"{node.code} does not say which indicator, question or rubric it reads."
            )
        if node.source == CriterionSource.JURY and not (
            node.rubric_min is not None
            and node.rubric_max is not None
            and node.rubric_min < node.rubric_max
        ):
            problems.append(f"{node.code}: the rubric needs a minimum below its maximum.")
    if not nodes:
        problems.append("The tree is empty.")
    return problems


def _code(nodes: list[CriteriaNode], pk: int) -> str:
    return next((n.code for n in nodes if n.pk == pk), str(pk))


def criteria_tree(category: Category, *, sources: set[str] | None = None) -> CriteriaTree:
    """The category's tree as the scoring engine's :class:`CriteriaTree` (root ``INDEX``).

    With ``sources`` (e.g. ``{COMPUTED}`` for screening) only the leaves of those sources are
    kept, with the aspects above them; sibling weights then no longer sum to 100, which the
    engine handles by dividing by the sum of the weights present.
    """
    nodes = list(category.criteria.select_related("parent").order_by("order", "code"))
    problems = criteria_problems(nodes)
    if problems:
        raise RefusedError(f"criteria of {category.code}: " + " ".join(problems))
    if sources is not None:
        nodes = _keep_sources(nodes, sources)
        if not nodes:
            raise RefusedError(
                f"criteria of {category.code}: no {'/'.join(sorted(sources))} leaves"
            )
    engine_nodes = [Node(code=ROOT, parent=None, is_indicator=False, name=category.name)]
    for n in nodes:
        goalposts = (
            (float(n.rubric_min), float(n.rubric_max))
            if n.source == CriterionSource.JURY
            and n.rubric_min is not None
            and n.rubric_max is not None
            else None
        )
        engine_nodes.append(
            Node(
                code=n.code,
                parent=n.parent.code if n.parent else ROOT,
                is_indicator=n.source != CriterionSource.GROUP,
                name=n.name,
                weight=float(n.weight),
                direction=n.direction,
                goalposts=goalposts,
            )
        )
    return build_tree(engine_nodes, name=category.code)


def _keep_sources(nodes: list[CriteriaNode], sources: set[str]) -> list[CriteriaNode]:
    """Leaves of ``sources`` and every aspect with such a leaf below it."""
    parent = {n.pk: n.parent_id for n in nodes}
    keep: set[int] = set()
    for n in nodes:
        if n.source in sources:
            at: int | None = n.pk
            while at is not None and at not in keep:
                keep.add(at)
                at = parent[at]
    return [n for n in nodes if n.pk in keep]


def criteria_leaves(category: Category) -> list[CriteriaNode]:
    """Leaves of the tree (where data come from), in tree order."""
    return list(
        category.criteria.exclude(source=CriterionSource.GROUP).order_by(
            "parent__order", "order", "code"
        )
    )
