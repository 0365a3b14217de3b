"""The DuckDB connection an import works in, and what each reader leaves in it.

Every reader turns one file into one DuckDB table with the same shape: ``__row`` (the row
number a user sees in the file, see ``RowKind``) and one column per declared column found in
the file, under its declared name. Text formats give VARCHAR columns; Parquet keeps its
native types. Validation and writing then never care which format a file was.

The database is in memory but capped (``memory_limit``) and spills to a directory inside the
import's scratch folder, so a national file (tens of millions of rows) is processed out of
core instead of in RAM.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from paritrana.analytics.importing.report import Problem, RowKind
from paritrana.analytics.importing.sources import Source

ROW = "__row"
#: DuckDB's own memory cap; with Python's share an import of national files stays near 4 GB.
DEFAULT_MEMORY_LIMIT = "3GB"
MEMORY_ENV = "PARITRANA_IMPORT_MEMORY"


@dataclass
class Loaded:
    source: Source
    table: str
    #: Declared columns present in the file (and in ``table``).
    present: tuple[str, ...] = ()
    rows: int = 0
    #: Problems found while reading (header, structure, encoding).
    problems: list[Problem] = field(default_factory=list)
    #: Problems found while reading but not listed (beyond the cap).
    unshown: int = 0
    #: False when the values cannot be trusted (broken structure): value checks are skipped.
    readable: bool = True
    #: Maps ``__row`` values to the row numbers users see, when they differ (CSV only).
    relocate: Callable[[set[int]], dict[int, int]] | None = None

    @property
    def row_kind(self) -> RowKind:
        return RowKind.of(self.source.format)


def connect(work_dir: Path) -> duckdb.DuckDBPyConnection:
    limit = os.environ.get(MEMORY_ENV, DEFAULT_MEMORY_LIMIT)
    # In memory, yet out of core: past memory_limit DuckDB spills to temp_directory.
    con = duckdb.connect(":memory:")
    spill = work_dir / "spill"
    spill.mkdir(exist_ok=True)
    # SET takes no bound parameters; both values are quoted as SQL string literals.
    con.execute(f"SET memory_limit = {quote(limit)}")
    con.execute(f"SET temp_directory = {quote(str(spill))}")
    # Row numbers come from file order, and the stored Parquet must keep it (same input ->
    # same bytes): insertion order is part of the contract, not an optimisation to drop.
    con.execute("SET preserve_insertion_order = true")
    con.execute("SET enable_progress_bar = false")
    return con


def column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """DuckDB type of each declared column of a loaded table (``__row`` left out)."""
    rows = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {table})").fetchall()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    return {str(name): str(kind) for name, kind in rows if name != ROW}


def quote(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier."""
    return '"' + name.replace('"', '""') + '"'
