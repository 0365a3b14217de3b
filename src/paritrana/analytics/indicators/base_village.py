"""The village base table: residents covered, by home village, and the village's own rows."""

from __future__ import annotations

import ibis

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.base_region import budget_rows, regulation_rows
from paritrana.analytics.indicators.registry import Table
from paritrana.analytics.indicators.sources import Sources

_ZERO = ibis.literal(0, "int64")


def participants_by_village(participants: Table) -> Table:
    a = participants.filter(participants.active, participants.home_village.notnull())
    return a.group_by(p_village=a.home_village).aggregate(
        officials_covered=a.count(where=a.worker_category == "VILLAGE_OFFICIAL"),
        bpu_residents=a.count(where=a.segment == "BPU"),
        apbdes_funded=a.count(where=a.funding == "APBDES"),
    )


def village_base(src: Sources) -> Table:
    v = src.villages
    p = participants_by_village(src.participants)
    b = budget_rows(src, "VILLAGE")
    r = regulation_rows(src, "VILLAGE", policy.VILLAGE_REGULATION_LEVEL)
    j = (
        v.left_join(p, [("entity_id", "p_village")])
        .left_join(b, [("entity_id", "b_code")])
        .left_join(r, [("entity_id", "r_code")])
    )
    counts = ("officials_covered", "bpu_residents", "apbdes_funded", "allocation_rp", "own_staff")
    return j.select(
        entity_id=j.entity_id,
        **{c: j[c].coalesce(_ZERO) for c in counts},
        regulation_level=j.regulation_level.coalesce(_ZERO),
    )
