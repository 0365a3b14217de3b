"""XLSX workbooks: one sheet, header in row 1, one row per record.

The sheet named like the dataset is read, else the first sheet. openpyxl streams it in
read-only mode and rows go to DuckDB in batches, as text, so they are checked exactly like
CSV values; cells Excel typed (numbers, dates, TRUE/FALSE) are written as the text a user
would have typed. XLSX is meant for the small datasets (workforce, budgets, regulations,
minimum wages, a province's employers): a sheet holds at most Excel's own 1,048,576 rows,
and bigger extracts come as CSV or Parquet. Completely empty rows are skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

import duckdb
import openpyxl

from paritrana.analytics.importing.header import check_header
from paritrana.analytics.importing.loaded import ROW, Loaded, ident
from paritrana.analytics.importing.report import MAX_PROBLEMS_SHOWN, Problem, RowKind
from paritrana.analytics.importing.sources import Source
from paritrana.analytics.importing.xlsx_merges import merged_ranges
from paritrana.analytics.schema import ColumnType, Dataset

MAX_ROWS = 1_048_576  # Excel's sheet limit
_BATCH = 50_000


def load_xlsx(con: duckdb.DuckDBPyConnection, source: Source, table: str) -> Loaded:
    loaded = Loaded(source, table, readable=False)

    def problem(row: int | None, message: str) -> Loaded:
        loaded.problems.append(Problem(source.label, row, None, message, RowKind.SHEET_ROW))
        return loaded

    if source.path.stat().st_size == 0:
        return problem(None, "empty file (0 bytes): not an XLSX workbook")
    try:
        book = openpyxl.load_workbook(source.path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return problem(None, f"cannot be read as an XLSX workbook: {exc}")
    try:
        sheet = _pick_sheet(book, source.dataset.name)
        merges = merged_ranges(source.path, sheet.title)
        for ref in merges:
            problem(_first_row(ref), f"cells {ref} are merged; use one cell per value")
        rows = sheet.iter_rows(values_only=True)
        # A formatted but empty cell widens the sheet: trailing empty header cells are no column.
        names = _without_trailing_blanks(next(rows, ()))
        if not names:
            return problem(1, "row 1 is empty: the first row must be the header")
        header = check_header(source.label, names, source.dataset, RowKind.SHEET_ROW, 1)
        loaded.problems.extend(header.problems)
        if not header.readable or not header.positions:
            return loaded
        loaded.present = tuple(header.positions)
        stray: list[int] = []
        loaded.rows = _copy_rows(
            con, table, rows, header.positions, source.dataset, len(names), stray
        )
    finally:
        book.close()
    for row in stray[:MAX_PROBLEMS_SHOWN]:
        problem(row, f"a value right of the last named column ({len(names)}): name or delete it")
    loaded.unshown = max(len(stray) - MAX_PROBLEMS_SHOWN, 0)
    if loaded.rows > MAX_ROWS:
        return problem(None, f"over {MAX_ROWS:,} rows: send large extracts as CSV or Parquet")
    loaded.readable = not merges
    return loaded


def _without_trailing_blanks(cells: tuple[object, ...]) -> tuple[object, ...]:
    end = len(cells)
    while end and _blank(cells[end - 1]):
        end -= 1
    return cells[:end]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _pick_sheet(book: Any, dataset: str) -> Any:
    for sheet in book.worksheets:
        if sheet.title.strip().lower() == dataset:
            return sheet
    return book.worksheets[0]


def _first_row(ref: str) -> int | None:
    digits = "".join(ch for ch in ref.split(":", maxsplit=1)[0] if ch.isdigit())
    return int(digits) if digits else None


def _copy_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Iterator[tuple[object, ...]],
    positions: dict[str, int],
    dataset: Dataset,
    width: int,
    stray: list[int],
) -> int:
    names = list(positions)
    months = {n for n in names if dataset.column(n).type is ColumnType.MONTH}
    columns = ", ".join(f"{ident(n)} VARCHAR" for n in names)
    con.execute(f"CREATE TABLE {table} ({ROW} BIGINT, {columns})")
    count = 0
    # Each batch goes in as one list parameter per column, unnested side by side by DuckDB.
    unnest = ", ".join(
        f"unnest(${i + 1}::{'BIGINT' if i == 0 else 'VARCHAR'}[])" for i in range(len(names) + 1)
    )
    for batch in _batches(rows, positions, months, width, stray):
        con.execute(f"INSERT INTO {table} SELECT {unnest}", list(batch.values()))
        count += len(batch[ROW])
        if count > MAX_ROWS:
            break
    return count


def _batches(
    rows: Iterator[tuple[object, ...]],
    positions: dict[str, int],
    months: set[str],
    width: int,
    stray: list[int],
) -> Iterator[dict[str, list[object]]]:
    """Rows as lists per column; sheet rows with values past ``width`` go to ``stray``."""
    batch: dict[str, list[object]] = {ROW: [], **{n: [] for n in positions}}
    for number, values in enumerate(rows, start=2):  # row 1 was the header
        if all(_blank(v) for v in values):
            continue
        if not all(_blank(v) for v in values[width:]):
            stray.append(number)
        batch[ROW].append(number)
        for name, pos in positions.items():
            value = values[pos] if pos < len(values) else None
            batch[name].append(cell_text(value, month=name in months))
        if len(batch[ROW]) >= _BATCH:
            yield batch
            batch = {key: [] for key in batch}
    if batch[ROW]:
        yield batch


def cell_text(value: object, *, month: bool = False) -> str | None:
    """The text a user would have typed for a cell Excel typed; trimmed, None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() != time(0):
            return value.isoformat(sep=" ")
        value = value.date()
    if isinstance(value, date):
        # Excel turns a typed "2024-03" into the date 2024-03-01; give the month back.
        return value.strftime("%Y-%m") if month and value.day == 1 else value.isoformat()
    return str(value).strip() or None  # trimmed, empty -> None, as for CSV
