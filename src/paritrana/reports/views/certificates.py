"""Certificates: one PDF per award (public once published) and the committee's batch page."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Result
from paritrana.reports.domain.certificates import (
    certificate_render,
    certificates_batch_start,
    round_awards,
)
from paritrana.reports.models import Certificate, CertificateBatch
from paritrana.reports.views.base import AwardMixin, RoundMixin, file_response, slug_of


class CertificatePdfView(AwardMixin, View):
    permission_required = "reports.view_certificate"

    def get(self, request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        award = self.get_permission_object()
        stored = Certificate.objects.filter(award=award).first()
        pdf = (
            bytes(stored.pdf)
            if stored
            else certificate_render(
                award=award, base_url=request.build_absolute_uri("/").rstrip("/")
            )
        )
        return file_response(
            pdf,
            filename=f"piagam-{slug_of(award.candidate.entity.name)}.pdf",
            content_type="application/pdf",
        )


class RoundCertificatesView(RoundMixin, TemplateView):
    """The committee's page: every award of the round, the batch button and its progress."""

    permission_required = "reports.manage_certificates"
    template_name = "reports/certificates.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_permission_object()
        awards = list(round_awards(rnd))
        scorecards = {
            (category, candidate): pk
            for pk, category, candidate in Result.objects.filter(
                run__round=rnd, run__is_final=True
            ).values_list("pk", "run__category_id", "candidate_id")
        }
        stored = set(
            Certificate.objects.filter(award__round=rnd).values_list("award_id", flat=True)
        )
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "published": round_is_published(rnd),
            "awards": [
                (a, a.pk in stored, scorecards.get((a.category_id, a.candidate_id))) for a in awards
            ],
            "batch": CertificateBatch.objects.filter(round=rnd).first(),
        }

    def post(self, request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        try:
            certificates_batch_start(round=rnd, actor=request.user)
        except RefusedError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Certificates are being generated; progress below."))
        return HttpResponseRedirect(reverse("reports:round_certificates", args=[rnd.pk]))


class BatchProgressView(RoundMixin, View):
    """The progress fragment htmx polls while a batch runs (it stops polling when done)."""

    permission_required = "reports.manage_certificates"

    def get_permission_object(self) -> Any:
        if not hasattr(self, "_batch"):
            self._batch = get_object_or_404(
                CertificateBatch.objects.select_related("round__cycle", "round__stage"),
                pk=self.kwargs["pk"],
            )
        return self._batch.round

    def get(self, request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        self.get_permission_object()
        return render(request, "reports/_batch_progress.html", {"batch": self._batch})


class RoundCertificatesZipView(RoundMixin, View):
    """Every stored certificate of the round in one zip, for printing."""

    permission_required = "reports.manage_certificates"

    def get(self, _request: HttpRequest, *_args: Any, **_kwargs: Any) -> HttpResponse:
        rnd = self.get_permission_object()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for cert in Certificate.objects.filter(award__round=rnd).select_related(
                "award__candidate__entity", "award__category"
            ):
                award = cert.award
                place = award.place or slug_of(award.special)
                name = f"{award.category.code}-{place}-{slug_of(award.candidate.entity.name)}.pdf"
                archive.writestr(name, bytes(cert.pdf))
        return file_response(
            buffer.getvalue(), filename=f"piagam-{slug_of(rnd)}.zip", content_type="application/zip"
        )
