"""Assigning jurors to candidates: automatically (balanced, conflict-free) or by hand."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.judging.domain.conflicts import conflicts_table
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.domain.planning import plan_assignments
from paritrana.judging.domain.queries import jury_candidates
from paritrana.judging.models import (
    Assignment,
    AssignmentOrigin,
    Panel,
    PanelMember,
    ScoreSheet,
)


def _refuse_locked(panel: Panel) -> None:
    if panel.round.locked_at is not None:
        raise JudgingError(_("The round is locked; its jury can no longer change."))


def assignments_generate(*, panel: Panel, k: int, actor: Any) -> list[Assignment]:
    """Replace the panel's assignments with a balanced, conflict-free plan of ``k`` per candidate.

    Every interviewed candidate of the round gets exactly ``k`` of the panel's jurors, each
    juror's load is within one of every other's, and nobody gets a candidate he is
    conflicted with. Refused (nothing changed) when that is impossible -- the message names
    the candidates or jurors at fault -- or once a juror has started scoring, since
    replacing the plan would orphan his sheet.
    """
    _refuse_locked(panel)
    candidates = list(jury_candidates(round=panel.round))
    members = list(PanelMember.objects.filter(panel=panel).select_related("juror"))
    juror_ids = [m.juror_id for m in members]
    current = Assignment.objects.filter(panel=panel)
    if ScoreSheet.objects.filter(
        juror_id__in=juror_ids,
        candidate_id__in=current.values("candidate_id"),
        scores__isnull=False,
    ).exists():
        raise JudgingError(
            _(
                "Jurors of this panel have started scoring; regenerating would discard their "
                "assignments. Add or remove assignments by hand instead."
            )
        )
    table = conflicts_table(juror_ids=juror_ids, candidates=candidates)
    # A juror already interviewing a candidate for another panel of the round is not
    # assigned it twice.
    elsewhere = set(
        Assignment.objects.filter(juror_id__in=juror_ids, candidate__in=candidates)
        .exclude(panel=panel)
        .values_list("juror_id", "candidate_id")
    )
    plan = plan_assignments(
        candidates=[c.pk for c in candidates],
        jurors=juror_ids,
        conflicts=table.conflicted_pairs() | elsewhere,
        k=k,
        candidate_labels={c.pk: f"{c.entity.name} ({c.category.code})" for c in candidates},
        juror_labels={m.juror_id: str(m.juror) for m in members},
    )
    with transaction.atomic():
        before = sorted(current.values_list("juror_id", "candidate_id"))
        current.delete()
        created = Assignment.objects.bulk_create(
            Assignment(panel=panel, juror_id=j, candidate_id=c, origin=AssignmentOrigin.AUTO)
            for j, c in plan
        )
        audit_log(
            actor=actor,
            action="assignments.generate",
            obj=panel,
            before={"assignments": before},
            after={"k": k, "assignments": plan},
        )
    return created


def assignment_add(*, panel: Panel, juror: Any, candidate: Any, actor: Any) -> Assignment:
    """Assign by hand; refused with the reason when the juror is conflicted (nothing changes)."""
    _refuse_locked(panel)
    if not PanelMember.objects.filter(panel=panel, juror=juror).exists():
        raise JudgingError(_("%(juror)s is not on this panel.") % {"juror": juror})
    if not jury_candidates(round=panel.round_id).filter(pk=candidate.pk).exists():
        raise JudgingError(
            _("%(candidate)s is not interviewed in this round.") % {"candidate": candidate}
        )
    table = conflicts_table(juror_ids=[juror.pk], candidates=[candidate])
    if table.is_conflicted(juror.pk, candidate.pk):
        raise JudgingError(
            _(
                "%(juror)s has a conflict of interest with %(candidate)s (%(reasons)s); not assigned."
            )
            % {
                "juror": juror,
                "candidate": candidate.entity.name,
                "reasons": "; ".join(table.reasons(juror.pk, candidate.pk)),
            }
        )
    if Assignment.objects.filter(juror=juror, candidate=candidate).exists():
        raise JudgingError(
            _("%(juror)s is already assigned to %(candidate)s.")
            % {"juror": juror, "candidate": candidate.entity.name}
        )
    with transaction.atomic():
        assignment = Assignment.objects.create(
            panel=panel, juror=juror, candidate=candidate, origin=AssignmentOrigin.MANUAL
        )
        audit_log(
            actor=actor,
            action="assignment.add",
            obj=panel,
            after={"juror": juror.pk, "candidate": candidate.pk},
        )
    return assignment


def assignment_remove(*, assignment: Assignment, actor: Any) -> None:
    """Remove by hand; refused once the juror has submitted his sheet for the candidate."""
    _refuse_locked(assignment.panel)
    if ScoreSheet.objects.filter(
        juror_id=assignment.juror_id,
        candidate_id=assignment.candidate_id,
        submitted_at__isnull=False,
    ).exists():
        raise JudgingError(
            _("%(juror)s has already submitted a score sheet for this candidate.")
            % {"juror": assignment.juror}
        )
    with transaction.atomic():
        pair = {"juror": assignment.juror_id, "candidate": assignment.candidate_id}
        assignment.delete()
        audit_log(actor=actor, action="assignment.remove", obj=assignment.panel, before=pair)
