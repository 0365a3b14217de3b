"""A juror's pages: his interviews, the score sheet (with autosave) and conflict declarations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.models import Candidate
from paritrana.judging.domain.conflicts import conflict_declare, conflicts_table
from paritrana.judging.domain.errors import JudgingError, SheetRefusedError
from paritrana.judging.domain.queries import jury_candidates, jury_criteria
from paritrana.judging.domain.sheets import (
    ScoreInput,
    other_sheets_visible,
    scoring_refusal,
    sheet_save,
    sheet_submit,
)
from paritrana.judging.forms import DeclareForm
from paritrana.judging.models import Assignment, PanelMember, ScoreSheet
from paritrana.judging.rules import is_assigned_juror
from paritrana.judging.views.common import candidate_or_404, round_or_404, sheet_rows, show_score


class InterviewListView(PermissionRequiredMixin, TemplateView):
    """My interviews: every assignment, its sheet's state, and the rounds I sit on."""

    permission_required = "judging.view_interviews"
    template_name = "judging/interviews.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        assignments = list(
            Assignment.objects.filter(juror=user)
            .select_related(
                "panel",
                "candidate__entity",
                "candidate__category",
                "candidate__round__stage",
                "candidate__round__province",
                "candidate__round__cycle",
            )
            .order_by(
                "candidate__round_id", "candidate__category__order", "candidate__entity__name"
            )
        )
        candidates = [a.candidate for a in assignments]
        sheets = {
            s.candidate_id: s
            for s in ScoreSheet.objects.filter(juror=user, candidate__in=candidates)
        }
        table = conflicts_table(juror_ids=[user.pk], candidates=candidates)
        rows = [
            {
                "assignment": a,
                "sheet": sheets.get(a.candidate_id),
                "conflicted": table.is_conflicted(user.pk, a.candidate_id),
            }
            for a in assignments
        ]
        rounds = {
            m.panel.round
            for m in PanelMember.objects.filter(juror=user).select_related(
                "panel__round__cycle", "panel__round__province"
            )
        }
        return {
            **super().get_context_data(**kwargs),
            "rows": rows,
            "rounds": sorted(rounds, key=lambda r: r.pk),
        }


def _entries(data: Any, criteria: list[Any]) -> dict[int, ScoreInput]:
    return {
        c.pk: ScoreInput(
            value=data.get(f"score-{c.pk}", ""),
            abstained=bool(data.get(f"abstain-{c.pk}")),
            comment=data.get(f"comment-{c.pk}", ""),
        )
        for c in criteria
    }


class _CandidateObjectMixin(PermissionRequiredMixin):
    """The candidate of the URL is the permission object, looked up once per request."""

    def get_permission_object(self) -> Candidate:
        if not hasattr(self, "_candidate"):
            self._candidate = candidate_or_404(self.kwargs["pk"])
        return self._candidate


