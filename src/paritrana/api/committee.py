"""Committee endpoints (session login): where each round of a cycle stands.

The national committee sees every round, a provincial committee its province's; anyone
else signed in gets 403, anonymous callers 401. A round that does not exist is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from paritrana.accounts.roles import committee_provinces
from paritrana.accounts.rules import is_national_committee
from paritrana.api import schemas
from paritrana.api.params import CycleSlug, Id
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import AwardCycle, CandidateStatus, Round
from paritrana.web.public.queries import round_key

router = Router(tags=["committee"], auth=django_auth)
ERRORS = {401: schemas.Error, 403: schemas.Error, 404: schemas.Error, 422: schemas.Error}


def _counted(rounds: QuerySet[Round]) -> QuerySet[Round]:
    """Candidate and submission counts in one query (a submission is one per candidate)."""

    def status(value: str) -> Q:
        return Q(candidates__status=value)

    return rounds.select_related("stage").annotate(
        proposed=Count("candidates", filter=status(CandidateStatus.PROPOSED)),
        confirmed=Count("candidates", filter=status(CandidateStatus.CONFIRMED)),
        removed=Count("candidates", filter=status(CandidateStatus.REMOVED)),
        submitted=Count(
            "candidates__submission", filter=Q(candidates__submission__status="SUBMITTED")
        ),
        draft=Count("candidates__submission", filter=Q(candidates__submission__status="DRAFT")),
    )


def _status(rnd: Any) -> dict[str, Any]:
    return {
        "id": rnd.pk,
        "key": round_key(rnd),
        "level": rnd.level,
        "province_code": rnd.province_id,
        "stage_code": rnd.stage.code,
        "stage_name": rnd.stage.name,
        "locked": rnd.locked_at is not None,
        "published": round_is_published(rnd),
        "candidates": {k: getattr(rnd, k) for k in ("proposed", "confirmed", "removed")},
        "submissions": {k: getattr(rnd, k) for k in ("draft", "submitted")},
    }


@router.get(
    "/committee/cycles/{cycle}/status",
    response={200: schemas.CycleStatusOut, **ERRORS},
    summary="Stage and counts of every round of the cycle that the caller runs",
)
def cycle_status(request: Any, cycle: CycleSlug) -> dict[str, Any]:
    user = request.auth
    if not user.has_perm("awards.view_cycles"):
        raise HttpError(403, "Only committees see the status of a cycle.")
    found = get_object_or_404(AwardCycle, slug=cycle)
    rounds = Round.objects.filter(cycle=found)
    if not is_national_committee(user):
        rounds = rounds.filter(province_id__in=committee_provinces(user))
    rounds = _counted(rounds).order_by("-level", "province_id")
    return {"slug": found.slug, "name": found.name, "rounds": [_status(r) for r in rounds]}


@router.get(
    "/committee/rounds/{round_id}/status",
    response={200: schemas.RoundStatusOut, **ERRORS},
    summary="Stage and counts of one round (its committee only)",
)
def round_status(request: Any, round_id: Id) -> dict[str, Any]:
    rnd = get_object_or_404(_counted(Round.objects.filter(pk=round_id)))
    if not request.auth.has_perm("awards.view_round", rnd):
        raise HttpError(403, "Only the committee running this round sees its status.")
    return _status(rnd)
