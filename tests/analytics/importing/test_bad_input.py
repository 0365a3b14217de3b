"""Every kind of bad file is rejected whole, keeps nothing, and says where (file, row, column)."""

from __future__ import annotations

import openpyxl
import pytest

from paritrana.analytics.importing import FileStatus, RowKind
from paritrana.analytics.schema import DATASETS
from tests.analytics.importing.builders import (
    rows_of,
    stored_files,
    write_csv,
    write_parquet,
    write_xlsx,
)


@pytest.fixture
def employers_stored(tmp_path, store, run):
    """A cycle that already holds the employers, so participants' NPPs can resolve."""
    folder = tmp_path / "first"
    folder.mkdir()
    assert run(write_csv(folder / "employers.csv", rows_of("employers"))).ok
    return stored_files(store)


def _rejected(report, store, before, path):
    """Assert the common contract; return the problems as (row, column, message) triples."""
    assert not report.ok
    assert report.files[0].status is FileStatus.REJECTED
    assert stored_files(store) == before, "the store changed"
    assert report.problem_count >= len(report.problems) > 0
    assert all(p.file == str(path) for p in report.problems)
    return [(p.row, p.column, p.message) for p in report.problems]


def _participants(tmp_path, change, fmt=write_csv, suffix="csv"):
    rows = rows_of("participants")
    change(rows)
    return fmt(tmp_path / f"participants.{suffix}", rows)


def test_semicolon_delimited_csv(tmp_path, store, run, employers_stored):
    path = write_csv(tmp_path / "participants.csv", rows_of("participants"), delimiter=";")

    (problem,) = _rejected(run(path), store, employers_stored, path)

    assert problem[0] == 1
    assert "semicolons" in problem[2]


def test_latin1_csv_names_the_line_of_the_first_bad_byte(tmp_path, store, run):
    rows = rows_of("employers")
    rows[1]["name"] = "Koperasi Karyawan Café"
    path = write_csv(tmp_path / "employers.csv", rows, encoding="latin-1")

    (problem,) = _rejected(run(path), store, {}, path)

    assert problem[0] == 3
    assert "0xE9 is not UTF-8" in problem[2]


def test_utf16_csv(tmp_path, store, run):
    path = write_csv(tmp_path / "employers.csv", rows_of("employers"), encoding="utf-16")

    (problem,) = _rejected(run(path), store, {}, path)

    assert problem[0] == 1
    assert "UTF-16" in problem[2]


def test_missing_column(tmp_path, store, run, employers_stored):
    header = [c for c in DATASETS["participants"].column_names if c != "wage"]
    path = write_csv(tmp_path / "participants.csv", rows_of("participants"), header=header)

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [(1, "wage", "missing column")]


def test_extra_column(tmp_path, store, run, employers_stored):
    header = [*DATASETS["participants"].column_names, "bonus"]
    path = write_csv(tmp_path / "participants.csv", rows_of("participants"), header=header)

    problems = _rejected(run(path), store, employers_stored, path)

    assert [p[:2] for p in problems] == [(1, "bonus")]
    assert problems[0][2].startswith("unexpected column")


def test_text_in_a_number_column(tmp_path, store, run, employers_stored):
    path = _participants(tmp_path, lambda rows: rows[2].update(wage="dua juta"))

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [(4, "wage", "'dua juta' is not a whole number")]


def test_negative_wage(tmp_path, store, run, employers_stored):
    path = _participants(tmp_path, lambda rows: rows[0].update(wage="-5"))

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [(2, "wage", "-5 is below the minimum 0")]


def test_unknown_regency_code(tmp_path, store, run, employers_stored):
    path = _participants(tmp_path, lambda rows: rows[4].update(work_regency="32.99"))

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [(6, "work_regency", "unknown regency code '32.99'")]


def test_duplicate_kpj(tmp_path, store, run, employers_stored):
    path = _participants(tmp_path, lambda rows: rows[3].update(kpj="K1"))

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [(5, "kpj", "duplicate kpj 'K1' (first on line 2)")]


def test_dangling_npp_against_the_stored_employers(tmp_path, store, run, employers_stored):
    path = _participants(tmp_path, lambda rows: rows[1].update(npp="N404"))

    problems = _rejected(run(path), store, employers_stored, path)

    assert [p[:2] for p in problems] == [(3, "npp")]
    assert "'N404' is not a known employer" in problems[0][2]


def test_npp_with_no_employers_anywhere(tmp_path, store, run):
    path = write_csv(tmp_path / "contributions.csv", rows_of("contributions"))

    problems = _rejected(run(path), store, {}, path)

    assert [p[:2] for p in problems] == [(r, "npp") for r in (2, 3, 4, 5)]
    assert "no employers dataset" in problems[0][2]


def test_every_problem_of_a_file_is_listed_in_row_order(tmp_path, store, run, employers_stored):
    def spoil(rows):
        rows[0].update(segment="XX", registered_on="2020-13-01")
        rows[2].update(jkk="maybe", home_village="")
        rows[3].update(funder_npp="")

    path = _participants(tmp_path, spoil)

    problems = _rejected(run(path), store, employers_stored, path)

    assert problems == [
        (2, "segment", "'XX' is not one of PU, BPU, JAKON"),
        (2, "registered_on", "'2020-13-01' is not a date (write YYYY-MM-DD)"),
        (4, "home_village", "home_village is required when segment is BPU"),
        (4, "jkk", "'maybe' is not true/false (write true/false, 1/0, yes/no or ya/tidak)"),
        (5, "funder_npp", "funder_npp is required when funding is CSR"),
    ]


