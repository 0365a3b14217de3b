"""Synthetic data -> analytics store -> indicators, each step skipped when already done."""

from __future__ import annotations

from pathlib import Path

from paritrana.analytics.paths import (
    ENTITY_TYPES,
    cycle_data_dir,
    cycle_indicators_dir,
    indicator_table,
)
from paritrana.demo.options import ANALYTICS_CYCLE, DemoOptions
from paritrana.demo.progress import Progress


class DemoDataError(RuntimeError):
    """The generated data could not be imported (a generator/importer mismatch)."""


COMPLETE = ".complete"  # written after the generator returned: no half-written nation


def _generated(folder: Path) -> bool:
    return (folder / COMPLETE).is_file()


def data_generate(*, options: DemoOptions, progress: Progress) -> Path:
    from paritrana.analytics.generate import generate  # noqa: PLC0415 - heavy, only when run

    out = options.data_path / options.scale
    if _generated(out):
        progress.note(f"Synthetic data already in {out}; not generated again.")
        return out
    progress.phase(f"Generating the '{options.scale}' nation", total=None)
    seen: set[str] = set()

    def advance(stage: str, _fraction: float) -> None:
        # The generator reports each stage's own fraction: count the stages instead.
        if stage not in seen:
            seen.add(stage)
            progress.advance()

    generate(scale=options.scale, seed=options.seed, out=out, progress=advance)
    (out / COMPLETE).write_text(f"scale={options.scale} seed={options.seed}\n")
    return out


def data_import(*, options: DemoOptions, folder: Path, progress: Progress) -> None:
    """Store the datasets through the importer (validated; a re-import changes nothing)."""
    from paritrana.analytics.importing import import_files  # noqa: PLC0415 - heavy, only when run

    files = sorted(folder.glob("*.parquet"))
    progress.phase("Importing into the analytics store", total=len(files))
    report = import_files(
        files,
        cycle=ANALYTICS_CYCLE,
        store=options.store_path,
        progress=lambda _message: None,
    )
    progress.advance(len(files))
    if not report.ok:
        shown = "; ".join(str(p) for p in report.problems[:5])
        raise DemoDataError(f"the generated data were refused by the importer: {shown}")


def indicators_compute(*, options: DemoOptions, progress: Progress) -> None:
    from paritrana.analytics.indicators import compute_indicators, connect  # noqa: PLC0415 - heavy

    store = options.store_path
    progress.phase("Computing indicators (DuckDB)", total=len(ENTITY_TYPES))
    with connect("duckdb") as con:
        compute_indicators(
            con,
            data_dir=cycle_data_dir(store, ANALYTICS_CYCLE),
            out_dir=cycle_indicators_dir(store, ANALYTICS_CYCLE),
            progress=lambda step: progress.advance(0 if step == "done" else 1),
        )


def indicators_ready(options: DemoOptions) -> bool:
    store = options.store_path
    return all(indicator_table(store, ANALYTICS_CYCLE, e).is_file() for e in ENTITY_TYPES)


def analytics_prepare(*, options: DemoOptions, progress: Progress) -> None:
    # Indicators are computed last, from the imported data: when they exist, so does the rest.
    if indicators_ready(options):
        progress.note(
            f"Indicators of cycle {ANALYTICS_CYCLE} already computed; data steps skipped."
        )
        return
    folder = data_generate(options=options, progress=progress)
    data_import(options=options, folder=folder, progress=progress)
    indicators_compute(options=options, progress=progress)
