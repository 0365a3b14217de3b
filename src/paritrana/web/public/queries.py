"""What the public pages read: published rounds, their final runs and rankings.

Every lookup starts from ``published_rounds()``, so an unpublished round is simply not
found (404) whoever asks. A ranking is frozen once its round is locked, so it is cached by
its final run and the round's lock time (an unlock and re-lock changes the key).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import Http404

from paritrana.awards.domain.publication import (
    published_rounds,
    round_is_published,
    run_still_published,
)
from paritrana.awards.models import Award, AwardCycle, Category, Result, Round, ScoringRun
from paritrana.regions.models import Zone
from paritrana.web.public.links import report_url

NATIONAL = "national"
CACHE_SECONDS = 24 * 3600


def round_key(rnd: Round) -> str:
    """How a round is named in public URLs: ``national`` or the province code."""
    return NATIONAL if rnd.province_id is None else str(rnd.province_id)


def public_rounds() -> QuerySet[Round]:
    return published_rounds().select_related("cycle", "province__zone", "stage")


def published_cycles() -> list[tuple[AwardCycle, list[Round]]]:
    """Cycles with at least one published round, newest first, with those rounds."""
    by_cycle: dict[int, list[Round]] = defaultdict(list)
    cycles: dict[int, AwardCycle] = {}
    rounds = public_rounds().order_by("-cycle__ceremony_year", "cycle__name", "-level", "province")
    for rnd in rounds:
        cycles.setdefault(rnd.cycle_id, rnd.cycle)
        by_cycle[rnd.cycle_id].append(rnd)
    return [(cycles[pk], by_cycle[pk]) for pk in cycles]


def public_cycle(slug: str) -> tuple[AwardCycle, list[Round]]:
    for cycle, rounds in published_cycles():
        if cycle.slug == slug:
            return cycle, rounds
    raise Http404("No published results for this cycle.")


def public_round(*, cycle_slug: str, key: str) -> Round:
    """The published round ``key`` (``national`` or a province code) of a cycle, or 404."""
    rounds = public_rounds().filter(cycle__slug=cycle_slug)
    rounds = (
        rounds.filter(province__isnull=True) if key == NATIONAL else rounds.filter(province=key)
    )
    rnd = rounds.first()
    if rnd is None:
        raise Http404("No published results for this round.")
    return rnd


def final_runs(rounds: list[Round]) -> QuerySet[ScoringRun]:
    """The final (locked) runs of the rounds, with their categories; the record is left out."""
    return (
        ScoringRun.objects.filter(round__in=rounds, is_final=True)
        .select_related("category")
        .defer("record")
        .order_by("category__order", "category__code")
    )


def public_run(rnd: Round, code: str) -> ScoringRun:
    """The final run of category ``code`` in a published round, or 404 (record deferred)."""
    run = (
        ScoringRun.objects.filter(round=rnd, category__code=code, is_final=True)
        .select_related("category")
        .defer("record")
        .first()
    )
    if run is None:
        raise Http404("No published results for this category.")
    return run


def public_final_run(*, cycle_slug: str, key: str, code: str) -> ScoringRun:
    """The final run of category ``code`` in a published round, with its round.

    The busiest lookup: every ranking request makes it. The run found is cached with its
    round's lock time; each request then only asks whether that round is still published
    *with the same lock* and this run still final (one small query,
    ``run_still_published``): an unlock, a re-lock or leaving the publication stage makes
    it fail and the full lookup runs again.
    """
    target = hashlib.sha256(f"{cycle_slug}\0{key}\0{code}".encode()).hexdigest()
    cache_id = f"paritrana:public:target:{target}"
    run = cache.get(cache_id)
    if run is not None and run_still_published(run.pk, run.round_id, run.round.locked_at):
        return run
    run = _final_run(cycle_slug=cycle_slug, key=key, code=code)
    cache.set(cache_id, run, CACHE_SECONDS)
    return run


def _final_run(*, cycle_slug: str, key: str, code: str) -> ScoringRun:
    rounds = published_rounds().filter(cycle__slug=cycle_slug)
    rounds = (
        rounds.filter(province__isnull=True) if key == NATIONAL else rounds.filter(province=key)
    )
    run = (
        ScoringRun.objects.filter(round__in=rounds, category__code=code, is_final=True)
        .select_related("category", "round__cycle", "round__province", "round__stage")
        .defer("record")
        .first()
    )
    if run is None or not round_is_published(run.round):
        raise Http404("No published results for this category.")
    return run


@dataclass(frozen=True)
class Row:
    result_id: int
    candidate_id: int
    name: str
    code: str
    province: str
    group: str
    score: float | None
    rank: int | None
    rank_low: int | None
    rank_high: int | None
    p_keep: float | None
    p_top3: float | None
    place: int | None
    specials: tuple[str, ...]
    scorecard_url: str
    scorecard_pdf_url: str


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    rows: list[Row]

    @property
    def podium(self) -> list[Row]:
        return sorted((r for r in self.rows if r.place), key=lambda r: r.place or 0)


@dataclass(frozen=True)
class Ranking:
    groups: list[Group]
    specials: list[tuple[str, Row]] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]


def cache_key(kind: str, rnd: Round, run: ScoringRun) -> str:
    """Per final run and lock: a re-lock (even of the same run) gets a fresh key."""
    locked = rnd.locked_at.timestamp() if rnd.locked_at else 0
    return f"paritrana:public:{kind}:{run.pk}:{locked:.6f}"


def ranking(rnd: Round, run: ScoringRun) -> Ranking:
    """The run's ranking with places and special awards (cached: frozen once locked)."""
    return cache.get_or_set(
        cache_key("ranking", rnd, run), lambda: _ranking(rnd, run), CACHE_SECONDS
    )


