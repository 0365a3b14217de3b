"""Who may see and do what with submissions (object-level ``rules`` predicates).

Permissions say *who*: the candidate's own accounts, the committee running the round,
jurors assigned to the candidate. *When* (stage open, deadline, round locked, already
submitted) is checked by the domain functions, which refuse with a message the page
shows, so a closed questionnaire explains itself instead of answering 403.

Signed-in users without the permission get 403 for an object that exists (404 only
when it does not): candidacies are not secret, their contents are.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import rules

from paritrana.accounts.rules import is_candidate, is_national_committee, is_provincial_committee
from paritrana.awards.rules import runs_round

_LINKS_ATTR = "_paritrana_candidate_links"


def candidate_of(obj: Any) -> Any:
    """The Candidate an object belongs to (Candidate, Submission, Answer, Evidence, FieldNote)."""
    if obj is None:
        return None
    if hasattr(obj, "entity_id") and hasattr(obj, "category_id"):
        return obj
    submission = getattr(obj, "submission", None)
    if submission is not None:
        return submission.candidate
    return getattr(obj, "candidate", None)


def linked_candidate_ids(user: Any) -> frozenset[int]:
    """Candidacies the user's accounts speak for; read once per request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _LINKS_ATTR, None)
    if cached is None:
        cached = frozenset(user.candidate_links.values_list("candidate_id", flat=True))
        setattr(user, _LINKS_ATTR, cached)
    return cached


def forget_candidate_links(user: Any) -> None:
    if hasattr(user, _LINKS_ATTR):
        delattr(user, _LINKS_ATTR)


@rules.predicate
def represents_candidate(user: Any, obj: Any) -> bool:
    """The user's organisation is this candidate, or the provincial candidacy it was promoted
    from (a provincial winner keeps its accounts in the national round)."""
    candidate = candidate_of(obj)
    if candidate is None or not is_candidate(user):
        return False
    linked = linked_candidate_ids(user)
    return candidate.pk in linked or (
        candidate.promoted_from_id is not None and candidate.promoted_from_id in linked
    )


@rules.predicate
def runs_candidates_round(user: Any, obj: Any) -> bool:
    candidate = candidate_of(obj)
    return candidate is not None and runs_round.test(user, candidate)


def _juror_predicate() -> Any:
    # The judging app exposes ``is_assigned_juror(user, candidate)`` once it lands; until
    # then no juror is assigned to anything.
    try:
        module = import_module("paritrana.judging.rules")
    except ModuleNotFoundError:
        return None
    return getattr(module, "is_assigned_juror", None)


@rules.predicate
def is_assigned_juror(user: Any, obj: Any) -> bool:
    predicate = _juror_predicate()
    candidate = candidate_of(obj)
    if predicate is None or candidate is None:
        return False
    test = getattr(predicate, "test", predicate)
    return bool(test(user, candidate))


@rules.predicate
def is_candidates_own_file(_user: Any, evidence: Any) -> bool:
    """Evidence the candidate uploaded (field-verification files are the committee's)."""
    return evidence is not None and getattr(evidence, "question_id", None) is not None


is_committee = is_national_committee | is_provincial_committee

rules.add_perm("submissions.view_portal", is_candidate)
rules.add_perm(
    "submissions.view_submission",
    represents_candidate | runs_candidates_round | is_assigned_juror,
)
rules.add_perm("submissions.edit_submission", represents_candidate)
rules.add_perm("submissions.view_verification_index", is_committee)
rules.add_perm("submissions.view_verification", runs_round)
rules.add_perm("submissions.verify_answer", runs_candidates_round)
rules.add_perm("submissions.invite_candidate", runs_candidates_round)
rules.add_perm(
    "submissions.download_evidence",
    (represents_candidate & is_candidates_own_file) | runs_candidates_round | is_assigned_juror,
)