def test_problems_are_capped_but_counted(tmp_path, store, run, employers_stored):
    rows = [{**rows_of("participants")[0], "kpj": f"K{i}", "wage": "x"} for i in range(150)]
    path = write_csv(tmp_path / "participants.csv", rows)

    report = run(path)

    _rejected(report, store, employers_stored, path)
    assert len(report.problems) == 100
    assert report.problem_count == 150
    assert report.files[0].problem_count == 150


def test_empty_file(tmp_path, store, run):
    path = tmp_path / "employers.csv"
    path.write_bytes(b"")

    (problem,) = _rejected(run(path), store, {}, path)

    assert problem[2].startswith("empty file (0 bytes)")


def test_a_row_with_too_many_fields(tmp_path, store, run):
    path = write_csv(tmp_path / "employers.csv", rows_of("employers"))
    with path.open("a", encoding="utf-8") as handle:
        handle.write("N9,PT Koma, Tbk,32.04,MANUFAKTUR,BESAR,1,BUMD,32\n")

    (problem,) = _rejected(run(path), store, {}, path)

    assert problem[0] == 5
    assert problem[2].startswith("9 fields where the header has 8")


def test_lines_stay_exact_after_a_quoted_line_break(tmp_path, store, run):
    rows = rows_of("employers")
    rows[0]["name"] = "PT Satu\nKantor Pusat"  # the csv writer quotes it: the record spans 2 lines
    rows[2]["headcount"] = "-1"
    path = write_csv(tmp_path / "employers.csv", rows)

    problems = _rejected(run(path), store, {}, path)

    assert problems == [(5, "headcount", "-1 is below the minimum 0")]


def test_truncated_parquet(tmp_path, store, run):
    whole = write_parquet(tmp_path / "whole.parquet", rows_of("employers")).read_bytes()
    path = tmp_path / "employers.parquet"
    path.write_bytes(whole[: len(whole) // 2])

    (problem,) = _rejected(run(path), store, {}, path)

    assert "truncated Parquet file" in problem[2]


def test_parquet_rows_are_record_numbers(tmp_path, store, run):
    rows = rows_of("employers")
    rows[1]["sector"] = "PERIKANAN"
    path = write_parquet(tmp_path / "employers.parquet", rows)

    report = run(path)

    assert _rejected(report, store, {}, path) == [
        (
            2,
            "sector",
            f"'PERIKANAN' is not one of {', '.join(DATASETS['employers'].column('sector').allowed)}",
        )
    ]
    assert report.problems[0].row_kind is RowKind.RECORD
    assert "record 2" in str(report.problems[0])


def test_xlsx_with_merged_header_cells(tmp_path, store, run):
    path = write_xlsx(tmp_path / "employers.xlsx", rows_of("employers"))
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("A1:B1")
    book.save(path)

    problems = _rejected(run(path), store, {}, path)

    assert (1, None, "cells A1:B1 are merged; use one cell per value") in problems
    assert (1, None, "header cell 2 is empty (merged or blank header cells?)") in problems
    assert (1, "name", "missing column") in problems


def test_xlsx_rows_are_sheet_rows(tmp_path, store, run):
    rows = rows_of("employers")
    rows[2]["regency"] = "99.99"
    path = write_xlsx(tmp_path / "employers.xlsx", rows)

    report = run(path)

    assert _rejected(report, store, {}, path) == [(4, "regency", "unknown regency code '99.99'")]
    assert "sheet row 4" in str(report.problems[0])


def test_a_file_that_is_not_what_its_name_says(tmp_path, store, run):
    path = tmp_path / "employers.csv"
    path.write_bytes(write_xlsx(tmp_path / "x.xlsx", rows_of("employers")).read_bytes())

    report = run(path)

    assert not report.ok
    assert "named csv but the content is xlsx" in str(report.problems[0])
    assert stored_files(store) == {}


def test_lines_stay_exact_after_blank_lines(tmp_path, store, run):
    rows = rows_of("employers")
    rows[2]["scale"] = "RAKSASA"
    path = write_csv(tmp_path / "employers.csv", rows)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines[:2], "", "", *lines[2:]]) + "\n\n", encoding="utf-8")

    problems = _rejected(run(path), store, {}, path)

    assert [p[:2] for p in problems] == [(6, "scale")]


def test_xlsx_values_right_of_the_named_columns(tmp_path, store, run):
    path = write_xlsx(tmp_path / "employers.xlsx", rows_of("employers"))
    book = openpyxl.load_workbook(path)
    book.active["J3"] = "catatan"  # a note in an unnamed column
    book.active["K1"].number_format = "0.00"  # formatting alone names no column
    book.save(path)

    problems = _rejected(run(path), store, {}, path)

    assert problems == [(3, None, "a value right of the last named column (8): name or delete it")]
