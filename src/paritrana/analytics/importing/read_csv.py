"""CSV files: RFC 4180, comma-separated, double-quoted, UTF-8 (a BOM is fine), header first.

The file is streamed twice at most: once by ``scan_text`` (encoding, line count) and once by
DuckDB into a table of VARCHAR columns, out of core. DuckDB's parallel reader keeps file
order (``preserve_insertion_order``), so ``row_number()`` is the record number; rows DuckDB
cannot split into the header's number of fields are collected in a rejects table, with the
byte offset that gives their exact line.
"""

from __future__ import annotations

import csv
import re
from functools import partial
from pathlib import Path

import duckdb

from paritrana.analytics.importing.header import check_header
from paritrana.analytics.importing.loaded import ROW, Loaded, ident, quote
from paritrana.analytics.importing.report import MAX_PROBLEMS_SHOWN, Problem, RowKind
from paritrana.analytics.importing.sources import Source
from paritrana.analytics.importing.textscan import lines_at, record_lines, scan_text
from paritrana.analytics.importing.values import TEXT

_FOUND = re.compile(r"Found: (\d+)")


def load_csv(con: duckdb.DuckDBPyConnection, source: Source, table: str) -> Loaded:
    loaded = Loaded(source, table, readable=False)
    path = source.path

    def problem(row: int | None, message: str) -> Loaded:
        loaded.problems.append(Problem(source.label, row, None, message, RowKind.LINE))
        return loaded

    if path.stat().st_size == 0:
        return problem(None, "empty file (0 bytes): expected a header row")
    scan = scan_text(path)
    if scan.encoding_error is not None:
        return problem(scan.line, scan.encoding_error)
    names = _header_names(path)
    if not names:
        return problem(1, "line 1 is blank: the first line must be the header")
    header = check_header(source.label, names, source.dataset, RowKind.LINE, 1)
    loaded.problems.extend(header.problems)
    if not header.readable or not header.positions:
        return loaded
    rejects = f"{table}_rejects"
    try:
        _read(con, path, table, len(names), header.positions, rejects)
    except duckdb.Error as exc:
        return problem(None, f"cannot be read as CSV: {_first_line(exc)}")
    loaded.present = tuple(header.positions)
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    loaded.rows = int(row[0]) if row else 0
    structural, total = _rejected_rows(con, source, rejects, len(names))
    loaded.problems.extend(structural)
    loaded.unshown = total - len(structural)
    loaded.readable = total == 0
    if scan.content_lines != loaded.rows + 1:
        # Quoted line breaks or blank lines: records and lines disagree; locate on demand.
        loaded.relocate = partial(_relocate, path)
    return loaded


def _header_names(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def _read(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    table: str,
    width: int,
    positions: dict[str, int],
    rejects: str,
) -> None:
    # Every field is read as text: types are checked afterwards, value by value, so a bad
    # value becomes a problem with its row instead of a failed read. Positional names make
    # repeated or empty header cells harmless.
    columns = "{" + ", ".join(f"{quote(f'c{i}')}: 'VARCHAR'" for i in range(width)) + "}"
    # Trimmed once here, empty -> NULL, so checks and the writer read clean text.
    select = ", ".join(f"{TEXT(f'c{pos}')} AS {ident(name)}" for name, pos in positions.items())
    con.execute(
        f"CREATE TABLE {table} AS SELECT row_number() OVER () + 1 AS {ROW}, {select} "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"FROM read_csv({quote(str(path))}, header = true, auto_detect = false, "
        f"delim = ',', quote = '\"', escape = '\"', columns = {columns}, "
        f"strict_mode = true, store_rejects = true, rejects_table = {quote(rejects)}, "
        f"rejects_scan = {quote(rejects + '_scan')})"
    )


def _rejected_rows(
    con: duckdb.DuckDBPyConnection, source: Source, rejects: str, width: int
) -> tuple[list[Problem], int]:
    """The first rejected rows as problems, and how many there are in all."""
    total_row = con.execute(f"SELECT count(*) FROM {rejects}").fetchone()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    total = int(total_row[0]) if total_row else 0
    if total == 0:
        return [], 0
    shown = con.execute(
        f"SELECT line_byte_position, error_type, error_message FROM {rejects} "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"ORDER BY line_byte_position LIMIT {MAX_PROBLEMS_SHOWN}"
    ).fetchall()
    lines = lines_at(source.path, (int(r[0]) for r in shown))
    problems = [
        Problem(source.label, lines[int(pos)], None, _explain(kind, msg, width), RowKind.LINE)
        for pos, kind, msg in shown
    ]
    return problems, total


def _explain(kind: str, message: str, width: int) -> str:
    if kind in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        found = _FOUND.search(message)
        count = found.group(1) if found else "another number of"
        return f"{count} fields where the header has {width} (a comma inside an unquoted value?)"
    if kind == "UNQUOTED VALUE":
        return 'a quote is not closed or is followed by more text; quote values as "..."'
    if kind == "LINE SIZE OVER MAXIMUM":
        return "the line is too long (over 2 MB; an unclosed quote?)"
    return message


def _relocate(path: Path, rows: set[int]) -> dict[int, int]:
    # __row is record + 1; record_lines counts the header as record 0.
    found = record_lines(path, (r - 1 for r in rows))
    return {record + 1: line for record, line in found.items()}


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
