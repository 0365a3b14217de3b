"""Intraclass correlations of a jury (Shrout & Fleiss 1979; McGraw & Wong 1996), gaps allowed.

Candidates are the targets, jurors the raters, one criterion at a time. All six forms come
from variance components estimated by the method of moments, which reduce exactly to the
classical ANOVA formulas on a complete (balanced) table -- the values of ``pingouin`` -- and
stay unbiased when jurors abstain or declare conflicts:

* one-way (ICC1, ICC1k): the unbalanced one-way ANOVA estimator, with the effective number of
  jurors per candidate ``n0 = (N - sum n_i^2 / N) / (a - 1)`` (Searle, Casella & McCulloch,
  *Variance Components*, 1992, s. 3.6);
* two-way (ICC2, ICC3, ICC2k, ICC3k): Henderson's method III ("fitting constants") on the
  additive model ``y = mu + candidate + juror + e``: each factor's sum of squares adjusted for
  the other, equated to its expectation (Searle et al. 1992, s. 5.5).

The average forms describe the mean of ``k = n0`` jurors (= the number of jurors when
balanced). Negative estimates are kept, as in Shrout & Fleiss. Confidence intervals use the
exact F-based formulas, which exist only for balanced tables; they are NaN otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.stats import f as f_dist

from paritrana.scoring.jurors import CANDIDATE, CRITERION, JUROR, SCORE, scored

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

# Shrout-Fleiss name -> (McGraw-Wong name, description).
ICC_TYPES = {
    "ICC1": ("ICC(1,1)", "one-way random, single juror"),
    "ICC2": ("ICC(A,1)", "two-way random, absolute agreement, single juror"),
    "ICC3": ("ICC(C,1)", "two-way mixed, consistency, single juror"),
    "ICC1k": ("ICC(1,k)", "one-way random, mean of k jurors"),
    "ICC2k": ("ICC(A,k)", "two-way random, absolute agreement, mean of k jurors"),
    "ICC3k": ("ICC(C,k)", "two-way mixed, consistency, mean of k jurors"),
}
_ALPHA = 0.05
_RELATIVE_ZERO = 1e-12


@dataclass(frozen=True)
class MeanSquares:
    """ANOVA quantities behind every ICC form (two-way ones adjusted for the other factor)."""

    n_scores: int
    n_candidates: int
    n_jurors: int
    k: float  # n0: effective jurors per candidate
    balanced: bool
    msb: float  # one-way: between candidates
    msw: float  # one-way: within candidates
    df_b: int
    df_w: int
    msr: float  # two-way: candidates adjusted for jurors
    msc: float  # two-way: jurors adjusted for candidates
    mse: float  # two-way residual
    df_r: int
    df_c: int
    df_e: int
    var_candidate: float  # sigma^2 of candidates (two-way)
    var_juror: float
    var_error: float


@dataclass(frozen=True)
class ICCResult:
    """The six ICC forms (``table``, indexed by Shrout-Fleiss type) and their ANOVA."""

    table: pd.DataFrame
    anova: MeanSquares


def icc(ratings: pd.DataFrame) -> ICCResult:
    """ICCs of one criterion: ``ratings`` has columns juror, candidate, score (NaN = gap)."""
    present = _one_criterion(ratings)
    candidates, juror_codes = pd.factorize(present[CANDIDATE])[0], pd.factorize(present[JUROR])[0]
    ms = mean_squares(present[SCORE].to_numpy(dtype=np.float64), candidates, juror_codes)
    return ICCResult(table=_table(ms), anova=ms)


def icc_by_criterion(sheets: pd.DataFrame) -> pd.DataFrame:
    """One row per criterion and ICC type, with the design (candidates, jurors, k, balanced)."""
    present = scored(sheets)
    frames = []
    for criterion, group in present.groupby(CRITERION, sort=True):
        result = icc(group)
        ms = result.anova
        frames.append(
            result.table.reset_index().assign(
                criterion=criterion,
                n_candidates=ms.n_candidates,
                n_jurors=ms.n_jurors,
                k=ms.k,
                balanced=ms.balanced,
            )
        )
    if not frames:
        return pd.DataFrame(columns=[CRITERION, "type"])
    table = pd.concat(frames, ignore_index=True)
    return table[[CRITERION, *[c for c in table.columns if c != CRITERION]]]


def _one_criterion(ratings: pd.DataFrame) -> pd.DataFrame:
    present = scored(ratings.assign(**{CRITERION: ratings.get(CRITERION, "-")}))
    if present[CRITERION].nunique() > 1:
        raise ValueError("ICC is computed per criterion; use icc_by_criterion for several")
    return present


def mean_squares(y: FloatArray, candidate: IntArray, juror: IntArray) -> MeanSquares:
    """One-way and two-way (method III) ANOVA of scores ``y`` with integer codes per row."""
    n, a, b = len(y), int(candidate.max(initial=-1)) + 1, int(juror.max(initial=-1)) + 1
    counts = np.bincount(candidate, minlength=a).astype(np.float64)
    ss_total = float(((y - y.mean()) ** 2).sum()) if n else np.nan
    # Round-off of the least-squares fit leaves ~1e-30 where a sum of squares is exactly 0
    # (perfect agreement); anything below 1e-12 of the data's raw sum of squares is 0.
    zero = _RELATIVE_ZERO * float((y**2).sum())
    ss_within = _clean(_ss_around_group_means(y, candidate, a), zero)  # y on candidates only
    ss_jurors_only = _clean(_ss_around_group_means(y, juror, b), zero)  # y on jurors only
    rank, ss_error = _additive_fit(y, candidate, juror, a, b)
    ss_error = _clean(ss_error, zero)
    df_b, df_w = a - 1, n - a
    df_r, df_c, df_e = rank - b, rank - a, n - rank
    msr = _div(_clean(ss_jurors_only - ss_error, zero), df_r)
    msc = _div(_clean(ss_within - ss_error, zero), df_c)
    mse = _div(ss_error, df_e)
    # E[R(candidates | jurors)] = c var_candidate + df_r var_error with c = tr(T'(I - P_J)T),
    # T and J the candidate and juror dummies; c = N - b whenever each cell has <= 1 score
    # (the sheets guarantee it). Symmetrically for jurors with N - a.
    return MeanSquares(
        n_scores=n,
        n_candidates=a,
        n_jurors=b,
        k=_div(n - float((counts**2).sum()) / n, df_b) if n else np.nan,
        balanced=n == a * b and n > 0,
        msb=_div(ss_total - ss_within, df_b),
        msw=_div(ss_within, df_w),
        df_b=df_b,
        df_w=df_w,
        msr=msr,
        msc=msc,
        mse=mse,
        df_r=df_r,
        df_c=df_c,
        df_e=df_e,
        var_candidate=_div(df_r * (msr - mse), n - b),
        var_juror=_div(df_c * (msc - mse), n - a),
        var_error=mse,
    )


def _ss_around_group_means(y: FloatArray, group: IntArray, n_groups: int) -> float:
    sums = np.bincount(group, weights=y, minlength=n_groups).astype(np.float64)
    counts = np.bincount(group, minlength=n_groups)
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    return float(((y - means[group]) ** 2).sum())


def _additive_fit(
    y: FloatArray, candidate: IntArray, juror: IntArray, a: int, b: int
) -> tuple[int, float]:
    """Rank of [candidate dummies | juror dummies] and the residual SS of y on them."""
    if len(y) == 0:
        return 0, np.nan
    design = np.zeros((len(y), a + b))
    rows = np.arange(len(y))
    design[rows, candidate] = 1.0
    design[rows, a + juror] = 1.0
    beta, _, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    return int(rank), float(((y - design @ beta) ** 2).sum())


def _clean(value: float, zero: float) -> float:
    return 0.0 if abs(value) <= zero else value


def _div(num: float, den: float) -> float:
    """``num / den``, NaN when the design leaves nothing to divide by (df or count 0)."""
    return float(num) / den if den > 0 else np.nan


def _table(ms: MeanSquares) -> pd.DataFrame:
    icc_values = _icc_values(ms)
    f1, f2 = _ratio(ms.msb, ms.msw), _ratio(ms.msr, ms.mse)
    one = (f1, ms.df_b, ms.df_w)
    two = (f2, ms.df_r, ms.df_e)
    tests = {"ICC1": one, "ICC1k": one, "ICC2": two, "ICC2k": two, "ICC3": two, "ICC3k": two}
    ci = _confidence_intervals(ms, icc_values) if ms.balanced else {}
    rows = []
    for name, (mcgraw_wong, description) in ICC_TYPES.items():
        f_value, df1, df2 = tests[name]
        lo, hi = ci.get(name, (np.nan, np.nan))
        pval = (
            float(f_dist.sf(f_value, df1, df2))
            if df1 > 0 and df2 > 0 and not np.isnan(f_value)
            else np.nan
        )
        rows.append(
            {
                "type": name,
                "mcgraw_wong": mcgraw_wong,
                "description": description,
                "icc": icc_values[name],
                "F": f_value,
                "df1": df1,
                "df2": df2,
                "pval": pval,
                "ci95_lo": lo,
                "ci95_hi": hi,
            }
        )
    return pd.DataFrame(rows).set_index("type")


def _ratio(num: float, den: float) -> float:
    """A ratio of mean squares; +inf when only the denominator vanishes (perfect agreement)."""
    if np.isnan(num) or np.isnan(den) or (num == 0 and den == 0):
        return np.nan
    return np.inf if den == 0 else num / den


def _icc_values(ms: MeanSquares) -> dict[str, float]:
    vt, vr, ve, k = ms.var_candidate, ms.var_juror, ms.var_error, ms.k
    return {
        "ICC1": _ratio(ms.msb - ms.msw, ms.msb + (k - 1) * ms.msw),
        "ICC2": _ratio(vt, vt + vr + ve),
        "ICC3": _ratio(vt, vt + ve),
        "ICC1k": _ratio(ms.msb - ms.msw, ms.msb),
        "ICC2k": _ratio(vt, vt + (vr + ve) / k),
        "ICC3k": _ratio(vt, vt + ve / k),
    }


def _confidence_intervals(
    ms: MeanSquares, iccs: dict[str, float]
) -> dict[str, tuple[float, float]]:
    """Exact 95 % intervals for a balanced table (Shrout & Fleiss 1979; McGraw & Wong 1996)."""
    with np.errstate(divide="ignore", invalid="ignore"):  # degenerate F (0 or inf): NaN bounds
        return _balanced_intervals(ms, iccs)


def _balanced_intervals(ms: MeanSquares, iccs: dict[str, float]) -> dict[str, tuple[float, float]]:
    k = ms.n_jurors
    q = 1 - _ALPHA / 2
    f1, f3 = np.float64(_ratio(ms.msb, ms.msw)), np.float64(_ratio(ms.msr, ms.mse))
    f1l, f1u = f1 / f_dist.ppf(q, ms.df_b, ms.df_w), f1 * f_dist.ppf(q, ms.df_w, ms.df_b)
    f3l, f3u = f3 / f_dist.ppf(q, ms.df_r, ms.df_e), f3 * f_dist.ppf(q, ms.df_e, ms.df_r)
    lo2, hi2 = _icc2_interval(ms, iccs["ICC2"], q)
    return {
        "ICC1": ((f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
        "ICC3": ((f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
        "ICC1k": (1 - 1 / f1l, 1 - 1 / f1u),
        "ICC3k": (1 - 1 / f3l, 1 - 1 / f3u),
        "ICC2": (lo2, hi2),
        "ICC2k": (lo2 * k / (1 + lo2 * (k - 1)), hi2 * k / (1 + hi2 * (k - 1))),
    }


def _icc2_interval(ms: MeanSquares, icc2: float, q: float) -> tuple[float, float]:
    """Satterthwaite-approximated interval of ICC(A,1) (McGraw & Wong 1996, table 7)."""
    n, k = ms.n_candidates, ms.n_jurors
    fj = _ratio(ms.msc, ms.mse)
    v = (ms.df_e * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2) / (
        ms.df_b * k**2 * icc2**2 * fj**2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2
    )
    f_up, f_low = f_dist.ppf(q, n - 1, v), f_dist.ppf(q, v, n - 1)
    base = k * ms.msc + (k * n - k - n) * ms.mse
    lo = n * (ms.msb - f_up * ms.mse) / (f_up * base + n * ms.msb)
    hi = n * (f_low * ms.msb - ms.mse) / (base + n * f_low * ms.msb)
    return float(lo), float(hi)
