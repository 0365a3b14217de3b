"""The criteria tree: indicators -> aspects -> ... -> index, of any depth.

A tree is a flat tuple of nodes, each naming its parent; ``build_tree`` checks it once
(unknown parent, cycle, duplicate code, bad weight or direction) so every later step can
trust it. Levels follow COINr: indicators are level 1 and an aggregate sits one level
above its highest child.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from math import isfinite

from paritrana.scoring.errors import TreeError


@dataclass(frozen=True)
class RubricLevel:
    """One level of a rubric indicator: raw ``value`` at or above which ``score`` applies."""

    value: float
    score: float
    label: str | None = None


@dataclass(frozen=True)
class Node:
    """One node of the tree. ``direction``, ``denominator``... only matter for indicators."""

    code: str
    parent: str | None
    is_indicator: bool
    name: str = ""
    weight: float = 1.0
    direction: int = 1
    denominator: str | None = None
    target: float | None = None
    goalposts: tuple[float, float] | None = None
    levels: tuple[RubricLevel, ...] = ()

    @property
    def label(self) -> str:
        return self.name or self.code


@dataclass(frozen=True)
class CriteriaTree:
    """A validated tree; build it with :func:`build_tree`, never directly."""

    nodes: tuple[Node, ...]
    name: str = ""
    _by_code: Mapping[str, Node] = field(default_factory=dict, repr=False, compare=False)

    def node(self, code: str) -> Node:
        try:
            return self._by_code[code]
        except KeyError:
            raise TreeError(f"'{code}' is not a node of the criteria tree") from None

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @cached_property
    def root(self) -> str:
        return next(n.code for n in self.nodes if n.parent is None)

    @cached_property
    def _children(self) -> Mapping[str, tuple[str, ...]]:
        kids: dict[str, list[str]] = {n.code: [] for n in self.nodes}
        for n in self.nodes:
            if n.parent is not None:
                kids[n.parent].append(n.code)
        return {code: tuple(c) for code, c in kids.items()}

    def children(self, code: str) -> tuple[str, ...]:
        return self._children[code]

    @cached_property
    def indicators(self) -> tuple[str, ...]:
        """Indicator codes in tree order (depth first), the column order of every dataset."""
        return tuple(c for c in self.top_down if self.node(c).is_indicator)

    @cached_property
    def top_down(self) -> tuple[str, ...]:
        """Every code, depth first from the root, children in their declared order."""
        order: list[str] = []
        stack = [self.root]
        while stack:
            code = stack.pop()
            order.append(code)
            stack.extend(reversed(self.children(code)))
        return tuple(order)

    @cached_property
    def levels(self) -> Mapping[str, int]:
        level: dict[str, int] = {}
        for code in reversed(self.top_down):  # children before parents
            kids = self.children(code)
            level[code] = 1 + max((level[k] for k in kids), default=0)
        return level

    @cached_property
    def aggregates(self) -> tuple[str, ...]:
        """Aggregate codes bottom-up: every aggregate after all of its children."""
        aggs = [c for c in self.top_down if not self.node(c).is_indicator]
        return tuple(sorted(aggs, key=lambda c: self.levels[c]))  # stable: ties keep tree order

    @cached_property
    def by_level(self) -> tuple[str, ...]:
        """Aggregates from the root down by level, then indicators: the order of result tables."""
        aggs = sorted(self.aggregates, key=lambda c: -self.levels[c])
        return (*aggs, *self.indicators)

    def descendant_indicators(self, code: str) -> tuple[str, ...]:
        if self.node(code).is_indicator:
            return (code,)
        return tuple(i for k in self.children(code) for i in self.descendant_indicators(k))

    def with_weights(self, weights: Mapping[str, float]) -> CriteriaTree:
        """A copy with some node weights replaced (used by the weighting step)."""
        nodes = tuple(
            replace(n, weight=float(weights[n.code])) if n.code in weights else n
            for n in self.nodes
        )
        return build_tree(nodes, name=self.name)


def build_tree(nodes: Iterable[Node], *, name: str = "") -> CriteriaTree:
    """Validate ``nodes`` and return the tree; every refusal names the node at fault."""
    node_list = tuple(nodes)
    by_code: dict[str, Node] = {}
    for n in node_list:
        if not n.code or not n.code.strip():
            raise TreeError("a node of the criteria tree has an empty code")
        if n.code in by_code:
            raise TreeError(f"node code '{n.code}' appears twice in the criteria tree")
        by_code[n.code] = n
    _check_parents(by_code)
    _check_cycles(by_code)
    _check_shape(node_list, by_code)
    for n in node_list:
        _check_node_values(n)
    _check_sibling_weights(node_list)
    return CriteriaTree(nodes=node_list, name=name, _by_code=by_code)


def _check_parents(by_code: Mapping[str, Node]) -> None:
    for n in by_code.values():
        if n.parent is not None and n.parent not in by_code:
            kind = "indicator" if n.is_indicator else "aggregate"
            raise TreeError(
                f"{kind} '{n.code}' names parent '{n.parent}', which is not in the criteria tree"
            )
        if n.parent is not None and by_code[n.parent].is_indicator:
            raise TreeError(
                f"node '{n.code}' names parent '{n.parent}', but '{n.parent}' is an indicator"
            )


def _check_cycles(by_code: Mapping[str, Node]) -> None:
    for start in by_code:
        path = [start]
        code = by_code[start].parent
        while code is not None:
            if code in path:
                cycle = " -> ".join([*path[path.index(code) :], code])
                raise TreeError(f"the criteria tree has a cycle: {cycle}")
            path.append(code)
            code = by_code[code].parent


def _check_shape(nodes: tuple[Node, ...], by_code: Mapping[str, Node]) -> None:
    roots = [n.code for n in nodes if n.parent is None]
    if len(roots) != 1:
        found = ", ".join(roots) or "none"
        raise TreeError(f"the criteria tree needs exactly one root (index); found: {found}")
    if by_code[roots[0]].is_indicator:
        raise TreeError(f"the root '{roots[0]}' is an indicator; it must aggregate something")
    with_children = {n.parent for n in nodes if n.parent is not None}
    for n in nodes:
        if not n.is_indicator and n.code not in with_children:
            raise TreeError(f"aggregate '{n.code}' has no children")


def _check_node_values(n: Node) -> None:
    if not isfinite(n.weight) or n.weight < 0:
        raise TreeError(f"node '{n.code}' has weight {n.weight}; weights must be finite and >= 0")
    if n.direction not in (1, -1):
        raise TreeError(f"indicator '{n.code}' has direction {n.direction}; use 1 or -1")
    if n.goalposts is not None and not n.goalposts[0] < n.goalposts[1]:
        raise TreeError(f"indicator '{n.code}' has goalposts {n.goalposts}; need lower < upper")
    values = [lv.value for lv in n.levels]
    if values != sorted(set(values)):
        raise TreeError(f"indicator '{n.code}' has rubric levels not strictly increasing by value")


def _check_sibling_weights(nodes: tuple[Node, ...]) -> None:
    totals: dict[str, float] = {}
    for n in nodes:
        if n.parent is not None:
            totals[n.parent] = totals.get(n.parent, 0.0) + n.weight
    for parent, total in totals.items():
        if total <= 0:
            raise TreeError(
                f"the weights of the children of '{parent}' sum to zero; at least one must be > 0"
            )
