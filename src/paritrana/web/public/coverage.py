"""Coverage statistics for the dashboards and the API, read from the indicator tables.

The analytics store keeps one tidy table per entity type and cycle
(``_indicators/<cycle>/<type>.parquet``: entity_id, indicator, value, numerator,
denominator). The dashboards read the coverage indicators of provinces (and of one
province's regencies for the drill-down); national figures are sums of the provinces'
numerators and denominators, never means of their shares.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow.parquet as pq
from django.conf import settings
from django.core.cache import cache

from paritrana.analytics.paths import indicator_table, indicators_root
from paritrana.regions.models import Province, Regency

#: indicator -> fields of :class:`Coverage` filled from (numerator, denominator, value).
INDICATORS = {
    "coverage_active": ("active", "working_population", "coverage"),
    "coverage_pu": ("pu", "formal", "pu_coverage"),
    "coverage_bpu": ("bpu", "informal", "bpu_coverage"),
    "jakon_participants": ("jakon", None, None),
    "apbd_vulnerable": ("apbd_vulnerable", None, None),
}


@dataclass(frozen=True)
class Coverage:
    code: str
    name: str
    active: float | None = None
    working_population: float | None = None
    coverage: float | None = None
    pu: float | None = None
    formal: float | None = None
    pu_coverage: float | None = None
    bpu: float | None = None
    informal: float | None = None
    bpu_coverage: float | None = None
    jakon: float | None = None
    apbd_vulnerable: float | None = None


def store() -> Path:
    return Path(settings.ANALYTICS_DIR)


def cycles() -> list[str]:
    """Cycles (by name, oldest first) whose province indicators have been computed."""
    root = indicators_root(store())
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "province.parquet").is_file())


def latest() -> str | None:
    found = cycles()
    return found[-1] if found else None


def _read(cycle: str, entity_type: str, codes: list[str] | None) -> dict[str, dict[str, tuple]]:
    path = indicator_table(store(), cycle, entity_type)
    if not path.is_file():
        return {}
    # Keyed by the file's modification time: a recomputed table is read again.
    wanted = f"{path}:{path.stat().st_mtime_ns}:{','.join(codes or ['*'])}"
    key = "paritrana:coverage:" + hashlib.sha256(wanted.encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        filters = [("indicator", "in", list(INDICATORS))]
        if codes is not None:
            filters.append(("entity_id", "in", codes))
        table = pq.read_table(
            path,
            columns=["entity_id", "indicator", "value", "numerator", "denominator"],
            filters=filters,
        )
        found = {}
        for r in table.to_pylist():
            found.setdefault(r["entity_id"], {})[r["indicator"]] = (
                r["numerator"],
                r["denominator"],
                r["value"],
            )
        cache.set(key, found, 3600)
    return found


def _coverage(code: str, name: str, values: dict[str, tuple]) -> Coverage:
    fields: dict[str, float | None] = {}
    for indicator, (num_f, den_f, val_f) in INDICATORS.items():
        numerator, denominator, value = values.get(indicator, (None, None, None))
        fields[num_f] = value if den_f is None else numerator
        if den_f:
            fields[den_f] = denominator
        if val_f:
            fields[val_f] = value
    return Coverage(code=code, name=name, **fields)


def provinces(cycle: str) -> list[Coverage]:
    """Every province (in code order), with its coverage figures where computed."""
    values = _read(cycle, "province", None)
    return [
        _coverage(p.code, p.name, values.get(p.code, {}))
        for p in Province.objects.order_by("code").only("code", "name")
    ]


def regencies(cycle: str, province: Province) -> list[Coverage]:
    """The province's regencies/cities (in code order) with their coverage figures."""
    rows = list(Regency.objects.filter(province=province).order_by("code").only("code", "name"))
    values = _read(cycle, "regency", [r.code for r in rows])
    return [_coverage(r.code, r.name, values.get(r.code, {})) for r in rows]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def total(rows: list[Coverage], *, code: str = "", name: str = "") -> Coverage:
    """Sums of the rows' counts, and shares recomputed from the sums."""

    def add(field: str) -> float:
        return float(sum(getattr(r, field) or 0 for r in rows))

    out = Coverage(code=code, name=name)
    sums = {
        f: add(f)
        for f in (
            "active",
            "working_population",
            "pu",
            "formal",
            "bpu",
            "informal",
            "jakon",
            "apbd_vulnerable",
        )
    }
    return replace(
        out,
        **sums,
        coverage=_ratio(sums["active"], sums["working_population"]),
        pu_coverage=_ratio(sums["pu"], sums["formal"]),
        bpu_coverage=_ratio(sums["bpu"], sums["informal"]),
    )


def trend() -> list[Coverage]:
    """National totals of every cycle in the store, oldest first (code = cycle name)."""
    return [total(provinces(c), code=c, name=c) for c in cycles()]
