"""`paritrana cycle ...`: what a committee scripts about award cycles."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

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


# --- screening, deliberation, lock, promotion, status -----------------------------------
# Each command sets Django up itself and prints what it did; a refusal exits with 1.


def _cycle(slug: str) -> Any:
    from paritrana.awards.models import AwardCycle  # noqa: PLC0415 - Django is set up first

    cycle = AwardCycle.objects.filter(slug=slug).first()
    if cycle is None:
        console.print(f"[red]Refused:[/red] no award cycle {slug!r} (see: paritrana cycle status).")
        raise typer.Exit(1)
    return cycle


def _actor(username: str | None) -> Any:
    if not username:
        return None
    from paritrana.accounts.models import User  # noqa: PLC0415 - Django is set up first

    user = User.objects.filter(username=username).first()
    if user is None:
        console.print(f"[red]Refused:[/red] no user {username!r}.")
        raise typer.Exit(1)
    return user


def _round(cycle: Any, which: str) -> Any:
    from paritrana.awards.models import RoundLevel  # noqa: PLC0415 - Django is set up first

    rounds = cycle.rounds.select_related("stage", "province", "cycle")
    found = (
        rounds.filter(level=RoundLevel.NATIONAL).first()
        if which.lower() == "national"
        else rounds.filter(province_id=which).first()
    )
    if found is None:
        console.print(
            f"[red]Refused:[/red] no round {which!r}: use 'national' or a province code such as 32."
        )
        raise typer.Exit(1)
    return found


ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Username recorded in the audit log (default: system)")
]


@cycle_app.command("screen")
def cycle_screen_cmd(
    slug: Annotated[str, typer.Argument(help="The cycle's slug")], actor: ActorOption = None
) -> None:
    """Rank every eligible entity per province on the computed indicators and propose the top N."""
    setup_django()
    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - after Django setup
    from paritrana.awards.domain.screening import screening_run  # noqa: PLC0415 - after Django setup

    cycle, user = _cycle(slug), _actor(actor)
    try:
        with console.status("Screening…") as status:
            summary = screening_run(
                cycle=cycle, actor=user, progress=lambda m: status.update(f"Screening: {m}")
            )
    except RefusedError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    for code, count in summary["categories"].items():
        console.print(f"{code:20} {count:>6} proposed")
    if summary["skipped"]:
        console.print(
            f"[yellow]Skipped[/yellow] (not in a screening stage or locked): {len(summary['skipped'])} rounds"
        )
    console.print(f"{summary['proposed']} proposals in total.")


@cycle_app.command("deliberate")
def cycle_deliberate_cmd(
    slug: Annotated[str, typer.Argument(help="The cycle's slug")],
    round_: Annotated[
        str | None,
        typer.Option(
            "--round", help="'national' or a province code; default: every round in deliberation"
        ),
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="One category code; default: all with confirmed candidates")
    ] = None,
    actor: ActorOption = None,
) -> None:
    """Score, rank, test robustness and explain the candidates of rounds in deliberation."""
    setup_django()
    from paritrana.awards.domain.deliberation import deliberation_run  # noqa: PLC0415 - after Django setup
    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - after Django setup
    from paritrana.awards.domain.queries import round_categories  # noqa: PLC0415 - after Django setup

    cycle, user = _cycle(slug), _actor(actor)
    rounds = (
        [_round(cycle, round_)]
        if round_
        else [
            r
            for r in cycle.rounds.select_related("stage", "province", "cycle")
            if r.stage.deliberation_open and not r.locked_at
        ]
    )
    if not rounds:
        console.print("[red]Refused:[/red] no round of this cycle is in a deliberation stage.")
        raise typer.Exit(1)
    refused = 0
    for rnd in rounds:
        for cat in round_categories(rnd):
            if (category and cat.code != category) or (not category and not cat.confirmed):
                continue
            try:
                run = deliberation_run(round=rnd, category=cat, actor=user)
            except RefusedError as exc:
                refused += 1
                console.print(f"[red]Refused[/red] {rnd} {cat.code}: {exc}")
                continue
            podium = (
                run.results.filter(rank__lte=3)
                .select_related("candidate__entity")
                .order_by("group", "rank")
            )
            top = "; ".join(
                f"{r.group + ' ' if r.group else ''}{r.rank}. {r.candidate.entity} ({r.score:.2f}, keeps {r.p_keep_rank:.0%})"
                for r in podium
            )
            console.print(f"{rnd} · {cat.code}: run #{run.pk} — {top}")
    if refused:
        raise typer.Exit(1)


@cycle_app.command("lock")
def cycle_lock_cmd(
    slug: Annotated[str, typer.Argument(help="The cycle's slug")],
    round_: Annotated[str, typer.Option("--round", help="'national' or a province code, e.g. 32")],
    actor: ActorOption = None,
) -> None:
    """Freeze a round's latest runs, ranks and awards; a provincial round promotes its winners."""
    setup_django()
    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - after Django setup
    from paritrana.awards.domain.locking import round_lock  # noqa: PLC0415 - after Django setup

    cycle, user = _cycle(slug), _actor(actor)
    rnd = _round(cycle, round_)
    try:
        outcome = round_lock(round=rnd, actor=user)
    except RefusedError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"Locked {rnd}: final runs {outcome['final_runs']}, {outcome['awards']} awards.")
    for line in outcome["promoted"]:
        console.print(f"Promoted to the national round: {line}")


@cycle_app.command("promote")
def cycle_promote_cmd(
    slug: Annotated[str, typer.Argument(help="The cycle's slug")], actor: ActorOption = None
) -> None:
    """Promote the 1st places of every locked provincial round into the national round (idempotent)."""
    setup_django()
    from paritrana.awards.domain.errors import RefusedError  # noqa: PLC0415 - after Django setup
    from paritrana.awards.domain.locking import cycle_promote  # noqa: PLC0415 - after Django setup

    cycle, user = _cycle(slug), _actor(actor)
    try:
        done = cycle_promote(cycle=cycle, actor=user)
    except RefusedError as exc:
        console.print(f"[red]Refused:[/red] {exc}")
        raise typer.Exit(1) from exc
    for line in done:
        console.print(f"Promoted: {line}")
    console.print(f"{len(done)} newly promoted (winners already promoted are left as they are).")


@cycle_app.command("status")
def cycle_status_cmd(slug: Annotated[str, typer.Argument(help="The cycle's slug")]) -> None:
    """Every round of the cycle: stage, candidates, lock; and the last screening."""
    setup_django()
    from rich.table import Table  # noqa: PLC0415 - only this command draws a table

    from paritrana.awards.domain.queries import visible_rounds  # noqa: PLC0415 - after Django setup

    cycle = _cycle(slug)
    table = Table(title=f"{cycle.name} ({cycle.slug})")
    for column in ("round", "stage", "proposed", "confirmed", "locked"):
        table.add_column(column)
    for rnd in visible_rounds(None, cycle, everyone=True):
        name = rnd.province.name if rnd.province else "National"
        table.add_row(
            name,
            rnd.stage.code,
            str(rnd.proposed),
            str(rnd.confirmed),
            f"{rnd.locked_at:%Y-%m-%d %H:%M}" if rnd.locked_at else "",
        )
    console.print(table)
    job = cycle.screenings.first()
    console.print(
        f"Last screening: {job.status} {job.finished_at or ''} {job.error}"
        if job
        else "Not screened yet."
    )
