"""When a questionnaire may be edited and when answers may be verified.

Stages are data: a candidate edits while the round's current stage has
``submissions_open`` (until its ``ends_at`` when set), the committee verifies while it has
``verification_open``; a locked round allows neither.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from paritrana.awards.models import Candidate, CandidateStatus
from paritrana.submissions.models import Submission


def _when(moment: dt.datetime) -> str:
    return str(formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT"))


def editing_refusal(
    *, candidate: Candidate, submission: Submission | None, now: dt.datetime | None = None
) -> str | None:
    """Why the candidate cannot change its questionnaire now, or None when it can."""
    now = now or timezone.now()
    rnd = candidate.round
    stage = rnd.stage
    if candidate.status == CandidateStatus.REMOVED:
        return _("This candidacy was withdrawn by the committee; the questionnaire is closed.")
    if rnd.locked_at is not None:
        return _("The round is locked; the questionnaire can no longer be changed.")
    if submission is not None and submission.is_submitted:
        return _("The questionnaire was submitted on %(when)s and can no longer be changed.") % {
            "when": _when(submission.submitted_at or now)
        }
    if not stage.submissions_open:
        return _(
            "The questionnaire is not open in the current stage (%(stage)s); nothing was saved."
        ) % {"stage": stage.name}
    if stage.ends_at is not None and now > stage.ends_at:
        return _("The deadline (%(when)s) has passed; nothing was saved.") % {
            "when": _when(stage.ends_at)
        }
    return None


def verification_refusal(*, candidate: Candidate, submission: Submission | None) -> str | None:
    """Why the committee cannot record verification decisions now, or None when it can."""
    rnd = candidate.round
    if rnd.locked_at is not None:
        return _("The round is locked; verification decisions can no longer change.")
    if not rnd.stage.verification_open:
        return _(
            "Verification is not open in the current stage (%(stage)s); nothing was changed."
        ) % {"stage": rnd.stage.name}
    if submission is None or not submission.is_submitted:
        return _("The candidate has not submitted its questionnaire; there is nothing to verify.")
    return None
