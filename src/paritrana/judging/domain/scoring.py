"""The jury's scores and statistics for deliberation, computed by ``paritrana.scoring.jurors``.

Only submitted sheets count, and only those of jurors still assigned to the candidate and
not conflicted with it (a conflict declared after scoring removes the sheet, leaving a gap).
Abstentions are gaps too, never zeros. Each criterion is aggregated on its own rubric; with
``normalise`` the per-juror z-scores are therefore also taken per criterion, so a juror who
is severe on one criterion only is corrected on that criterion only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _

from paritrana.awards.models import CriterionSource
from paritrana.judging.domain.conflicts import conflicts_table
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.domain.queries import jury_candidates, jury_criteria
from paritrana.judging.models import Assignment, Score
from paritrana.scoring.jurors import (
    CANDIDATE,
    CRITERION,
    SCORE,
    SHEET_COLUMNS,
    AggregateMethod,
    Rubric,
    aggregate_scores,
    juror_leniency,
)
from paritrana.scoring.jurors_icc import icc_by_criterion
from paritrana.scoring.jurors_kendall import kendall_w_by_criterion

_METHODS: dict[str, AggregateMethod] = {
    "mean": "mean",
    "median": "median",
    "trimmed": "trimmed_mean",
    "trimmed_mean": "trimmed_mean",
}


@dataclass(frozen=True)
class JuryConfig:
    """How a category aggregates its jury: ``category.pipeline["jury"]``."""

    method: AggregateMethod = "mean"
    trim: float = 0.2
    normalise: bool = False

    @classmethod
    def of(cls, category: Any) -> JuryConfig:
        raw = (category.pipeline or {}).get("jury", {}) or {}
        method = raw.get("method", "mean")
        if method not in _METHODS:
            raise JudgingError(
                _(
                    "Unknown jury aggregation method %(method)r for %(category)s; use mean, median or trimmed."
                )
                % {"method": method, "category": category.code}
            )
        trim = float(raw.get("trim", 0.2))
        if not 0 <= trim < 0.5:  # noqa: PLR2004 - trimming half from each end leaves nothing
            raise JudgingError(
                _("The jury trim of %(category)s must be at least 0 and below 0.5, not %(trim)s.")
                % {"category": category.code, "trim": trim}
            )
        return cls(_METHODS[method], trim, bool(raw.get("normalise", False)))


@dataclass(frozen=True)
class JuryStatistics:
    """What the committee sees about a category's jury in one round.

    ``sheets`` is the long table the engine reads (juror = user pk, candidate = Candidate pk,
    criterion = CriteriaNode.ref, score; NaN = abstained); ``icc`` and ``kendall`` come from
    ``icc_by_criterion`` / ``kendall_w_by_criterion``, ``leniency`` from ``juror_leniency``
    (indexed by juror pk) and ``scores`` is :func:`jury_scores`.
    """

    config: JuryConfig
    sheets: pd.DataFrame
    scores: pd.DataFrame
    icc: pd.DataFrame = field(default_factory=pd.DataFrame)
    kendall: pd.DataFrame = field(default_factory=pd.DataFrame)
    leniency: pd.DataFrame = field(default_factory=pd.DataFrame)


def _rubrics(category: Any) -> dict[str, Rubric]:
    rubrics = {}
    for criterion in jury_criteria(category=category):
        if criterion.rubric_min is None or criterion.rubric_max is None:
            raise JudgingError(
                _("Jury criterion %(code)s has no rubric range.") % {"code": criterion.code}
            )
        rubrics[criterion.ref or criterion.code] = Rubric(
            float(criterion.rubric_min), float(criterion.rubric_max)
        )
    return rubrics


def _jury_data(round: Any, category: Any) -> tuple[list[int], pd.DataFrame]:  # noqa: A002
    """The interviewed candidates' pks and their submitted scores as the engine's long table."""
    candidates = list(jury_candidates(round=round).filter(category=category))
    assigned = set(
        Assignment.objects.filter(candidate__in=candidates).values_list("juror_id", "candidate_id")
    )
    table = conflicts_table(juror_ids={j for j, _c in assigned}, candidates=candidates)
    scores = (
        Score.objects.filter(
            sheet__candidate__in=candidates,
            sheet__submitted_at__isnull=False,
            criterion__source=CriterionSource.JURY,
        )
        .order_by("sheet__candidate_id", "sheet__juror_id", "criterion_id")
        .values_list(
            "sheet__juror_id", "sheet__candidate_id", "criterion__ref", "criterion__code", "value"
        )
    )
    rows = [
        (juror, candidate, ref or code, np.nan if value is None else float(value))
        for juror, candidate, ref, code, value in scores
        if (juror, candidate) in assigned and not table.is_conflicted(juror, candidate)
    ]
    sheets = pd.DataFrame(rows, columns=list(SHEET_COLUMNS)).astype({SCORE: "float64"})
    return sorted(c.pk for c in candidates), sheets


def _aggregate(
    sheets: pd.DataFrame, candidates: list[int], rubrics: dict[str, Rubric], config: JuryConfig
) -> pd.DataFrame:
    index = pd.Index(candidates, dtype="int64", name=CANDIDATE)
    columns = {}
    for ref, rubric in rubrics.items():
        rows = sheets[sheets[CRITERION] == ref]
        column = pd.Series(np.nan, index=index, dtype="float64")
        if rows[SCORE].notna().any():
            result = aggregate_scores(
                rows,
                rubric=rubric,
                method=config.method,
                trim=config.trim,
                normalise=config.normalise,
            )
            column = result.set_index(CANDIDATE)[SCORE].astype("float64").reindex(index)
        columns[ref] = column
    return pd.DataFrame(columns, index=index, columns=list(rubrics), dtype="float64")


def jury_scores(*, round: Any, category: Any) -> pd.DataFrame:  # noqa: A002 - the domain's word
    """The panel's aggregated score per candidate (index: Candidate pk) and jury criterion.

    Columns are the category's jury criteria refs, values on the rubric scale; NaN where no
    juror scored. Aggregation as configured in ``category.pipeline["jury"]``: ``method``
    (mean | median | trimmed, default mean), ``trim`` (default 0.2), ``normalise`` (per-juror
    z-scores rescaled to the rubric, default false).
    """
    config, rubrics = JuryConfig.of(category), _rubrics(category)
    candidates, sheets = _jury_data(round, category)
    return _aggregate(sheets, candidates, rubrics, config)


def jury_statistics(*, round: Any, category: Any) -> JuryStatistics:  # noqa: A002
    """Reliability (ICC forms, Kendall's W), leniency and the aggregated scores of the jury."""
    config, rubrics = JuryConfig.of(category), _rubrics(category)
    candidates, sheets = _jury_data(round, category)
    scores = _aggregate(sheets, candidates, rubrics, config)
    if not sheets[SCORE].notna().any():
        return JuryStatistics(config=config, sheets=sheets, scores=scores)
    return JuryStatistics(
        config=config,
        sheets=sheets,
        scores=scores,
        icc=icc_by_criterion(sheets),
        kendall=kendall_w_by_criterion(sheets),
        leniency=juror_leniency(sheets),
    )
