"""`paritrana bench`: every benchmark in one run, written to docs/performance.md.

Each benchmark times its target against a baseline measured in the same run and reports
ratios; none of this is a test assertion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown


def bench_cmd(
    scale: Annotated[
        str,
        typer.Option(
            help="Data preset for the indicator benchmark: tiny, demo, province, national"
        ),
    ] = "national",
    data: Annotated[
        Path | None,
        typer.Option(file_okay=False, help="Existing data folder (default: generated or reused)"),
    ] = None,
    only: Annotated[
        str, typer.Option(help="Run one benchmark only: analytics or scoring (default: both)")
    ] = "",
) -> None:
    """Benchmark the indicator pipeline (vs pandas and a raw scan) and the scoring engine."""
    from paritrana.perfdoc import write_section  # noqa: PLC0415 - heavy imports stay in the command

    console = Console()
    if only not in {"", "analytics", "scoring"}:
        raise typer.BadParameter("expected analytics or scoring", param_hint="--only")
    if only in {"", "analytics"}:
        from paritrana.analytics.bench import run_benchmark as analytics_bench  # noqa: PLC0415

        console.rule(f"Indicator pipeline ({scale})")
        console.print(Markdown(analytics_bench(scale=scale, data_dir=data)))
    if only in {"", "scoring"}:
        from paritrana.scoring.bench import run_benchmark as scoring_bench  # noqa: PLC0415

        console.rule("Scoring engine")
        markdown = scoring_bench()
        write_section("scoring", markdown)
        console.print(Markdown(markdown))
    console.print("Results written to docs/performance.md")
