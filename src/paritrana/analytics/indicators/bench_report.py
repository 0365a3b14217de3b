"""The benchmark's markdown: a table of runs, the ratios, the targets and the pandas check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from paritrana.analytics.indicators.compare import Difference
from paritrana.analytics.indicators.measure import Measurement

_GB = 2**30
_METHOD = (
    "Each step runs in its own fresh process; wall time is the job itself (after imports), "
    "peak memory is the process's peak resident set (VmHWM, imports included). (a) and (c) "
    "run {repeats} times, alternately, after one warm-up scan: the table gives the median "
    "time and the highest peak; pandas runs once. DuckDB uses 2 threads and a 3 GB memory "
    "limit."
)
_STEPS = {
    "a": "(a) Ibis on DuckDB — every indicator of every entity, written",
    "b": "(b) pandas — the same indicators written plainly",
    "c": "(c) raw DuckDB scan of the columns (a) reads — the floor",
}


@dataclass(frozen=True)
class Run:
    step: str  # "a", "b" or "c"
    scale: str
    data: Path
    measurement: Measurement


def _rows(data: Path, name: str) -> int:
    return int(pq.ParquetFile(data / f"{name}.parquet").metadata.num_rows)


def _size(data: Path) -> str:
    return (
        f"{_rows(data, 'participants'):,} participants, {_rows(data, 'employers'):,} employers, "
        f"{_rows(data, 'contributions'):,} contribution rows"
    )


def _row(run: Run) -> str:
    m = run.measurement
    if not m.completed:
        stopped = (m.exceeded_bytes or 0) / _GB
        return f"| {_STEPS[run.step]} | {run.scale} | stopped | > {stopped:.1f} GiB (cap) |"
    return f"| {_STEPS[run.step]} | {run.scale} | {m.wall_s:.1f} s | {m.peak_bytes / _GB:.2f} GiB |"


def _find(runs: Sequence[Run], step: str, scale: str) -> Measurement | None:
    for run in runs:
        if run.step == step and run.scale == scale and run.measurement.completed:
            return run.measurement
    return None


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _ratios(scale: str, runs: Sequence[Run], targets: Mapping[str, float]) -> list[str]:
    a, c = _find(runs, "a", scale), _find(runs, "c", scale)
    b_run = next(r for r in reversed(runs) if r.step == "b")
    a_b = _find(runs, "a", b_run.scale)
    lines = []
    if a is not None:
        lines.append(
            f"- (a) at {scale} scale: {a.wall_s:.1f} s (target ≤ {targets['wall_s']:.0f} s: "
            f"{_verdict(a.wall_s <= targets['wall_s'])}), peak {a.peak_bytes / _GB:.2f} GiB "
            f"(target ≤ {targets['peak_gb']:.0f} GB: "
            f"{_verdict(a.peak_bytes <= targets['peak_gb'] * 1e9)})."
        )
    if a is not None and c is not None:
        ratio = a.wall_s / c.wall_s
        lines.append(
            f"- a/c = {ratio:.2f}: the pipeline takes {ratio:.1f}× the raw scan "
            f"(target ≤ {targets['vs_scan']:.0f}×: {_verdict(ratio <= targets['vs_scan'])})."
        )
    if a_b is not None and b_run.measurement.completed:
        ratio = a_b.wall_s / b_run.measurement.wall_s
        lines.append(
            f"- a/b = {ratio:.3f} at {b_run.scale} scale: Ibis on DuckDB is {1 / ratio:.1f}× "
            f"faster than pandas (target ≥ {targets['vs_pandas']:.0f}×: "
            f"{_verdict(1 / ratio >= targets['vs_pandas'])})."
        )
    return lines


def _check(check: Mapping[str, Difference] | None) -> str:
    if check is None:
        return "- pandas did not finish at any scale tried, so its numbers were not compared."
    total = sum(d.rows for d in check.values())
    if all(d.identical for d in check.values()):
        return (
            f"- pandas and Ibis agree on all {total:,} indicator rows (same rows; values, "
            "numerators and denominators equal within 1e-9 relative, nulls alike)."
        )
    bad = {k: d for k, d in check.items() if not d.identical}
    return f"- **pandas and Ibis disagree**: {bad}"


def render(
    *,
    scale: str,
    runs: Sequence[Run],
    check: Mapping[str, Difference] | None,
    targets: Mapping[str, float],
    repeats: int = 1,
) -> str:
    scales = dict.fromkeys(r.scale for r in runs)
    data = {r.scale: r.data for r in runs}
    lines = [
        f"Requested scale: **{scale}**. Data: "
        + "; ".join(f"{s}: {_size(data[s])}" for s in scales)
        + ".",
        "",
        _METHOD.format(repeats=repeats),
        "",
        "| step | scale | wall time | peak memory |",
        "| --- | --- | --- | --- |",
        *(_row(r) for r in runs),
        "",
        *_ratios(scale, runs, targets),
        _check(check),
    ]
    b_runs = [r for r in runs if r.step == "b"]
    if len(b_runs) > 1:
        lines.append(
            f"- pandas exceeded its memory cap at {b_runs[0].scale} scale and was stopped; "
            f"it was measured at {b_runs[-1].scale} scale instead, against (a) at that scale."
        )
    return "\n".join(lines) + "\n"
