"""A round's shortlist of one category: confirm, remove, add (with optimistic locking)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from paritrana.awards.domain.entities import entity_search
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.shortlist import candidate_add, candidate_confirm, candidate_remove
from paritrana.awards.models import Candidate
from paritrana.awards.views.base import RoundPermissionMixin, attempt


class ShortlistView(RoundPermissionMixin, TemplateView):
    template_name = "awards/shortlist.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd, category = self.get_round(), self.get_category()
        query = self.request.GET.get("q", "")
        found, search_error = [], ""
        if query:
            try:
                found = entity_search(
                    cycle=rnd.cycle, category=category, province_code=rnd.province_id, query=query
                )
            except RefusedError as exc:
                search_error = str(exc)
        candidates = (
            Candidate.objects.filter(round=rnd, category=category)
            .select_related("entity", "promoted_from__round__province")
            .order_by("status", "screening_rank", "entity__name")
        )
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "cycle": rnd.cycle,
            "category": category,
            "candidates": candidates,
            "query": query,
            "found": found,
            "search_error": search_error,
        }

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd, category = self.get_round(), self.get_category()
        back = reverse("awards:shortlist", args=[rnd.pk, category.code])
        action = request.POST.get("action")
        reason = request.POST.get("reason", "")
        if action == "add":
            code = request.POST.get("code", "")
            return attempt(
                request,
                lambda: candidate_add(
                    round=rnd, category=category, code=code, reason=reason, actor=request.user
                ),
                _("Candidate added."),
                back,
            )
        pk, version = request.POST.get("candidate", ""), request.POST.get("version", "")
        candidate = Candidate.objects.filter(
            round=rnd, category=category, pk=int(pk) if pk.isdigit() else None
        ).first()
        if candidate is None or not version.isdigit():
            messages.error(request, _("Choose a candidate of this shortlist."))
            return HttpResponseRedirect(back)
        if action == "confirm":
            return attempt(
                request,
                lambda: candidate_confirm(
                    candidate=candidate, version=int(version), actor=request.user, reason=reason
                ),
                _("Candidate confirmed."),
                back,
            )
        return attempt(
            request,
            lambda: candidate_remove(
                candidate=candidate, version=int(version), reason=reason, actor=request.user
            ),
            _("Candidate removed."),
            back,
        )
