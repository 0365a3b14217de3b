"""Who may act on a round, and what its current stage allows.

Other apps build on these: a committee verifies answers of candidates in rounds it runs,
a juror scores only while the round's stage has ``scoring_open``, and so on. Views check
who (``runs_round``, ``is_national_committee``); the domain functions refuse, with a
message, what the round's state does not allow (a closed stage, a locked round).
"""

from __future__ import annotations

from typing import Any

import rules

from paritrana.accounts.rules import (
    is_national_committee,
    is_provincial_committee,
    runs_province,
)


def round_of(obj: Any) -> Any:
    """The Round an object belongs to (a Round, a Candidate, or anything with ``.round``)."""
    if obj is None:
        return None
    if hasattr(obj, "level") and hasattr(obj, "stage_id"):
        return obj
    return round_of(getattr(obj, "round", None) or getattr(obj, "candidate", None))


@rules.predicate
def runs_round(user: Any, obj: Any) -> bool:
    """National committee runs every round; a provincial committee runs its province's."""
    rnd = round_of(obj)
    if rnd is None:
        return False
    if is_national_committee(user):
        return True
    return rnd.province_id is not None and runs_province(user, rnd.province_id)


def stage_allows(flag: str) -> Any:
    """Predicate: the current stage of the object's round has capability ``flag``."""

    @rules.predicate(name=f"stage_allows_{flag}")
    def check(_user: Any, obj: Any) -> bool:
        rnd = round_of(obj)
        return rnd is not None and rnd.locked_at is None and bool(getattr(rnd.stage, flag))

    return check


@rules.predicate
def round_is_locked(_user: Any, obj: Any) -> bool:
    rnd = round_of(obj)
    return rnd is not None and rnd.locked_at is not None


rules.add_perm("awards.view_round", runs_round)
rules.add_perm("awards.act_on_round", runs_round)
rules.add_perm("awards.edit_shortlist", runs_round & stage_allows("shortlist_editable"))
rules.add_perm("awards.deliberate", runs_round & stage_allows("deliberation_open"))
rules.add_perm("awards.lock_round", runs_round & stage_allows("deliberation_open"))
rules.add_perm("awards.unlock_round", runs_round & round_is_locked)
rules.add_perm("awards.manage_cycles", is_national_committee)
rules.add_perm("awards.view_cycles", is_national_committee | is_provincial_committee)
