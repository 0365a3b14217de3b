"""A round's page: its stage, categories, awards, and the lock."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.locking import round_lock, round_unlock
from paritrana.awards.domain.queries import round_categories
from paritrana.awards.domain.rounds import round_advance, round_stage_set
from paritrana.awards.forms import ReasonForm
from paritrana.awards.models import Award, Stage
from paritrana.awards.views.base import RoundPermissionMixin, attempt


class RoundDetailView(RoundPermissionMixin, TemplateView):
    template_name = "awards/round_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_round()
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "cycle": rnd.cycle,
            "stages": Stage.objects.filter(cycle_id=rnd.cycle_id),
            "categories": round_categories(rnd),
            "awards": Award.objects.filter(round=rnd).select_related(
                "candidate__entity", "category"
            ),
            "reason_form": ReasonForm(),
        }


class RoundStageView(RoundPermissionMixin, View):
    """Advance the round to the next stage, or set a given stage."""

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_round()
        code = request.POST.get("stage")
        back = reverse("awards:round_detail", args=[rnd.pk])
        if code:
            stage = get_object_or_404(Stage, cycle_id=rnd.cycle_id, code=code)
            return attempt(
                request,
                lambda: round_stage_set(round=rnd, stage=stage, actor=request.user),
                _("Stage changed."),
                back,
            )
        return attempt(
            request,
            lambda: round_advance(round=rnd, actor=request.user),
            _("Moved to the next stage."),
            back,
        )


class RoundLockView(RoundPermissionMixin, View):
    act_permission = "awards.act_on_round"

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_round()
        back = reverse("awards:round_detail", args=[rnd.pk])
        try:
            outcome = round_lock(round=rnd, actor=request.user)
        except RefusedError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("Round locked: %(n)s awards frozen.") % {"n": outcome["awards"]}
            )
            for line in outcome["promoted"]:
                messages.info(request, _("Promoted to the national round: %(who)s") % {"who": line})
        return HttpResponseRedirect(back)


class RoundUnlockView(RoundPermissionMixin, View):
    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_round()
        reason = request.POST.get("reason", "")
        return attempt(
            request,
            lambda: round_unlock(round=rnd, actor=request.user, reason=reason),
            _("Round unlocked; run the deliberation again before locking."),
            reverse("awards:round_detail", args=[rnd.pk]),
        )
