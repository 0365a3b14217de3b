"""The benchmark's parts: child-process measurement, the columns it scans, its report."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from paritrana.analytics.bench import columns_read, run_benchmark
from paritrana.analytics.indicators import INDICATORS
from paritrana.analytics.indicators.bench_report import Run, render
from paritrana.analytics.indicators.compare import Difference
from paritrana.analytics.indicators.measure import Measurement, measure

from .memory_hog import MiB, hold_memory


def test_measure_returns_result_time_and_own_peak():
    small = measure(hold_memory, {"mib": 1})
    big = measure(hold_memory, {"mib": 200})
    assert (small.result, big.result) == (1, 200)
    assert small.completed
    assert big.completed
    # Each child's own peak: the parent's memory (pytest, pandas…) is not in either.
    assert big.peak_bytes - small.peak_bytes > 180 * MiB
    assert 0 <= small.wall_s < 10


def test_measure_stops_a_child_past_its_cap():
    m = measure(hold_memory, {"mib": 600}, memory_cap_bytes=300 * MiB)
    assert not m.completed
    assert m.exceeded_bytes is not None
    assert m.exceeded_bytes > 300 * MiB
    assert math.isnan(m.wall_s)


def test_scan_reads_every_source_column():
    read = columns_read()
    for indicator in INDICATORS:
        for source in indicator.sources:
            dataset, _, column = source.partition(".")
            if dataset != "indicator":
                assert column in read[dataset], source


def _run(step: str, scale: str, data: Path, wall: float, gib: float) -> Run:
    return Run(step, scale, data, Measurement(wall_s=wall, peak_bytes=int(gib * 2**30)))


def test_report_gives_ratios_verdicts_and_fallback(tiny_dir: Path):
    stopped = Measurement(wall_s=math.nan, peak_bytes=0, exceeded_bytes=13 * 2**30)
    runs = [
        _run("c", "national", tiny_dir, 4.0, 0.2),
        _run("a", "national", tiny_dir, 10.0, 1.5),
        Run("b", "national", tiny_dir, stopped),
        _run("a", "province", tiny_dir, 2.0, 0.5),
        _run("b", "province", tiny_dir, 20.0, 3.0),
    ]
    ok = {e: Difference(10, 0, 0, 0) for e in ("employer", "regency", "province", "village")}
    targets = {"wall_s": 60.0, "peak_gb": 4.0, "vs_pandas": 5.0, "vs_scan": 3.0}
    text = render(scale="national", runs=runs, check=ok, targets=targets, repeats=3)
    assert "run 3 times, alternately" in text
    assert "| (b) pandas — the same indicators written plainly | national | stopped |" in text
    assert "a/c = 2.50" in text
    assert "(target ≤ 3×: met)" in text
    assert "a/b = 0.100 at province scale" in text
    assert "10.0× faster than pandas" in text
    assert "agree on all 40 indicator rows" in text
    assert "was measured at province scale instead" in text
    bad = {**ok, "village": Difference(10, 1, 0, 2)}
    assert "**pandas and Ibis disagree**" in render(
        scale="national", runs=runs, check=bad, targets=targets
    )


@pytest.mark.slow
def test_benchmark_end_to_end_on_tiny_data(tiny_dir: Path, tmp_path: Path):
    doc = tmp_path / "performance.md"
    doc.write_text(
        "# Performance\n\n<!-- bench:analytics:start -->\nold\n<!-- bench:analytics:end -->\n"
    )
    text = run_benchmark(scale="tiny", data_dir=tiny_dir, doc=doc, repeats=1)
    assert "(a) Ibis on DuckDB" in text
    assert "(c) raw DuckDB scan" in text
    assert "pandas and Ibis agree on all" in text
    written = doc.read_text()
    assert "old" not in written
    assert text.strip() in written
