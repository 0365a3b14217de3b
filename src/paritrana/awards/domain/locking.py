"""Locking a round's results, unlocking them, and promoting provincial winners.

A lock freezes the latest run of every category that has confirmed candidates, provided it
is still current (same candidates, data, tree and pipeline: the inputs' digest), and turns
its ranks 1-3 into awards. Locking a provincial round promotes each category's 1st place
into the national round. Every step is audited; locked rounds refuse every edit.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from paritrana.audit.domain import audit_log
from paritrana.awards.domain.deliberation import PODIUM, Provider, deliberation_inputs, latest_run
from paritrana.awards.domain.errors import RefusedError, require_stage, require_unlocked
from paritrana.awards.models import (
    Award,
    AwardCycle,
    Candidate,
    CandidateOrigin,
    CandidateStatus,
    Category,
    Round,
    RoundLevel,
    ScoringRun,
)

NOT_WINNER = "No longer the provincial winner after the provincial round was re-locked."


def _categories_to_lock(rnd: Round) -> list[Category]:
    return list(
        Category.objects.filter(
            cycle_id=rnd.cycle_id,
            candidates__round=rnd,
            candidates__status=CandidateStatus.CONFIRMED,
        )
        .distinct()
        .order_by("order")
    )


def round_lock(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    actor: Any,
    verified: Provider | None = None,
    jury: Provider | None = None,
) -> dict[str, Any]:
    """Freeze the round's results and awards; promote the winners of a provincial round."""
    require_stage(round, "deliberation_open", "Locking the results")
    runs: list[ScoringRun] = []
    problems = []
    for category in _categories_to_lock(round):
        run = latest_run(round=round, category=category)
        if run is None:
            problems.append(f"{category.code} has not been deliberated yet.")
            continue
        current = deliberation_inputs(round=round, category=category, verified=verified, jury=jury)
        if current.digest != run.input_digest:
            problems.append(
                f"{category.code}: candidates, scores, criteria or pipeline changed since run "
                f"#{run.pk}; run the deliberation again."
            )
        runs.append(run)
    if problems:
        raise RefusedError("Cannot lock: " + " ".join(problems))
    with transaction.atomic():
        rnd = Round.objects.select_for_update().select_related("stage").get(pk=round.pk)
        require_unlocked(rnd)
        awards = []
        for run in runs:
            ScoringRun.objects.filter(round=rnd, category=run.category).update(is_final=False)
            ScoringRun.objects.filter(pk=run.pk).update(is_final=True)
            Award.objects.filter(round=rnd, category=run.category, place__isnull=False).delete()
            awards += Award.objects.bulk_create(
                Award(
                    round=rnd,
                    category=run.category,
                    candidate_id=r.candidate_id,
                    group=r.group,
                    place=r.rank,
                    run=run,
                )
                for r in run.results.filter(rank__lte=PODIUM).order_by("group", "rank")
            )
        rnd.locked_at, rnd.locked_by = timezone.now(), actor if getattr(actor, "pk", None) else None
        rnd.save(update_fields=["locked_at", "locked_by"])
        audit_log(
            actor=actor,
            action="round.lock",
            obj=rnd,
            before={"locked": False},
            after={
                "locked": True,
                "final_runs": {r.category.code: r.pk for r in runs},
                "awards": [
                    [
                        a.category.code if hasattr(a, "category") else a.category_id,
                        a.group,
                        a.place,
                        a.candidate_id,
                    ]
                    for a in awards
                ],
            },
        )
        promoted = (
            round_promote(round=rnd, actor=actor) if rnd.level == RoundLevel.PROVINCIAL else []
        )
    round.locked_at = rnd.locked_at
    return {
        "final_runs": {r.category.code: r.pk for r in runs},
        "awards": len(awards),
        "promoted": promoted,
    }


def round_unlock(*, round: Round, actor: Any, reason: str) -> Round:  # noqa: A002 - 'round' is the interface's keyword
    """Reopen a locked round (a reason is required); the next lock needs a fresh run."""
    if not (reason or "").strip():
        raise RefusedError("Unlocking a round needs a reason.")
    with transaction.atomic():
        rnd = Round.objects.select_for_update().get(pk=round.pk)
        if rnd.locked_at is None:
            raise RefusedError(f"{rnd} is not locked.")
        if rnd.level == RoundLevel.PROVINCIAL:
            national = Round.objects.filter(
                cycle_id=rnd.cycle_id, level=RoundLevel.NATIONAL
            ).first()
            if national is not None and national.locked_at is not None:
                raise RefusedError(
                    "The national round is locked: unlock it first, its candidates came from here."
                )
        before = {
            "locked_at": rnd.locked_at,
            "final_runs": list(rnd.runs.filter(is_final=True).values_list("pk", flat=True)),
        }
        rnd.runs.filter(is_final=True).update(is_final=False)
        Award.objects.filter(round=rnd, place__isnull=False).delete()
        rnd.locked_at, rnd.locked_by = None, None
        rnd.save(update_fields=["locked_at", "locked_by"])
        audit_log(
            actor=actor,
            action="round.unlock",
            obj=rnd,
            before=before,
            after={"locked": False, "reason": reason.strip()},
        )
    round.locked_at = None
    return rnd


