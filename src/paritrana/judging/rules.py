"""Who may do what with the jury (django-rules). Every view names one of these perms.

Object-level: a candidate for the juror's pages, a round (or anything with ``.round``,
e.g. a panel) for the committee's. A juror reaches a candidate only when assigned to it and
not conflicted with it; he changes his sheet only while the round's stage has
``scoring_open`` and the round is not locked.
"""

from __future__ import annotations

from typing import Any

import rules

from paritrana.accounts.rules import (
    is_juror,
    is_national_committee,
    is_provincial_committee,
)
from paritrana.awards.rules import round_of, runs_round, stage_allows
from paritrana.judging.domain.conflicts import juror_is_conflicted
from paritrana.judging.models import Assignment, PanelMember


def _candidate(obj: Any) -> Any:
    # Views pass a Candidate; anything else (a round, None) is not a candidate.
    return obj if obj is not None and hasattr(obj, "entity_id") else None


@rules.predicate
def is_conflicted(user: Any, candidate: Any) -> bool:
    """Declared, or flagged and not cleared by the committee."""
    candidate = _candidate(candidate)
    if candidate is None or not user.is_authenticated:
        return False
    return juror_is_conflicted(juror=user, candidate=candidate)


@rules.predicate
def is_assigned(user: Any, candidate: Any) -> bool:
    candidate = _candidate(candidate)
    if candidate is None or not user.is_authenticated:
        return False
    return Assignment.objects.filter(juror=user, candidate=candidate).exists()


is_assigned_juror = is_juror & is_assigned & ~is_conflicted


@rules.predicate
def sits_on_round(user: Any, obj: Any) -> bool:
    """A member of a panel of the object's round (he may declare conflicts there)."""
    rnd = round_of(obj)
    if rnd is None or not user.is_authenticated:
        return False
    return PanelMember.objects.filter(panel__round=rnd, juror=user).exists()


is_committee = is_national_committee | is_provincial_committee

rules.add_perm("judging.view_interviews", is_juror)
rules.add_perm("judging.view_candidate", is_assigned_juror | runs_round)
rules.add_perm("judging.score_candidate", is_assigned_juror & stage_allows("scoring_open"))
rules.add_perm("judging.declare_conflict", is_juror & sits_on_round)
rules.add_perm("judging.list_panels", is_committee)
rules.add_perm("judging.manage_panels", runs_round)
rules.add_perm("judging.view_statistics", runs_round)
