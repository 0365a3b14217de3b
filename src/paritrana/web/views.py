"""Home page, role dashboards and the committees' working pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.accounts.roles import roles_of
from paritrana.regions.models import Province
from paritrana.web.dashboard import capabilities_for


class HomeView(TemplateView):
    template_name = "web/home.html"


class DashboardView(PermissionRequiredMixin, TemplateView):
    permission_required = "accounts.view_dashboard"
    template_name = "web/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from paritrana.accounts.models import Role  # noqa: PLC0415 - keep module import light

        labels = dict(Role.choices)
        roles = sorted(
            (str(labels[role]), province or "") for role, province in roles_of(self.request.user)
        )
        return {
            **super().get_context_data(**kwargs),
            "roles": roles,
            "capabilities": capabilities_for(self.request.user),
        }


class ProvinceOfficeView(PermissionRequiredMixin, TemplateView):
    """A provincial committee's home: its own province only (object-level permission)."""

    permission_required = "regions.view_province_office"
    template_name = "web/province_office.html"

    def get_permission_object(self) -> Province:
        return get_object_or_404(Province.objects.select_related("zone"), code=self.kwargs["code"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        province = self.get_permission_object()
        regencies = province.regencies.annotate(
            district_count=Count("districts", distinct=True)
        ).order_by("code")
        return {**super().get_context_data(**kwargs), "province": province, "regencies": regencies}


def analytics_cycles(root: Path) -> list[dict[str, Any]]:
    """Cycles in the analytics store with their import manifests (written by the importer)."""
    cycles = []
    if root.is_dir():
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            manifest = folder / "manifest.json"
            try:
                datasets = (
                    json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
                )
            except (OSError, ValueError):
                datasets = {"error": "manifest.json is unreadable"}
            cycles.append({"name": folder.name, "manifest": datasets})
    return cycles


class DataStatusView(PermissionRequiredMixin, TemplateView):
    permission_required = "analytics.import_data"
    template_name = "web/data_status.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "store": settings.ANALYTICS_DIR,
            "cycles": analytics_cycles(Path(settings.ANALYTICS_DIR)),
        }
