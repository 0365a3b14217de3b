"""Valid files in every format are recognised, validated and stored with the declared types."""

from __future__ import annotations

import datetime as dt

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from paritrana.analytics.importing import FileFormat, FileStatus
from paritrana.analytics.schema import DATASETS
from tests.analytics.importing.builders import (
    VALID,
    manifest,
    rows_of,
    write_csv,
    write_parquet,
    write_xlsx,
)

WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "parquet": write_parquet}


def _stored(store, dataset):
    return duckdb.read_parquet(str(store / "2024" / f"{dataset}.parquet"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_every_dataset_in_every_format_is_stored(tmp_path, store, run, fmt):
    paths = [WRITERS[fmt](tmp_path / f"{name}.{fmt}", rows_of(name)) for name in VALID]

    report = run(*paths)

    assert report.ok, [str(p) for p in report.problems]
    assert {f.dataset: f.status for f in report.files} == dict.fromkeys(VALID, FileStatus.IMPORTED)
    assert {f.dataset: f.rows for f in report.files} == {n: len(r) for n, r in VALID.items()}
    entries = manifest(store)["datasets"]
    assert set(entries) == set(VALID)
    assert entries["participants"]["source"] == f"participants.{fmt}"
    assert entries["participants"]["format"] == fmt


def test_stored_parquet_has_declared_columns_types_and_values(tmp_path, store, run):
    run(write_csv(tmp_path / "employers.csv", rows_of("employers")))
    run(write_csv(tmp_path / "participants.csv", rows_of("participants")))

    relation = _stored(store, "participants")
    assert tuple(relation.columns) == DATASETS["participants"].column_names
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    assert types["wage"] == "BIGINT"
    assert types["jkk"] == "BOOLEAN"
    assert types["registered_on"] == "DATE"
    rows = relation.fetchall()
    assert [r[0] for r in rows] == ["K1", "K2", "K3", "K4", "K5"]  # file order kept
    k4 = dict(zip(relation.columns, rows[3], strict=True))
    assert k4["npp"] is None  # empty text is no value
    assert k4["jht"] is False  # "0"
    assert k4["funder_npp"] == "N2"
    assert k4["registered_on"] == dt.date(2020, 1, 15)


def test_same_data_in_csv_and_parquet_gives_the_same_stored_bytes(tmp_path, store, run):
    csv_dir, pq_dir = tmp_path / "csv", tmp_path / "pq"
    csv_dir.mkdir()
    pq_dir.mkdir()
    run(write_csv(csv_dir / "workforce.csv", rows_of("workforce")), cycle="a")
    run(write_parquet(pq_dir / "workforce.parquet", rows_of("workforce")), cycle="b")

    assert (store / "a" / "workforce.parquet").read_bytes() == (
        store / "b" / "workforce.parquet"
    ).read_bytes()


def test_typed_parquet_columns_are_used_as_they_are(tmp_path, store, run):
    table = pa.table(
        {
            "regency": pa.array(["32.04", "31.71"]),
            "year": pa.array([2024, 2024], type=pa.int32()),
            "minimum_wage_rp": pa.array([3527967, 5067381], type=pa.int64()),
        }
    )
    pq.write_table(table, tmp_path / "minimum_wages.parquet")

    report = run(tmp_path / "minimum_wages.parquet")

    assert report.ok, [str(p) for p in report.problems]
    assert _stored(store, "minimum_wages").fetchall() == [
        ("32.04", 2024, 3527967),
        ("31.71", 2024, 5067381),
    ]


def test_xlsx_cells_typed_by_excel_are_read_as_typed_text(tmp_path, store, run):
    # Excel stores numbers as floats, booleans as TRUE/FALSE and turns "2024-01" into a date.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "contributions"
    sheet.append(list(DATASETS["contributions"].column_names))
    # Naive datetimes on purpose: that is what Excel cells hold.
    jan, paid = dt.datetime(2024, 1, 1), dt.datetime(2024, 2, 9)  # noqa: DTZ001 - see above
    sheet.append(["N1", jan, 10.0, 1000000, 1000000, paid])
    sheet.append([None] * 6)  # an empty row: skipped
    sheet.append(["N1", "2024-02", 10, 1000000.0, 0, None])
    book.save(tmp_path / "contributions.xlsx")
    write_csv(tmp_path / "employers.csv", rows_of("employers"))

    report = run(tmp_path / "employers.csv", tmp_path / "contributions.xlsx")

    assert report.ok, [str(p) for p in report.problems]
    assert _stored(store, "contributions").fetchall() == [
        ("N1", "2024-01", 10, 1000000, 1000000, dt.date(2024, 2, 9)),
        ("N1", "2024-02", 10, 1000000, 0, None),
    ]


def test_accepted_boolean_spellings(tmp_path, store, run):
    rows = rows_of("regulations")
    spellings = {"TRUE": True, "False": False, "1": True, "0": False, "Yes": True, "no": False}
    spellings |= {"ya": True, "TIDAK": False, " true ": True}
    for number, spelling in enumerate(spellings):
        rows.append({**rows[0], "number": f"{number}/2024", "covers_licensing": spelling})

    report = run(write_csv(tmp_path / "regulations.csv", rows))

    assert report.ok, [str(p) for p in report.problems]
    stored = _stored(store, "regulations").fetchall()
    assert [r[-1] for r in stored[1:]] == list(spellings.values())


def test_header_only_file_is_a_valid_empty_dataset(tmp_path, store, run):
    path = tmp_path / "regulations.csv"
    path.write_text(",".join(DATASETS["regulations"].column_names) + "\n", encoding="utf-8")

    report = run(path)

    assert report.ok
    assert report.files[0].rows == 0
    assert report.files[0].status is FileStatus.IMPORTED
    assert _stored(store, "regulations").fetchall() == []


def test_columns_in_any_order_and_a_utf8_bom_are_accepted(tmp_path, run):
    rows = rows_of("workforce")
    path = tmp_path / "workforce.csv"
    write_csv(path, rows, header=list(reversed(rows[0])), encoding="utf-8-sig")

    assert run(path).ok


def test_dataset_recognised_by_name_case_insensitively(tmp_path, run):
    report = run(write_csv(tmp_path / "Minimum_Wages.CSV", rows_of("minimum_wages")))

    assert report.ok
    assert report.files[0].dataset == "minimum_wages"
    assert report.files[0].format is FileFormat.CSV


def test_dataset_given_explicitly_for_an_unrecognised_name(tmp_path, store, run):
    path = write_csv(tmp_path / "umk_jabar_2024.csv", rows_of("minimum_wages"))

    unknown = run(path)
    named = run(path, dataset="minimum_wages")

    assert not unknown.ok
    assert "cannot tell which dataset" in str(unknown.problems[0])
    assert named.ok
    assert (store / "2024" / "minimum_wages.parquet").is_file()
