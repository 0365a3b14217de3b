"""The committee's edits of a shortlist: confirm, remove, add, each audited.

Two committee members may have the same shortlist open: every edit names the version of
the candidate it was made on, and a stale version is refused (optimistic locking) rather
than silently overwriting the other member's decision.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from paritrana.audit.domain import audit_log
from paritrana.awards.domain.entities import EMPLOYER_KINDS, entities_for_codes
from paritrana.awards.domain.errors import RefusedError, StaleEditError, require_stage
from paritrana.awards.domain.store import employers
from paritrana.awards.models import (
    Candidate,
    CandidateOrigin,
    CandidateStatus,
    Category,
    Round,
)

SHORTLIST = "shortlist_editable"


def _state(c: Candidate) -> dict[str, Any]:
    return {"status": c.status, "reason": c.status_reason, "version": c.version}


def _change(
    *, candidate: Candidate, version: int, status: str, reason: str, actor: Any, action: str
) -> Candidate:
    with transaction.atomic():
        current = (
            Candidate.objects.select_for_update(of=("self",))
            .select_related("round__stage", "round__cycle", "round__province", "entity", "category")
            .get(pk=candidate.pk)
        )
        require_stage(current.round, SHORTLIST, "Editing the shortlist")
        if current.version != int(version):
            raise StaleEditError(
                f"{current.entity} was changed by someone else since you opened the page "
                f"(now {current.get_status_display()}); nothing was saved. Reload and try again."
            )
        before = _state(current)
        updated = Candidate.objects.filter(pk=current.pk, version=current.version).update(
            status=status, status_reason=reason, version=F("version") + 1
        )
        if not updated:  # pragma: no cover - the row lock above makes this unreachable
            raise StaleEditError("The candidate changed while saving; reload and try again.")
        current.refresh_from_db()
        audit_log(
            actor=actor,
            action=action,
            obj=current,
            object_repr=f"{current.entity} · {current.category.code} · {current.round}",
            before=before,
            after=_state(current),
        )
    return current


def candidate_confirm(
    *, candidate: Candidate, version: int, actor: Any, reason: str = ""
) -> Candidate:
    """Confirm a proposed (or re-admit a removed) candidate."""
    return _change(
        candidate=candidate,
        version=version,
        status=CandidateStatus.CONFIRMED,
        reason=reason.strip(),
        actor=actor,
        action="shortlist.confirm",
    )


def candidate_remove(*, candidate: Candidate, version: int, reason: str, actor: Any) -> Candidate:
    """Remove a candidate from the shortlist; a reason is required."""
    if not (reason or "").strip():
        raise RefusedError("Removing a candidate needs a reason.")
    return _change(
        candidate=candidate,
        version=version,
        status=CandidateStatus.REMOVED,
        reason=reason.strip(),
        actor=actor,
        action="shortlist.remove",
    )


def candidate_add(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    category: Category,
    code: str,
    reason: str,
    actor: Any,
) -> Candidate:
    """Add an entity the screening did not propose (confirmed at once); a reason is required."""
    if not (reason or "").strip():
        raise RefusedError("Adding a candidate needs a reason.")
    if category.cycle_id != round.cycle_id:
        raise RefusedError("That category belongs to another cycle.")
    require_stage(round, SHORTLIST, "Editing the shortlist")
    code = code.strip()
    register = None
    if category.entity_kind in EMPLOYER_KINDS:
        register = employers(
            round.cycle,
            sectors=[category.sector] if category.sector else None,
            scales=category.scales or None,
            npps=[code],
        )
        where = set(register["province"])
        register = register.set_index("npp")
    else:
        where = {code.split(".")[0]}
    if round.province_id and round.province_id not in where:
        raise RefusedError(f"{code} is not an eligible {category.code} entity of {round.province}.")
    entity = entities_for_codes(kind=category.entity_kind, codes=[code], register=register).get(
        code
    )
    if entity is None:
        raise RefusedError(f"No eligible {category.code} entity has the code {code}.")
    try:
        with transaction.atomic():
            candidate = Candidate.objects.create(
                round=round,
                category=category,
                entity=entity,
                status=CandidateStatus.CONFIRMED,
                origin=CandidateOrigin.MANUAL,
                status_reason=reason.strip(),
            )
            audit_log(
                actor=actor,
                action="shortlist.add",
                obj=candidate,
                object_repr=f"{entity} · {category.code} · {round}",
                after={**_state(candidate), "entity": entity.code, "origin": candidate.origin},
            )
    except IntegrityError as exc:
        raise RefusedError(
            f"{entity} is already on this shortlist (perhaps removed: re-confirm it)."
        ) from exc
    return candidate
