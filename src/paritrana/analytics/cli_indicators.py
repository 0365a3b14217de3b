"""`paritrana indicators compute | bench | docs`: indicators of every entity, their benchmark and page."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from paritrana.analytics.cli_generate import Scale


class BackendName(StrEnum):
    DUCKDB = "duckdb"
    PYSPARK = "pyspark"


def compute(
    data: Annotated[
        Path,
        typer.Option("--data", exists=True, file_okay=False, help="Folder of <dataset>.parquet."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder to write <entity_type>.parquet into.")],
    backend: Annotated[
        BackendName, typer.Option("--backend", help="Ibis backend running the expressions.")
    ] = BackendName.DUCKDB,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            exists=True,
            file_okay=False,
            help="Previous period's data folder (enables year-on-year growth).",
        ),
    ] = None,
    year: Annotated[
        int, typer.Option("--year", min=2000, max=2100, help="Assessment year.")
    ] = 2024,
) -> None:
    """Compute every indicator for every province, regency/city, village and employer."""
    # Heavy imports here so `paritrana --help` stays fast.
    from rich.console import Console  # noqa: PLC0415 - deferred heavy import
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415 - deferred heavy import
    from rich.table import Table  # noqa: PLC0415 - deferred heavy import

    from paritrana.analytics.indicators import ENTITY_TYPES, compute_indicators, connect  # noqa: PLC0415 - deferred heavy import
    from paritrana.analytics.indicators.sources import MissingDatasetError  # noqa: PLC0415 - deferred heavy import

    columns = (TextColumn("{task.description:<12}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task(backend.value, total=len(ENTITY_TYPES))
        completed = iter(range(len(ENTITY_TYPES) + 1))

        def advance(step: str) -> None:
            # Called with each entity type as it starts, then "done".
            bar.update(task, description=step, completed=next(completed))

        try:
            with connect(backend.value) as con:
                written = compute_indicators(
                    con,
                    data_dir=data,
                    out_dir=out,
                    year=year,
                    previous_dir=previous,
                    progress=advance,
                )
        except MissingDatasetError as exc:
            raise typer.BadParameter(str(exc), param_hint="--data/--previous") from exc
    summary = Table("entity type", "rows", title=f"indicators {year} -> {out}")
    for entity, rows in written.items():
        summary.add_row(entity, f"{rows:,}")
    Console().print(summary)


def bench(
    scale: Annotated[Scale, typer.Option("--scale", help="Data preset to measure.")] = Scale.TINY,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            file_okay=False,
            help="Data folder to use (default: var/bench-data/<scale> or $PARITRANA_BENCH_DATA/<scale>, generated when absent).",
        ),
    ] = None,
) -> None:
    """Time the Ibis/DuckDB pipeline against pandas and a raw DuckDB scan; update docs/performance.md."""
    from rich.console import Console  # noqa: PLC0415 - deferred heavy import
    from rich.markdown import Markdown  # noqa: PLC0415 - deferred heavy import

    from paritrana.analytics.bench import run_benchmark  # noqa: PLC0415 - deferred heavy import

    Console().print(Markdown(run_benchmark(scale=scale.value, data_dir=data)))


def docs(
    out: Annotated[Path, typer.Option("--out", help="Where to write the page.")] = Path(
        "docs/indicators.md"
    ),
) -> None:
    """Rewrite docs/indicators.md from the indicator registry."""
    from paritrana.analytics.indicators.doc import write_markdown  # noqa: PLC0415 - deferred heavy import

    typer.echo(f"wrote {write_markdown(out)}")
