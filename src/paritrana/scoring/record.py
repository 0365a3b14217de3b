"""Run records: score files, write every output, and reproduce a run bit for bit.

``run.json`` holds the SHA-256 of every input file, the criteria tree and the pipeline as
used (so later edits to the YAML cannot change a re-run), each step's log, the package
version and the SHA-256 of every output file. ``rerun`` refuses inputs whose digest
changed, runs the recorded tree and pipeline again and compares the output digests.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

import paritrana
from paritrana.scoring.errors import DataError, ScoringError
from paritrana.scoring.explain import explain
from paritrana.scoring.pipeline import ScoringResult, run_pipeline
from paritrana.scoring.sensitivity import SensitivityResult, monte_carlo
from paritrana.scoring.spec import PipelineSpec, SensitivityParams, load_spec, spec_from_dict
from paritrana.scoring.tree import CriteriaTree
from paritrana.scoring.tree_io import load_tree_tables, tree_from_dict, tree_to_dict

RECORD_FORMAT = "paritrana-scoring-run/1"
DATASET_FILES = ("denominated", "screened", "imputed", "treated", "normalised", "aggregated")


@dataclass(frozen=True)
class RunInputs:
    """The files of one scoring run (``aggmeta`` only for COINr 0.x metadata)."""

    data: Path
    meta: Path
    pipeline: Path
    aggmeta: Path | None = None

    def files(self) -> dict[str, Path]:
        out = {"data": self.data, "meta": self.meta, "pipeline": self.pipeline}
        if self.aggmeta is not None:
            out["aggmeta"] = self.aggmeta
        return out


@dataclass(frozen=True)
class RunOutcome:
    result: ScoringResult
    sensitivity: SensitivityResult | None
    record: dict[str, Any]
    outputs: dict[str, str] = field(default_factory=dict)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_table(path: Path) -> pd.DataFrame:
    """Unit data from CSV, Parquet or XLSX (by suffix)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix in (".xlsx", ".xls"):
        return pd.read_excel(path)
    return pd.read_csv(path)


Phase = Callable[[str], None]


def _quiet(_phase: str) -> None:
    """Default progress hook: say nothing."""


def score_files(
    inputs: RunInputs,
    out_dir: Path,
    *,
    sensitivity_runs: int | None = None,
    on_phase: Phase = _quiet,
) -> RunOutcome:
    """Score ``inputs``, write every output into ``out_dir`` and return the run record.

    ``on_phase`` is told each phase as it starts (the CLI shows it as progress).
    """
    on_phase("reading the criteria tree and pipeline")
    tree = load_tree_tables(inputs.meta, inputs.aggmeta)
    spec = load_spec(inputs.pipeline)
    return _score(inputs, tree, spec, out_dir, sensitivity_runs, on_phase)


def _score(
    inputs: RunInputs,
    tree: CriteriaTree,
    spec: PipelineSpec,
    out_dir: Path,
    sensitivity_runs: int | None,
    on_phase: Phase = _quiet,
) -> RunOutcome:
    on_phase("hashing and reading the data")
    digests = {role: sha256_file(p) for role, p in inputs.files().items()}
    frame = read_table(inputs.data)
    on_phase("running the pipeline")
    result = run_pipeline(frame, tree, spec)
    sens = None
    if sensitivity_runs is not None:
        on_phase(f"Monte Carlo sensitivity, {sensitivity_runs} runs")
        base = spec.sensitivity or SensitivityParams()
        sens = monte_carlo(result, replace(base, runs=sensitivity_runs))
    on_phase("writing outputs")
    outputs = write_outputs(result, out_dir, sens)
    record = {
        "format": RECORD_FORMAT,
        "paritrana_version": paritrana.__version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": {
            role: {"path": str(p.resolve()), "sha256": digests[role]}
            for role, p in inputs.files().items()
        },
        "tree": tree_to_dict(tree),
        "pipeline": spec.to_dict(),
        "sensitivity_runs": sensitivity_runs,
        "steps": result.log,
        "outputs": outputs,
    }
    (out_dir / "run.json").write_text(json.dumps(_json_safe(record), indent=2) + "\n", "utf-8")
    return RunOutcome(result=result, sensitivity=sens, record=record, outputs=outputs)


