"""What the portal and verification views share: loading the candidacy, page context."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin

from paritrana.awards.models import Candidate
from paritrana.submissions.conf import evidence_max_bytes
from paritrana.submissions.domain.queries import (
    candidate_for_page,
    questionnaire_rows,
    stage_steps,
    submission_of,
)
from paritrana.submissions.domain.state import editing_refusal, verification_refusal
from paritrana.submissions.models import Submission

# htmx fragments answer 200 even when they carry a refusal: htmx does not swap 4xx
# responses by default, and the fragment is where the message must appear.
BAD_REQUEST = 400
CONFLICT = 409


class CandidateMixin(PermissionRequiredMixin):
    """Loads the candidacy named by ``pk`` (404 if missing) as the permission object."""

    candidate_kwarg = "pk"

    @cached_property
    def candidate(self) -> Candidate:
        found = candidate_for_page(self.kwargs[self.candidate_kwarg]).first()
        if found is None:
            raise Http404
        return found

    def get_permission_object(self) -> Any:
        return self.candidate

    @cached_property
    def submission(self) -> Submission | None:
        return submission_of(self.candidate)


def questionnaire_context(
    *, candidate: Candidate, submission: Submission | None, overrides: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    """Rows of the questionnaire with per-question overrides (typed value, error, message)."""
    rows = questionnaire_rows(candidate=candidate, submission=submission)
    for row in rows:
        for key, value in overrides.get(row.question.pk, {}).items():
            setattr(row, key, value)
    return {
        "candidate": candidate,
        "submission": submission,
        "rows": rows,
        "steps": stage_steps(candidate=candidate),
        "editing_refusal": editing_refusal(candidate=candidate, submission=submission),
        "verification_refusal": verification_refusal(candidate=candidate, submission=submission),
        "evidence_max_mb": f"{evidence_max_bytes() / 1024 / 1024:g}",
    }
