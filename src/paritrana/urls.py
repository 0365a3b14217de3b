"""Root URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from paritrana.api.api import api

urlpatterns = [
    path("", include("paritrana.web.urls")),
    path("results/", include("paritrana.reports.urls")),
    path("regions/", include("paritrana.regions.urls")),
    path("accounts/", include("paritrana.accounts.urls")),
    path("audit/", include("paritrana.audit.urls")),
    path("awards/", include("paritrana.awards.urls")),
    path("submissions/", include("paritrana.submissions.urls")),
    path("jury/", include("paritrana.judging.urls")),
    path("results/", include("paritrana.web.public.urls")),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
