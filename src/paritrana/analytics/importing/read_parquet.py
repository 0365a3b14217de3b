"""Parquet files: any column types; a value of another type is checked like text.

DuckDB reads the file out of core with ``file_row_number``, so a problem's row is the
record's index in the file + 1, exactly, whatever the row groups.
"""

from __future__ import annotations

import duckdb

from paritrana.analytics.importing.header import check_header
from paritrana.analytics.importing.loaded import ROW, Loaded, ident, quote
from paritrana.analytics.importing.report import Problem, RowKind
from paritrana.analytics.importing.sources import Source
from paritrana.analytics.importing.values import TEXT

_MAGIC = b"PAR1"


def _column(name: str, kind: str) -> str:
    # Text is trimmed, empty -> NULL, as for CSV; typed columns stay as they are.
    return f"{TEXT(ident(name))} AS {ident(name)}" if kind == "VARCHAR" else ident(name)


def load_parquet(con: duckdb.DuckDBPyConnection, source: Source, table: str) -> Loaded:
    loaded = Loaded(source, table, readable=False)
    path = source.path

    def problem(message: str) -> Loaded:
        loaded.problems.append(Problem(source.label, None, None, message, RowKind.RECORD))
        return loaded

    size = path.stat().st_size
    if size == 0:
        return problem("empty file (0 bytes): not a Parquet file")
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if head != _MAGIC:
        return problem("not a Parquet file (it does not start with PAR1)")
    if tail != _MAGIC or size < 12:  # noqa: PLR2004 - magic + footer length + magic
        return problem("truncated Parquet file: its footer is missing (an interrupted copy?)")
    literal = quote(str(path))
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({literal})").fetchall()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        header = check_header(
            source.label, [r[0] for r in described], source.dataset, RowKind.RECORD, None
        )
        loaded.problems.extend(header.problems)
        if not header.positions:
            return loaded
        kinds = {str(r[0]): str(r[1]) for r in described}
        select = ", ".join(_column(name, kinds[name]) for name in header.positions)
        con.execute(
            f"CREATE TABLE {table} AS SELECT file_row_number + 1 AS {ROW}, {select} "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
            f"FROM read_parquet({literal}, file_row_number = true)"
        )
    except duckdb.Error as exc:
        return problem(f"cannot be read as Parquet (damaged?): {str(exc).strip().splitlines()[0]}")
    loaded.present = tuple(header.positions)
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    loaded.rows = int(row[0]) if row else 0
    loaded.readable = True
    return loaded
