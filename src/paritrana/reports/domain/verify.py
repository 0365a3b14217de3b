"""Checking a result package from the package alone (no database: pure engine).

1. every file's SHA-256 against the manifest (a file changed, missing or added);
2. per category, the digest of the scored inputs against the run's recorded digest (the
   same formula deliberation uses, so the package's inputs are shown to be the ones the
   lock froze);
3. the engine re-runs the tree and pipeline on the unit table, group by group, and every
   node's score, every rank, the robustness figures and the places must equal the
   published ones (scores within ``TOLERANCE``: floating-point noise across machines).
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from paritrana.reports.domain.runs import FrozenRun, frozen_run, frozen_score
from paritrana.scoring.errors import ScoringError
from paritrana.scoring.sensitivity import monte_carlo

TOLERANCE = 1e-9
PODIUM = 3
_ROBUSTNESS = {
    "rank_p05": "rank_q05",
    "rank_p95": "rank_q95",
    "median_rank": "median_rank",
    "p_keep_rank": "p_keep_rank",
    "p_top3": f"p_top{PODIUM}",
}


@dataclass(frozen=True)
class Difference:
    where: str  # file or category
    unit: str
    node: str
    expected: Any  # what the package says
    got: Any  # what was recomputed

    def __str__(self) -> str:
        unit = f" unit {self.unit}" if self.unit else ""
        node = f" {self.node}" if self.node else ""
        return f"{self.where}{unit}{node}: package says {self.expected}, recomputed {self.got}"


@dataclass
class Verification:
    round: str = ""
    categories: list[str] = field(default_factory=list)
    units: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def package_verify(data: bytes) -> Verification:
    """Verify a package given as zip bytes."""
    report = Verification()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        files = {name: archive.read(name) for name in archive.namelist()}
        manifest = json.loads(files["manifest.json"])
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        report.differences.append(Difference("package", "", "", "a result package", str(exc)))
        return report
    report.round = str(manifest.get("round", {}).get("id", ""))
    _check_digests(files, manifest, report)
    for code in manifest.get("categories", []):
        report.categories.append(code)
        try:
            _check_category(files, code, report)
        except (KeyError, ValueError, TypeError, ScoringError) as exc:
            report.differences.append(
                Difference(f"categories/{code}", "", "", "a complete category", repr(exc))
            )
    return report


def _check_digests(files: dict[str, bytes], manifest: dict[str, Any], report: Verification) -> None:
    listed: dict[str, str] = manifest.get("files", {})
    for name, digest in sorted(listed.items()):
        if name not in files:
            report.differences.append(Difference(name, "", "SHA-256", digest, "file missing"))
            continue
        actual = hashlib.sha256(files[name]).hexdigest()
        if actual != digest:
            report.differences.append(Difference(name, "", "SHA-256", digest, actual))
    for name in sorted(set(files) - set(listed) - {"manifest.json", "README.txt"}):
        report.differences.append(Difference(name, "", "", "not in the manifest", "present"))


def _check_category(files: dict[str, bytes], code: str, report: Verification) -> None:
    folder = f"categories/{code}"
    run_info = json.loads(files[f"{folder}/run.json"])
    inputs = json.loads(files[f"{folder}/inputs.json"])
    record = {
        "tree": json.loads(files[f"{folder}/tree.json"]),
        "pipeline": json.loads(files[f"{folder}/pipeline.json"]),
        "jury": run_info.get("jury"),
        "data": inputs["data"],
        "groups": inputs.get("groups", {}),
    }
    digest = inputs_digest(record)
    if digest != run_info.get("input_digest"):
        report.differences.append(
            Difference(
                f"{folder}/run.json", "", "input_digest", run_info.get("input_digest"), digest
            )
        )
    published = {row["unit"]: row for row in json.loads(files[f"{folder}/results.json"])}
    run = frozen_run({**record, "sensitivity": run_info.get("sensitivity")})
    _compare(folder, run, published, report)


def inputs_digest(record: dict[str, Any]) -> str:
    """The digest deliberation records for its inputs (``deliberation_inputs``): the
    frame's content digest followed by the canonical JSON of tree, pipeline, jury options,
    data and groups. Mirrored here so a package is checked without a database; a test
    holds the two formulas equal."""
    split = record["data"]
    frame = {
        "index": [row[0] for row in split["data"]],
        "columns": split["columns"][1:],
        "data": [row[1:] for row in split["data"]],
    }
    frame_digest = hashlib.sha256(
        json.dumps(frame, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ).hexdigest()
    return hashlib.sha256((frame_digest + json.dumps(record, sort_keys=True)).encode()).hexdigest()


def _compare(
    folder: str, run: FrozenRun, published: dict[str, dict[str, Any]], report: Verification
) -> None:
    seen: set[str] = set()
    for group in run.group_names:
        result = frozen_score(run, group)
        root = result.tree.root
        robustness = (
            monte_carlo(result, replace(run.sensitivity, top=PODIUM)).table
            if run.sensitivity is not None
            else None
        )
        for unit in result.scores.index.astype(str):
            seen.add(unit)
            row = published.get(unit)
            if row is None:
                report.differences.append(Difference(folder, unit, "", "no result", "scored"))
                continue
            report.units += 1
            for node in result.scores.columns:
                _same(
                    report,
                    folder,
                    unit,
                    str(node),
                    row["nodes"].get(node),
                    result.scores.at[unit, node],
                )
            _same(report, folder, unit, f"{root} score", row["score"], result.scores.at[unit, root])
            rank = result.ranks.at[unit, root]
            _same(
                report,
                folder,
                unit,
                f"{root} rank",
                row["rank"],
                None if pd.isna(rank) else int(rank),
            )
            if robustness is not None:
                for key, column in _ROBUSTNESS.items():
                    _same(report, folder, unit, key, row.get(key), robustness.at[unit, column])
            expected_place = int(rank) if not pd.isna(rank) and int(rank) <= PODIUM else None
            _same(report, folder, unit, "place", row.get("place"), expected_place)
    for unit in sorted(set(published) - seen):
        report.differences.append(Difference(folder, unit, "", "a result", "not in the inputs"))


def _same(report: Verification, where: str, unit: str, node: str, expected: Any, got: Any) -> None:
    if _equal(expected, got):
        return
    report.differences.append(Difference(where, unit, node, expected, _plain(got)))


def _equal(a: Any, b: Any) -> bool:
    a, b = _plain(a), _plain(b)
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=TOLERANCE)
    return bool(a == b)


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
