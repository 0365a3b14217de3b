"""`paritrana data generate`: write a synthetic nation's datasets as Parquet."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Scale(StrEnum):
    """The presets of :data:`paritrana.analytics.generate.SCALES` (kept in step by a test)."""

    TINY = "tiny"
    DEMO = "demo"
    PROVINCE = "province"
    NATIONAL = "national"


def generate(
    out: Annotated[Path, typer.Option("--out", help="Directory to write <dataset>.parquet into.")],
    scale: Annotated[Scale, typer.Option("--scale", help="Size preset.")] = Scale.TINY,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Same seed, same bytes.")] = 1,
    year: Annotated[
        int, typer.Option("--year", min=2000, max=2100, help="Assessment year.")
    ] = 2024,
    province: Annotated[
        str | None,
        typer.Option("--province", help="Province code for --scale province (default 32)."),
    ] = None,
) -> None:
    """Generate a synthetic nation (participants, employers, contributions, workforce,
    budgets, regulations, minimum wages) on the real region codes."""
    # Heavy imports here so `paritrana --help` stays fast.
    from rich.console import Console  # noqa: PLC0415 - deferred heavy import
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: PLC0415 - deferred heavy import
    from rich.table import Table  # noqa: PLC0415 - deferred heavy import

    from paritrana.analytics.generate import generate as run  # noqa: PLC0415 - deferred heavy import
    from paritrana.analytics.generate_scales import resolve_scale  # noqa: PLC0415 - deferred heavy import

    try:
        resolve_scale(scale.value, province)  # reject bad options before drawing a bar
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description:<14}"),
        BarColumn(),
        TextColumn("{task.percentage:>5.1f}%"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("regions", total=1.0)

        def advance(stage: str, fraction: float) -> None:
            bar.update(task, description=stage, completed=fraction)

        try:
            counts = run(
                scale=scale.value,
                seed=seed,
                out=out,
                year=year,
                province=province,
                progress=advance,
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    summary = Table("dataset", "rows", title=f"{scale.value} (seed {seed}) -> {out}")
    for name, rows in counts.items():
        summary.add_row(name, f"{rows:,}")
    Console().print(summary)
