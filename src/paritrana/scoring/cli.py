"""CLI for the scoring engine: `paritrana score ...`.

``paritrana score --data D --meta M [--aggmeta A] --pipeline P --out DIR [--sensitivity N]``
scores a dataset; ``rerun``, ``compare`` and ``bench`` are subcommands. Heavy imports
(pandas, the engine) happen inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

if TYPE_CHECKING:
    from paritrana.scoring.record import Phase, RunOutcome

T = TypeVar("T")

score_app = typer.Typer(
    help="Run the composite-indicator scoring pipeline.",
    no_args_is_help=True,
    invoke_without_command=True,
)


def _file(help_text: str) -> Any:
    """An option naming an existing, readable file."""
    return typer.Option(help=help_text, exists=True, dir_okay=False, readable=True)


@score_app.callback(invoke_without_command=True)
def score(
    ctx: typer.Context,
    data: Annotated[Path | None, _file("Unit data: CSV, Parquet or XLSX.")] = None,
    meta: Annotated[
        Path | None, _file("Criteria tree: YAML, COINr iMeta or COINr 0.x IndMeta.")
    ] = None,
    aggmeta: Annotated[Path | None, _file("COINr 0.x AggMeta (with an IndMeta --meta).")] = None,
    pipeline: Annotated[Path | None, _file("Pipeline specification YAML.")] = None,
    out: Annotated[Path | None, typer.Option(help="Folder for every output file.")] = None,
    sensitivity: Annotated[
        int | None, typer.Option(help="Monte Carlo runs; writes sensitivity.csv.", min=1)
    ] = None,
) -> None:
    """Score units: every intermediate dataset, ranks, explanations and run.json into --out."""
    if ctx.invoked_subcommand is not None:
        return
    if data is None or meta is None or pipeline is None or out is None:
        raise typer.BadParameter("scoring needs --data, --meta, --pipeline and --out")
    from paritrana.scoring.record import RunInputs, score_files  # noqa: PLC0415 - keep --help fast

    inputs = RunInputs(data=data, meta=meta, pipeline=pipeline, aggmeta=aggmeta)
    outcome = _guarded(
        lambda phase: score_files(inputs, out, sensitivity_runs=sensitivity, on_phase=phase)
    )
    _report(outcome, out)


@score_app.command()
def rerun(
    record: Annotated[
        Path,
        typer.Argument(help="run.json of an earlier run.", exists=True, dir_okay=False),
    ],
    out: Annotated[
        Path | None, typer.Option(help="Folder for the new outputs (default: <run>-rerun).")
    ] = None,
) -> None:
    """Reproduce a run from its run.json and check every output is identical."""
    from rich.console import Console  # noqa: PLC0415 - keep --help fast

    from paritrana.scoring.record import rerun as rerun_record  # noqa: PLC0415 - keep --help fast

    target = out or record.parent.with_name(record.parent.name + "-rerun")
    outcome, differing = _guarded(lambda phase: rerun_record(record, target, on_phase=phase))
    _report(outcome, target)
    console = Console()
    if differing:
        console.print(f"[red]Not reproduced: {', '.join(differing)} differ.[/red]")
        raise typer.Exit(1)
    console.print("[green]Reproduced bit for bit: every output file is identical.[/green]")


@score_app.command()
def compare(
    before: Annotated[Path, typer.Argument(help="First run: its folder or run.json.")],
    after: Annotated[Path, typer.Argument(help="Second run: its folder or run.json.")],
    node: Annotated[str | None, typer.Option(help="Node to compare (default: the index).")] = None,
    csv: Annotated[Path | None, typer.Option(help="Also write the comparison as CSV.")] = None,
) -> None:
    """Rank changes per unit between two runs."""
    from rich.console import Console  # noqa: PLC0415 - keep --help fast
    from rich.table import Table  # noqa: PLC0415 - keep --help fast

    from paritrana.scoring.record import compare_run_dirs  # noqa: PLC0415 - keep --help fast

    changes = _guarded(lambda _phase: compare_run_dirs(before, after, node))
    if csv is not None:
        changes.to_csv(csv, index_label="code")
    moved = changes[changes["change"].fillna(0) != 0]
    table = Table(title=f"{len(moved)} of {len(changes)} units changed rank")
    for column in ("unit", "before", "after", "change"):
        table.add_column(column, justify="left" if column == "unit" else "right")
    for code, row in moved.iterrows():
        table.add_row(str(code), *(str(row[c]) for c in ("rank_before", "rank_after", "change")))
    Console().print(table)


@score_app.command()
def bench(
    doc: Annotated[Path, typer.Option(help="Performance document to update.")] = Path(
        "docs/performance.md"
    ),
) -> None:
    """Time the scoring engine at national scale and record it in docs/performance.md."""
    from rich.console import Console  # noqa: PLC0415 - keep --help fast
    from rich.markdown import Markdown  # noqa: PLC0415 - keep --help fast

    from paritrana.perfdoc import write_section  # noqa: PLC0415 - keep --help fast
    from paritrana.scoring.bench import run_benchmark  # noqa: PLC0415 - keep --help fast

    markdown = run_benchmark()
    write_section("scoring", markdown, doc)
    Console().print(Markdown(markdown))


def _guarded(work: Callable[[Phase], T]) -> T:
    """Run ``work`` with a rich progress display; scoring refusals become a clean exit 2."""
    from rich.console import Console  # noqa: PLC0415 - keep --help fast
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # noqa: PLC0415 - keep --help fast

    from paritrana.scoring.errors import ScoringError  # noqa: PLC0415 - keep --help fast

    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("starting", total=None)

        def phase(description: str) -> None:
            progress.update(task, description=description)

        try:
            return work(phase)
        except ScoringError as exc:
            progress.stop()
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None


def _report(outcome: RunOutcome, out: Path) -> None:
    from rich.console import Console  # noqa: PLC0415 - keep --help fast
    from rich.table import Table  # noqa: PLC0415 - keep --help fast

    result = outcome.result
    root = result.tree.root
    top = result.ranks.sort_values(root, na_position="last").head(10)
    table = Table(title=f"{result.tree.node(root).label}: top {len(top)} of {len(result.ranks)}")
    table.add_column("rank", justify="right")
    table.add_column("unit")
    table.add_column("score", justify="right")
    for code, rank in top[root].items():
        name = result.units.names.get(str(code), "")
        score = result.scores[root].get(str(code))
        table.add_row(str(rank), f"{code} {name}".strip(), f"{score:.2f}")
    console = Console()
    console.print(table)
    console.print(f"Wrote {len(outcome.outputs)} files and run.json to {out}")
