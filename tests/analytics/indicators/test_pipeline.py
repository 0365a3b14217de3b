"""Pipeline behaviour around the values: no previous period, missing datasets, pandas agreement."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from paritrana.analytics.indicators import compute_indicators, connect
from paritrana.analytics.indicators.baseline_pandas import compute_pandas
from paritrana.analytics.indicators.compare import compare_outputs
from paritrana.analytics.indicators.sources import MissingDatasetError

from .conftest import read_output


def test_without_previous_period_there_is_no_growth(tiny_dir: Path, tmp_path: Path):
    with connect("duckdb") as con:
        written = compute_indicators(con, data_dir=tiny_dir, out_dir=tmp_path)
    regency = read_output(tmp_path, "regency")
    assert "active_growth" not in set(regency.indicator)
    assert written["regency"] == len(regency) == 5 * 12


def test_same_data_give_the_same_files(
    tiny_dir: Path, previous_dir: Path, duckdb_out: Path, tmp_path: Path
):
    with connect("duckdb") as con:
        compute_indicators(con, data_dir=tiny_dir, out_dir=tmp_path, previous_dir=previous_dir)
    for path in duckdb_out.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_missing_dataset_is_named(tiny_dir: Path, tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(tiny_dir, data)
    (data / "budgets.parquet").unlink()
    with connect("duckdb") as con, pytest.raises(MissingDatasetError, match=r"budgets\.parquet"):
        compute_indicators(con, data_dir=data, out_dir=tmp_path / "out")


def test_other_year_reads_that_years_rows(tiny_dir: Path, tmp_path: Path):
    with connect("duckdb") as con:
        compute_indicators(con, data_dir=tiny_dir, out_dir=tmp_path, year=2023)
    regency = read_output(tmp_path, "regency").set_index(["entity_id", "indicator"])
    assert regency.loc[("65.01", "coverage_active"), "denominator"] == 999
    # The Tarakan Perda of 2025 is not in force in 2023 either; no 2023 contributions for A1.
    assert regency.loc[("65.71", "regulation_level"), "value"] == 0
    employer = read_output(tmp_path, "employer").set_index(["entity_id", "indicator"])
    assert employer.loc[("NPP-A1", "months_paid_on_time"), "value"] == 0


def test_pandas_baseline_gives_the_same_numbers(
    tiny_dir: Path, previous_dir: Path, duckdb_out: Path, tmp_path: Path
):
    compute_pandas(data_dir=tiny_dir, out_dir=tmp_path, previous_dir=previous_dir)
    for entity, diff in compare_outputs(duckdb_out, tmp_path).items():
        assert diff.identical, (entity, diff)
        assert diff.rows > 0


def test_compare_reports_differences(duckdb_out: Path, tmp_path: Path):
    for path in duckdb_out.iterdir():
        shutil.copy(path, tmp_path / path.name)
    table = read_output(tmp_path, "employer")
    table.loc[0, "value"] += 1e-6
    table.iloc[1:].to_parquet(tmp_path / "employer.parquet", index=False)
    diff = compare_outputs(duckdb_out, tmp_path)["employer"]
    assert (diff.only_left, diff.only_right, diff.different) == (1, 0, 0)
    table.to_parquet(tmp_path / "employer.parquet", index=False)
    diff = compare_outputs(duckdb_out, tmp_path)["employer"]
    assert (diff.only_left, diff.only_right, diff.different) == (0, 0, 1)
