"""Queries the judging pages and services share."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from paritrana.awards.models import Candidate, CandidateStatus, CriteriaNode, CriterionSource


def jury_candidates(*, round: Any) -> QuerySet[Candidate]:  # noqa: A002 - the domain's word
    """Candidates of a round that are interviewed: not removed, in a category with interview."""
    return (
        Candidate.objects.filter(round=round, category__has_interview=True)
        .exclude(status=CandidateStatus.REMOVED)
        .select_related("entity", "category")
        .order_by("category__order", "category__code", "entity__name", "pk")
    )


def jury_criteria(*, category: Any) -> QuerySet[CriteriaNode]:
    """The rubric criteria a juror scores for a category, in the order of the criteria tree."""
    return CriteriaNode.objects.filter(category=category, source=CriterionSource.JURY).order_by(
        "parent__order", "order", "code"
    )
