"""Queries the pages and the CLI share (counts in one query, no N+1)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from paritrana.accounts.roles import committee_provinces
from paritrana.accounts.rules import is_national_committee
from paritrana.awards.models import AwardCycle, CandidateStatus, Category, Round, RoundLevel


def visible_rounds(user: Any, cycle: AwardCycle, *, everyone: bool = False) -> QuerySet[Round]:
    """Rounds the user runs (all with ``everyone``), with candidate counts (one query)."""
    rounds = Round.objects.filter(cycle=cycle).select_related("stage", "province__zone")
    if not everyone and not is_national_committee(user):
        rounds = rounds.filter(province_id__in=committee_provinces(user))
    return rounds.annotate(
        proposed=Count("candidates", filter=Q(candidates__status=CandidateStatus.PROPOSED)),
        confirmed=Count("candidates", filter=Q(candidates__status=CandidateStatus.CONFIRMED)),
    ).order_by("-level", "province_id")


def round_categories(rnd: Round) -> QuerySet[Category]:
    """The categories competing in ``rnd`` with candidate counts (one query)."""
    mine = Q(candidates__round=rnd)
    categories = Category.objects.filter(cycle_id=rnd.cycle_id)
    if rnd.level == RoundLevel.PROVINCIAL:
        categories = categories.filter(national_only=False)
    return categories.annotate(
        proposed=Count("candidates", filter=mine & Q(candidates__status=CandidateStatus.PROPOSED)),
        confirmed=Count(
            "candidates", filter=mine & Q(candidates__status=CandidateStatus.CONFIRMED)
        ),
        removed=Count("candidates", filter=mine & Q(candidates__status=CandidateStatus.REMOVED)),
    ).order_by("order")
