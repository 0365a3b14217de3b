"""Scorecards, certificates, exports and result packages under ``/results/``."""

from __future__ import annotations

from django.urls import path

from paritrana.reports.views.certificates import (
    BatchProgressView,
    CertificatePdfView,
    RoundCertificatesView,
    RoundCertificatesZipView,
)
from paritrana.reports.views.exports import (
    CommitteeExportView,
    PackageView,
    PublicExportView,
    RoundReportsView,
)
from paritrana.reports.views.scorecards import ScorecardPdfView, ScorecardView

app_name = "reports"
urlpatterns = [
    path("scorecard/<int:pk>/", ScorecardView.as_view(), name="scorecard"),
    path("scorecard/<int:pk>.pdf", ScorecardPdfView.as_view(), name="scorecard_pdf"),
    path("certificates/<int:pk>.pdf", CertificatePdfView.as_view(), name="certificate_pdf"),
    path(
        "certificates/round/<int:pk>/", RoundCertificatesView.as_view(), name="round_certificates"
    ),
    path(
        "certificates/round/<int:pk>.zip",
        RoundCertificatesZipView.as_view(),
        name="round_certificates_zip",
    ),
    path("certificates/batch/<int:pk>/", BatchProgressView.as_view(), name="batch_progress"),
    path("reports/round/<int:pk>/", RoundReportsView.as_view(), name="round_reports"),
    path("export/round/<int:pk>.xlsx", PublicExportView.as_view(), name="round_xlsx"),
    path(
        "export/round/<int:pk>/committee.xlsx",
        CommitteeExportView.as_view(),
        name="round_xlsx_committee",
    ),
    path("package/round/<int:pk>.zip", PackageView.as_view(), name="package"),
]
