"""Screening: rank every eligible entity per province on the computed indicators and
propose the top N of each category as candidates, with the reasons.

One pass per cycle: each indicator table is read once (only the indicators the criteria
use) and split by province with pandas; the engine then scores each province's entities
of a category in one vectorised run. Entity rows are created for the proposals only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from paritrana.audit.domain import audit_log
from paritrana.awards.domain.criteria import criteria_leaves, criteria_tree
from paritrana.awards.domain.engine import explanations, spec_for_tree, summary_of
from paritrana.awards.domain.entities import entities_for_codes
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.store import employers, indicator_values
from paritrana.awards.models import (
    AwardCycle,
    Candidate,
    CandidateOrigin,
    CandidateStatus,
    Category,
    CriterionSource,
    JobStatus,
    Round,
    RoundLevel,
    ScreeningJob,
)
from paritrana.entities.models import EntityKind
from paritrana.regions.models import Province
from paritrana.scoring.pipeline import run_pipeline

Progress = Callable[[str], None]


@dataclass
class Proposal:
    code: str
    score: float | None
    rank: int | None
    detail: dict[str, Any] = field(default_factory=dict)


def screening_start(*, cycle: AwardCycle, actor: Any) -> ScreeningJob:
    """Start screening as a background task (inline when PARITRANA_INLINE_JOBS, for tests).

    The task runs in ``paritrana worker`` (started by ``paritrana serve``), not in the web
    process, so a long screening survives the request and a server restart.
    """
    from paritrana.awards.tasks import screening_job_run  # noqa: PLC0415 - tasks import this module

    if ScreeningJob.objects.filter(cycle=cycle, status=JobStatus.RUNNING).exists():
        raise RefusedError(f"A screening of {cycle} is already running; wait for it to finish.")
    job = ScreeningJob.objects.create(cycle=cycle, actor=actor, status=JobStatus.RUNNING)
    if getattr(settings, "PARITRANA_INLINE_JOBS", False):
        screening_job_execute(job=job, actor=actor)
    else:
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        transaction.on_commit(lambda: screening_job_run.enqueue(job_id=job.pk, actor_id=actor_id))
    return job


def screening_job_execute(*, job: ScreeningJob, actor: Any) -> None:
    """Run one screening job and record its outcome on the job row."""
    try:
        job.summary = _screen(job.cycle, actor, lambda _msg: None)
        job.status = JobStatus.DONE
    except Exception as exc:  # noqa: BLE001 - a background job records any failure for the page
        job.status, job.error = JobStatus.FAILED, str(exc)
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "summary", "error", "finished_at"])


def screening_run(
    *, cycle: AwardCycle, actor: Any, progress: Progress | None = None
) -> dict[str, Any]:
    """Screen the whole cycle now (the CLI's way); recorded as a screening job."""
    job = ScreeningJob.objects.create(cycle=cycle, actor=actor, status=JobStatus.RUNNING)
    try:
        job.summary = _screen(cycle, actor, progress or (lambda _msg: None))
    except Exception as exc:
        job.status, job.error, job.finished_at = JobStatus.FAILED, str(exc), timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    job.status, job.finished_at = JobStatus.DONE, timezone.now()
    job.save(update_fields=["status", "summary", "finished_at"])
    return job.summary


def _screen(cycle: AwardCycle, actor: Any, progress: Progress) -> dict[str, Any]:
    rounds = list(cycle.rounds.select_related("stage", "province__zone"))
    summary: dict[str, Any] = {"proposed": 0, "categories": {}, "skipped": []}
    open_rounds = []
    for rnd in rounds:
        if rnd.locked_at is not None or not rnd.stage.shortlist_editable:
            summary["skipped"].append(
                f"{rnd} ({rnd.stage.code}{', locked' if rnd.locked_at else ''})"
            )
        else:
            open_rounds.append(rnd)
    universes = _Universes(cycle)
    for category in cycle.categories.order_by("order"):
        progress(f"{category.code}: reading indicators")
        targets = [
            r for r in open_rounds if (r.level == RoundLevel.NATIONAL) == category.national_only
        ]
        if not targets:
            continue
        count = _screen_category(category, targets, universes, actor, progress)
        summary["categories"][category.code] = count
        summary["proposed"] += count
    return summary


class _Universes:
    """Eligible entities with their indicator values, read once per entity kind."""

    def __init__(self, cycle: AwardCycle) -> None:
        self.cycle = cycle
        self._values: dict[str, pd.DataFrame] = {}
        self._register: pd.DataFrame | None = None

    def values(self, kind: str, refs: list[str]) -> pd.DataFrame:
        table = "employer" if kind in (EntityKind.BUSINESS, EntityKind.UKM) else kind
        cached = self._values.get(table)
        if cached is None or set(refs) - set(cached.columns):
            wanted = self._wanted_refs(kind) | set(refs)
            cached = indicator_values(self.cycle, kind, wanted)
            self._values[table] = cached
        return cached[refs]

    def _wanted_refs(self, kind: str) -> set[str]:
        kinds = {kind} | (
            {EntityKind.BUSINESS, EntityKind.UKM}
            if kind in (EntityKind.BUSINESS, EntityKind.UKM)
            else set()
        )
        return {
            leaf.ref
            for category in self.cycle.categories.filter(entity_kind__in=kinds)
            for leaf in criteria_leaves(category)
            if leaf.source == CriterionSource.COMPUTED
        }

    def register(self) -> pd.DataFrame:
        if self._register is None:
            self._register = employers(self.cycle).set_index("npp")
        return self._register

    def eligible(self, category: Category, refs: list[str]) -> pd.DataFrame:
        """Index entity code; columns: province, group, then the indicator refs."""
        values = self.values(category.entity_kind, refs)
        if category.entity_kind in (EntityKind.BUSINESS, EntityKind.UKM):
            reg = self.register()
            mask = pd.Series(data=True, index=reg.index)
            if category.sector:
                mask &= reg["sector"] == category.sector
            if category.scales:
                mask &= reg["scale"].isin(list(category.scales))
            frame = reg.loc[mask, ["province"]].join(values, how="left")
        elif category.entity_kind == EntityKind.PROVINCE:
            provinces = pd.DataFrame(
                Province.objects.values_list("code", "zone_id"), columns=["code", "zone"]
            ).set_index("code")
            frame = provinces.rename(columns={"zone": "group"}).assign(province=provinces.index)
            frame = frame.join(values, how="left")
        else:
            frame = values.assign(province=values.index.str.slice(0, 2))
        frame.index = frame.index.astype(str)
        if "group" not in frame.columns:
            frame["group"] = ""
        if not category.by_zone:
            frame["group"] = ""
        return frame


def _screen_category(
    category: Category,
    targets: list[Round],
    universes: _Universes,
    actor: Any,
    progress: Progress,
) -> int:
    tree = criteria_tree(category, sources={CriterionSource.COMPUTED})
    spec = spec_for_tree(category, tree)
    leaves = [
        (leaf.code, leaf.ref)
        for leaf in criteria_leaves(category)
        if leaf.source == CriterionSource.COMPUTED
    ]
    universe = universes.eligible(category, sorted({ref for _c, ref in leaves}))
    by_province = dict(tuple(universe.groupby("province", sort=False)))
    proposed = 0
    for rnd in targets:
        progress(f"{category.code}: {rnd}")
        if rnd.level == RoundLevel.NATIONAL:
            pool, size = universe, None  # every province is a candidate nationally
        else:
            pool = by_province.get(rnd.province_id, universe.iloc[0:0])
            size = category.shortlist_size
        proposals: list[Proposal] = []
        for _group, members in pool.groupby("group", sort=True):
            proposals += rank_top(members, leaves, tree, spec, size)
        proposed += proposals_replace(
            round=rnd, category=category, proposals=proposals, actor=actor, universes=universes
        )
    return proposed


def rank_top(
    members: pd.DataFrame, leaves: list[tuple[str, str]], tree: Any, spec: Any, size: int | None
) -> list[Proposal]:
    """Score ``members`` with the engine and keep the best ``size`` (all when None)."""
    if members.empty:
        return []
    frame = pd.DataFrame({code: members[ref].to_numpy(dtype=float) for code, ref in leaves})
    frame.insert(0, "code", members.index.to_numpy())
    result = run_pipeline(frame, tree, spec)
    root = tree.root
    table = pd.DataFrame({"score": result.scores[root], "rank": result.ranks[root]})
    table.index.name = None
    table["unit"] = table.index
    ranked = table.dropna(subset=["rank"]).sort_values(["rank", "unit"], kind="stable")
    chosen = ranked if size is None else ranked.head(size)
    cutoff = chosen["rank"].max() if len(chosen) else None
    tied_out = int((ranked["rank"] == cutoff).sum() - (chosen["rank"] == cutoff).sum())
    no_data = [code for code, _ref in leaves if frame[code].isna().all()]
    raw = frame.set_index("code")
    refs = {code: (CriterionSource.COMPUTED.value, ref) for code, ref in leaves}
    explained = explanations(result, [str(c) for c in chosen.index], raw, refs)
    out = []
    for code, row in chosen.iterrows():
        rows = explained[str(code)]
        out.append(
            Proposal(
                code=str(code),
                score=float(row["score"]),
                rank=int(row["rank"]),
                detail={
                    "ranked": len(ranked),
                    "eligible": len(members),
                    "tied_beyond_shortlist": tied_out,
                    "leaves_without_data": no_data,
                    **summary_of(rows),
                    "explanation": rows,
                },
            )
        )
    if size is None:  # national: the provinces without data are candidates too
        out += [
            Proposal(code=str(c), score=None, rank=None, detail={"no_score": True})
            for c in table.index.difference(ranked.index)
        ]
    return out


def proposals_replace(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    category: Category,
    proposals: list[Proposal],
    actor: Any,
    universes: Any = None,
) -> int:
    """Replace the round's unconfirmed screening proposals; confirmed, removed and manual
    candidates are never touched (an entity already among them is not proposed again)."""
    with transaction.atomic():
        old = Candidate.objects.filter(
            round=round,
            category=category,
            status=CandidateStatus.PROPOSED,
            origin=CandidateOrigin.SCREENING,
        )
        before = list(old.order_by("screening_rank").values_list("entity__code", "screening_rank"))
        old.delete()
        taken = set(
            Candidate.objects.filter(round=round, category=category).values_list(
                "entity__code", flat=True
            )
        )
        fresh = [p for p in proposals if p.code not in taken]
        register = (
            universes.register()
            if universes and category.entity_kind in (EntityKind.BUSINESS, EntityKind.UKM)
            else None
        )
        entities = entities_for_codes(
            kind=category.entity_kind, codes=[p.code for p in fresh], register=register
        )
        Candidate.objects.bulk_create(
            Candidate(
                round=round,
                category=category,
                entity=entities[p.code],
                status=CandidateStatus.PROPOSED,
                origin=CandidateOrigin.SCREENING,
                screening_score=p.score,
                screening_rank=p.rank,
                screening_detail=p.detail,
            )
            for p in fresh
            if p.code in entities
        )
        after = [(p.code, p.rank) for p in fresh if p.code in entities]
        if before or after:
            audit_log(
                actor=actor,
                action="shortlist.screen",
                obj=round,
                object_repr=f"{round} · {category.code}",
                before={"category": category.code, "proposed": before},
                after={"category": category.code, "proposed": after},
            )
    return len(after)
