"""Public coverage dashboards: the nation's provinces, one province's regencies, CSVs."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView, View

from paritrana.regions.models import Province
from paritrana.web.public import coverage, dashboards
from paritrana.web.public.charts import Chart, percent
from paritrana.web.public.csvutil import csv_response


def _latest() -> str:
    cycle = coverage.latest()
    if cycle is None:
        raise Http404("No coverage indicators have been computed yet.")
    return cycle


class NationalCoverageView(TemplateView):
    template_name = "public/coverage.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        cycle = coverage.latest()
        nation, charts = dashboards.national_charts(cycle) if cycle else (None, [])
        return {
            **super().get_context_data(**kwargs),
            "cycle": cycle,
            "coverage_text": percent(nation.coverage) if nation else "",
            "charts": charts,
        }


class ProvinceCoverageView(TemplateView):
    template_name = "public/coverage_province.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        province = get_object_or_404(Province, code=self.kwargs["code"])
        cycle = _latest()
        own, charts = dashboards.province_charts(cycle, province)
        return {
            **super().get_context_data(**kwargs),
            "cycle": cycle,
            "province": province,
            "total": own,
            "charts": charts,
        }


def _csv(charts: list[Chart], chart_id: str, name: str) -> HttpResponse:
    chart = next((c for c in charts if c.id == chart_id), None)
    if chart is None:
        raise Http404("No such chart.")
    return csv_response(f"{name}-{chart.id}.csv", chart.header, chart.rows)


class NationalCsvView(View):
    def get(self, *_args: Any, **kwargs: Any) -> HttpResponse:
        cycle = _latest()
        return _csv(dashboards.national_charts(cycle)[1], kwargs["chart"], f"coverage-{cycle}")


class ProvinceCsvView(View):
    def get(self, *_args: Any, **kwargs: Any) -> HttpResponse:
        province = get_object_or_404(Province, code=kwargs["code"])
        cycle = _latest()
        charts = dashboards.province_charts(cycle, province)[1]
        return _csv(charts, kwargs["chart"], f"coverage-{cycle}-{province.code}")