def round_promote(*, round: Round, actor: Any) -> list[str]:  # noqa: A002 - 'round' is the interface's keyword
    """Put each category's 1st place of a locked provincial round into the national round.

    Idempotent: a winner already promoted is left alone; a candidate promoted by an earlier
    lock that is no longer 1st is withdrawn from the national round (with the reason).
    """
    if round.level != RoundLevel.PROVINCIAL or round.locked_at is None:
        raise RefusedError(f"Only a locked provincial round promotes its winners ({round}).")
    national = Round.objects.select_related("stage").get(
        cycle_id=round.cycle_id, level=RoundLevel.NATIONAL
    )
    winners = list(
        Award.objects.filter(round=round, place=1, category__national_only=False).select_related(
            "candidate__entity", "category"
        )
    )
    winner_ids = {a.candidate_id for a in winners}
    stale = Candidate.objects.filter(round=national, promoted_from__round=round).exclude(
        promoted_from__in=winner_ids
    )
    if not winners and not stale.exists():
        return []
    require_unlocked(national)
    done = []
    with transaction.atomic():
        for award in winners:
            cand, created = Candidate.objects.get_or_create(
                round=national,
                category=award.category,
                entity=award.candidate.entity,
                defaults={
                    "status": CandidateStatus.CONFIRMED,
                    "origin": CandidateOrigin.PROMOTED,
                    "promoted_from": award.candidate,
                    "status_reason": f"1st place, {round.province}",
                },
            )
            if created or cand.status != CandidateStatus.CONFIRMED:
                if not created:
                    Candidate.objects.filter(pk=cand.pk).update(
                        status=CandidateStatus.CONFIRMED,
                        status_reason=f"1st place, {round.province}",
                        version=cand.version + 1,
                    )
                audit_log(
                    actor=actor,
                    action="shortlist.promote",
                    obj=cand,
                    object_repr=f"{cand.entity} · {award.category.code} · {national}",
                    after={
                        "from_round": round.pk,
                        "from_candidate": award.candidate_id,
                        "entity": cand.entity.code,
                    },
                )
                done.append(f"{award.category.code}: {cand.entity}")
        for cand in stale.exclude(status=CandidateStatus.REMOVED).select_related("entity"):
            Candidate.objects.filter(pk=cand.pk).update(
                status=CandidateStatus.REMOVED, status_reason=NOT_WINNER, version=cand.version + 1
            )
            audit_log(
                actor=actor,
                action="shortlist.withdraw",
                obj=cand,
                before={"status": cand.status},
                after={"status": CandidateStatus.REMOVED, "reason": NOT_WINNER},
            )
    return done


def cycle_promote(*, cycle: AwardCycle, actor: Any) -> list[str]:
    """Promote the winners of every locked provincial round of the cycle (idempotent)."""
    done = []
    for rnd in cycle.rounds.filter(
        level=RoundLevel.PROVINCIAL, locked_at__isnull=False
    ).select_related("province"):
        done += round_promote(round=rnd, actor=actor)
    return done


def award_special_set(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    category: Category,
    candidate: Candidate | None,
    name: str,
    actor: Any,
) -> Award | None:
    """Give (or with ``candidate`` None, withdraw) a special award of the round's category."""
    require_stage(round, "deliberation_open", "Setting special awards")
    if candidate is not None and (
        candidate.round_id != round.pk
        or candidate.category_id != category.pk
        or candidate.status != CandidateStatus.CONFIRMED
    ):
        raise RefusedError("Special awards go to confirmed candidates of this round and category.")
    with transaction.atomic():
        old = Award.objects.filter(round=round, category=category, special=name).first()
        before = old.candidate_id if old else None
        if old is not None:
            old.delete()
        award = None
        if candidate is not None:
            award = Award.objects.create(
                round=round, category=category, candidate=candidate, special=name
            )
        audit_log(
            actor=actor,
            action="award.special",
            obj=round,
            object_repr=f"{name} · {category.code} · {round}",
            before={"candidate": before},
            after={"candidate": candidate.pk if candidate else None},
        )
    return award
