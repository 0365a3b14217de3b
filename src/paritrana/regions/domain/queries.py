"""Reusable region queries for the browser and later for the award pages."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from paritrana.regions.models import District, Province, Regency, Village

SEARCH_LIMIT = 50


def provinces_with_counts() -> QuerySet[Province]:
    return Province.objects.select_related("zone").annotate(regency_count=Count("regencies"))


def regencies_of(province: Province) -> QuerySet[Regency]:
    return province.regencies.annotate(district_count=Count("districts")).order_by("code")


def districts_of(regency: Regency) -> QuerySet[District]:
    return regency.districts.annotate(village_count=Count("villages")).order_by("code")


def villages_of(district: District) -> QuerySet[Village]:
    return district.villages.order_by("code")


_SEARCHED: tuple[tuple[str, type, tuple[str, ...]], ...] = (
    ("provinces", Province, ()),
    ("regencies", Regency, ("province",)),
    ("districts", District, ("regency",)),
    ("villages", Village, ("district__regency",)),
)


def search_regions(term: str) -> dict[str, list[object]]:
    """Regions whose name contains ``term`` or whose code starts with it, per level."""
    term = term.strip()
    if len(term) < 2:  # noqa: PLR2004 - one letter would match most of 84k villages
        return {}
    query = Q(name__icontains=term) | Q(code__startswith=term)
    return {
        key: list(
            model.objects.filter(query).select_related(*related).order_by("code")[:SEARCH_LIMIT]
        )
        for key, model, related in _SEARCHED
    }
