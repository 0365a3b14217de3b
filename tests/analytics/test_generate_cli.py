"""`paritrana data generate` through the real command tree."""

from __future__ import annotations

import pyarrow.parquet as pq
from typer.testing import CliRunner

from paritrana.analytics import schema
from paritrana.analytics.cli_generate import Scale
from paritrana.analytics.generate import SCALES
from paritrana.cli import app

runner = CliRunner()


def test_generates_tiny_and_reports_row_counts(tmp_path):
    result = runner.invoke(
        app, ["data", "generate", "--scale", "tiny", "--seed", "4", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for name in schema.DATASETS:
        rows = pq.ParquetFile(tmp_path / f"{name}.parquet").metadata.num_rows
        assert name in result.output
        assert f"{rows:,}" in result.output


def test_year_option_sets_the_assessment_period(tmp_path):
    result = runner.invoke(
        app, ["data", "generate", "--seed", "4", "--year", "2023", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    months = set(pq.read_table(tmp_path / "contributions.parquet")["month"].to_pylist())
    assert months == {f"2023-{m:02d}" for m in range(1, 13)}
    assert set(pq.read_table(tmp_path / "workforce.parquet")["year"].to_pylist()) == {2023}


def test_an_early_year_has_nothing_dated_after_it(tmp_path):
    result = runner.invoke(
        app, ["data", "generate", "--seed", "4", "--year", "2005", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    for name, column in (("participants", "registered_on"), ("regulations", "issued_on")):
        dates = pq.read_table(tmp_path / f"{name}.parquet")[column].to_pylist()
        assert max(dates).year <= 2005, name


def test_bad_options_exit_with_usage_errors(tmp_path):
    misplaced = runner.invoke(
        app, ["data", "generate", "--scale", "tiny", "--province", "33", "--out", str(tmp_path)]
    )
    assert misplaced.exit_code == 2
    assert "province" in misplaced.output
    unknown = runner.invoke(app, ["data", "generate", "--scale", "huge", "--out", str(tmp_path)])
    assert unknown.exit_code == 2
    negative = runner.invoke(app, ["data", "generate", "--seed", "-1", "--out", str(tmp_path)])
    assert negative.exit_code == 2
    assert not any(tmp_path.iterdir())


def test_scale_choices_are_the_presets():
    assert [s.value for s in Scale] == list(SCALES)
