"""Indicators of village governments (DESA category)."""

from __future__ import annotations

import ibis

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.registry import EntityType, Indicator, Kind, Terms

_VILLAGE = (EntityType.VILLAGE,)
_RESIDENTS = ("participants.active", "participants.home_village")
_MAX_LEVEL = max(policy.VILLAGE_REGULATION_LEVEL.values())
_LADDER = " > ".join(f"{k} {v}" for k, v in policy.VILLAGE_REGULATION_LEVEL.items()) + " > none 0"

INDICATORS = (
    Indicator(
        code="village_officials_covered",
        name="Village officials covered",
        entities=_VILLAGE,
        kind=Kind.RATIO,
        formula="active VILLAGE_OFFICIAL participants living in the village / own_staff of "
        "the village budget row",
        unit="share (0–1)",
        direction=+1,
        sources=(*_RESIDENTS, "participants.worker_category", "budgets.own_staff"),
        terms=lambda t: Terms(t.officials_covered, t.own_staff),
    ),
    Indicator(
        code="bpu_residents",
        name="BPU participants living in the village",
        entities=_VILLAGE,
        kind=Kind.COUNT,
        formula="active BPU participants whose home_village is the village",
        unit="participants",
        direction=+1,
        sources=(*_RESIDENTS, "participants.segment"),
        terms=lambda t: Terms(t.bpu_residents),
    ),
    Indicator(
        code="apbdes_funded",
        name="Workers funded by APBDes",
        entities=_VILLAGE,
        kind=Kind.COUNT,
        formula="active participants living in the village with funding APBDES",
        unit="participants",
        direction=+1,
        sources=(*_RESIDENTS, "participants.funding"),
        terms=lambda t: Terms(t.apbdes_funded),
    ),
    Indicator(
        code="apbdes_allocation",
        name="APBDes allocation for contributions",
        entities=_VILLAGE,
        kind=Kind.COUNT,
        formula="allocation_rp of the village's budget row (Rp0 without a row)",
        unit="Rupiah",
        direction=+1,
        sources=("budgets.allocation_rp", "budgets.level", "budgets.year"),
        terms=lambda t: Terms(t.allocation_rp),
    ),
    Indicator(
        code="village_regulation_level",
        name="Village regulation level",
        entities=_VILLAGE,
        kind=Kind.COUNT,
        formula=f"strongest instrument in force: {_LADDER}",
        unit=f"level (of {_MAX_LEVEL})",
        direction=+1,
        sources=("regulations.instrument", "regulations.level", "regulations.issued_on"),
        terms=lambda t: Terms(t.regulation_level, ibis.literal(_MAX_LEVEL)),
    ),
)
