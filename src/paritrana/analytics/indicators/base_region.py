"""Base tables of regional governments: regencies/cities and provinces.

Two kinds of measure. Membership counts, BPS denominators and employers located in the
region add up, so a province's are the sums of its regencies'. What a *government* decides
or owns — its budget row, its regulations, its own non-ASN staff and its BUMD (employers
whose ``owner_region`` is the government) — belongs to that government alone, so a
province reads its own province-level rows for those, never its regencies'.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.registry import Table
from paritrana.analytics.indicators.sources import Sources

_ZERO = ibis.literal(0, "int64")
#: Measures of the regency counts that add up to the province's.
_SUMMED = (
    "active",
    "active_pu",
    "active_bpu",
    "active_jakon",
    "apbd_vulnerable",
    "working_population",
    "formal",
    "informal",
    "employers",
    "employers_compliant",
)
#: Measures of a government's own rows (budget, ownership).
_OWN = ("allocation_rp", "own_staff", "bumd", "bumd_compliant", "non_asn_covered")


def participants_by_regency(participants: Table) -> Table:
    a = participants.filter(participants.active)
    return a.group_by(p_regency=a.work_regency).aggregate(
        active=a.count(),
        active_pu=a.count(where=a.segment == "PU"),
        active_bpu=a.count(where=a.segment == "BPU"),
        active_jakon=a.count(where=a.segment == "JAKON"),
        apbd_vulnerable=a.count(where=(a.funding == "APBD") & (a.worker_category == "VULNERABLE")),
    )


def employers_by_regency(employers: Table) -> Table:
    """Employers headquartered in the regency, read from the employer base (one definition)."""
    e = employers
    return e.group_by(e_regency=e.regency).aggregate(
        employers=e.count(), employers_compliant=e.count(where=e.fully_compliant)
    )


def employers_by_owner(employers: Table) -> Table:
    """What each regional government owns: itself as an employer (non-ASN staff) and its BUMD."""
    e = employers.filter(employers.owner_region.notnull())
    bumd = e.ownership == "BUMD"
    return e.group_by(o_code=e.owner_region).aggregate(
        bumd=e.count(where=bumd),
        bumd_compliant=e.count(where=bumd & e.fully_compliant),
        non_asn_covered=e.non_asn.sum(where=e.ownership == "GOVERNMENT"),
    )


def active_by_regency(participants: Table) -> Table:
    a = participants.filter(participants.active)
    return a.group_by(g_regency=a.work_regency).aggregate(prev_active=a.count())


def budget_rows(src: Sources, level: str) -> Table:
    b = src.budgets.filter(src.budgets.level == level)
    return b.select(b_code="region_code", allocation_rp="allocation_rp", own_staff="own_staff")


def regulation_rows(src: Sources, level: str, ranks: Mapping[str, int]) -> Table:
    r = src.regulations.filter(src.regulations.level == level)
    rank = ibis.cases(*((r.instrument == k, v) for k, v in ranks.items()), else_=0)
    return r.group_by(r_code=r.region_code).aggregate(
        regulation_level=rank.max(), **{flag: r[flag].any() for flag in policy.SCOPE_FLAGS}
    )


def with_own_rows(counts: Table, src: Sources, employers: Table, level: str) -> Table:
    """Join a government's own rows; absent rows mean Rp0, no staff, no BUMD, no regulation."""
    b = budget_rows(src, level)
    r = regulation_rows(src, level, policy.REGULATION_LEVEL)
    o = employers_by_owner(employers)
    j = (
        counts.left_join(b, [("entity_id", "b_code")])
        .left_join(r, [("entity_id", "r_code")])
        .left_join(o, [("entity_id", "o_code")])
    )
    flags = {flag: j[flag].coalesce(False) for flag in policy.SCOPE_FLAGS}
    return j.select(
        *counts.columns,
        **{c: j[c].coalesce(_ZERO) for c in _OWN},
        regulation_level=j.regulation_level.coalesce(_ZERO),
        regulation_scope=sum((flag.cast("int64") for flag in flags.values()), start=_ZERO),
    )


def regency_counts(src: Sources, employers: Table) -> Table:
    """The additive measures of every regency (the part a province sums)."""
    g = src.regencies
    p = participants_by_regency(src.participants)
    e = employers_by_regency(employers)
    w = src.workforce
    j = (
        g.left_join(p, [("entity_id", "p_regency")])
        .left_join(e, [("entity_id", "e_regency")])
        .left_join(w, [("entity_id", "regency")])
    )
    counts = j.select(
        entity_id=j.entity_id,
        province=j.province,
        **{c: j[c].coalesce(_ZERO) for c in _SUMMED},
    )
    if src.previous_participants is None:
        return counts
    prev = active_by_regency(src.previous_participants)
    k = counts.left_join(prev, [("entity_id", "g_regency")])
    return k.select(*counts.columns, prev_active=k.prev_active.coalesce(_ZERO))


def regency_base(src: Sources, counts: Table, employers: Table) -> Table:
    return with_own_rows(counts.drop("province"), src, employers, "REGENCY")


def province_base(src: Sources, counts: Table, employers: Table) -> Table:
    summed = [c for c in counts.columns if c not in {"entity_id", "province"}]
    agg = counts.group_by(a_code=counts.province).aggregate(**{c: counts[c].sum() for c in summed})
    g = src.provinces
    j = g.left_join(agg, [("entity_id", "a_code")])
    totals = j.select(entity_id=j.entity_id, **{c: j[c].coalesce(_ZERO) for c in summed})
    return with_own_rows(totals, src, employers, "PROVINCE")
