"""Deliberation: the composite score, rank, robustness and explanation of every candidate.

Three sources feed the leaves of the criteria tree: computed indicators (the analytics
store), verified questionnaire answers (``submissions``) and aggregated jury scores
(``judging``). The providers are arguments so the pieces can be tested apart; by default
the real ones are imported when needed. Provinces in the national round are ranked within
their zone: one engine run per zone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

import pandas as pd
from django.db import transaction

import paritrana
from paritrana.audit.domain import audit_log
from paritrana.awards.domain.configuration import category_jury_options, category_spec
from paritrana.awards.domain.criteria import criteria_leaves, criteria_tree
from paritrana.awards.domain.engine import explanations, frame_digest, json_safe
from paritrana.awards.domain.errors import RefusedError, require_stage
from paritrana.awards.domain.store import indicator_values
from paritrana.awards.models import (
    Candidate,
    CandidateStatus,
    Category,
    CriterionSource,
    Result,
    Round,
    RoundLevel,
    ScoringRun,
)
from paritrana.scoring.pipeline import run_pipeline
from paritrana.scoring.record import RECORD_FORMAT
from paritrana.scoring.sensitivity import monte_carlo
from paritrana.scoring.spec import SensitivityParams
from paritrana.scoring.tree_io import tree_to_dict

Provider = Callable[..., pd.DataFrame]
AWARD_RUN_FORMAT = "paritrana-award-run/1"
PODIUM = 3


def verified_default(*, round: Round, category: Category) -> pd.DataFrame:  # noqa: A002 - 'round' is the interface's keyword
    try:
        from paritrana.submissions.domain.scoring import verified_values  # noqa: PLC0415 - optional app, loaded when used
    except ImportError as exc:
        raise RefusedError(
            "Verified questionnaire answers are not available yet (submissions)."
        ) from exc
    return verified_values(round=round, category=category)


def jury_default(*, round: Round, category: Category) -> pd.DataFrame:  # noqa: A002 - 'round' is the interface's keyword
    try:
        from paritrana.judging.domain.scoring import jury_scores  # noqa: PLC0415 - optional app, loaded when used
    except ImportError as exc:
        raise RefusedError("Jury scores are not available yet (judging).") from exc
    return jury_scores(round=round, category=category)


@dataclass(frozen=True)
class Inputs:
    """Candidates x leaf codes (index: candidate pk as text), their groups and the digest."""

    frame: pd.DataFrame
    groups: pd.Series
    candidates: dict[str, Candidate]
    refs: dict[str, tuple[str, str]]
    digest: str
    record: dict[str, Any]


def deliberation_inputs(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    category: Category,
    verified: Provider | None = None,
    jury: Provider | None = None,
) -> Inputs:
    """Everything a run reads, with one digest over data, tree and pipeline."""
    candidates = {
        str(c.pk): c
        for c in Candidate.objects.filter(
            round=round, category=category, status=CandidateStatus.CONFIRMED
        ).select_related("entity__province")
    }
    if not candidates:
        raise RefusedError(f"{category.code} has no confirmed candidates in {round}.")
    tree = criteria_tree(category)
    spec = category_spec(category)
    leaves = criteria_leaves(category)
    refs = {leaf.code: (leaf.source, leaf.ref) for leaf in leaves}
    index = pd.Index(list(candidates), name="code")
    sources = {
        CriterionSource.COMPUTED: _computed(round, category, candidates, leaves),
        CriterionSource.QUESTIONNAIRE: _provided(
            verified or verified_default, round, category, leaves, CriterionSource.QUESTIONNAIRE
        ),
        CriterionSource.JURY: _provided(
            jury or jury_default, round, category, leaves, CriterionSource.JURY
        ),
    }
    frame = pd.DataFrame(index=index)
    for leaf in leaves:
        source = sources[leaf.source].reindex(index)
        frame[leaf.code] = (
            pd.to_numeric(source[leaf.ref], errors="coerce") if leaf.ref in source else float("nan")
        )
    by_zone = category.by_zone and round.level == RoundLevel.NATIONAL
    groups = pd.Series(
        [(c.entity.province.zone_id or "") if by_zone else "" for c in candidates.values()],
        index=index,
        dtype=object,
    )
    record = {
        "tree": tree_to_dict(tree),
        "pipeline": spec.to_dict(),
        "jury": category_jury_options(category),
        "data": json_safe(frame.reset_index().to_dict(orient="split")),
        "groups": groups.to_dict(),
    }
    digest = hashlib.sha256(
        (frame_digest(frame) + json.dumps(json_safe(record), sort_keys=True)).encode()
    ).hexdigest()
    return Inputs(frame, groups, candidates, refs, digest, record)


def _computed(
    rnd: Round, category: Category, candidates: dict[str, Candidate], leaves: list[Any]
) -> pd.DataFrame:
    wanted = sorted({leaf.ref for leaf in leaves if leaf.source == CriterionSource.COMPUTED})
    if not wanted:
        return pd.DataFrame()
    codes = {c.entity.code: pk for pk, c in candidates.items()}
    values = indicator_values(rnd.cycle, category.entity_kind, wanted, entity_ids=list(codes))
    values = values[values.index.isin(list(codes))]
    return values.set_axis([codes[str(e)] for e in values.index])


def _provided(
    provider: Provider, rnd: Round, category: Category, leaves: list[Any], source: str
) -> pd.DataFrame:
    if not any(leaf.source == source for leaf in leaves):
        return pd.DataFrame()
    frame = provider(round=rnd, category=category)
    return frame.set_axis([str(i) for i in frame.index])


def deliberation_run(
    *,
    round: Round,  # noqa: A002 - 'round' is the interface's keyword
    category: Category,
    actor: Any,
    verified: Provider | None = None,
    jury: Provider | None = None,
) -> ScoringRun:
    """Score, rank, test robustness and explain; store the run and its results; audited."""
    require_stage(round, "deliberation_open", "Deliberation")
    inputs = deliberation_inputs(round=round, category=category, verified=verified, jury=jury)
    tree = criteria_tree(category)
    spec = category_spec(category)
    sens_params = replace(spec.sensitivity or SensitivityParams(), top=PODIUM)
    rows: list[Result] = []
    group_logs: dict[str, Any] = {}
    for group, members in inputs.groups.groupby(inputs.groups, sort=True):
        frame = inputs.frame.loc[members.index].reset_index()
        result = run_pipeline(frame, tree, spec)
        table = monte_carlo(result, sens_params).table
        units = [str(u) for u in result.scores.index]
        explained = explanations(result, units, inputs.frame, inputs.refs)
        group_logs[str(group)] = {"units": units, "steps": json_safe(result.log)}
        for unit in units:
            rank = result.ranks.at[unit, tree.root]
            sens = table.loc[unit]
            rows.append(
                Result(
                    candidate=inputs.candidates[unit],
                    group=str(group),
                    score=json_safe(float(result.scores.at[unit, tree.root])),
                    rank=None if pd.isna(rank) else int(rank),
                    rank_p05=json_safe(float(sens["rank_q05"])),
                    rank_p95=json_safe(float(sens["rank_q95"])),
                    median_rank=json_safe(float(sens["median_rank"])),
                    p_keep_rank=json_safe(float(sens["p_keep_rank"])),
                    p_top3=json_safe(float(sens[f"p_top{PODIUM}"])),
                    explanation=explained[unit],
                )
            )
    record = {
        "format": AWARD_RUN_FORMAT,
        "engine_format": RECORD_FORMAT,
        "paritrana_version": paritrana.__version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "round": str(round),
        "category": category.code,
        "input_digest": inputs.digest,
        **inputs.record,
        "sensitivity": json_safe(asdict(sens_params)),
        "runs": group_logs,
    }
    with transaction.atomic():
        run = ScoringRun.objects.create(
            round=round,
            category=category,
            record=json_safe(record),
            input_digest=inputs.digest,
            actor=actor if getattr(actor, "pk", None) else None,
        )
        for row in rows:
            row.run = run
        Result.objects.bulk_create(rows)
        audit_log(
            actor=actor,
            action="scores.deliberate",
            obj=run,
            object_repr=f"{category.code} · {round}",
            after={
                "run": run.pk,
                "digest": inputs.digest,
                "ranks": sorted(
                    ([r.group, r.rank, r.candidate.entity.code, r.score] for r in rows),
                    key=lambda x: (x[0], x[1] is None, x[1] or 0, x[2]),
                ),
            },
        )
    return run


def latest_run(*, round: Round, category: Category) -> ScoringRun | None:  # noqa: A002 - 'round' is the interface's keyword
    return (
        ScoringRun.objects.filter(round=round, category=category)
        .order_by("-created_at", "-id")
        .first()
    )