def interval(low: float | None, high: float | None) -> tuple[int | None, int | None]:
    # Monte Carlo quantiles are interpolated; widen to whole places rather than narrow.
    if low is None or high is None:
        return None, None
    return math.floor(low), math.ceil(high)


def _awards(rnd: Round, category: Category) -> tuple[dict[int, int], dict[int, list[str]]]:
    places: dict[int, int] = {}
    specials: dict[int, list[str]] = defaultdict(list)
    for award in Award.objects.filter(round=rnd, category=category).order_by("place", "special"):
        if award.place:
            places[award.candidate_id] = award.place
        else:
            specials[award.candidate_id].append(award.special)
    return places, specials


def _row(result: Result, places: dict[int, int], specials: dict[int, list[str]]) -> Row:
    entity = result.candidate.entity
    low, high = interval(result.rank_p05, result.rank_p95)
    return Row(
        result_id=result.pk,
        candidate_id=result.candidate_id,
        name=entity.name,
        code=entity.code,
        province=entity.province.name,
        group=result.group,
        score=result.score,
        rank=result.rank,
        rank_low=low,
        rank_high=high,
        p_keep=result.p_keep_rank,
        p_top3=result.p_top3,
        place=places.get(result.candidate_id),
        specials=tuple(specials.get(result.candidate_id, ())),
        scorecard_url=report_url("scorecard", result.pk),
        scorecard_pdf_url=report_url("scorecard_pdf", result.pk),
    )


def _ranking(rnd: Round, run: ScoringRun) -> Ranking:
    places, specials = _awards(rnd, run.category)
    results = (
        Result.objects.filter(run=run)
        .select_related("candidate__entity__province")
        .order_by("group", "rank", "candidate__entity__name")
    )
    grouped: dict[str, list[Row]] = defaultdict(list)
    for result in results:
        grouped[result.group].append(_row(result, places, specials))
    zones = dict(Zone.objects.filter(code__in=list(grouped)).values_list("code", "name"))
    groups = [Group(code, zones.get(code, code), rows) for code, rows in grouped.items()]
    special_rows = [(name, row) for group in groups for row in group.rows for name in row.specials]
    return Ranking(groups=groups, specials=sorted(special_rows, key=lambda item: item[0]))


@dataclass(frozen=True)
class Winner:
    category: str
    group: str
    place: int | None
    special: str
    name: str
    province: str
    scorecard_url: str


def round_winners(rnd: Round) -> dict[str, list[Winner]]:
    """Places and special awards of a round per category code (two queries; cached)."""
    locked = rnd.locked_at.timestamp() if rnd.locked_at else 0
    key = f"paritrana:public:winners:{rnd.pk}:{locked:.6f}"
    return cache.get_or_set(key, lambda: _round_winners(rnd), CACHE_SECONDS)


def _round_winners(rnd: Round) -> dict[str, list[Winner]]:
    awards = (
        Award.objects.filter(round=rnd)
        .select_related("category", "candidate__entity__province")
        .order_by("category__order", "group", "place", "special")
    )
    results = dict(
        Result.objects.filter(run__round=rnd, run__is_final=True).values_list("candidate_id", "pk")
    )
    out: dict[str, list[Winner]] = defaultdict(list)
    for award in awards:
        entity, result = award.candidate.entity, results.get(award.candidate_id)
        out[award.category.code].append(
            Winner(
                category=award.category.code,
                group=award.group,
                place=award.place,
                special=award.special,
                name=entity.name,
                province=entity.province.name,
                scorecard_url=report_url("scorecard", result) if result else "",
            )
        )
    return dict(out)
