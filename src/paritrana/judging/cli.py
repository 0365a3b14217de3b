"""`paritrana cycle assign-jurors`: the automatic jury assignment, for committees that script."""

from __future__ import annotations

from typing import Annotated

import typer

from paritrana.djangocli import console, setup_django


def assign_jurors_cmd(
    round_id: Annotated[int, typer.Option("--round", help="Round id (see the jury pages)")],
    k: Annotated[int, typer.Option("--k", help="Jurors per candidate")],
    panel_id: Annotated[
        int | None, typer.Option("--panel", help="Panel id; needed when the round has several")
    ] = None,
) -> None:
    """Give every interviewed candidate of the round k jurors of its panel, loads balanced within one, no conflicts."""
    setup_django()
    from paritrana.judging.domain.assignments import assignments_generate  # noqa: PLC0415
    from paritrana.judging.domain.errors import JudgingError  # noqa: PLC0415
    from paritrana.judging.models import Panel  # noqa: PLC0415

    panels = list(Panel.objects.filter(round_id=round_id).select_related("round"))
    if panel_id is not None:
        panels = [p for p in panels if p.pk == panel_id]
    if len(panels) != 1:
        found = ", ".join(f"{p.pk} ({p.name})" for p in panels) or "none"
        console.print(
            f"[red]Refused:[/red] choose one panel of round {round_id} with --panel; found: {found}."
        )
        raise typer.Exit(1)
    panel = panels[0]
    try:
        created = assignments_generate(panel=panel, k=k, actor=None)
    except JudgingError as exc:
        console.print(f"[red]Refused:[/red] {exc}\nNothing was changed.")
        raise typer.Exit(1) from exc
    loads: dict[int, int] = {}
    for assignment in created:
        loads[assignment.juror_id] = loads.get(assignment.juror_id, 0) + 1
    candidates = len({a.candidate_id for a in created})
    console.print(
        f"Panel {panel.name}: {len(created)} assignments, {candidates} candidates x {k} jurors; "
        f"loads {min(loads.values(), default=0)}-{max(loads.values(), default=0)} per juror."
    )
