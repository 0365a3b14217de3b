"""Helpers shared by the judging views."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from paritrana.awards.models import Candidate, Round
from paritrana.judging.domain.sheets import format_score as show_score


def candidate_or_404(pk: int) -> Candidate:
    return get_object_or_404(
        Candidate.objects.select_related(
            "entity", "category", "round__stage", "round__province", "round__cycle"
        ),
        pk=pk,
    )


def round_or_404(pk: int) -> Round:
    return get_object_or_404(Round.objects.select_related("stage", "province", "cycle"), pk=pk)


def sheet_rows(
    criteria: list[Any],
    scores: dict[int, Any],
    data: Any = None,
    problems: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One row per criterion: what is stored, or what was typed when ``data`` is given."""
    problems = problems or {}
    rows = []
    for criterion in criteria:
        score = scores.get(criterion.pk)
        if data is not None:
            value = data.get(f"score-{criterion.pk}", "")
            abstained = bool(data.get(f"abstain-{criterion.pk}"))
            comment = data.get(f"comment-{criterion.pk}", "")
        else:
            value = show_score(score.value) if score else ""
            abstained = bool(score and score.abstained)
            comment = score.comment if score else ""
        rows.append(
            {
                "criterion": criterion,
                "lo": show_score(criterion.rubric_min),
                "hi": show_score(criterion.rubric_max),
                "value": value,
                "abstained": abstained,
                "comment": comment,
                "error": problems.get(criterion.code, ""),
            }
        )
    return rows