def write_outputs(
    result: ScoringResult, out_dir: Path, sensitivity: SensitivityResult | None = None
) -> dict[str, str]:
    """Write the datasets, ranks, explanations (and sensitivity); return name -> SHA-256."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = result.units.names
    files: dict[str, pd.DataFrame] = {
        f"{name}.csv": result.datasets[name] for name in DATASET_FILES if name in result.datasets
    }
    root = result.tree.root
    ordered = result.ranks.sort_values(root, kind="stable", na_position="last")
    files["ranks.csv"] = ordered
    files["explanations.csv"] = explain(result)
    if sensitivity is not None:
        files["sensitivity.csv"] = sensitivity.table
    digests = {}
    for filename, frame in files.items():
        path = out_dir / filename
        _with_unit_columns(frame, names).to_csv(path, index=False)
        digests[filename] = sha256_file(path)
    return digests


def _with_unit_columns(frame: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    if "code" in frame.columns:  # explanations are long: one row per unit and node
        return frame
    out = frame.copy()
    out.insert(0, "name", names.reindex(frame.index).to_numpy())
    out.insert(0, "code", frame.index.to_numpy())
    return out


def rerun(
    record_path: Path, out_dir: Path, *, on_phase: Phase = _quiet
) -> tuple[RunOutcome, list[str]]:
    """Reproduce the run of ``record_path`` into ``out_dir``; returns the differing files."""
    record = json.loads(record_path.read_text(encoding="utf-8"))
    if record.get("format") != RECORD_FORMAT:
        raise ScoringError(f"{record_path}: not a Paritrana scoring run record")
    paths = {}
    for role, entry in record["inputs"].items():
        path = Path(entry["path"])
        if not path.exists():
            raise DataError(f"input '{role}' of the run is gone: {path}")
        if sha256_file(path) != entry["sha256"]:
            raise DataError(f"input '{role}' changed since the run (SHA-256 differs): {path}")
        paths[role] = path
    inputs = RunInputs(
        data=paths["data"],
        meta=paths["meta"],
        pipeline=paths["pipeline"],
        aggmeta=paths.get("aggmeta"),
    )
    tree = tree_from_dict(record["tree"])
    spec = spec_from_dict(record["pipeline"])
    outcome = _score(inputs, tree, spec, out_dir, record.get("sensitivity_runs"), on_phase)
    recorded: dict[str, str] = record.get("outputs", {})
    differing = sorted(
        name
        for name in set(recorded) | set(outcome.outputs)
        if recorded.get(name) != outcome.outputs.get(name)
    )
    return outcome, differing


def rank_changes(before: pd.Series, after: pd.Series) -> pd.DataFrame:
    """Per unit: rank before and after, and the change (positive = moved up)."""
    table = pd.DataFrame({"rank_before": before, "rank_after": after}).astype("Int64")
    table["change"] = table["rank_before"] - table["rank_after"]
    return table.sort_values(["rank_after", "rank_before"], na_position="last")


def compare_results(a: ScoringResult, b: ScoringResult, node: str | None = None) -> pd.DataFrame:
    """Rank changes from run ``a`` to run ``b`` for ``node`` (the index by default)."""
    code = node or a.tree.root
    return rank_changes(a.ranks[code], b.ranks[code])


def compare_run_dirs(a: Path, b: Path, node: str | None = None) -> pd.DataFrame:
    """Rank changes between two written runs (folders or their run.json files)."""
    frames = [pd.read_csv(_run_dir(p) / "ranks.csv", dtype={"code": str}) for p in (a, b)]
    code = node or frames[0].columns[2]  # ranks.csv: code, name, root, ...
    for p, frame in zip((a, b), frames, strict=True):
        if code not in frame.columns:
            raise ScoringError(f"{p}: ranks.csv has no column '{code}'")
    before, after = (f.set_index("code")[code] for f in frames)
    return rank_changes(before, after)


def _run_dir(path: Path) -> Path:
    return path.parent if path.is_file() else path


def _json_safe(value: Any) -> Any:
    """NaN and infinities become null: run.json stays strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return value
