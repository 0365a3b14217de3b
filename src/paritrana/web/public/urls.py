"""Public pages under ``/results/``: results by cycle, round and category; dashboards."""

from __future__ import annotations

from django.urls import path

from paritrana.web.public import views_coverage as coverage
from paritrana.web.public import views_results as results

app_name = "public"
_ROUND = "<slug:cycle>/<str:round>/"
_CATEGORY = _ROUND + "<str:category>/"

urlpatterns = [
    path("", results.ResultsIndexView.as_view(), name="index"),
    path("coverage/", coverage.NationalCoverageView.as_view(), name="coverage"),
    path("coverage/<str:chart>.csv", coverage.NationalCsvView.as_view(), name="coverage_csv"),
    path("coverage/<str:code>/", coverage.ProvinceCoverageView.as_view(), name="coverage_province"),
    path(
        "coverage/<str:code>/<str:chart>.csv",
        coverage.ProvinceCsvView.as_view(),
        name="coverage_province_csv",
    ),
    path("cycle/<slug:cycle>/", results.CycleView.as_view(), name="cycle"),
    path("cycle/" + _ROUND, results.RoundView.as_view(), name="round"),
    path("cycle/" + _CATEGORY, results.RankingView.as_view(), name="ranking"),
    path(
        "cycle/" + _CATEGORY + "ranking.csv", results.RankingCsvView.as_view(), name="ranking_csv"
    ),
    path(
        "cycle/" + _CATEGORY + "methodology/",
        results.MethodologyView.as_view(),
        name="methodology",
    ),
]
