"""Moving rounds through the stages; entering a criteria-locked stage locks the criteria."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from paritrana.audit.domain import audit_log
from paritrana.awards.domain.errors import RefusedError, require_unlocked
from paritrana.awards.models import Category, Round, Stage

#: Stage capabilities that change a round's data; a locked round may enter no stage with one.
EDITING_FLAGS = (
    "shortlist_editable",
    "submissions_open",
    "verification_open",
    "scoring_open",
    "deliberation_open",
)


def round_stage_set(*, round: Round, stage: Stage, actor: Any) -> Round:  # noqa: A002 - 'round' is the interface's keyword
    """Put ``round`` in ``stage`` (any stage of its cycle, forwards or back); audited.

    A locked round only moves to stages that change nothing (publication): its results
    are frozen until an audited unlock.
    """
    if stage.cycle_id != round.cycle_id:
        raise RefusedError(f"stage {stage} belongs to another cycle")
    with transaction.atomic():
        rnd = Round.objects.select_for_update().select_related("stage").get(pk=round.pk)
        if any(getattr(stage, flag) for flag in EDITING_FLAGS):
            require_unlocked(rnd)  # a locked round may still move on to publication
        if rnd.stage_id == stage.pk:
            return rnd
        before = rnd.stage.code
        rnd.stage = stage
        rnd.save(update_fields=["stage"])
        audit_log(
            actor=actor,
            action="round.stage",
            obj=rnd,
            before={"stage": before},
            after={"stage": stage.code},
        )
        if stage.criteria_locked:
            criteria_lock_cycle(
                cycle_id=rnd.cycle_id, actor=actor, reason=f"{rnd} entered {stage.code}"
            )
    round.stage = stage
    return rnd


def round_advance(*, round: Round, actor: Any) -> Round:  # noqa: A002 - 'round' is the interface's keyword
    """Move ``round`` to the next stage of its cycle."""
    nxt = (
        Stage.objects.filter(cycle_id=round.cycle_id, order__gt=round.stage.order)
        .order_by("order")
        .first()
    )
    if nxt is None:
        raise RefusedError(f"{round} is already in the last stage ({round.stage.name}).")
    return round_stage_set(round=round, stage=nxt, actor=actor)


def criteria_lock_cycle(*, cycle_id: int, actor: Any, reason: str) -> list[str]:
    """Lock the criteria of every category of the cycle that is not locked yet."""
    locked = []
    for category in Category.objects.select_for_update().filter(
        cycle_id=cycle_id, criteria_locked=False
    ):
        category.criteria_locked = True
        category.save(update_fields=["criteria_locked"])
        audit_log(
            actor=actor,
            action="criteria.lock",
            obj=category,
            before={"criteria_locked": False},
            after={"criteria_locked": True, "reason": reason},
        )
        locked.append(category.code)
    return locked
