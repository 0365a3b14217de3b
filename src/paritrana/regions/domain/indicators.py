"""Computed indicators of regions, read from the analytics store for the region pages.

The indicator tables are small for regions (38 provinces, 514 regencies × ~15 indicators),
so a page reads only the rows of the codes it shows, with a Parquet filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from paritrana.analytics.paths import indicator_table, indicators_root


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    name: str
    unit: str
    direction: int
    value: float | None
    numerator: float | None
    denominator: float | None


def latest_cycle(store: Path) -> str | None:
    """The most recent cycle (by name) that has computed indicator tables."""
    root = indicators_root(store)
    if not root.is_dir():
        return None
    cycles = sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.parquet")))
    return cycles[-1] if cycles else None


def region_indicators(
    store: Path, cycle: str, entity_type: str, codes: list[str]
) -> dict[str, list[IndicatorValue]]:
    """Indicator values per region code, in the registry's order; {} when not computed."""
    path = indicator_table(store, cycle, entity_type)
    if not path.exists() or not codes:
        return {}
    from paritrana.analytics.indicators.catalog import INDICATORS  # noqa: PLC0415 - pulls in Ibis

    meta = {i.code: i for i in INDICATORS}
    table = pq.read_table(path, filters=[("entity_id", "in", codes)])
    rows: dict[str, dict[str, IndicatorValue]] = {}
    for r in table.to_pylist():
        info = meta.get(r["indicator"])
        rows.setdefault(r["entity_id"], {})[r["indicator"]] = IndicatorValue(
            code=r["indicator"],
            name=info.name if info else r["indicator"],
            unit=info.unit if info else "",
            direction=info.direction if info else 1,
            value=r["value"],
            numerator=r["numerator"],
            denominator=r["denominator"],
        )
    order = list(meta)
    return {
        code: sorted(values.values(), key=lambda v: order.index(v.code) if v.code in order else 999)
        for code, values in rows.items()
    }
