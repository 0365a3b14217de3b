from __future__ import annotations

from typer.testing import CliRunner

from paritrana.cli import app
from tests.scoring.files import write_inputs

runner = CliRunner()


def _args(paths, out):
    return [
        "score",
        "--data",
        str(paths["data"]),
        "--meta",
        str(paths["meta"]),
        "--pipeline",
        str(paths["pipeline"]),
        "--out",
        str(out),
    ]


def test_score_rerun_and_compare(tmp_path):
    paths = write_inputs(tmp_path / "in")
    out = tmp_path / "run"
    result = runner.invoke(app, [*_args(paths, out), "--sensitivity", "20"])
    assert result.exit_code == 0, result.output
    assert (out / "sensitivity.csv").exists()
    assert "Wrote 7 files" in result.output
    again = runner.invoke(app, ["score", "rerun", str(out / "run.json")])
    assert again.exit_code == 0, again.output
    assert "bit for bit" in again.output
    assert (tmp_path / "run-rerun" / "ranks.csv").exists()
    compared = runner.invoke(app, ["score", "compare", str(out), str(tmp_path / "run-rerun")])
    assert compared.exit_code == 0, compared.output
    assert "0 of 10 units changed rank" in compared.output


def test_scoring_refusal_is_a_clean_error(tmp_path):
    paths = write_inputs(tmp_path / "in")
    paths["pipeline"].write_text("steps: {normalise: {}}\n")
    result = runner.invoke(app, _args(paths, tmp_path / "out"))
    assert result.exit_code == 2
    assert "the 'aggregate' step is required" in result.output


def test_missing_options_are_reported(tmp_path):
    result = runner.invoke(app, ["score", "--out", str(tmp_path)])
    assert result.exit_code != 0
    assert "--data" in result.output
