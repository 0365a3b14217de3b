"""`paritrana data import`: exit codes and what it prints."""

from __future__ import annotations

from typer.testing import CliRunner

from paritrana.cli import app
from tests.analytics.importing.builders import rows_of, stored_files, write_csv

# Wide enough that rich never wraps a problem line.
runner = CliRunner(env={"COLUMNS": "300"})


def _import(store, *args):
    return runner.invoke(app, ["data", "import", "--cycle", "2024", "--store", str(store), *args])


def test_valid_files_exit_zero_and_say_where_they_went(tmp_path, store):
    result = _import(
        store,
        str(write_csv(tmp_path / "employers.csv", rows_of("employers"))),
        str(write_csv(tmp_path / "participants.csv", rows_of("participants"))),
    )

    assert result.exit_code == 0, result.output
    assert "imported" in result.output
    assert f"Cycle 2024 is stored in {store / '2024'}" in result.output

    again = _import(store, str(tmp_path / "employers.csv"))
    assert again.exit_code == 0
    assert "unchanged" in again.output


def test_a_bad_file_exits_one_and_lists_file_row_column(tmp_path, store):
    rows = rows_of("employers")
    rows[1]["headcount"] = "-3"
    path = write_csv(tmp_path / "employers.csv", rows)

    result = _import(store, str(path))

    assert result.exit_code == 1
    assert f"{path}, line 3, column 'headcount': -3 is below the minimum 0" in result.output
    assert "Rejected: 1 problems; nothing was stored, cycle 2024 is unchanged." in result.output
    assert stored_files(store) == {}


def test_hidden_problems_are_counted(tmp_path, store):
    rows = [{**rows_of("employers")[0], "npp": f"N{i}", "headcount": "x"} for i in range(120)]

    result = _import(store, str(write_csv(tmp_path / "employers.csv", rows)))

    assert result.exit_code == 1
    assert "… and 20 more problems not shown" in result.output


def test_dataset_option(tmp_path, store):
    path = write_csv(tmp_path / "umk.csv", rows_of("minimum_wages"))

    unnamed = _import(store, str(path))
    named = _import(store, "--dataset", "minimum_wages", str(path))

    assert unnamed.exit_code == 1
    assert "cannot tell which dataset this is" in unnamed.output
    assert named.exit_code == 0, named.output


def test_dataset_option_takes_one_file(tmp_path, store):
    a = write_csv(tmp_path / "a.csv", rows_of("minimum_wages"))
    b = write_csv(tmp_path / "b.csv", rows_of("minimum_wages"))

    result = _import(store, "--dataset", "minimum_wages", str(a), str(b))

    assert result.exit_code == 2


def test_unusable_store_exits_one(tmp_path, store):
    path = write_csv(tmp_path / "employers.csv", rows_of("employers"))

    result = runner.invoke(
        app, ["data", "import", "--cycle", "../up", "--store", str(store), str(path)]
    )

    assert result.exit_code == 1
    assert "invalid cycle" in result.output


def test_missing_file(tmp_path, store):
    result = _import(store, str(tmp_path / "employers.csv"))

    assert result.exit_code == 1
    assert "no such file" in result.output
