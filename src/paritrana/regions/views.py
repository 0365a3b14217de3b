"""Region browser (public) and zone editing (national committee)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.forms import modelformset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.audit.domain import audit_log
from paritrana.regions.domain import indicators, queries
from paritrana.regions.models import District, Province, Regency


class ProvinceListView(TemplateView):
    template_name = "regions/province_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        term = self.request.GET.get("q", "")
        return {
            **super().get_context_data(**kwargs),
            "provinces": queries.provinces_with_counts(),
            "q": term,
            "results": queries.search_regions(term) if term else None,
            "search_limit": queries.SEARCH_LIMIT,
        }


def _indicator_cycle() -> str | None:
    return indicators.latest_cycle(Path(settings.ANALYTICS_DIR))


def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    province = get_object_or_404(Province.objects.select_related("zone"), code=code)
    regencies = list(queries.regencies_of(province))
    cycle = _indicator_cycle()
    values = (
        indicators.region_indicators(
            Path(settings.ANALYTICS_DIR), cycle, "regency", [r.code for r in regencies]
        )
        if cycle
        else {}
    )
    headline = ("coverage_active", "coverage_pu", "coverage_bpu")
    rows = [
        (r, [next((v for v in values.get(r.code, []) if v.code == h), None) for h in headline])
        for r in regencies
    ]
    own = (
        indicators.region_indicators(
            Path(settings.ANALYTICS_DIR), cycle, "province", [province.code]
        )
        if cycle
        else {}
    )
    return render(
        request,
        "regions/province_detail.html",
        {
            "province": province,
            "rows": rows,
            "cycle": cycle,
            "has_values": bool(values),
            "indicators": own.get(province.code, []),
        },
    )


def regency_detail(request: HttpRequest, code: str) -> HttpResponse:
    regency = get_object_or_404(Regency.objects.select_related("province"), code=code)
    cycle = _indicator_cycle()
    values = (
        indicators.region_indicators(Path(settings.ANALYTICS_DIR), cycle, "regency", [regency.code])
        if cycle
        else {}
    )
    return render(
        request,
        "regions/regency_detail.html",
        {
            "regency": regency,
            "districts": queries.districts_of(regency),
            "cycle": cycle,
            "indicators": values.get(regency.code, []),
        },
    )


def district_detail(request: HttpRequest, code: str) -> HttpResponse:
    district = get_object_or_404(District.objects.select_related("regency__province"), code=code)
    return render(
        request,
        "regions/district_detail.html",
        {"district": district, "villages": queries.villages_of(district)},
    )


ZoneFormSet = modelformset_factory(Province, fields=("zone",), extra=0)


class ZoneEditView(PermissionRequiredMixin, TemplateView):
    permission_required = "regions.change_zones"
    template_name = "regions/zone_edit.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        formset = kwargs.pop("formset", None) or ZoneFormSet(
            queryset=Province.objects.select_related("zone").order_by("code")
        )
        return {**super().get_context_data(**kwargs), "formset": formset}

    def post(self, request: HttpRequest) -> HttpResponse:
        formset = ZoneFormSet(request.POST, queryset=Province.objects.order_by("code"))
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        with transaction.atomic():
            for form in formset.forms:
                if "zone" not in form.changed_data:
                    continue
                before = form.initial.get("zone")
                province = form.save()
                audit_log(
                    actor=request.user,
                    action="zone.change",
                    obj=province,
                    before={"zone": before},
                    after={"zone": province.zone_id},
                )
        messages.success(request, _("Zones saved."))
        return redirect("regions:zones")
