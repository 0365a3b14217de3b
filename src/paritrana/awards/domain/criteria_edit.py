"""Editing a category's criteria tree as one whole: checked before anything is saved.

A committee member edits many nodes at once (weights of siblings must move together), so
the edit is a list of rows: existing nodes by primary key, new nodes without, and removals.
The resulting tree is checked with :func:`criteria_problems` in memory; when it has
problems nothing is saved and the problems are raised for the form to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from paritrana.audit.domain import audit_log
from paritrana.awards.domain.criteria import criteria_problems
from paritrana.awards.domain.errors import CriteriaRefusedError, RefusedError
from paritrana.awards.models import Category, CriteriaNode, Round

EDITABLE = ("name", "source", "ref", "weight", "direction", "rubric_min", "rubric_max", "order")


@dataclass
class NodeEdit:
    """One row of the edit. ``pk`` None: a new node; ``parent``: the parent's code or ''."""

    code: str
    name: str
    parent: str
    source: str
    ref: str
    weight: Decimal
    direction: int = 1
    rubric_min: Decimal | None = None
    rubric_max: Decimal | None = None
    order: int = 0
    pk: int | None = None
    delete: bool = False


def criteria_snapshot(category: Category) -> list[dict[str, Any]]:
    """The tree as plain data, for the audit log's before/after."""
    return [
        {
            "code": n.code,
            "parent": n.parent.code if n.parent else "",
            **{f: getattr(n, f) for f in EDITABLE},
        }
        for n in category.criteria.select_related("parent").order_by("order", "code")
    ]


def require_criteria_editable(category: Category) -> None:
    if category.criteria_locked:
        raise RefusedError(
            f"The criteria of {category.code} are locked (a round is deliberating or has "
            "published). Unlock them explicitly, with a reason, to change them."
        )


def criteria_save(*, category: Category, rows: list[NodeEdit], actor: Any) -> list[CriteriaNode]:
    """Apply ``rows`` to the tree of ``category`` if the result is consistent; audited."""
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        require_criteria_editable(category)
        existing = {n.pk: n for n in category.criteria.all()}
        nodes, problems = _resulting_nodes(category, existing, rows)
        problems += criteria_problems(nodes)
        if problems:
            raise CriteriaRefusedError(problems)
        before = criteria_snapshot(category)
        _persist(category, existing, rows, nodes)
        after = criteria_snapshot(category)
        if before != after:
            audit_log(actor=actor, action="criteria.edit", obj=category, before=before, after=after)
    return list(category.criteria.all())


def _resulting_nodes(
    category: Category, existing: dict[int, CriteriaNode], rows: list[NodeEdit]
) -> tuple[list[CriteriaNode], list[str]]:
    """Unsaved copies of the edited tree (new nodes get negative ids) and shape problems."""
    kept = [r for r in rows if not r.delete]
    codes = [r.code for r in kept]
    problems = [
        f"The code {code} is used twice."
        for code in sorted({c for c in codes if codes.count(c) > 1})
    ]
    temp_ids = {r.code: (r.pk or -(i + 1)) for i, r in enumerate(kept)}
    problems += [
        f"{r.code} is not a criterion of {category.code} (reload the page)."
        for r in rows
        if r.pk is not None and r.pk not in existing
    ]
    untouched = set(existing) - {r.pk for r in rows if r.pk is not None}
    if untouched:
        problems.append("The page did not include every criterion; reload it and edit again.")
    nodes = []
    for r in kept:
        if r.parent and r.parent not in temp_ids:
            problems.append(f"{r.code}: its parent {r.parent} is not in the tree (removed?).")
        if r.parent == r.code:
            problems.append(f"{r.code} cannot be its own parent.")
        node = CriteriaNode(
            category=category,
            code=r.code,
            name=r.name,
            source=r.source,
            ref=r.ref,
            weight=r.weight,
            direction=r.direction,
            rubric_min=r.rubric_min,
            rubric_max=r.rubric_max,
            order=r.order,
        )
        node.pk = temp_ids[r.code]
        node.parent_id = temp_ids.get(r.parent) if r.parent else None
        nodes.append(node)
    problems += _cycles(nodes)
    return nodes, problems


def _cycles(nodes: list[CriteriaNode]) -> list[str]:
    parent = {n.pk: n.parent_id for n in nodes}
    code = {n.pk: n.code for n in nodes}
    for start, first in parent.items():
        seen, at = {start}, first
        while at is not None and at in parent:
            if at in seen:
                return [f"{code[start]} is (indirectly) its own parent."]
            seen.add(at)
            at = parent[at]
    return []


def _persist(
    category: Category,
    existing: dict[int, CriteriaNode],
    rows: list[NodeEdit],
    nodes: list[CriteriaNode],
) -> None:
    deleted = [r.pk for r in rows if r.delete and r.pk is not None]
    # children first: a removed aspect's indicators are removed with it (checked above)
    CriteriaNode.objects.filter(pk__in=deleted).delete()
    by_code: dict[str, CriteriaNode] = {}
    pending = list(nodes)
    parent_code = {r.code: r.parent for r in rows if not r.delete}
    while pending:  # parents before children: a new child needs its parent's real key
        progressed = False
        for node in list(pending):
            pcode = parent_code[node.code]
            if pcode and pcode not in by_code:
                continue
            saved = (
                existing[node.pk] if node.pk and node.pk > 0 else CriteriaNode(category=category)
            )
            saved.code = node.code
            for field in EDITABLE:
                setattr(saved, field, getattr(node, field))
            saved.parent = by_code[pcode] if pcode else None
            saved.save()
            by_code[node.code] = saved
            pending.remove(node)
            progressed = True
        if not progressed:  # pragma: no cover - cycles are refused before
            raise RefusedError("the tree has a cycle")


def criteria_unlock(*, category: Category, actor: Any, reason: str) -> Category:
    """Unlock the criteria for an explicit, audited change."""
    reason = (reason or "").strip()
    if not reason:
        raise RefusedError("Unlocking the criteria needs a reason.")
    locked_rounds = Round.objects.filter(cycle_id=category.cycle_id, locked_at__isnull=False)
    if locked_rounds.exists():
        names = ", ".join(str(r) for r in locked_rounds[:3])
        raise RefusedError(f"Results are locked in {names}: unlock those rounds first.")
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        if not category.criteria_locked:
            return category
        category.criteria_locked = False
        category.save(update_fields=["criteria_locked"])
        audit_log(
            actor=actor,
            action="criteria.unlock",
            obj=category,
            before={"criteria_locked": True},
            after={"criteria_locked": False, "reason": reason},
        )
    return category


def criteria_lock(*, category: Category, actor: Any, reason: str = "") -> Category:
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        if category.criteria_locked:
            return category
        category.criteria_locked = True
        category.save(update_fields=["criteria_locked"])
        audit_log(
            actor=actor,
            action="criteria.lock",
            obj=category,
            before={"criteria_locked": False},
            after={"criteria_locked": True, "reason": reason},
        )
    return category
