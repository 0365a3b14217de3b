"""Compute every indicator of every entity of one assessment period and write the tidy tables.

Each entity type's base table is built from as few scans of the big datasets as its measures
allow; the employer base is cached because regencies and provinces aggregate it (compliance,
own staff, BUMD), and the regency counts are cached because provinces add them up. Output:
``<out>/<entity_type>.parquet`` with columns entity_id, indicator, value, numerator,
denominator (see ``tidy.OUTPUT_COLUMNS``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pyarrow.parquet as pq

from paritrana.analytics.indicators.backends import Backend, materialize, write_parquet
from paritrana.analytics.indicators.base_employer import employer_base
from paritrana.analytics.indicators.base_region import province_base, regency_base, regency_counts
from paritrana.analytics.indicators.base_village import village_base
from paritrana.analytics.indicators.catalog import ENTITY_TYPES, indicators_for
from paritrana.analytics.indicators.registry import EntityType, Table
from paritrana.analytics.indicators.sources import Sources, open_sources
from paritrana.analytics.indicators.tidy import tidy

#: Called with the entity type about to be computed, then with "done".
Progress = Callable[[str], None]


def output_path(out_dir: Path, entity: EntityType) -> Path:
    return out_dir / f"{entity.value}.parquet"


def base_tables(
    con: Backend, src: Sources, caches: ExitStack
) -> dict[EntityType, Callable[[], Table]]:
    """Builders of each entity type's base table, materialised once and sorted by entity.

    The tidy output reads its base once per indicator, and regencies and provinces read the
    employer base and the regency counts, so each is computed once. Sorting the base (one
    row per entity) rather than the tidy output (one row per entity and indicator) keeps
    files deterministic at a seventh of the cost. Cached tables are released when
    ``caches`` closes, before the connection does.
    """
    cache: dict[str, Table] = {}

    def once(name: str, build: Callable[[], Table]) -> Table:
        if name not in cache:
            cache[name] = materialize(con, build().order_by("entity_id"), caches)
        return cache[name]

    def employers() -> Table:
        return once("employer", lambda: employer_base(src))

    def counts() -> Table:
        return once("counts", lambda: regency_counts(src, employers()))

    return {
        EntityType.EMPLOYER: employers,
        EntityType.REGENCY: lambda: once(
            "regency", lambda: regency_base(src, counts(), employers())
        ),
        EntityType.PROVINCE: lambda: once(
            "province", lambda: province_base(src, counts(), employers())
        ),
        EntityType.VILLAGE: lambda: once("village", lambda: village_base(src)),
    }


def indicator_tables(
    con: Backend, src: Sources, caches: ExitStack
) -> dict[EntityType, Callable[[], Table]]:
    """The tidy output expression of each entity type (lazily built, backend-independent)."""
    with_previous = src.previous_participants is not None
    bases = base_tables(con, src, caches)

    def build(entity: EntityType) -> Callable[[], Table]:
        return lambda: tidy(bases[entity](), indicators_for(entity, with_previous=with_previous))

    return {entity: build(entity) for entity in ENTITY_TYPES}


def compute_indicators(
    con: Backend,
    *,
    data_dir: Path,
    out_dir: Path,
    year: int = 2024,
    previous_dir: Path | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write one tidy Parquet table per entity type; returns rows written per entity type."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with ExitStack() as caches:
        scratch = Path(caches.enter_context(tempfile.TemporaryDirectory(prefix="paritrana-")))
        src = open_sources(con, data_dir, year=year, scratch=scratch, previous_dir=previous_dir)
        for entity, table in indicator_tables(con, src, caches).items():
            if progress is not None:
                progress(entity.value)
            path = output_path(out_dir, entity)
            write_parquet(con, table(), path)
            written[entity.value] = pq.ParquetFile(path).metadata.num_rows
    if progress is not None:
        progress("done")
    return written
