"""Entity rows for candidates only, and finding entities to add to a shortlist."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from django.db.models import Q

from paritrana.awards.domain.store import employers
from paritrana.awards.models import AwardCycle, Category
from paritrana.entities.domain import (
    entity_for_employer,
    entity_for_province,
    entity_for_regency,
    entity_for_village,
)
from paritrana.entities.models import Entity, EntityKind
from paritrana.regions.models import Province, Regency, Village

EMPLOYER_KINDS = (EntityKind.BUSINESS, EntityKind.UKM)
SEARCH_LIMIT = 20


def entities_for_codes(
    *, kind: str, codes: list[str], register: pd.DataFrame | None = None
) -> dict[str, Entity]:
    """Find or create the entities of ``codes`` (region codes or NPPs); unknown codes are left out.

    ``register``: the employer register indexed by NPP (needed for businesses and UKM).
    """
    if not codes:
        return {}
    out: dict[str, Entity] = {e.code: e for e in Entity.objects.filter(kind=kind, code__in=codes)}
    missing = [c for c in codes if c not in out]
    if not missing:
        return out
    if kind == EntityKind.PROVINCE:
        for p in Province.objects.filter(code__in=missing):
            out[p.code] = entity_for_province(province=p)
    elif kind == EntityKind.REGENCY:
        for r in Regency.objects.filter(code__in=missing):
            out[r.code] = entity_for_regency(regency=r)
    elif kind == EntityKind.VILLAGE:
        for v in Village.objects.filter(code__in=missing):
            out[v.code] = entity_for_village(village=v)
    elif register is not None:
        for npp in missing:
            if npp in register.index:
                row = register.loc[npp]
                out[npp] = entity_for_employer(
                    npp=npp,
                    name=str(row["name"]),
                    regency_code=str(row["regency"]),
                    sector=str(row["sector"]),
                    scale=str(row["scale"]),
                    small=kind == EntityKind.UKM,
                )
    return out


@dataclass(frozen=True)
class Found:
    code: str
    name: str
    detail: str


def entity_search(
    *, cycle: AwardCycle, category: Category, province_code: str | None, query: str
) -> list[Found]:
    """Eligible entities of ``category`` (in the province, if given) matching name or code."""
    query = query.strip()
    if len(query) < 2:  # noqa: PLR2004 - one letter matches half the nation
        return []
    kind = category.entity_kind
    if kind in EMPLOYER_KINDS:
        return _search_employers(cycle, category, province_code, query)
    model = {
        EntityKind.PROVINCE: Province,
        EntityKind.REGENCY: Regency,
        EntityKind.VILLAGE: Village,
    }[kind]
    rows = model.objects.filter(Q(name__icontains=query) | Q(code__startswith=query))
    if province_code and kind != EntityKind.PROVINCE:
        rows = rows.filter(code__startswith=f"{province_code}.")
    return [Found(r.code, r.name, r.code) for r in rows.order_by("code")[:SEARCH_LIMIT]]


def _search_employers(
    cycle: AwardCycle, category: Category, province_code: str | None, query: str
) -> list[Found]:
    reg = employers(
        cycle,
        sectors=[category.sector] if category.sector else None,
        scales=category.scales or None,
    )
    if province_code:
        reg = reg[reg["province"] == province_code]
    hit = reg["name"].str.contains(query, case=False, regex=False) | reg["npp"].str.startswith(
        query
    )
    found = reg[hit].sort_values("name").head(SEARCH_LIMIT)
    return [
        Found(str(r.npp), str(r.name), f"NPP {r.npp} · {r.sector} · {r.scale} · {r.regency}")
        for r in found.itertuples()
    ]
