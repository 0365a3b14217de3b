"""Excel exports and the verifiable result package of a round."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView, View

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Result
from paritrana.reports.domain.exports import round_workbook
from paritrana.reports.domain.package import package_for_round, package_sha256, round_identifier
from paritrana.reports.views.base import RoundMixin, file_response, slug_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PublicExportView(RoundMixin, View):
    permission_required = "reports.view_public_export"

    def get(self, _request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        content = round_workbook(round=rnd, committee=False)
        return file_response(content, filename=f"hasil-{slug_of(rnd)}.xlsx", content_type=XLSX)


class CommitteeExportView(RoundMixin, View):
    permission_required = "reports.view_committee_export"

    def get(self, _request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        content = round_workbook(round=rnd, committee=True)
        return file_response(
            content, filename=f"hasil-panitia-{slug_of(rnd)}.xlsx", content_type=XLSX
        )


class PackageView(RoundMixin, View):
    permission_required = "reports.download_package"

    def get(self, _request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        try:
            package = package_for_round(round=rnd)
        except RefusedError as exc:
            return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
        response = file_response(
            bytes(package.content),
            filename=f"paritrana-{slug_of(round_identifier(rnd))}.zip",
            content_type="application/zip",
        )
        response["X-Paritrana-SHA256"] = package.sha256
        return response


class RoundReportsView(RoundMixin, TemplateView):
    """A round's reports: exports, package, certificates and every scorecard."""

    permission_required = "reports.view_committee_export"
    template_name = "reports/round.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_permission_object()
        results = (
            Result.objects.filter(run__round=rnd, run__is_final=True)
            .select_related("candidate__entity", "run__category")
            .order_by("run__category__order", "group", "rank", "candidate__entity__name")
        )
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "published": round_is_published(rnd),
            "sha256": package_sha256(rnd),
            "identifier": round_identifier(rnd),
            "results": results,
        }
