from __future__ import annotations

import json

import pandas as pd
import pytest

import paritrana
from paritrana.scoring.errors import DataError
from paritrana.scoring.pipeline import run_pipeline
from paritrana.scoring.record import (
    RunInputs,
    compare_results,
    compare_run_dirs,
    rerun,
    score_files,
    sha256_file,
)
from tests.scoring.builders import mini_frame, mini_tree, spec
from tests.scoring.files import write_inputs


def _score(tmp_path, sensitivity=25):
    paths = write_inputs(tmp_path / "in")
    out = tmp_path / "out"
    outcome = score_files(RunInputs(**paths), out, sensitivity_runs=sensitivity)
    return paths, out, outcome


def test_writes_one_file_per_step_that_ran_plus_results(tmp_path):
    _, out, outcome = _score(tmp_path)
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "aggregated.csv",
        "denominated.csv",
        "explanations.csv",
        "imputed.csv",
        "normalised.csv",
        "ranks.csv",
        "run.json",
        "sensitivity.csv",
    ]
    ranks = pd.read_csv(out / "ranks.csv")
    assert list(ranks.columns[:3]) == ["code", "name", "Index"]
    assert ranks["Index"].is_monotonic_increasing
    assert pd.read_csv(out / "aggregated.csv").columns[0] == "code"
    assert outcome.outputs["ranks.csv"] == sha256_file(out / "ranks.csv")


def test_run_record_has_digests_tree_pipeline_version(tmp_path):
    paths, out, _ = _score(tmp_path)
    record = json.loads((out / "run.json").read_text())
    assert record["paritrana_version"] == paritrana.__version__
    assert record["inputs"]["data"]["sha256"] == sha256_file(paths["data"])
    assert record["tree"]["index"]["code"] == "Index"
    assert record["pipeline"]["steps"]["impute"]["by"] == "Group_Zone"
    assert [s["step"] for s in record["steps"]][-1] == "aggregate"
    assert record["sensitivity_runs"] == 25


def test_rerun_reproduces_every_output_bit_for_bit(tmp_path):
    _, out, _ = _score(tmp_path)
    outcome, differing = rerun(out / "run.json", tmp_path / "again")
    assert differing == []
    assert outcome.outputs == json.loads((out / "run.json").read_text())["outputs"]


def test_rerun_refuses_changed_input(tmp_path):
    paths, out, _ = _score(tmp_path, sensitivity=None)
    paths["data"].write_text(paths["data"].read_text().replace("Unit 1", "Unit One"))
    with pytest.raises(DataError, match="input 'data' changed since the run"):
        rerun(out / "run.json", tmp_path / "again")


def test_compare_two_runs_rank_changes(tmp_path):
    _, out, _ = _score(tmp_path, sensitivity=None)
    changed = tmp_path / "b"
    paths = write_inputs(changed / "in")
    frame = pd.read_csv(paths["data"])
    frame.loc[frame["code"] == "U9", ["a1", "b2"]] = [1e3, 1e3]
    frame.to_csv(paths["data"], index=False)
    score_files(RunInputs(**paths), changed / "out")
    table = compare_run_dirs(out / "run.json", changed / "out")
    assert table.loc["U9", "rank_after"] == 1
    assert table.loc["U9", "change"] == table.loc["U9", "rank_before"] - 1
    assert (table["rank_before"] - table["rank_after"] == table["change"]).all()


def test_compare_results_in_memory():
    a = run_pipeline(mini_frame(), mini_tree(), spec())
    b = run_pipeline(mini_frame(), mini_tree(), spec(weight={"weights": {"A": 0.01}}))
    table = compare_results(a, b)
    assert set(table.columns) == {"rank_before", "rank_after", "change"}
    assert len(table) == 6
