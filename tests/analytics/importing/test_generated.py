"""The generator's ``tiny`` nation is valid input, in every format, and stored value for value."""

from __future__ import annotations

import duckdb
import openpyxl
import pyarrow.parquet as pq
import pytest

from paritrana.analytics.generate import generate
from paritrana.analytics.importing import FileStatus, import_files
from paritrana.analytics.schema import DATASETS

#: Small enough for a spreadsheet.
SPREADSHEET_SIZED = ("workforce", "budgets", "regulations", "minimum_wages")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny")
    generate(scale="tiny", seed=7, out=out)
    return out


@pytest.fixture(scope="module")
def from_parquet(tiny, tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    report = import_files(sorted(tiny.glob("*.parquet")), cycle="2024", store=store)
    assert report.ok, [str(p) for p in report.problems]
    return store / "2024"


def test_generated_parquet_is_stored_value_for_value(tiny, from_parquet):
    for name in DATASETS:
        source = pq.read_table(tiny / f"{name}.parquet")
        stored = pq.read_table(from_parquet / f"{name}.parquet")
        assert stored.column_names == source.column_names
        assert stored.to_pylist() == source.to_pylist(), name


def _to_csv(tiny, folder, name):
    path = folder / f"{name}.csv"
    duckdb.read_parquet(str(tiny / f"{name}.parquet")).write_csv(str(path), header=True)
    return path


def _to_xlsx(tiny, folder, name):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(name)
    table = pq.read_table(tiny / f"{name}.parquet")
    sheet.append(table.column_names)
    for row in table.to_pylist():
        sheet.append(list(row.values()))
    path = folder / f"{name}.xlsx"
    book.save(path)
    return path


def test_the_same_nation_as_csv_and_xlsx_gives_the_same_stored_bytes(tiny, from_parquet, tmp_path):
    paths = [
        _to_xlsx(tiny, tmp_path, name)
        if name in SPREADSHEET_SIZED
        else _to_csv(tiny, tmp_path, name)
        for name in DATASETS
    ]

    report = import_files(paths, cycle="2024", store=tmp_path / "store")

    assert report.ok, [str(p) for p in report.problems]
    assert all(f.status is FileStatus.IMPORTED for f in report.files)
    for name in DATASETS:
        stored = tmp_path / "store" / "2024" / f"{name}.parquet"
        assert stored.read_bytes() == (from_parquet / f"{name}.parquet").read_bytes(), name


def test_reimporting_the_generated_nation_changes_nothing(tiny, from_parquet):
    store = from_parquet.parent
    before = {p.name: p.read_bytes() for p in from_parquet.iterdir()}

    report = import_files(sorted(tiny.glob("*.parquet")), cycle="2024", store=store)

    assert {f.status for f in report.files} == {FileStatus.UNCHANGED}
    assert {p.name: p.read_bytes() for p in (store / "2024").iterdir()} == before
