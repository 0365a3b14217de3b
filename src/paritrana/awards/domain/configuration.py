"""Editing a cycle's categories (shortlist size, interview, scoring pipeline) and stages."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from paritrana.audit.domain import audit_log
from paritrana.awards.defaults import STAGE_FLAGS
from paritrana.awards.domain.criteria_edit import require_criteria_editable
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import Category, Stage
from paritrana.scoring.errors import ScoringError
from paritrana.scoring.spec import PipelineSpec, spec_from_dict

JURY_METHODS = ("mean", "median", "trimmed_mean", "trimmed")  # judging reads both trimmed spellings
JURY_DEFAULTS: dict[str, Any] = {"method": "mean", "trim": 0.1, "normalise": False}
CATEGORY_FIELDS = ("shortlist_size", "has_interview")


def category_jury_options(category: Category) -> dict[str, Any]:
    """How jurors' scores are aggregated (``pipeline["jury"]``), with the defaults filled in.

    ``method``: mean, median or trimmed_mean; ``trim``: share cut at each end for
    trimmed_mean; ``normalise``: per-juror z-score normalisation first (removes lenient or
    severe jurors' bias). Read by the judging app's ``jury_scores``.
    """
    return {**JURY_DEFAULTS, **(category.pipeline or {}).get("jury", {})}


def category_spec(category: Category, pipeline: Mapping[str, Any] | None = None) -> PipelineSpec:
    """The engine's pipeline spec of the category (``jury`` is ours, not the engine's)."""
    raw = dict(category.pipeline if pipeline is None else pipeline)
    raw.pop("jury", None)
    raw.setdefault("name", category.code)
    return spec_from_dict(raw)


def pipeline_problems(category: Category, pipeline: Mapping[str, Any]) -> list[str]:
    """Why ``pipeline`` cannot be used for ``category``; [] when fine."""
    problems = []
    try:
        spec = category_spec(category, pipeline)
    except (ScoringError, TypeError, ValueError) as exc:
        return [f"Scoring pipeline: {exc}"]
    codes = set(category.criteria.values_list("code", flat=True)) | {"INDEX"}
    problems += [
        f"Tie-breaker {code} is not a criterion of {category.code}."
        for code in spec.ranks.tie_breakers
        if code not in codes
    ]
    jury = {**JURY_DEFAULTS, **dict(pipeline.get("jury") or {})}
    if set(jury) - set(JURY_DEFAULTS):
        problems.append(
            f"Jury options: unknown {', '.join(sorted(set(jury) - set(JURY_DEFAULTS)))}."
        )
    if jury["method"] not in JURY_METHODS:
        problems.append(f"Jury aggregation must be one of {', '.join(JURY_METHODS)}.")
    if not isinstance(jury["trim"], int | float) or not 0 <= jury["trim"] < 0.5:  # noqa: PLR2004 - half from each end leaves nothing
        problems.append("Jury trim must be a share from 0 to below 0.5.")
    if not isinstance(jury["normalise"], bool):
        problems.append("Jury normalise must be true or false.")
    return problems


def category_update(*, category: Category, changes: Mapping[str, Any], actor: Any) -> Category:
    """Change shortlist size, interview flag and/or the pipeline; audited before/after.

    The pipeline decides the scores as much as the weights do, so it follows the criteria
    lock; the shortlist size and interview flag do not.
    """
    unknown = set(changes) - {*CATEGORY_FIELDS, "pipeline"}
    if unknown:
        raise RefusedError(f"Cannot change {', '.join(sorted(unknown))} of a category.")
    with transaction.atomic():
        category = Category.objects.select_for_update().get(pk=category.pk)
        before = {f: copy.deepcopy(getattr(category, f)) for f in changes}
        if "pipeline" in changes and changes["pipeline"] != category.pipeline:
            require_criteria_editable(category)
            problems = pipeline_problems(category, changes["pipeline"])
            if problems:
                raise RefusedError(" ".join(problems))
        if "shortlist_size" in changes and int(changes["shortlist_size"]) < 1:
            raise RefusedError("The shortlist needs at least one candidate per province.")
        for field, value in changes.items():
            setattr(category, field, value)
        after = {f: getattr(category, f) for f in changes}
        if before != after:
            category.save(update_fields=list(changes))
            audit_log(actor=actor, action="category.edit", obj=category, before=before, after=after)
    return category


def stage_update(*, stage: Stage, changes: Mapping[str, Any], actor: Any) -> Stage:
    """Change a stage's name, dates or capability flags; audited before/after."""
    allowed = {"name", "starts_at", "ends_at", *STAGE_FLAGS}
    unknown = set(changes) - allowed
    if unknown:
        raise RefusedError(f"Cannot change {', '.join(sorted(unknown))} of a stage.")
    with transaction.atomic():
        stage = Stage.objects.select_for_update().get(pk=stage.pk)
        before = {f: getattr(stage, f) for f in changes}
        for field, value in changes.items():
            setattr(stage, field, value)
        if stage.starts_at and stage.ends_at and stage.ends_at < stage.starts_at:
            raise RefusedError(f"{stage.name}: the deadline is before the start.")
        after = {f: getattr(stage, f) for f in changes}
        if before != after:
            stage.save(update_fields=list(changes))
            audit_log(actor=actor, action="stage.edit", obj=stage, before=before, after=after)
    return stage
