"""Cycle list, creation, the rounds overview and screening."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Count, QuerySet
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.domain.cycles import cycle_create
from paritrana.awards.domain.queries import visible_rounds
from paritrana.awards.domain.screening import screening_start
from paritrana.awards.forms import CycleForm
from paritrana.awards.models import AwardCycle
from paritrana.awards.views.base import CyclePermissionMixin, attempt


class CycleListView(PermissionRequiredMixin, ListView):
    permission_required = "awards.view_cycles"
    template_name = "awards/cycle_list.html"
    context_object_name = "cycles"

    def get_queryset(self) -> QuerySet[AwardCycle]:
        return AwardCycle.objects.annotate(n_categories=Count("categories", distinct=True))


class CycleCreateView(PermissionRequiredMixin, View):
    permission_required = "awards.manage_cycles"
    template = "awards/cycle_form.html"

    def get(self, request: Any) -> HttpResponse:
        return render(request, self.template, {"form": CycleForm()})

    def post(self, request: Any) -> HttpResponse:
        form = CycleForm(request.POST)
        if form.is_valid():
            try:
                cycle = cycle_create(**form.cleaned_data, actor=request.user)
            except (ValueError, IntegrityError) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, _("Cycle created with its categories, stages and 39 rounds.")
                )
                return HttpResponseRedirect(reverse("awards:cycle_detail", args=[cycle.slug]))
        return render(request, self.template, {"form": form})


class CycleDetailView(CyclePermissionMixin, TemplateView):
    """The rounds overview: every round the user runs, its stage and shortlist size."""

    permission_required = "awards.view_cycles"
    template_name = "awards/cycle_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        cycle = self.get_cycle()
        return {
            **super().get_context_data(**kwargs),
            "cycle": cycle,
            "rounds": visible_rounds(self.request.user, cycle),
            "categories": cycle.categories.all(),
            "stages": cycle.stages.all(),
            "screening": cycle.screenings.first(),
        }


class ScreeningView(CyclePermissionMixin, TemplateView):
    """Start screening in the background and show the latest outcome."""

    template_name = "awards/screening.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        cycle = self.get_cycle()
        return {
            **super().get_context_data(**kwargs),
            "cycle": cycle,
            "jobs": cycle.screenings.select_related("actor")[:10],
        }

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        slug = self.kwargs["slug"]
        cycle = self.get_cycle()
        return attempt(
            request,
            lambda: screening_start(cycle=cycle, actor=request.user),
            _("Screening started; this page shows its outcome when it is done."),
            reverse("awards:screening", args=[slug]),
        )