class SheetView(_CandidateObjectMixin, View):
    """The juror's score sheet; the committee sees every juror's submitted sheet instead."""

    permission_required = "judging.view_candidate"

    def get(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        candidate = self.get_permission_object()
        if is_assigned_juror(request.user, candidate):
            return self._juror_page(request, candidate)
        return self._committee_page(request, candidate)

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        candidate = self.get_permission_object()
        if not request.user.has_perm("judging.score_candidate", candidate):
            refusal = scoring_refusal(juror=request.user, candidate=candidate)
            return self._juror_page(request, candidate, error=refusal, status=403)
        criteria = list(jury_criteria(category=candidate.category_id))
        try:
            # Saved first and on its own: a refused submission keeps what was typed.
            sheet_save(
                juror=request.user,
                candidate=candidate,
                entries=_entries(request.POST, criteria),
                comment=request.POST.get("comment", ""),
                actor=request.user,
            )
            if "submit" in request.POST:
                sheet_submit(juror=request.user, candidate=candidate, actor=request.user)
        except SheetRefusedError as exc:
            return self._juror_page(request, candidate, error=str(exc), problems=exc.problems)
        except JudgingError as exc:
            return self._juror_page(request, candidate, error=str(exc), status=409)
        if "submit" in request.POST:
            messages.success(request, _("Score sheet submitted."))
        else:
            messages.success(request, _("Score sheet saved."))
        return redirect("judging:sheet", pk=candidate.pk)

    def _juror_page(
        self,
        request: HttpRequest,
        candidate: Candidate,
        *,
        error: str | None = None,
        problems: dict[str, str] | None = None,
        status: int = 200,
    ) -> HttpResponse:
        user = request.user
        criteria = list(jury_criteria(category=candidate.category_id))
        sheet = ScoreSheet.objects.filter(juror=user, candidate=candidate).first()
        scores = {s.criterion_id: s for s in sheet.scores.all()} if sheet else {}
        typed = request.POST if request.method == "POST" else None
        visible = other_sheets_visible(juror=user, candidate=candidate, own=sheet)
        others = _submitted_sheets(candidate, exclude_juror=user.pk) if visible else []
        context = {
            "candidate": candidate,
            "sheet": sheet,
            "rows": sheet_rows(criteria, scores, typed, problems),
            "comment": typed.get("comment", "") if typed else (sheet.comment if sheet else ""),
            "can_score": user.has_perm("judging.score_candidate", candidate)
            and not (sheet and sheet.is_submitted),
            "others_visible": visible,
            "others": _score_table(criteria, others),
            "error": error,
        }
        return render(request, "judging/sheet.html", context, status=status)

    def _committee_page(self, request: HttpRequest, candidate: Candidate) -> HttpResponse:
        criteria = list(jury_criteria(category=candidate.category_id))
        sheets = _submitted_sheets(candidate, exclude_juror=None, drafts=True)
        context = {
            "candidate": candidate,
            "criteria": criteria,
            "table": _score_table(criteria, sheets),
        }
        return render(request, "judging/sheet_committee.html", context)


def _submitted_sheets(
    candidate: Candidate, *, exclude_juror: int | None, drafts: bool = False
) -> list[ScoreSheet]:
    sheets = ScoreSheet.objects.filter(candidate=candidate).select_related("juror")
    if not drafts:
        sheets = sheets.filter(submitted_at__isnull=False)
    if exclude_juror is not None:
        sheets = sheets.exclude(juror_id=exclude_juror)
    return list(sheets.prefetch_related("scores").order_by("juror__full_name", "juror_id"))


def _score_table(criteria: list[Any], sheets: list[ScoreSheet]) -> list[dict[str, Any]]:
    table = []
    for sheet in sheets:
        scores = {s.criterion_id: s for s in sheet.scores.all()}
        cells = []
        for c in criteria:
            score = scores.get(c.pk)
            abstained = bool(score and score.abstained)
            cells.append(
                {
                    "criterion": c,
                    "value": show_score(score.value) if score else "",
                    "abstained": abstained,
                    "comment": score.comment if score else "",
                }
            )
        table.append({"sheet": sheet, "cells": cells})
    return table


class AutosaveView(_CandidateObjectMixin, View):
    """htmx posts the sheet on every change; answers with a status line (422 when refused)."""

    permission_required = "judging.view_candidate"

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        candidate = self.get_permission_object()
        template = "judging/_autosave_status.html"
        if not request.user.has_perm("judging.score_candidate", candidate):
            refusal = scoring_refusal(juror=request.user, candidate=candidate)
            return render(request, template, {"error": refusal}, status=403)
        criteria = list(jury_criteria(category=candidate.category_id))
        try:
            sheet_save(
                juror=request.user,
                candidate=candidate,
                entries=_entries(request.POST, criteria),
                comment=request.POST.get("comment", ""),
                actor=request.user,
            )
        except SheetRefusedError as exc:
            problems = list(exc.problems.values())
            return render(request, template, {"problems": problems}, status=422)
        except JudgingError as exc:
            return render(request, template, {"error": str(exc)}, status=409)
        return render(request, template, {"saved_at": timezone.localtime()})


class ConflictsView(PermissionRequiredMixin, TemplateView):
    """A juror declares conflicts with candidates of a round he sits on."""

    permission_required = "judging.declare_conflict"
    template_name = "judging/conflicts.html"

    def get_permission_object(self) -> Any:
        if not hasattr(self, "_round"):
            self._round = round_or_404(self.kwargs["pk"])
        return self._round

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_permission_object()
        candidates = list(jury_candidates(round=rnd))
        table = conflicts_table(juror_ids=[self.request.user.pk], candidates=candidates)
        rows = [
            {
                "candidate": c,
                "reasons": table.reasons(self.request.user.pk, c.pk),
                "conflicted": table.is_conflicted(self.request.user.pk, c.pk),
            }
            for c in candidates
        ]
        form = kwargs.pop("form", None) or DeclareForm(candidates=jury_candidates(round=rnd))
        return {**super().get_context_data(**kwargs), "round": rnd, "rows": rows, "form": form}

    def post(self, request: HttpRequest, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        form = DeclareForm(request.POST, candidates=jury_candidates(round=rnd))
        if form.is_valid():
            try:
                conflict_declare(
                    juror=request.user,
                    candidate=form.cleaned_data["candidate"],
                    reason=form.cleaned_data["reason"],
                )
            except JudgingError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Conflict of interest declared."))
                return redirect("judging:conflicts", pk=rnd.pk)
        return self.render_to_response(self.get_context_data(form=form))
