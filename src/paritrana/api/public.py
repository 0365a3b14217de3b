"""Public endpoints: published cycles, rankings and scorecards (404 unless published)."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from ninja import Router

from paritrana.api import schemas
from paritrana.api.params import CategoryCode, CycleSlug, Id, RoundKey
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import Category, Result, Round
from paritrana.web.public import queries
from paritrana.web.public.links import package_digest

router = Router(tags=["results"])
ERRORS = {404: schemas.Error, 422: schemas.Error}


def _category(category: Category) -> dict[str, Any]:
    return {"code": category.code, "name": category.name, "by_zone": category.by_zone}


def _cycle(cycle: Any, rounds: list[Round]) -> dict[str, Any]:
    categories: dict[int, list[dict[str, Any]]] = {}
    for run in queries.final_runs(rounds):
        categories.setdefault(run.round_id, []).append(_category(run.category))
    return {
        "slug": cycle.slug,
        "name": cycle.name,
        "assessment_start": cycle.assessment_start,
        "assessment_end": cycle.assessment_end,
        "ceremony_year": cycle.ceremony_year,
        "rounds": [
            {
                "key": queries.round_key(r),
                "level": r.level,
                "province_code": r.province_id,
                "province_name": r.province.name if r.province else None,
                "locked_at": r.locked_at,
                "categories": categories.get(r.pk, []),
            }
            for r in rounds
        ],
    }


@router.get("/cycles", response=list[schemas.CycleOut], summary="Cycles with published results")
def cycles(request: Any) -> list[dict[str, Any]]:  # noqa: ARG001 - ninja passes the request by this name
    return [_cycle(cycle, rounds) for cycle, rounds in queries.published_cycles()]


@router.get("/cycles/{cycle}", response={200: schemas.CycleOut, **ERRORS}, summary="One cycle")
def cycle(request: Any, cycle: CycleSlug) -> dict[str, Any]:  # noqa: ARG001 - ninja passes the request by this name
    return _cycle(*queries.public_cycle(cycle))


@router.get(
    "/cycles/{cycle}/rounds/{round}/categories/{category}/results",
    response={200: schemas.ResultsOut, **ERRORS},
    summary="Ranking of a category in a published round",
)
def results(
    request: Any,  # noqa: ARG001 - ninja passes the request by this name
    cycle: CycleSlug,
    round: RoundKey,  # noqa: A002 - the URL's own word
    category: CategoryCode,
) -> dict[str, Any]:
    run = queries.public_final_run(cycle_slug=cycle, key=round, code=category)
    rnd = run.round
    ranking = queries.ranking(rnd, run)
    return {
        "cycle": cycle,
        "round": queries.round_key(rnd),
        "category": _category(run.category),
        "run_id": run.pk,
        "input_digest": run.input_digest,
        "package_sha256": package_digest(rnd),
        "groups": [
            {
                "code": g.code,
                "name": g.name,
                "results": [
                    {
                        **{k: getattr(r, k) for k in ("result_id", "rank", "name", "code")},
                        **{k: getattr(r, k) for k in ("province", "score", "rank_low")},
                        **{k: getattr(r, k) for k in ("rank_high", "p_top3", "place")},
                        "p_keep_rank": r.p_keep,
                        "special_awards": list(r.specials),
                        "scorecard_url": r.scorecard_url,
                    }
                    for r in g.rows
                ],
            }
            for g in ranking.groups
        ],
    }


def published_result(result_id: int) -> Result:
    """A result of the final run of a published round, else 404 (whoever asks)."""
    result = (
        Result.objects.select_related(
            "run__category",
            "run__round__stage",
            "run__round__cycle",
            "candidate__entity__province",
        )
        .filter(pk=result_id, run__is_final=True)
        .first()
    )
    if result is None or not round_is_published(result.run.round):
        raise Http404("No published result.")
    return result


def _node(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": str(row.get("node", "")),
        "name": str(row.get("name", "")),
        "parent": str(row.get("parent") or ""),
        "level": row.get("level"),
        "is_leaf": "source" in row,
        "source": str(row.get("source", "")),
        "ref": str(row.get("ref", "")),
        **{k: row.get(k) for k in ("raw", "score", "weight", "contribution", "rank", "ranked")},
    }


@router.get(
    "/results/{result_id}/scorecard",
    response={200: schemas.ScorecardOut, **ERRORS},
    summary="A candidate's scores per aspect and indicator, rank and robustness",
)
def scorecard(request: Any, result_id: Id) -> dict[str, Any]:  # noqa: ARG001 - ninja passes the request by this name
    result = published_result(result_id)
    rnd, entity = result.run.round, result.candidate.entity
    low, high = queries.interval(result.rank_p05, result.rank_p95)
    return {
        "result_id": result.pk,
        "cycle": rnd.cycle.slug,
        "round": queries.round_key(rnd),
        "category": _category(result.run.category),
        "name": entity.name,
        "code": entity.code,
        "province": entity.province.name,
        "group": result.group,
        "score": result.score,
        "rank": result.rank,
        "rank_low": low,
        "rank_high": high,
        "median_rank": result.median_rank,
        "p_keep_rank": result.p_keep_rank,
        "p_top3": result.p_top3,
        "nodes": [_node(row) for row in result.explanation],
    }
