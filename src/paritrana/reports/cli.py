"""`paritrana results ...` (verifiable result packages, scorecards) and `paritrana worker`."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from paritrana.djangocli import console, setup_django

results_app = typer.Typer(
    help="Published results: verifiable packages and scorecards.", no_args_is_help=True
)

_SHOWN = 50  # differences printed before "... and N more"


@results_app.command("export")
def export_cmd(
    round_id: Annotated[
        str,
        typer.Argument(
            metavar="ROUND", help="<cycle-slug>:national or <cycle-slug>:<province code>"
        ),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the zip")],
) -> None:
    """Write a locked round's verifiable result package (deterministic zip)."""
    setup_django()
    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - Django is set up first
    from paritrana.reports.domain.package import package_build, round_from_identifier  # noqa: PLC0415

    try:
        content = package_build(round=round_from_identifier(round_id))
    except RefusedError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    output.write_bytes(content)
    console.print(f"Wrote {output} ({len(content):,} bytes)")
    console.print(f"SHA-256 {hashlib.sha256(content).hexdigest()}")


@results_app.command("verify")
def verify_cmd(
    package: Annotated[
        Path, typer.Argument(help="A package written by 'paritrana results export'")
    ],
    sha256: Annotated[
        str | None, typer.Option("--sha256", help="The SHA-256 published for the round")
    ] = None,
) -> None:
    """Recompute every score, rank and place from the package alone; exit 1 on any difference."""
    from paritrana.reports.domain.verify import package_verify  # noqa: PLC0415 - pure engine, loaded when used

    if not package.is_file():
        console.print(f"[red]No such file:[/red] {package}")
        raise typer.Exit(2)
    data = package.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    console.print(f"Package SHA-256 {digest}")
    published_differs = sha256 is not None and sha256.strip().lower() != digest
    if published_differs:
        console.print(f"[red]Not the published package:[/red] published SHA-256 is {sha256}")
    with console.status("Recomputing every category with the scoring engine…"):
        report = package_verify(data)
    console.print(
        f"Round {report.round or '?'}: {len(report.categories)} categories, {report.units} units recomputed."
    )
    if report.ok and not published_differs:
        console.print(
            "[green]Verified:[/green] every score, rank and place follows from the package's inputs and method."
        )
        return
    for diff in report.differences[:_SHOWN]:
        console.print(f"[red]differs[/red] {diff}")
    if len(report.differences) > _SHOWN:
        console.print(f"... and {len(report.differences) - _SHOWN} more differences")
    raise typer.Exit(1)


@results_app.command("prepare")
def prepare_cmd(
    round_id: Annotated[
        str,
        typer.Argument(
            metavar="ROUND", help="<cycle-slug>:national or <cycle-slug>:<province code>"
        ),
    ],
) -> None:
    """Compute and store every scorecard's "what would move you up" of a locked round."""
    setup_django()
    from rich.progress import track  # noqa: PLC0415

    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - Django is set up first
    from paritrana.awards.models import Result  # noqa: PLC0415
    from paritrana.reports.domain.package import round_from_identifier  # noqa: PLC0415
    from paritrana.reports.domain.scorecard import scorecard_insight  # noqa: PLC0415

    try:
        rnd = round_from_identifier(round_id)
    except RefusedError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    results = list(Result.objects.filter(run__round=rnd, run__is_final=True).select_related("run"))
    for result in track(results, description="Scorecards", console=console):
        scorecard_insight(result=result)
    console.print(f"{len(results)} scorecards ready for {rnd}.")


def worker_cmd(
    batch: Annotated[bool, typer.Option("--batch", help="Run the queued tasks, then exit")] = False,
) -> None:
    """Run background tasks (certificate batches) from the database queue as they come."""
    setup_django()
    from django.core.management import call_command  # noqa: PLC0415 - Django is set up first

    args = ["db_worker", "--no-reload"]
    if batch:
        args.append("--batch")
    call_command(*args)
