"""Sample statistics used by more than one step: defined here, once.

Skewness and kurtosis are the bias-corrected sample statistics G1 and G2 (excess
kurtosis), "type 2" of R's e1071 used by COINr, equal to scipy's ``skew(bias=False)`` and
``kurtosis(bias=False)``. They are computed from power sums of shifted values so the
outlier treatment can evaluate many candidate winsorisations at once.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
MIN_UNITS_FOR_SHAPE = 4  # G2 divides by (n - 2)(n - 3): below four values it is undefined


def skew_kurt_from_sums(
    n: FloatArray | float,
    s1: FloatArray | float,
    s2: FloatArray | float,
    s3: FloatArray | float,
    s4: FloatArray | float,
) -> tuple[FloatArray, FloatArray]:
    """G1 and G2 from n and the power sums ``s_p = sum((x - c) ** p)`` for any shift c.

    NaN where undefined: fewer than four values, or no spread at all.
    """
    n_ = np.asarray(n, dtype=float)
    mean = np.asarray(s1, dtype=float) / n_
    e2, e3, e4 = (np.asarray(s, dtype=float) / n_ for s in (s2, s3, s4))
    m2 = e2 - mean**2
    m3 = e3 - 3 * mean * e2 + 2 * mean**3
    m4 = e4 - 4 * mean * e3 + 6 * mean**2 * e2 - 3 * mean**4
    ok = (n_ >= MIN_UNITS_FOR_SHAPE) & (m2 > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        g1 = m3 / m2**1.5
        g2 = m4 / m2**2 - 3
        big_g1 = g1 * np.sqrt(n_ * (n_ - 1)) / (n_ - 2)
        big_g2 = ((n_ + 1) * g2 + 6) * (n_ - 1) / ((n_ - 2) * (n_ - 3))
    nan = np.full(np.shape(big_g1), np.nan)
    return np.where(ok, big_g1, nan), np.where(ok, big_g2, nan)


def skew_kurt(values: FloatArray) -> tuple[float, float]:
    """G1 and G2 of one column, ignoring NaN."""
    v = values[~np.isnan(values)]
    if v.size == 0:
        return float("nan"), float("nan")
    d = v - v.mean()  # centring keeps the power sums small: less cancellation
    d2 = d * d  # products, not **: float powers are several times slower at 840,000 units
    sk, kt = skew_kurt_from_sums(float(v.size), d.sum(), d2.sum(), (d2 * d).sum(), (d2 * d2).sum())
    return float(sk), float(kt)
