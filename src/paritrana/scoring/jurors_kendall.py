"""Kendall's coefficient of concordance W of a jury, with the tie correction.

Each juror's scores of one criterion are turned into ranks of the candidates (ties share the
mean rank). With ``m`` jurors, ``n`` candidates and rank sums ``R_i``:

    S = sum_i (R_i - m (n + 1) / 2)^2
    W = 12 S / (m^2 (n^3 - n) - m sum_j T_j),  T_j = sum over juror j's tie groups of (t^3 - t)
    chi2 = m (n - 1) W  on  n - 1 degrees of freedom (= Friedman's tie-corrected statistic)

W needs complete rankings, so gaps (abstentions, conflicts) are handled by keeping a complete
block, chosen by ``missing``:

* ``"drop_candidates"`` (default): every juror who scored the criterion is kept, and only the
  candidates all of them scored are ranked -- no juror's view is lost;
* ``"drop_jurors"``: every candidate is kept, and only the jurors who scored all of them.

The result names what was dropped, so a committee sees what W was computed on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy.stats import chi2 as chi2_dist
from scipy.stats import rankdata

from paritrana.scoring.jurors import CANDIDATE, CRITERION, JUROR, SCORE, scored

MissingRule = Literal["drop_candidates", "drop_jurors"]
_MIN_BLOCK = 2  # two jurors and two candidates at least, or there is nothing to agree on


@dataclass(frozen=True)
class KendallW:
    """Concordance of one criterion's rankings and the block it was computed on."""

    w: float
    chi2: float
    df: int
    pvalue: float
    n_candidates: int
    n_jurors: int
    dropped_candidates: tuple[object, ...]
    dropped_jurors: tuple[object, ...]


def kendall_w(ratings: pd.DataFrame, *, missing: MissingRule = "drop_candidates") -> KendallW:
    """Kendall's W of one criterion: ``ratings`` has columns juror, candidate, score."""
    if missing not in ("drop_candidates", "drop_jurors"):
        raise ValueError(
            f"unknown missing-data rule {missing!r}; use drop_candidates or drop_jurors"
        )
    present = scored(ratings.assign(**{CRITERION: ratings.get(CRITERION, "-")}))
    if present[CRITERION].nunique() > 1:
        raise ValueError(
            "Kendall's W is computed per criterion; use kendall_w_by_criterion for several"
        )
    table = present.pivot(index=JUROR, columns=CANDIDATE, values=SCORE)
    block = table.dropna(axis=1) if missing == "drop_candidates" else table.dropna(axis=0)
    dropped_c = tuple(c for c in table.columns if c not in block.columns)
    dropped_j = tuple(j for j in table.index if j not in block.index)
    w, chi2, df = _concordance(block.to_numpy(dtype=np.float64))
    pvalue = float(chi2_dist.sf(chi2, df)) if not np.isnan(chi2) else np.nan
    return KendallW(
        w=w,
        chi2=chi2,
        df=df,
        pvalue=pvalue,
        n_candidates=block.shape[1],
        n_jurors=block.shape[0],
        dropped_candidates=dropped_c,
        dropped_jurors=dropped_j,
    )


def kendall_w_by_criterion(
    sheets: pd.DataFrame, *, missing: MissingRule = "drop_candidates"
) -> pd.DataFrame:
    """One row per criterion: W, chi2, df, p-value and the block used."""
    rows = []
    for criterion, group in scored(sheets).groupby(CRITERION, sort=True):
        result = kendall_w(group, missing=missing)
        rows.append({CRITERION: criterion, **asdict(result)})
    return pd.DataFrame(rows)


def _concordance(scores: np.ndarray) -> tuple[float, float, int]:
    """(W, chi2, df) of a complete jurors x candidates score table."""
    m, n = scores.shape
    if m < _MIN_BLOCK or n < _MIN_BLOCK:
        return np.nan, np.nan, max(n - 1, 0)
    ranks = rankdata(scores, axis=1)
    rank_sums = ranks.sum(axis=0)
    s = float(((rank_sums - m * (n + 1) / 2) ** 2).sum())
    ties = sum(_tie_term(row) for row in scores)
    denominator = m**2 * (n**3 - n) - m * ties
    if denominator <= 0:  # every juror tied every candidate: no ranking to agree on
        return np.nan, np.nan, n - 1
    w = 12 * s / denominator
    return w, m * (n - 1) * w, n - 1


def _tie_term(row: np.ndarray) -> float:
    """sum (t^3 - t) over the groups of equal scores of one juror."""
    _, sizes = np.unique(row, return_counts=True)
    return float((sizes.astype(np.float64) ** 3 - sizes).sum())
