"""Reading the cycle's indicator tables and employer register from the analytics store.

The tables are tidy (entity_id, indicator, value, ...); scoring wants one row per entity and
one column per indicator, so they are read with only the needed indicators (a Parquet
filter, not a scan into Python) and pivoted once per entity type.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from django.conf import settings

from paritrana.analytics.paths import cycle_data_dir, indicator_table
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import AwardCycle
from paritrana.entities.models import EntityKind

#: Which indicator table holds each kind of entity.
INDICATOR_TABLES = {
    EntityKind.PROVINCE: "province",
    EntityKind.REGENCY: "regency",
    EntityKind.VILLAGE: "village",
    EntityKind.BUSINESS: "employer",
    EntityKind.UKM: "employer",
}
EMPLOYER_COLUMNS = ["npp", "name", "regency", "sector", "scale"]


def store_root() -> Path:
    return Path(settings.ANALYTICS_DIR)


def _analytics_cycle(cycle: AwardCycle) -> str:
    if not cycle.analytics_cycle:
        raise RefusedError(
            f"{cycle} names no analytics cycle: set the folder of its data "
            "(paritrana data import --cycle ...) on the cycle first."
        )
    return cycle.analytics_cycle


def indicator_values(
    cycle: AwardCycle, kind: str, refs: Iterable[str], entity_ids: Iterable[str] | None = None
) -> pd.DataFrame:
    """Entities x indicators (``refs``), indexed by entity_id; NaN where a value is missing."""
    refs = sorted(set(refs))
    path = indicator_table(store_root(), _analytics_cycle(cycle), INDICATOR_TABLES[kind])
    if not path.exists():
        raise RefusedError(
            f"No indicator table {path}: run 'paritrana indicators compute' for "
            f"{cycle.analytics_cycle} first."
        )
    filters: list[tuple[str, str, object]] = [("indicator", "in", refs)]
    if entity_ids is not None:
        filters.append(("entity_id", "in", sorted(set(entity_ids))))
    if not refs:
        return pd.DataFrame(index=pd.Index([], name="entity_id"))
    tidy = pq.read_table(
        path, columns=["entity_id", "indicator", "value"], filters=filters
    ).to_pandas()
    wide = tidy.pivot(index="entity_id", columns="indicator", values="value")
    wide.columns = [str(c) for c in wide.columns]
    return wide.reindex(columns=refs)


def employers(
    cycle: AwardCycle,
    *,
    sectors: Iterable[str] | None = None,
    scales: Iterable[str] | None = None,
    npps: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The employer register of the cycle (npp, name, regency, sector, scale, province)."""
    path = cycle_data_dir(store_root(), _analytics_cycle(cycle)) / "employers.parquet"
    if not path.exists():
        raise RefusedError(f"No employer register {path}: import the cycle's data first.")
    filters: list[tuple[str, str, object]] = []
    if sectors is not None:
        filters.append(("sector", "in", sorted(sectors)))
    if scales:
        filters.append(("scale", "in", sorted(scales)))
    if npps is not None:
        filters.append(("npp", "in", sorted(npps)))
    table = pq.read_table(path, columns=EMPLOYER_COLUMNS, filters=filters or None).to_pandas()
    table["npp"] = table["npp"].astype(str)
    table["province"] = table["regency"].astype(str).str.slice(0, 2)
    return table
