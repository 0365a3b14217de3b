"""Juror score sheets: validation, per-juror normalisation, aggregation and leniency.

A score sheet is a long table with one row per juror, candidate and rubric criterion::

    juror | candidate | criterion | score

A missing score (NaN) is an abstention or a declared conflict of interest: it is left out of
every statistic -- never read as zero. Reliability statistics (ICC, Kendall's W) live in
``jurors_icc`` and ``jurors_kendall``; the formulas are in ``docs/scoring-statistics.md``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy.stats import trim_mean

JUROR, CANDIDATE, CRITERION, SCORE = "juror", "candidate", "criterion", "score"
SHEET_COLUMNS = (JUROR, CANDIDATE, CRITERION, SCORE)
CELL = [CANDIDATE, CRITERION]

AggregateMethod = Literal["mean", "median", "trimmed_mean"]

# Problems listed in one error before "... and N more": enough to fix a sheet in one pass.
_MAX_LISTED = 20
# Consistency constants turning a median / mean absolute deviation into a normal sd.
_MAD_TO_SD = 1.4826
_MEANAD_TO_SD = 1.2533
_ROUND_OFF = 1e-9
# A robust spread needs a few jurors; below this, nobody is flagged.
_MIN_JURORS_FOR_FLAGS = 3


class JurorSheetError(ValueError):
    """Score sheets that cannot be used; the message lists every problem found."""


@dataclass(frozen=True)
class Rubric:
    """The closed range of valid scores, e.g. ``Rubric(1, 10)``."""

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if not (np.isfinite(self.lo) and np.isfinite(self.hi) and self.lo < self.hi):
            raise JurorSheetError(
                f"rubric range must be finite with lo < hi, got [{self.lo}, {self.hi}]"
            )


def validate_sheets(
    sheets: pd.DataFrame,
    *,
    rubric: Rubric | None = None,
    jurors: Collection[object] | None = None,
    candidates: Collection[object] | None = None,
    criteria: Collection[object] | None = None,
) -> pd.DataFrame:
    """A checked copy of the sheets with ``score`` as float (NaN = abstained).

    Refuses, listing all problems at once: missing columns, empty identifiers, non-numeric or
    infinite scores, scores outside the rubric, two sheets for the same juror, candidate and
    criterion, and jurors (candidates, criteria) not in the given lists.
    """
    missing = [c for c in SHEET_COLUMNS if c not in sheets.columns]
    if missing:
        raise JurorSheetError(
            f"score sheets lack the column(s) {missing}; expected {list(SHEET_COLUMNS)}"
        )
    frame = sheets.loc[:, list(SHEET_COLUMNS)].reset_index(drop=True)
    scores = pd.to_numeric(frame[SCORE], errors="coerce").astype("float64")
    problems = [
        *_empty_identifiers(frame),
        *_bad_scores(frame, scores, rubric),
        *_duplicates(frame),
        *_unknown(frame, JUROR, jurors),
        *_unknown(frame, CANDIDATE, candidates),
        *_unknown(frame, CRITERION, criteria),
    ]
    if problems:
        more = (
            f"\n... and {len(problems) - _MAX_LISTED} more" if len(problems) > _MAX_LISTED else ""
        )
        raise JurorSheetError("score sheets refused:\n" + "\n".join(problems[:_MAX_LISTED]) + more)
    return frame.assign(**{SCORE: scores})


def _where(row: pd.Series) -> str:
    return f"juror {row[JUROR]!r}, candidate {row[CANDIDATE]!r}, criterion {row[CRITERION]!r}"


def _empty_identifiers(frame: pd.DataFrame) -> list[str]:
    empty = frame[[JUROR, CANDIDATE, CRITERION]].isna()
    return [
        f"row {i + 1}: empty {', '.join(empty.columns[empty.loc[i]])}"
        for i in frame.index[empty.any(axis=1)]
    ]


def _bad_scores(frame: pd.DataFrame, scores: pd.Series, rubric: Rubric | None) -> list[str]:
    given = frame[SCORE].notna()
    problems = [
        f"{_where(frame.loc[i])}: score {frame.at[i, SCORE]!r} is not a number"
        for i in frame.index[given & scores.isna()]
    ]
    problems += [
        f"{_where(frame.loc[i])}: score {scores[i]} is not finite"
        for i in frame.index[np.isinf(scores)]
    ]
    if rubric is not None:
        outside = scores.notna() & ~np.isinf(scores) & ((scores < rubric.lo) | (scores > rubric.hi))
        problems += [
            f"{_where(frame.loc[i])}: score {scores[i]:g} is outside the rubric range [{rubric.lo:g}, {rubric.hi:g}]"
            for i in frame.index[outside]
        ]
    return problems


def _duplicates(frame: pd.DataFrame) -> list[str]:
    keys = [JUROR, CANDIDATE, CRITERION]
    repeated = frame[frame.duplicated(keys, keep=False)]
    return [
        f"{_where(group.iloc[0])}: {len(group)} sheets (rows {', '.join(str(i + 1) for i in group.index)})"
        for _, group in repeated.groupby(keys, sort=False, dropna=False)
    ]


def _unknown(frame: pd.DataFrame, column: str, known: Collection[object] | None) -> list[str]:
    if known is None:
        return []
    unknown = frame.loc[frame[column].notna() & ~frame[column].isin(list(known)), column].unique()
    return [f"unknown {column} {value!r} (not on the panel's list)" for value in unknown]


def scored(sheets: pd.DataFrame) -> pd.DataFrame:
    """The sheets without abstentions: the scores every statistic is computed from."""
    return validate_sheets(sheets).dropna(subset=[SCORE])


def cell_totals(scores: pd.DataFrame, value: str = SCORE) -> pd.DataFrame:
    """Sum and count of ``value`` per candidate-criterion cell (abstentions excluded).

    The one place panel means come from: the mean aggregate is ``sum / count`` and a juror's
    leave-one-out panel mean is ``(sum - own) / (count - 1)``.
    """
    present = scores.dropna(subset=[value])
    grouped = present.groupby(CELL, sort=True)[value]
    return pd.DataFrame({"total": grouped.sum(), "count": grouped.count()})


def per_juror_z(scores: pd.DataFrame) -> pd.Series:
    """Each score as a z-score within its juror: ``(x - mean_j) / sd_j`` over all his scores.

    ``sd_j`` is the sample sd (ddof = 1). A juror with one score, or the same score everywhere,
    expresses no preference between candidates: his z-scores are 0.
    """
    present = scores.dropna(subset=[SCORE])
    by_juror = present.groupby(JUROR, sort=False)[SCORE]
    centred = present[SCORE] - by_juror.transform("mean")
    sd = by_juror.transform("std")  # NaN for a single score
    spread = sd > 0
    return (centred / sd.where(spread)).where(spread, 0.0).rename("z")


def normalise_per_juror(sheets: pd.DataFrame, *, rubric: Rubric) -> pd.DataFrame:
    """Scores with each juror's level and spread removed, back on the rubric scale.

    ``z`` per juror (:func:`per_juror_z`), then ``M + S z`` with ``M`` and ``S`` the mean and
    sample sd of all the panel's scores, clipped to ``[lo, hi]``. Adds the ``z`` column; rows
    of abstentions are dropped.
    """
    return _rescaled(validate_sheets(sheets, rubric=rubric).dropna(subset=[SCORE]), rubric)


def _rescaled(present: pd.DataFrame, rubric: Rubric) -> pd.DataFrame:
    z = per_juror_z(present)
    pooled_sd = float(present[SCORE].std()) if len(present) > 1 else 0.0
    rescaled = (float(present[SCORE].mean()) + pooled_sd * z).clip(rubric.lo, rubric.hi)
    return present.assign(**{SCORE: rescaled, "z": z})


def aggregate_scores(
    sheets: pd.DataFrame,
    *,
    rubric: Rubric,
    method: AggregateMethod = "mean",
    trim: float = 0.1,
    normalise: bool = False,
) -> pd.DataFrame:
    """One score per candidate and criterion from the jurors' sheets.

    ``method``: ``mean``, ``median`` (mean of the two middle scores when even) or
    ``trimmed_mean`` (drops ``floor(trim * n)`` scores at each end). With ``normalise`` the
    scores are first put through :func:`normalise_per_juror`, and a ``z`` column gives the same
    aggregate on the z scale. Cells where every juror abstained have ``n_jurors`` 0 and NaN.
    """
    if not 0 <= trim < 0.5:  # noqa: PLR2004 - trimming half from each end leaves nothing
        raise JurorSheetError(f"trim must be in [0, 0.5), got {trim}")
    if method not in ("mean", "median", "trimmed_mean"):
        raise JurorSheetError(
            f"unknown aggregation method {method!r}; use mean, median or trimmed_mean"
        )
    checked = validate_sheets(sheets, rubric=rubric)
    values = _rescaled(checked.dropna(subset=[SCORE]), rubric) if normalise else checked
    cells = pd.MultiIndex.from_frame(checked[CELL].drop_duplicates().sort_values(CELL))
    columns = [SCORE, "z"] if normalise else [SCORE]
    result = pd.DataFrame(
        {col: _aggregate(values, col, method, trim).reindex(cells) for col in columns}
    )
    counts = cell_totals(checked)["count"].reindex(cells, fill_value=0)
    return result.assign(n_jurors=counts.astype("int64")).reset_index()[
        [*CELL, "n_jurors", *columns]
    ]


def _aggregate(
    values: pd.DataFrame, column: str, method: AggregateMethod, trim: float
) -> pd.Series:
    if method == "mean":
        totals = cell_totals(values, column)
        return totals["total"] / totals["count"]
    grouped = values.dropna(subset=[column]).groupby(CELL, sort=True)[column]
    if method == "median":
        return grouped.median()
    return grouped.agg(lambda s: float(trim_mean(s.to_numpy(), trim)))


def juror_leniency(sheets: pd.DataFrame, *, threshold: float = 3.5) -> pd.DataFrame:
    """Per juror: mean deviation from the rest of the panel, and an outlier flag.

    For every cell a juror scored that someone else also scored, his deviation is his score
    minus the mean of the *other* jurors' scores for that cell (he is left out so that he
    does not pull the reference towards himself). ``leniency`` is the mean deviation: > 0
    lenient, < 0 severe. ``robust_z`` compares it with the other jurors' leniencies using the
    median and 1.4826 x MAD (1.2533 x mean absolute deviation from the median when the MAD is
    0); ``outlier`` is ``|robust_z| > threshold``. With fewer than three jurors, or when every
    leniency is equal, nobody is flagged.
    """
    present = scored(sheets)
    totals = cell_totals(present).reindex(pd.MultiIndex.from_frame(present[CELL]))
    others = totals["count"].to_numpy() - 1
    with np.errstate(invalid="ignore", divide="ignore"):  # cells only he scored: no reference
        rest_mean = (totals["total"].to_numpy() - present[SCORE].to_numpy()) / others
    deviation = pd.Series(
        np.where(others > 0, present[SCORE].to_numpy() - rest_mean, np.nan), index=present.index
    )
    grouped = deviation.groupby(present[JUROR], sort=True)
    table = pd.DataFrame({"n_cells": grouped.count(), "leniency": grouped.mean()})
    all_jurors = pd.Index(sorted(validate_sheets(sheets)[JUROR].unique(), key=str), name=JUROR)
    table = table.reindex(all_jurors).fillna({"n_cells": 0}).astype({"n_cells": "int64"})
    table["robust_z"] = _robust_z(table["leniency"])
    table["outlier"] = table["robust_z"].abs() > threshold  # NaN compares False: not flagged
    return table


def _robust_z(values: pd.Series) -> pd.Series:
    """``(x - median) / robust sd``; NaN where it cannot be told (too few, or no spread)."""
    finite = values.dropna()
    if len(finite) < _MIN_JURORS_FOR_FLAGS:
        return pd.Series(np.nan, index=values.index)
    centre = float(finite.median())
    deviations = (finite - centre).abs()
    # Leniencies equal up to round-off (~1e-16) have no spread; don't flag the round-off.
    negligible = _ROUND_OFF * max(1.0, float(finite.abs().max()))
    spread = _MAD_TO_SD * float(deviations.median())
    if spread <= negligible:
        spread = _MEANAD_TO_SD * float(deviations.mean())
    if spread <= negligible:
        return pd.Series(np.nan, index=values.index)
    return (values - centre) / spread
