"""The committee's jury pages: rounds, panels (members, assignments, conflicts), profiles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.accounts.models import User
from paritrana.accounts.roles import committee_provinces
from paritrana.accounts.rules import is_national_committee
from paritrana.awards.models import Category, Round
from paritrana.judging.domain.assignments import (
    assignment_add,
    assignment_remove,
    assignments_generate,
)
from paritrana.judging.domain.conflicts import conflict_clear, conflicts_table
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.domain.panels import (
    juror_profile_save,
    panel_create,
    panel_member_add,
    panel_member_remove,
    panel_update,
)
from paritrana.judging.domain.queries import jury_candidates
from paritrana.judging.forms import (
    ClearForm,
    GenerateForm,
    MemberAddForm,
    PairForm,
    PanelForm,
    ProfileForm,
)
from paritrana.judging.models import Assignment, JurorProfile, Panel, PanelMember
from paritrana.judging.views.common import round_or_404


class RoundListView(PermissionRequiredMixin, TemplateView):
    """The rounds whose jury this committee member runs."""

    permission_required = "judging.list_panels"
    template_name = "judging/rounds.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        rounds = Round.objects.select_related("cycle", "province", "stage").annotate(
            panel_count=Count("panels", distinct=True)
        )
        if not is_national_committee(user):
            rounds = rounds.filter(province_id__in=committee_provinces(user))
        rounds = rounds.order_by("-cycle__ceremony_year", "cycle_id", "level", "province_id")
        return {**super().get_context_data(**kwargs), "rounds": rounds}


class RoundPanelsView(PermissionRequiredMixin, TemplateView):
    """A round's panels, a form to add one, and the jury statistics per category."""

    permission_required = "judging.manage_panels"
    template_name = "judging/round.html"

    def get_permission_object(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = round_or_404(self.kwargs["pk"])
        return self._round

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_permission_object()
        panels = rnd.panels.annotate(
            member_count=Count("members", distinct=True),
            assignment_count=Count("assignments", distinct=True),
        )
        categories = Category.objects.filter(cycle_id=rnd.cycle_id, has_interview=True).annotate(
            candidate_count=Count(
                "candidates", filter=Q(candidates__round=rnd) & ~Q(candidates__status="REMOVED")
            )
        )
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "panels": panels,
            "categories": categories,
            "form": kwargs.get("form") or PanelForm(),
        }

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        form = PanelForm(request.POST)
        if form.is_valid():
            try:
                panel = panel_create(
                    round=rnd,
                    name=form.cleaned_data["name"],
                    blind=form.cleaned_data["blind"],
                    actor=request.user,
                )
            except JudgingError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Panel created."))
                return redirect("judging:panel", pk=panel.pk)
        return self.render_to_response(self.get_context_data(form=form))


class PanelMixin(PermissionRequiredMixin):
    permission_required = "judging.manage_panels"
    kwargs: dict[str, Any]

    def get_permission_object(self) -> Panel:
        if not hasattr(self, "_panel"):
            self._panel = get_object_or_404(
                Panel.objects.select_related("round__stage", "round__province", "round__cycle"),
                pk=self.kwargs["pk"],
            )
        return self._panel


def _members(panel: Panel) -> QuerySet[User]:
    return User.objects.filter(panel_memberships__panel=panel).order_by("full_name", "pk")


class PanelView(PanelMixin, TemplateView):
    """Members, the assignment of every candidate with its conflicts, and the actions on them."""

    template_name = "judging/panel.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        panel = self.get_permission_object()
        members = list(
            PanelMember.objects.filter(panel=panel)
            .select_related(
                "juror__juror_profile__home_province", "juror__juror_profile__home_regency"
            )
            .order_by("juror__full_name", "juror_id")
        )
        candidates = list(jury_candidates(round=panel.round))
        table = conflicts_table(juror_ids=[m.juror_id for m in members], candidates=candidates)
        assigned: dict[int, list[Assignment]] = {}
        for a in Assignment.objects.filter(candidate__in=candidates).select_related(
            "juror", "panel"
        ):
            assigned.setdefault(a.candidate_id, []).append(a)
        rows = [
            {
                "candidate": c,
                "assignments": [
                    {"a": a, "conflicted": table.is_conflicted(a.juror_id, c.pk)}
                    for a in assigned.get(c.pk, [])
                ],
                "conflicts": [
                    {
                        "juror": m.juror,
                        "reasons": table.reasons(m.juror_id, c.pk),
                        "active": table.is_conflicted(m.juror_id, c.pk),
                        "declared": (m.juror_id, c.pk) in table.declared,
                    }
                    for m in members
                    if table.reasons(m.juror_id, c.pk)
                ],
            }
            for c in candidates
        ]
        loads = {m.juror_id: 0 for m in members}
        for a in Assignment.objects.filter(panel=panel).values_list("juror_id", flat=True):
            loads[a] = loads.get(a, 0) + 1
        pair_args = {"jurors": _members(panel), "candidates": jury_candidates(round=panel.round)}
        return {
            **super().get_context_data(**kwargs),
            "panel": panel,
            "round": panel.round,
            "members": [{"m": m, "load": loads.get(m.juror_id, 0)} for m in members],
            "rows": rows,
            "panel_form": PanelForm(initial={"name": panel.name, "blind": panel.blind}),
            "member_form": MemberAddForm(panel=panel),
            "generate_form": GenerateForm(initial={"k": min(3, max(len(members), 1))}),
            "pair_form": PairForm(**pair_args),
            "clear_form": ClearForm(**pair_args),
        }

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        panel = self.get_permission_object()
        action = self._actions().get(request.POST.get("action", ""))
        if action is None:
            messages.error(request, _("Unknown action."))
            return redirect("judging:panel", pk=panel.pk)
        try:
            done = action(request, panel)
        except JudgingError as exc:
            messages.error(request, str(exc))
        else:
            if done:
                messages.success(request, done)
        return redirect("judging:panel", pk=panel.pk)

    def _actions(self) -> dict[str, Callable[[HttpRequest, Panel], str]]:
        return {
            "update": _update,
            "member_add": _member_add,
            "member_remove": _member_remove,
            "generate": _generate,
            "assign": _assign,
            "unassign": _unassign,
            "clear": _clear,
        }


