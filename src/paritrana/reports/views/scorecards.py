"""The scorecard of one result, as a page and as a PDF."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import TemplateView, View

from paritrana.awards.rules import runs_round
from paritrana.reports.domain.pdf import pdf_render
from paritrana.reports.domain.scorecard import scorecard_cache_key, scorecard_cached
from paritrana.reports.rules import is_published_result
from paritrana.reports.views.base import ResultMixin, file_response, slug_of


def _context(view: ResultMixin, request: HttpRequest) -> dict[str, Any]:
    result = view.get_permission_object()
    published = is_published_result.test(None, result)
    return {
        "result": result,
        # Lazy: while the page body is in the fragment cache the card is not even unpickled.
        "card": SimpleLazyObject(lambda: scorecard_cached(result=result, published=published)),
        # The body's fragment cache is for published cards only (empty key: not cached).
        "body_cache_key": scorecard_cache_key(result) if published else "",
        # before publication the winner's name is the committee's to see
        "show_winner_name": published or runs_round.test(request.user, result.run.round),
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
        # the page's address, printed in the PDF's header
        context["url"] = request.build_absolute_uri(
            reverse("reports:scorecard", args=[self.kwargs["pk"]])
        )
        pdf = pdf_render(template="reports/scorecard_pdf.html", context=context)
        entity = context["result"].candidate.entity
        return file_response(
            pdf, filename=f"scorecard-{slug_of(entity.name)}.pdf", content_type="application/pdf"
        )
