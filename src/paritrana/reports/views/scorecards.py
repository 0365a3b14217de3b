"""The scorecard of one result, as a page and as a PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView, View

from paritrana.awards.rules import runs_round
from paritrana.reports.domain.pdf import pdf_render
from paritrana.reports.domain.scorecard import scorecard_build
from paritrana.reports.views.base import ResultMixin, file_response, slug_of


def _context(view: ResultMixin, request: HttpRequest) -> dict[str, Any]:
    result = view.get_permission_object()
    card = scorecard_build(result=result)
    return {
        "card": card,
        # before publication the winner's name is the committee's to see
        "show_winner_name": card.published or runs_round.test(request.user, result.run.round),
        "url": request.build_absolute_uri(reverse("reports:scorecard", args=[result.pk])),
    }


class ScorecardView(ResultMixin, TemplateView):
    permission_required = "reports.view_scorecard"
    template_name = "reports/scorecard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **_context(self, self.request)}


class ScorecardPdfView(ResultMixin, View):
    permission_required = "reports.view_scorecard"

    def get(self, request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        context = _context(self, request)
        pdf = pdf_render(template="reports/scorecard_pdf.html", context=context)
        entity = context["card"].result.candidate.entity
        return file_response(
            pdf, filename=f"scorecard-{slug_of(entity.name)}.pdf", content_type="application/pdf"
        )
