"""The criteria tree of a category: the tree with weight sums per level, and its editor."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from paritrana.awards.domain.criteria_edit import NodeEdit, criteria_save, criteria_unlock
from paritrana.awards.domain.errors import CriteriaRefusedError, RefusedError
from paritrana.awards.forms import NodeFormSet, ReasonForm
from paritrana.awards.models import Category, CriterionSource
from paritrana.awards.views.base import CyclePermissionMixin, attempt

HUNDRED = Decimal(100)


def tree_rows(rows: list[NodeEdit]) -> list[dict[str, Any]]:
    """Depth-first display rows; each aspect (and the top) carries its children's weight sum."""
    kids: dict[str, list[NodeEdit]] = defaultdict(list)
    for r in rows:
        if not r.delete:
            kids[r.parent or ""].append(r)
    out: list[dict[str, Any]] = []

    def walk(parent: str, depth: int) -> None:
        for r in sorted(kids.get(parent, []), key=lambda n: (n.order, n.code)):
            total = sum((k.weight or 0 for k in kids.get(r.code, [])), Decimal(0))
            is_group = r.source == CriterionSource.GROUP
            out.append(
                {
                    "node": r,
                    "depth": depth,
                    "indent": depth * 1.5,
                    "sum": total if is_group else None,
                    "ok": total == HUNDRED,
                }
            )
            walk(r.code, depth + 1)

    walk("", 0)
    return out


def top_sum(rows: list[NodeEdit]) -> Decimal:
    return sum((r.weight or 0 for r in rows if not r.delete and not r.parent), Decimal(0))


def rows_from_category(category: Category) -> list[NodeEdit]:
    return [
        NodeEdit(
            pk=n.pk,
            code=n.code,
            name=n.name,
            parent=n.parent.code if n.parent else "",
            source=n.source,
            ref=n.ref,
            weight=n.weight,
            direction=n.direction,
            rubric_min=n.rubric_min,
            rubric_max=n.rubric_max,
            order=n.order,
        )
        for n in category.criteria.select_related("parent").order_by("order", "code")
    ]


def rows_from_formset(formset: Any, category: Category) -> list[NodeEdit]:
    known = {n.pk: n.code for n in category.criteria.all()}
    rows = []
    for form in formset.forms:
        d = form.cleaned_data
        if not d or (d.get("pk") is None and not form.has_changed()):
            continue
        pk = d.get("pk")
        rows.append(
            NodeEdit(
                pk=pk,
                code=known.get(pk, d.get("code") or ""),
                name=d.get("name") or "",
                parent=(d.get("parent") or "").strip(),
                source=d.get("source") or "",
                ref=(d.get("ref") or "").strip(),
                weight=d.get("weight") or Decimal(0),
                direction=d.get("direction") or 1,
                rubric_min=d.get("rubric_min"),
                rubric_max=d.get("rubric_max"),
                order=d.get("order") or 0,
                delete=bool(d.get("delete")),
            )
        )
    return rows


class CriteriaView(CyclePermissionMixin, View):
    template = "awards/criteria.html"

    def _render(
        self, category: Category, formset: Any, rows: list[NodeEdit], problems: list[str]
    ) -> HttpResponse:
        return render(
            self.request,
            self.template,
            {
                "cycle": self.get_cycle(),
                "category": category,
                "formset": formset,
                "tree": tree_rows(rows),
                "top_sum": top_sum(rows),
                "problems": problems,
                "unlock_form": ReasonForm(),
            },
        )

    def get(self, *_args: Any, **_kwargs: Any) -> HttpResponse:
        category = self.get_category()
        rows = rows_from_category(category)
        initial = [{**vars(r), "delete": False} for r in rows]
        return self._render(category, NodeFormSet(initial=initial), rows, [])

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        slug, code = self.kwargs["slug"], self.kwargs["code"]
        category = self.get_category()
        formset = NodeFormSet(request.POST)
        if not formset.is_valid():
            return self._render(
                category,
                formset,
                rows_from_category(category),
                [_("Some rows have errors; see below.")],
            )
        rows = rows_from_formset(formset, category)
        try:
            criteria_save(category=category, rows=rows, actor=request.user)
        except CriteriaRefusedError as exc:
            return self._render(category, formset, rows, exc.problems)
        except RefusedError as exc:
            return self._render(category, formset, rows, [str(exc)])
        messages.success(request, _("Criteria saved."))
        return HttpResponseRedirect(reverse("awards:criteria", args=[slug, code]))


class CriteriaUnlockView(CyclePermissionMixin, View):
    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        slug, code = self.kwargs["slug"], self.kwargs["code"]
        category = self.get_category()
        reason = request.POST.get("reason", "")
        return attempt(
            request,
            lambda: criteria_unlock(category=category, actor=request.user, reason=reason),
            _("Criteria unlocked; the unlock and its reason are in the audit log."),
            reverse("awards:criteria", args=[slug, code]),
        )
