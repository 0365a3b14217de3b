"""Deliberation results of a round and category: ranks with robustness and explanations."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from paritrana.awards.domain.deliberation import deliberation_run, latest_run
from paritrana.awards.domain.locking import award_special_set
from paritrana.awards.models import Award, Candidate, CandidateStatus, SpecialAward
from paritrana.awards.views.base import RoundPermissionMixin, attempt


def juror_statistics_url(round_pk: int, code: str) -> str:
    """The judging app's juror statistics page, when it exists."""
    for args in ((round_pk, code), (round_pk,)):
        try:
            return reverse("judging:statistics", args=args)
        except NoReverseMatch:
            continue
    return ""


class ResultsView(RoundPermissionMixin, TemplateView):
    template_name = "awards/results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd, category = self.get_round(), self.get_category()
        final = rnd.runs.filter(category=category, is_final=True).first()
        run = final or latest_run(round=rnd, category=category)
        results = (
            run.results.select_related("candidate__entity").order_by(
                "group", "rank", "candidate__entity__name"
            )
            if run
            else []
        )
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "cycle": rnd.cycle,
            "category": category,
            "run": run,
            "results": results,
            "specials": Award.objects.filter(round=rnd, category=category)
            .exclude(special="")
            .select_related("candidate__entity"),
            "special_names": SpecialAward.choices,
            "confirmed": Candidate.objects.filter(
                round=rnd, category=category, status=CandidateStatus.CONFIRMED
            ).select_related("entity"),
            "juror_statistics": juror_statistics_url(rnd.pk, category.code),
        }

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> Any:
        rnd, category = self.get_round(), self.get_category()
        back = reverse("awards:results", args=[rnd.pk, category.code])
        if request.POST.get("action") == "special":
            name = request.POST.get("name", "")
            if name not in SpecialAward.values:
                name = SpecialAward.SPECIAL.value
            pk = request.POST.get("candidate")
            candidate = (
                get_object_or_404(Candidate, pk=pk, round=rnd, category=category) if pk else None
            )
            return attempt(
                request,
                lambda: award_special_set(
                    round=rnd, category=category, candidate=candidate, name=name, actor=request.user
                ),
                _("Special award saved."),
                back,
            )
        return attempt(
            request,
            lambda: deliberation_run(round=rnd, category=category, actor=request.user),
            _("Deliberation run finished: new scores, ranks and robustness below."),
            back,
        )
