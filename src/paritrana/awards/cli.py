"""`paritrana cycle ...`: what a committee scripts about award cycles."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from paritrana.djangocli import console, setup_django
from paritrana.judging.cli import assign_jurors_cmd

cycle_app = typer.Typer(
    help="Award cycles: create, screen, assign, lock, promote.", no_args_is_help=True
)
cycle_app.command("assign-jurors")(assign_jurors_cmd)


@cycle_app.command("create")
def cycle_create_cmd(
    slug: Annotated[str, typer.Argument(help="Short identifier, e.g. paritrana-2025")],
    name: Annotated[str, typer.Option(help="Display name")],
    assessment_start: Annotated[
        dt.datetime, typer.Option(formats=["%Y-%m-%d"], help="First day of the assessment period")
    ],
    assessment_end: Annotated[
        dt.datetime, typer.Option(formats=["%Y-%m-%d"], help="Last day of the assessment period")
    ],
    ceremony_year: Annotated[int, typer.Option(help="Year of the award ceremony")],
    analytics_cycle: Annotated[
        str, typer.Option(help="Analytics store folder of this cycle's data")
    ] = "",
) -> None:
    """Create a cycle with default categories, criteria, stages, 38 provincial rounds and the national round."""
    setup_django()
    from paritrana.awards.domain.cycles import cycle_create  # noqa: PLC0415
    from paritrana.awards.models import AwardCycle  # noqa: PLC0415

    if AwardCycle.objects.filter(slug=slug).exists():
        console.print(f"[yellow]Cycle {slug!r} already exists; nothing changed.[/yellow]")
        return
    try:
        cycle = cycle_create(
            name=name,
            slug=slug,
            assessment_start=assessment_start.date(),
            assessment_end=assessment_end.date(),
            ceremony_year=ceremony_year,
            analytics_cycle=analytics_cycle,
            actor=None,
        )
    except ValueError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(
        f"Created {cycle.name}: {cycle.categories.count()} categories, "
        f"{cycle.rounds.count()} rounds, stage {cycle.stages.first()}."
    )
