"""AHP weights: Saaty's principal-eigenvector method with its consistency ratio.

A committee states pairwise judgements ``a_ij`` ("criterion i matters a_ij times as much
as j") on Saaty's 1-9 scale. The weights are the principal (Perron) eigenvector of the
matrix, normalised to sum 1; ``λmax`` measures how far the judgements are from perfectly
consistent (``λmax = n`` exactly when ``a_ij · a_jk = a_ik`` everywhere):

    CI = (λmax - n) / (n - 1),    CR = CI / RI(n)

where ``RI(n)`` is the mean CI of random reciprocal matrices of order ``n``. Judgements with
``CR > max_cr`` (Saaty's rule: 0.10) are refused rather than silently used: an award's
weights must come from judgements the committee can defend.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

# Random index RI(n), n = 1..15, as published by Saaty.
# "saaty1980" (default): T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill, 1980 -- the
#   classic table, used in his 1990 EJOR paper "How to make a decision" and widely in software
#   (the dip at n = 12 is as published).
# "saaty2005": T. L. Saaty, Theory and Applications of the Analytic Network Process, RWS
#   Publications, 2005, p. 31 -- his later re-estimate.
_RI_SAATY_1980 = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)  # fmt: skip
_RI_SAATY_2005 = (0.0, 0.0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59)  # fmt: skip
RANDOM_INDEX: Mapping[str, tuple[float, ...]] = {
    "saaty1980": _RI_SAATY_1980,
    "saaty2005": _RI_SAATY_2005,
}
RandomIndexTable = Literal["saaty1980", "saaty2005"]

_MATRIX_AXES = 2
# Judgements are typed by people (1/3 as 0.333): accept a reciprocal within 1 %.
_RECIPROCAL_RTOL = 1e-2


class AHPMatrixError(ValueError):
    """The pairwise comparison matrix is not a positive reciprocal matrix."""


class AHPInconsistentError(ValueError):
    """The judgements are too inconsistent (CR above the allowed maximum)."""


@dataclass(frozen=True)
class AHPResult:
    """Weights and consistency of one pairwise comparison matrix."""

    weights: npt.NDArray[np.float64]
    lambda_max: float
    ci: float
    cr: float
    n: int


def ahp_weights(
    matrix: npt.ArrayLike | Sequence[Sequence[float]],
    *,
    max_cr: float = 0.1,
    random_index: RandomIndexTable = "saaty1980",
) -> AHPResult:
    """Weights of a pairwise comparison matrix; refuses CR > ``max_cr``.

    ``matrix[i][j]`` is how many times criterion ``i`` matters as much as criterion ``j``.
    Matrices of order 1 and 2 are always consistent (CR = 0).
    """
    if random_index not in RANDOM_INDEX:
        raise AHPMatrixError(
            f"unknown random index table {random_index!r}; use one of {sorted(RANDOM_INDEX)}"
        )
    if not max_cr >= 0:
        raise AHPMatrixError(f"max_cr must be a non-negative number, got {max_cr}")
    a = _validated(matrix)
    n = a.shape[0]
    table = RANDOM_INDEX[random_index]
    if n > len(table):
        raise AHPMatrixError(
            f"AHP matrix of order {n}: Saaty's random index is published only up to "
            f"n = {len(table)}; split the criteria into smaller groups"
        )
    weights, lambda_max = _principal_eigenpair(a)
    if n <= 2:  # noqa: PLR2004 - a 2x2 reciprocal matrix is consistent by construction
        return AHPResult(weights=weights, lambda_max=float(n), ci=0.0, cr=0.0, n=n)
    ci = (lambda_max - n) / (n - 1)
    cr = ci / table[n - 1]
    if cr > max_cr:
        raise AHPInconsistentError(
            f"AHP judgements are inconsistent: CR = {cr:.3f} exceeds the maximum {max_cr:.3f} "
            f"(lambda_max = {lambda_max:.3f}, n = {n}); revise the pairwise comparisons"
        )
    return AHPResult(weights=weights, lambda_max=lambda_max, ci=ci, cr=cr, n=n)


def _principal_eigenpair(a: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], float]:
    """Perron eigenvalue and its eigenvector, normalised to sum 1."""
    values, vectors = np.linalg.eig(a)
    # A positive matrix has one real, simple eigenvalue of largest modulus (Perron); its
    # eigenvector has entries of one sign, so abs() only removes an arbitrary sign.
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    return vector / vector.sum(), float(values[k].real)


def _validated(matrix: npt.ArrayLike | Sequence[Sequence[float]]) -> npt.NDArray[np.float64]:
    """The matrix as floats, or an error naming the first offending cell (1-based)."""
    try:
        a = np.asarray(matrix, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise AHPMatrixError(f"AHP matrix is not numeric: {exc}") from exc
    if a.ndim != _MATRIX_AXES or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise AHPMatrixError(f"AHP matrix must be square and non-empty, got shape {a.shape}")
    for i, j in np.argwhere(~(np.isfinite(a) & (a > 0)))[:1]:
        raise AHPMatrixError(
            f"AHP matrix cell ({i + 1}, {j + 1}) is {a[i, j]}; judgements must be positive"
        )
    for i in np.flatnonzero(~np.isclose(np.diag(a), 1, rtol=0, atol=1e-9))[:1]:
        raise AHPMatrixError(
            f"AHP matrix cell ({i + 1}, {i + 1}) is {a[i, i]}; the diagonal must be 1"
        )
    mismatch = np.triu(~np.isclose(a.T, 1 / a, rtol=_RECIPROCAL_RTOL, atol=0), k=1)
    for i, j in np.argwhere(mismatch)[:1]:
        raise AHPMatrixError(
            f"AHP matrix is not reciprocal: cell ({j + 1}, {i + 1}) is {a[j, i]}, "
            f"expected 1/{a[i, j]:g} = {1 / a[i, j]:.4g} (cell ({i + 1}, {j + 1}) is {a[i, j]:g})"
        )
    return a
