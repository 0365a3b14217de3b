"""A candidate's scorecard: its scores beside the category's median and winner, and the way up.

Scores, ranks, contributions and strongest/weakest points come from the stored explanation
of the run (the engine's own numbers); the median and the winner are the other results of
the same run and ranking group. "What would move you up" re-scores the frozen run (see
``improvement``) and is stored per result, since it costs the engine many evaluations.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.cache import cache
from django.db import transaction

from paritrana.awards.domain.engine import json_safe
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Award, Result
from paritrana.reports.domain.improvement import unit_moves
from paritrana.reports.domain.runs import frozen_run, frozen_score
from paritrana.reports.models import ScorecardInsight

INSIGHT_FORMAT = 1
#: Published cards are frozen; a day bounds what a process keeps of rounds it no longer shows.
CACHE_SECONDS = 24 * 3600


@dataclass
class Row:
    """One node of the criteria tree, for this candidate and for comparison."""

    node: str
    name: str
    depth: int
    is_leaf: bool
    source: str
    raw: Any
    score: float | None
    weight: float | None
    contribution: float | None
    rank: int | None
    ranked: int | None
    median: float | None
    winner: float | None


@dataclass
class Scorecard:
    result: Result
    rows: list[Row]
    units: int
    winner: Result | None
    published: bool
    strongest: Row | None
    weakest: Row | None
    insight: dict[str, Any] = field(default_factory=dict)
    awards: list[Award] = field(default_factory=list)

    @property
    def best_move(self) -> dict[str, Any] | None:
        moves = self.insight.get("moves") or []
        return moves[0] if moves else None


def scorecard_build(*, result: Result, with_insight: bool = True) -> Scorecard:
    """Everything the scorecard page and PDF show for ``result``."""
    run = result.run
    peers = list(
        run.results.filter(group=result.group)
        .select_related("candidate__entity")
        .order_by("rank", "candidate__entity__name")
    )
    winner = next((p for p in peers if p.rank == 1), None)
    by_peer = [_node_scores(p.explanation) for p in peers]
    winner_scores = _node_scores(winner.explanation) if winner else {}
    depth: dict[str, int] = {}
    rows = []
    for item in result.explanation:
        depth[item["node"]] = depth.get(item["parent"], -1) + 1 if item["parent"] else 0
        values = [s[item["node"]] for s in by_peer if s.get(item["node"]) is not None]
        rows.append(
            Row(
                node=item["node"],
                name=item["name"],
                depth=depth[item["node"]],
                is_leaf="source" in item,
                source=item.get("source", ""),
                raw=item.get("raw"),
                score=item["score"],
                weight=item["weight"],
                contribution=item["contribution"],
                rank=item["rank"],
                ranked=item["ranked"],
                median=statistics.median(values) if values else None,
                winner=winner_scores.get(item["node"]),
            )
        )
    by_node = {r.node: r for r in rows}
    root = result.explanation[0] if result.explanation else {}
    card = Scorecard(
        result=result,
        rows=rows,
        units=len(peers),
        winner=winner,
        published=run.is_final and round_is_published(run.round),
        strongest=by_node.get(root.get("strongest", "")),
        weakest=by_node.get(root.get("weakest", "")),
        awards=list(
            Award.objects.filter(round_id=run.round_id, candidate_id=result.candidate_id).order_by(
                "place", "special"
            )
        ),
    )
    if with_insight:
        card.insight = scorecard_insight(result=result)
    return card


def scorecard_cache_key(result: Result) -> str:
    """Per result, final run and lock: a re-lock (even of the same run) gets a fresh key."""
    locked = result.run.round.locked_at
    stamp = locked.timestamp() if locked else 0
    return f"paritrana:reports:scorecard:{result.pk}:{result.run_id}:{stamp:.6f}"


def scorecard_cached(*, result: Result, published: bool) -> Scorecard:
    """``scorecard_build`` for the pages; a published card is built once per lock.

    ``published`` is the caller's fresh answer (``is_published_result``): a provisional
    card, which only the committee and the candidate see, is never stored or served from
    the cache. A card from the cache gets the caller's result (the one just checked).
    """
    if not published:
        return scorecard_build(result=result)
    key = scorecard_cache_key(result)
    card = cache.get(key)
    if card is None:
        card = scorecard_build(result=result)
        cache.set(key, card, CACHE_SECONDS)
    return replace(card, result=result)


def _node_scores(explanation: list[dict[str, Any]]) -> dict[str, float | None]:
    return {item["node"]: item["score"] for item in explanation}


def scorecard_insight(*, result: Result, refresh: bool = False) -> dict[str, Any]:
    """ "What would move you up" for ``result``: stored after the first computation."""
    if not refresh:
        stored = ScorecardInsight.objects.filter(result=result).first()
        if stored is not None and stored.data.get("format") == INSIGHT_FORMAT:
            return stored.data
    run = frozen_run(result.run.record)
    engine = frozen_score(run, result.group)
    unit = str(result.candidate_id)
    data = {"format": INSIGHT_FORMAT, **unit_moves(engine, unit, run.group_frame(result.group))}
    names = {code: engine.tree.node(code).label for code in engine.tree.indicators}
    data["unreachable"] = [{"node": c, "name": names[c]} for c in data["unreachable"]]
    data = json_safe(data)
    with transaction.atomic():
        ScorecardInsight.objects.update_or_create(result=result, defaults={"data": data})
    return data


def scorecards_prepare(*, run_results: list[Result]) -> int:
    """Compute and store the insight of many results (CLI, certificate batches)."""
    for result in run_results:
        scorecard_insight(result=result)
    return len(run_results)
