"""What counts as a valid value of each declared type (stricter than DuckDB's own casts)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from paritrana.analytics.importing.values import column_sql
from paritrana.analytics.schema import Column, ColumnType


def _read(kind: ColumnType, text: str | None, source_type: str = "VARCHAR"):
    """(valid, value) of one loaded value, as the checks and the writer compute them."""
    sql = column_sql(Column("v", kind, ""), source_type)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT CAST($1 AS {source_type}) AS v", [text])
    return con.execute(f"SELECT coalesce({sql.valid}, false), {sql.value} FROM t").fetchall()[0]  # noqa: S608 - SQL from the module under test


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("+12", 12), ("-3", -3), ("1500000.0", 1500000), ("7.", 7), ("007", 7)],
)
def test_whole_numbers(text, value):
    assert _read(ColumnType.INT, text) == (True, value)


@pytest.mark.parametrize(
    "text", ["1.5", "1e3", "1_000", "0x10", "1,000", "1.000.000", "abc", "9223372036854775808"]
)
def test_not_whole_numbers(text):
    assert _read(ColumnType.INT, text)[0] is False


@pytest.mark.parametrize("text", ["2024-01-05", "2024-02-29"])
def test_dates(text):
    assert _read(ColumnType.DATE, text) == (True, dt.date.fromisoformat(text))


@pytest.mark.parametrize(
    "text", ["2024-1-5", "2024/01/05", "05-01-2024", "20240105", "2024-01-05T10:00", "2023-02-29"]
)
def test_not_dates(text):
    assert _read(ColumnType.DATE, text)[0] is False


def test_parquet_timestamps_at_midnight_are_dates():
    assert _read(ColumnType.DATE, "2024-01-05 00:00:00", "TIMESTAMP") == (True, dt.date(2024, 1, 5))
    assert _read(ColumnType.DATE, "2024-01-05 10:30:00", "TIMESTAMP")[0] is False


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2024-01", True),
        ("2024-12", True),
        ("2024-13", False),
        ("2024-1", False),
        ("2024-01-01", False),
    ],
)
def test_months(text, valid):
    assert _read(ColumnType.MONTH, text)[0] is valid


@pytest.mark.parametrize(
    ("text", "value"), [("TRUE", True), ("ya", True), ("Tidak", False), ("0", False)]
)
def test_booleans(text, value):
    assert _read(ColumnType.BOOL, text) == (True, value)


@pytest.mark.parametrize("text", ["y", "n", "2", "benar"])
def test_not_booleans(text):
    assert _read(ColumnType.BOOL, text)[0] is False
