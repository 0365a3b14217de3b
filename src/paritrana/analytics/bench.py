"""Benchmark of the indicator pipeline: Ibis on DuckDB against pandas and against a raw scan.

In one run, each in its own child process (so peak memory is its own): (a) the Ibis/DuckDB
pipeline writing every indicator table, (b) the same indicators written plainly in pandas,
checked to give the same numbers, (c) a raw DuckDB scan of every column the pipeline reads,
the floor no pipeline can beat. Data come from ``<bench root>/<scale>/`` (generated when
absent); (a) and (c) run three times, alternately, and report medians. pandas runs at the
requested scale if it stays under a memory cap, otherwise at ``province`` scale, and the
report says so. Timings are reported, never asserted.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from paritrana.analytics.indicators.catalog import INDICATORS
from paritrana.analytics.indicators.measure import Measurement, measure
from paritrana.analytics.schema import DATASETS

#: Where benchmark data live, one folder per scale (override with PARITRANA_BENCH_DATA).
#: Benchmark data are generated once and reused; national scale takes ~400 MB.
DEFAULT_BENCH_ROOT = Path("var/bench-data")
BENCH_SEED = 1
FALLBACK_SCALE = "province"
#: pandas is stopped past this resident set (override with PARITRANA_BENCH_PANDAS_GB); the
#: machines are shared, so it also stays under 60% of the memory available at the start.
PANDAS_CAP_GB = 12.0
#: Runs of (a) and (c) per benchmark: the machines are shared, a median is steadier than one run.
REPEATS = 3
TARGETS = {"wall_s": 60.0, "peak_gb": 4.0, "vs_pandas": 5.0, "vs_scan": 3.0}

#: Join keys and filters the pipeline reads besides the indicators' own source columns.
_KEYS = (
    "participants.npp", "participants.work_regency", "participants.home_village",
    "employers.npp", "employers.regency", "employers.scale", "employers.headcount",
    "employers.ownership", "employers.owner_region", "contributions.npp", "contributions.month",
    "workforce.regency", "workforce.year", "budgets.region_code", "budgets.level",
    "budgets.year", "budgets.own_staff", "regulations.region_code", "regulations.level",
    "minimum_wages.regency", "minimum_wages.year",
)  # fmt: skip
_GB = 2**30
#: Modules each job imports before its clock starts (imports are not what is compared).
_PRELOAD = {
    "a": ("pandas", "pyarrow.parquet", "duckdb", "ibis", "paritrana.analytics.indicators"),
    "b": ("pandas", "pyarrow.parquet", "paritrana.analytics.indicators.baseline_pandas"),
    "c": ("duckdb", "paritrana.analytics.indicators.backends"),
}


def columns_read() -> dict[str, list[str]]:
    """Every column of every dataset the pipeline reads, in schema order."""
    wanted = {s for i in INDICATORS for s in i.sources if not s.startswith("indicator.")}
    wanted.update(_KEYS)
    return {
        name: [c for c in dataset.column_names if f"{name}.{c}" in wanted]
        for name, dataset in DATASETS.items()
    }


def ibis_job(data_dir: Path, out_dir: Path) -> dict[str, int]:
    """(a) The real pipeline, as `paritrana indicators compute` runs it."""
    from paritrana.analytics.indicators import compute_indicators, connect  # noqa: PLC0415 - child process only

    with connect("duckdb") as con:
        return compute_indicators(con, data_dir=data_dir, out_dir=out_dir)


def pandas_job(data_dir: Path, out_dir: Path) -> dict[str, int]:
    """(b) The pandas baseline."""
    from paritrana.analytics.indicators.baseline_pandas import compute_pandas  # noqa: PLC0415 - child process only

    return compute_pandas(data_dir=data_dir, out_dir=out_dir)


def scan_job(data_dir: Path) -> dict[str, int]:
    """(c) Read and decode every column the pipeline reads, once, with the same DuckDB settings."""
    import duckdb  # noqa: PLC0415 - child process only

    from paritrana.analytics.indicators.backends import DEFAULT_MEMORY_LIMIT, DEFAULT_THREADS  # noqa: PLC0415 - child process only

    config: dict[str, str | bool | int | float | list[str]] = {
        "threads": DEFAULT_THREADS,
        "memory_limit": DEFAULT_MEMORY_LIMIT,
    }
    con = duckdb.connect(config=config)
    con.execute("SET enable_progress_bar = false")
    rows = {}
    for name, columns in columns_read().items():
        # max() must decode every value; count(column) could be answered from metadata.
        selects = ", ".join(["count(*)", *(f'max("{c}")' for c in columns)])
        query = f"SELECT {selects} FROM read_parquet($path)"  # noqa: S608 - names from the schema
        result = con.execute(query, {"path": str(data_dir / f"{name}.parquet")}).fetchone()
        rows[name] = int(result[0]) if result else 0
    con.close()
    return rows


def bench_root() -> Path:
    return Path(os.environ.get("PARITRANA_BENCH_DATA", str(DEFAULT_BENCH_ROOT)))


def ensure_data(scale: str, data_dir: Path | None = None) -> Path:
    """The benchmark data of a scale: reused when every dataset is there, else generated."""
    path = data_dir or bench_root() / scale
    if all((path / f"{name}.parquet").exists() for name in DATASETS):
        return path
    from paritrana.analytics.generate import generate  # noqa: PLC0415 - only when data are missing

    generate(scale=scale, seed=BENCH_SEED, out=path)
    return path


def _pandas_cap() -> int:
    cap = float(os.environ.get("PARITRANA_BENCH_PANDAS_GB", PANDAS_CAP_GB)) * _GB
    available = _available_bytes()
    return int(min(cap, 0.6 * available)) if available else int(cap)


def _available_bytes() -> int:
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


def run_benchmark(
    *, scale: str, data_dir: Path | None, doc: Path | None = None, repeats: int = REPEATS
) -> str:
    """Measure (a), (b), (c); write the analytics section of ``doc`` (docs/performance.md)."""
    from paritrana.analytics.indicators.bench_report import Run, render  # noqa: PLC0415 - keeps this module light for child processes
    from paritrana.analytics.indicators.compare import compare_outputs  # noqa: PLC0415 - see above
    from paritrana.perfdoc import DEFAULT_DOC, write_section  # noqa: PLC0415 - see above

    data = ensure_data(scale, data_dir)
    with tempfile.TemporaryDirectory(prefix="paritrana-bench-") as tmp:
        out = Path(tmp)
        c, a = _scan_and_ibis(data, out / "a", repeats)
        runs = [Run("c", scale, data, c), Run("a", scale, data, a)]
        pandas_scale, pandas_data = scale, data
        b = _pandas(data, out / "b")
        if not b.completed and scale != FALLBACK_SCALE:
            runs.append(Run("b", scale, data, b))
            pandas_scale, pandas_data = FALLBACK_SCALE, ensure_data(FALLBACK_SCALE)
            _, a_small = _scan_and_ibis(pandas_data, out / "a_small", repeats)
            runs.append(Run("a", pandas_scale, pandas_data, a_small))
            b = _pandas(pandas_data, out / "b")
        runs.append(Run("b", pandas_scale, pandas_data, b))
        ibis_out = out / ("a" if pandas_scale == scale else "a_small")
        check = compare_outputs(ibis_out, out / "b") if b.completed else None
        markdown = render(scale=scale, runs=runs, check=check, targets=TARGETS, repeats=repeats)
    write_section("analytics", markdown, doc or DEFAULT_DOC)
    return markdown


def _scan_and_ibis(data: Path, out: Path, repeats: int) -> tuple[Measurement, Measurement]:
    """(c) and (a), alternated ``repeats`` times so both see the same machine load; medians."""
    measure(scan_job, {"data_dir": data}, preload=_PRELOAD["c"])  # warm the page cache
    scans, pipelines = [], []
    for _ in range(repeats):
        scans.append(measure(scan_job, {"data_dir": data}, preload=_PRELOAD["c"]))
        kwargs = {"data_dir": data, "out_dir": out}
        pipelines.append(measure(ibis_job, kwargs, preload=_PRELOAD["a"]))
    return _median(scans), _median(pipelines)


def _median(runs: list[Measurement]) -> Measurement:
    """Median wall time; the highest peak (memory must fit every time, not typically)."""
    middle = sorted(runs, key=lambda m: m.wall_s)[len(runs) // 2]
    return replace(middle, peak_bytes=max(m.peak_bytes for m in runs))


def _pandas(data: Path, out: Path) -> Measurement:
    kwargs: dict[str, Any] = {"data_dir": data, "out_dir": out}
    return measure(pandas_job, kwargs, preload=_PRELOAD["b"], memory_cap_bytes=_pandas_cap())
