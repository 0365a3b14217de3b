"""`paritrana indicators compute` and `docs` from the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from paritrana.analytics import cli_indicators
from paritrana.analytics.indicators.doc import render_markdown
from paritrana.cli import app

from .conftest import read_output

runner = CliRunner()


def test_compute_writes_every_table(tiny_dir: Path, previous_dir: Path, tmp_path: Path):
    args = ["indicators", "compute", "--data", str(tiny_dir), "--out", str(tmp_path)]
    result = runner.invoke(app, [*args, "--previous", str(previous_dir)])
    assert result.exit_code == 0, result.output
    for entity in ("employer", "regency", "province", "village"):
        assert len(read_output(tmp_path, entity)) > 0
        assert entity in result.output
    assert "active_growth" in set(read_output(tmp_path, "regency").indicator)


def test_compute_names_a_missing_dataset(tiny_dir: Path, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "participants.parquet").write_bytes((tiny_dir / "participants.parquet").read_bytes())
    result = runner.invoke(
        app, ["indicators", "compute", "--data", str(data), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code != 0
    assert "employers.parquet" in result.output


def test_docs_command_writes_the_page(tmp_path: Path):
    docs_app = typer.Typer()
    docs_app.command()(cli_indicators.docs)
    out = tmp_path / "indicators.md"
    result = runner.invoke(docs_app, ["--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_markdown()
