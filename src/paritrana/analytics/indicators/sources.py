"""The datasets of one assessment period as Ibis tables, and the entities to report on.

Parquet files are registered lazily (DuckDB views, Spark temp views), so nothing is read
until a query runs and each query reads only the columns it needs. Filters that define the
period (year of denominators, budgets and wages; months of contributions; regulations in
force) are applied here once, so no indicator can forget them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq

from paritrana.analytics.indicators.registry import Table
from paritrana.analytics.schema import DATASETS
from paritrana.regions.reference import read_level

Backend = Any  # an ibis backend (DuckDB or PySpark); Ibis ships no stubs


class MissingDatasetError(FileNotFoundError):
    """A data folder lacks one of the datasets the indicators need."""


@dataclass(frozen=True)
class Sources:
    participants: Table
    employers: Table
    contributions: Table
    workforce: Table
    budgets: Table
    regulations: Table
    minimum_wages: Table
    provinces: Table  # entity_id
    regencies: Table  # entity_id, province
    villages: Table  # entity_id, regency
    previous_participants: Table | None = None


def dataset_path(data_dir: Path, name: str) -> Path:
    path = data_dir / f"{name}.parquet"
    if not path.exists():
        raise MissingDatasetError(f"{data_dir}: no {name}.parquet (expected one file per dataset)")
    return path


def open_sources(
    con: Backend, data_dir: Path, *, year: int, scratch: Path, previous_dir: Path | None = None
) -> Sources:
    """Register the period's datasets; ``scratch`` must outlive every query on the result."""
    raw = {name: con.read_parquet(str(dataset_path(data_dir, name))) for name in DATASETS}
    workforce = raw["workforce"].filter(raw["workforce"].year == year)
    provinces, regencies, villages = _universe(con, workforce, scratch)
    previous = None
    if previous_dir is not None:
        previous = con.read_parquet(str(dataset_path(previous_dir, "participants")))
    return Sources(
        participants=raw["participants"],
        employers=raw["employers"],
        contributions=raw["contributions"].filter(
            raw["contributions"].month.startswith(f"{year:04d}-")
        ),
        workforce=workforce,
        budgets=raw["budgets"].filter(raw["budgets"].year == year),
        regulations=raw["regulations"].filter(
            raw["regulations"].issued_on <= ibis.literal(dt.date(year, 12, 31))
        ),
        minimum_wages=raw["minimum_wages"].filter(raw["minimum_wages"].year == year),
        provinces=provinces,
        regencies=regencies,
        villages=villages,
        previous_participants=previous,
    )


def _universe(con: Backend, workforce: Table, scratch: Path) -> tuple[Table, Table, Table]:
    """Every region of every province the workforce data covers, with or without members.

    The BPS denominators say which provinces a data folder assesses (all 38 nationally, one
    for a provincial extract); every regency and village of those provinces gets a row even
    when nobody there is a participant, so a zero shows as 0 rather than as a missing row.
    The reference regions go through Parquet in ``scratch`` like every dataset: Ibis 12 on
    PySpark does not register in-memory tables before caching a query that uses them.
    """
    assessed = workforce.regency.substr(0, 2)
    regency_rows = read_level("regency")
    village_codes = [r.code for r in read_level("village")]
    reference = {
        "provinces": {"entity_id": [r.code for r in read_level("province")]},
        "regencies": {
            "entity_id": [r.code for r in regency_rows],
            "province": [r.parent_code for r in regency_rows],
        },
        "villages": {"entity_id": village_codes, "regency": [c[:5] for c in village_codes]},
    }
    tables = {}
    for name, columns in reference.items():
        path = scratch / f"reference_{name}.parquet"
        pq.write_table(pa.table(columns), path)
        tables[name] = con.read_parquet(str(path))
    provinces, regencies, villages = tables["provinces"], tables["regencies"], tables["villages"]
    return (
        provinces.filter(provinces.entity_id.isin(assessed)),
        regencies.filter(regencies.province.isin(assessed)),
        villages.filter(villages.regency.substr(0, 2).isin(assessed)),
    )