def _invalid(form: Any) -> JudgingError:
    errors = [
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".lstrip(": ")
        for f, e in form.errors.items()
    ]
    return JudgingError(" ".join(errors))


def _update(request: HttpRequest, panel: Panel) -> str:
    form = PanelForm(request.POST)
    if not form.is_valid():
        raise _invalid(form)
    panel_update(panel=panel, actor=request.user, **form.cleaned_data)
    return _("Panel saved.")


def _member_add(request: HttpRequest, panel: Panel) -> str:
    form = MemberAddForm(request.POST, panel=panel)
    if not form.is_valid():
        raise _invalid(form)
    panel_member_add(panel=panel, juror=form.cleaned_data["juror"], actor=request.user)
    return _("Juror added to the panel.")


def _member_remove(request: HttpRequest, panel: Panel) -> str:
    member = get_object_or_404(PanelMember, panel=panel, pk=request.POST.get("member"))
    panel_member_remove(member=member, actor=request.user)
    return _("Juror removed from the panel.")


def _generate(request: HttpRequest, panel: Panel) -> str:
    form = GenerateForm(request.POST)
    if not form.is_valid():
        raise _invalid(form)
    created = assignments_generate(panel=panel, k=form.cleaned_data["k"], actor=request.user)
    return _("%(n)d assignments generated.") % {"n": len(created)}


def _pair(request: HttpRequest, panel: Panel, form_class: type[PairForm]) -> PairForm:
    form = form_class(
        request.POST, jurors=_members(panel), candidates=jury_candidates(round=panel.round)
    )
    if not form.is_valid():
        raise _invalid(form)
    return form


def _assign(request: HttpRequest, panel: Panel) -> str:
    data = _pair(request, panel, PairForm).cleaned_data
    assignment_add(panel=panel, actor=request.user, **data)
    return _("Juror assigned.")


def _unassign(request: HttpRequest, panel: Panel) -> str:
    assignment = get_object_or_404(Assignment, panel=panel, pk=request.POST.get("assignment"))
    assignment_remove(assignment=assignment, actor=request.user)
    return _("Assignment removed.")


def _clear(request: HttpRequest, panel: Panel) -> str:
    data = _pair(request, panel, ClearForm).cleaned_data
    conflict_clear(actor=request.user, **data)
    return _("Conflict flag cleared.")


class ProfileView(PanelMixin, TemplateView):
    """The committee records a juror's home region and employer (what flags come from)."""

    template_name = "judging/profile.html"

    def get_member(self) -> PanelMember:
        return get_object_or_404(
            PanelMember.objects.select_related("juror"),
            panel=self.get_permission_object(),
            pk=self.kwargs["member"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        member = self.get_member()
        profile = JurorProfile.objects.filter(user_id=member.juror_id).first()
        initial = {
            "home_province": profile.home_province_id if profile else None,
            "home_regency": profile.home_regency_id if profile else None,
            "employer_name": profile.employer_name if profile else member.juror.organisation,
            "employer_npp": profile.employer_npp if profile else "",
        }
        return {
            **super().get_context_data(**kwargs),
            "panel": self.get_permission_object(),
            "member": member,
            "form": kwargs.get("form") or ProfileForm(initial=initial),
        }

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        panel_member = self.get_member()
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                juror_profile_save(user=panel_member.juror, actor=request.user, **form.cleaned_data)
            except JudgingError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Juror profile saved."))
                return redirect("judging:panel", pk=self.kwargs["pk"])
        return self.render_to_response(self.get_context_data(form=form))
