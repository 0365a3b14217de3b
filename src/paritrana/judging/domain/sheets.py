"""Interview score sheets: saving (also by autosave), submitting, and who sees what.

Every save is all or nothing: one score outside its rubric refuses the whole save with a
message per criterion, so the sheet on the server never holds half of a typed form.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from paritrana.audit.domain import audit_log
from paritrana.awards.models import CriteriaNode
from paritrana.judging.domain.conflicts import juror_is_conflicted
from paritrana.judging.domain.errors import JudgingError, SheetRefusedError
from paritrana.judging.domain.queries import jury_criteria
from paritrana.judging.models import Assignment, Score, ScoreSheet

_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class ScoreInput:
    """What the juror typed for one criterion: the raw text is kept to show it back."""

    value: str = ""
    abstained: bool = False
    comment: str = ""


def scoring_refusal(*, juror: Any, candidate: Any) -> str | None:
    """Why this juror may not change his sheet for this candidate now (None: he may)."""
    rnd = candidate.round
    if rnd.locked_at is not None:
        return _("The round is locked; scores can no longer change.")
    if not rnd.stage.scoring_open:
        return _("Scoring is not open in the current stage (%(stage)s).") % {"stage": rnd.stage}
    if not Assignment.objects.filter(juror=juror, candidate=candidate).exists():
        return _("You are not assigned to this candidate.")
    if juror_is_conflicted(juror=juror, candidate=candidate):
        return _("You have a conflict of interest with this candidate.")
    return None


def format_score(value: Decimal | None) -> str:
    """A score as a person would type it: 7.5 and 8, not 7.50 and 8.00."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return str(value.normalize())


def _parse(text: str, criterion: CriteriaNode) -> tuple[Decimal | None, str | None]:
    """(value, problem) of one typed score; an empty field is not scored yet."""
    text = text.strip().replace(",", ".")  # Indonesian keyboards type a decimal comma
    if not text:
        return None, None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, _("%(name)s: “%(text)s” is not a number.") % {
            "name": criterion.name,
            "text": text,
        }
    lo, hi = criterion.rubric_min, criterion.rubric_max
    if not value.is_finite() or (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, _("%(name)s: %(value)s is outside the rubric range %(lo)s–%(hi)s.") % {
            "name": criterion.name,
            "value": text,
            "lo": format_score(lo),
            "hi": format_score(hi),
        }
    if value != value.quantize(_PLACES):
        return None, _("%(name)s: use at most two decimals.") % {"name": criterion.name}
    return value, None


def _snapshot(sheet: ScoreSheet) -> dict[str, Any]:
    scores = {
        s.criterion.code: {"value": s.value, "abstained": s.abstained, "comment": s.comment}
        for s in sheet.scores.select_related("criterion")
    }
    return {"comment": sheet.comment, "scores": scores}


def sheet_save(
    *,
    juror: Any,
    candidate: Any,
    entries: Mapping[int, ScoreInput],
    comment: str,
    actor: Any,
) -> ScoreSheet:
    """Save what the juror typed (criterion pk -> input); all or nothing, audited."""
    refusal = scoring_refusal(juror=juror, candidate=candidate)
    if refusal:
        raise JudgingError(refusal)
    criteria = {c.pk: c for c in jury_criteria(category=candidate.category_id)}
    unknown = set(entries) - set(criteria)
    if unknown:
        raise JudgingError(
            _("These criteria are not on this candidate's rubric: %(ids)s.")
            % {"ids": ", ".join(map(str, sorted(unknown)))}
        )
    values, problems = {}, {}
    for pk, entry in entries.items():
        value, problem = (None, None) if entry.abstained else _parse(entry.value, criteria[pk])
        values[pk] = value
        if problem:
            problems[criteria[pk].code] = problem
    if problems:
        raise SheetRefusedError(
            _("Nothing was saved: %(problems)s") % {"problems": " ".join(problems.values())},
            problems,
        )
    with transaction.atomic():
        sheet, _created = ScoreSheet.objects.select_for_update().get_or_create(
            juror=juror, candidate=candidate
        )
        if sheet.is_submitted:
            raise JudgingError(_("This score sheet is already submitted and cannot change."))
        before = _snapshot(sheet)
        sheet.comment = comment.strip()
        sheet.save(update_fields=["comment", "updated_at"])
        for pk, entry in entries.items():
            Score.objects.update_or_create(
                sheet=sheet,
                criterion_id=pk,
                defaults={
                    "value": values[pk],
                    "abstained": entry.abstained,
                    "comment": entry.comment.strip(),
                },
            )
        after = _snapshot(sheet)
        if after != before:
            audit_log(actor=actor, action="score_sheet.save", obj=sheet, before=before, after=after)
    return sheet


def sheet_submit(*, juror: Any, candidate: Any, actor: Any) -> ScoreSheet:
    """Submit the sheet: every criterion scored or abstained; it cannot change afterwards."""
    refusal = scoring_refusal(juror=juror, candidate=candidate)
    if refusal:
        raise JudgingError(refusal)
    with transaction.atomic():
        sheet = ScoreSheet.objects.select_for_update().filter(juror=juror, candidate=candidate)
        sheet = sheet.first()
        if sheet is None:
            raise JudgingError(_("Score the candidate before submitting."))
        if sheet.is_submitted:
            raise JudgingError(_("This score sheet is already submitted."))
        done = {s.criterion_id for s in sheet.scores.all() if s.abstained or s.value is not None}
        missing = {
            c.code: _("%(name)s: give a score or abstain.") % {"name": c.name}
            for c in jury_criteria(category=candidate.category_id)
            if c.pk not in done
        }
        if missing:
            raise SheetRefusedError(
                _("Not submitted: %(problems)s") % {"problems": " ".join(missing.values())},
                missing,
            )
        sheet.submitted_at = timezone.now()
        sheet.save(update_fields=["submitted_at", "updated_at"])
        audit_log(actor=actor, action="score_sheet.submit", obj=sheet, after=_snapshot(sheet))
    return sheet


def sheet_is_blind(*, juror: Any, candidate: Any) -> bool:
    """The juror's panel for this candidate scores blind."""
    return Assignment.objects.filter(juror=juror, candidate=candidate, panel__blind=True).exists()


def other_sheets_visible(*, juror: Any, candidate: Any, own: ScoreSheet | None) -> bool:
    """In blind mode a juror sees the others' scores only once his own sheet is submitted."""
    if own is not None and own.is_submitted:
        return True
    return not sheet_is_blind(juror=juror, candidate=candidate)
