"""`paritrana data import`: validate membership extracts and store them in a cycle.

Exit status: 0 when every file is stored (or was already), 1 when a file is rejected or the
store cannot be used (nothing changed), 2 for a usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from paritrana.analytics.importing import ImportReport


def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="CSV, XLSX or Parquet files, named after their dataset (participants.csv, "
            "employers.parquet, contributions.xlsx, ...).",
            show_default=False,
            metavar="PATH",
        ),
    ],
    cycle: Annotated[
        str,
        typer.Option("--cycle", help="Award cycle to import into, e.g. 2024.", show_default=False),
    ],
    store: Annotated[
        Path | None,
        typer.Option(
            "--store",
            help="Analytics store; default $PARITRANA_ANALYTICS_DIR, else ./var/analytics.",
            show_default=False,
        ),
    ] = None,
    dataset: Annotated[
        str | None,
        typer.Option("--dataset", help="Dataset of the (single) file, when its name does not say."),
    ] = None,
) -> None:
    """Validate files against the declared schema and store them: all of them, or none."""
    # Heavy imports (DuckDB, pyarrow, openpyxl) only when the command runs: --help stays fast.
    from paritrana.analytics.importing import StoreError, import_files  # noqa: PLC0415 - see above

    if dataset is not None and len(paths) > 1:
        raise typer.BadParameter("--dataset names the dataset of one file; pass one PATH")
    console = Console(highlight=False)
    try:
        with console.status("importing…") as status:
            report = import_files(
                paths,
                cycle=cycle,
                store=store,
                dataset=dataset,
                progress=lambda message: status.update(escape(message) + "…"),
            )
    except StoreError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from exc
    _print(console, report)
    if not report.ok:
        raise typer.Exit(1)


def _print(console: Console, report: ImportReport) -> None:
    table = Table("file", "dataset", "format", "rows", "status", "problems")
    for f in report.files:
        table.add_row(
            escape(f.file),
            f.dataset or "?",
            str(f.format or "?"),
            f"{f.rows:,}",
            str(f.status),
            f"{f.problem_count:,}",
        )
    console.print(table)
    for problem in report.problems:
        console.print(escape(str(problem)))
    hidden = report.problem_count - len(report.problems)
    if hidden:
        console.print(f"… and {hidden:,} more problems not shown (at most 100 per file).")
    if report.ok:
        console.print(f"Cycle {escape(report.cycle)} is stored in {escape(str(report.store))}.")
    else:
        console.print(
            f"[red]Rejected:[/red] {report.problem_count:,} problems; "
            f"nothing was stored, cycle {escape(report.cycle)} is unchanged."
        )
