"""Sobol' sensitivity indices of uncertain scoring choices (SALib sampling, Saltelli estimators).

The sample is SALib's scrambled Sobol' sequence in Saltelli's cross-sampled layout: ``n`` base
rows give ``n (k + 2)`` model runs (``n (2k + 2)`` with second-order indices). The indices use
the estimators of SALib's ``sobol.analyze`` -- first order and total order (Jansen's form) as
in Saltelli et al. (2010), second order after Saltelli (2002) -- with bootstrap confidence
intervals (half-widths ``z * sd`` of 100 resamples of the base rows). They are computed here for many outputs at once (one matrix product per factor)
because the engine asks for one index set per unit's rank: SALib's one-output loop would cost
seconds for 514 regencies. ``tests/scoring/test_sobol.py`` checks the two agree to 1e-9.

Discrete choices (normalisation A or B...) are ordinary factors on [0, 1) mapped to a choice by
:func:`discrete_choice`, so every choice has the same probability.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
from SALib.sample import sobol as salib_sobol
from scipy.stats import norm

FloatArray = npt.NDArray[np.float64]
ModelFunc = Callable[[FloatArray], npt.ArrayLike]

# Variances at or below machine epsilon count as zero (SALib's rule).
_TINY = float(np.finfo(float).eps)


class SobolError(ValueError):
    """The sensitivity problem, sample size or model output is unusable."""


@dataclass(frozen=True)
class SobolProblem:
    """Named uncertain factors, each uniform on ``[lo, hi]``."""

    names: tuple[str, ...]
    bounds: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        if not self.names or len(self.names) != len(self.bounds):
            raise SobolError("a Sobol problem needs one (lo, hi) bound per factor name")
        if len(set(self.names)) != len(self.names):
            raise SobolError(f"duplicate factor names in {list(self.names)}")
        for name, (lo, hi) in zip(self.names, self.bounds, strict=True):
            if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
                raise SobolError(
                    f"factor {name!r}: bounds must be finite with lo < hi, got ({lo}, {hi})"
                )

    @classmethod
    def from_bounds(cls, bounds: Mapping[str, tuple[float, float]]) -> SobolProblem:
        """A problem from ``{"weight_regulation": (0.15, 0.25), "method": (0, 1), ...}``."""
        return cls(
            names=tuple(bounds), bounds=tuple((float(lo), float(hi)) for lo, hi in bounds.values())
        )

    @property
    def k(self) -> int:
        return len(self.names)

    def to_salib(self) -> dict[str, object]:
        return {
            "num_vars": self.k,
            "names": list(self.names),
            "bounds": [list(b) for b in self.bounds],
        }


@dataclass(frozen=True)
class SobolResult:
    """Indices of one output; every Series is indexed by factor name."""

    s1: pd.Series
    s1_conf: pd.Series
    st: pd.Series
    st_conf: pd.Series
    s2: pd.DataFrame | None
    s2_conf: pd.DataFrame | None
    n: int
    n_evaluations: int

    def to_frame(self) -> pd.DataFrame:
        """Factors x (S1, S1_conf, ST, ST_conf)."""
        return pd.DataFrame(
            {"S1": self.s1, "S1_conf": self.s1_conf, "ST": self.st, "ST_conf": self.st_conf}
        )


def discrete_choice(u: npt.ArrayLike, n_choices: int) -> npt.NDArray[np.int64]:
    """Map uniform samples on [0, 1] to choices 0..n_choices-1 by ``floor(u * n_choices)``.

    Each choice gets an interval of width ``1 / n_choices``; ``u = 1`` (the closed end of the
    sampled range) falls into the last choice.
    """
    if n_choices < 1:
        raise SobolError(f"a discrete factor needs at least one choice, got {n_choices}")
    values = np.asarray(u, dtype=np.float64)
    if values.size and not ((values >= 0) & (values <= 1)).all():
        raise SobolError("discrete factors must be sampled on [0, 1]; set their bounds to (0, 1)")
    return np.minimum(np.floor(values * n_choices), n_choices - 1).astype(np.int64)


def sobol_sample(
    problem: SobolProblem, *, n: int, seed: int, calc_second_order: bool = False
) -> FloatArray:
    """Saltelli's cross-sampled design from a scrambled Sobol' sequence: one row per model run."""
    _check_sample_size(n)
    sample = salib_sobol.sample(
        problem.to_salib(), n, calc_second_order=calc_second_order, seed=seed
    )
    return np.asarray(sample, dtype=np.float64)


def sobol_indices(
    problem: SobolProblem,
    func: ModelFunc,
    *,
    n: int,
    seed: int,
    calc_second_order: bool = False,
    num_resamples: int = 100,
    conf_level: float = 0.95,
) -> SobolResult:
    """First-order and total indices (and optionally second order) of one model output.

    ``func`` is vectorised: it takes the ``(runs, k)`` sample and returns ``runs`` outputs.
    """
    sample = sobol_sample(problem, n=n, seed=seed, calc_second_order=calc_second_order)
    outputs = _evaluate(func, sample)
    if outputs.shape[1] != 1:
        raise SobolError(f"the model returned {outputs.shape[1]} outputs; use sobol_indices_multi")
    est = _Estimates.compute(
        problem,
        outputs,
        n=n,
        seed=seed,
        calc_second_order=calc_second_order,
        num_resamples=num_resamples,
        conf_level=conf_level,
    )
    names = pd.Index(problem.names, name="factor")
    series = {
        key: pd.Series(value[:, 0], index=names, name=key)
        for key, value in est.first_and_total().items()
    }
    s2, s2_conf = est.second_order_frames(names)
    return SobolResult(
        s1=series["S1"],
        s1_conf=series["S1_conf"],
        st=series["ST"],
        st_conf=series["ST_conf"],
        s2=s2,
        s2_conf=s2_conf,
        n=n,
        n_evaluations=sample.shape[0],
    )


def sobol_indices_multi(
    problem: SobolProblem,
    func: ModelFunc,
    *,
    n: int,
    seed: int,
    output_names: Sequence[str] | None = None,
    num_resamples: int = 100,
    conf_level: float = 0.95,
) -> pd.DataFrame:
    """S1, ST and their confidence half-widths for every output column of ``func``.

    ``func`` takes the ``(runs, k)`` sample and returns ``(runs, m)`` outputs (e.g. the rank
    of each of ``m`` units). The result has one row per output and columns
    ``(statistic, factor)``: ``result["ST"]`` is the output x factor matrix of total indices.
    """
    sample = sobol_sample(problem, n=n, seed=seed)
    outputs = _evaluate(func, sample)
    return sobol_analyze(
        problem,
        outputs,
        n=n,
        seed=seed,
        output_names=output_names,
        num_resamples=num_resamples,
        conf_level=conf_level,
    )


def sobol_analyze(
    problem: SobolProblem,
    outputs: npt.ArrayLike,
    *,
    n: int,
    seed: int,
    output_names: Sequence[str] | None = None,
    num_resamples: int = 100,
    conf_level: float = 0.95,
) -> pd.DataFrame:
    """Indices of outputs already computed on :func:`sobol_sample` (first/total order only)."""
    values = _as_columns(outputs)
    est = _Estimates.compute(
        problem,
        values,
        n=n,
        seed=seed,
        calc_second_order=False,
        num_resamples=num_resamples,
        conf_level=conf_level,
    )
    names = (
        list(output_names) if output_names is not None else [str(i) for i in range(values.shape[1])]
    )
    if len(names) != values.shape[1]:
        raise SobolError(f"{len(names)} output names for {values.shape[1]} output columns")
    blocks = {
        key: pd.DataFrame(
            value.T,
            index=pd.Index(names, name="output"),
            columns=pd.Index(problem.names, name="factor"),
        )
        for key, value in est.first_and_total().items()
    }
    return pd.concat(blocks, axis=1, names=["statistic", "factor"])


@dataclass(frozen=True)
class _Estimates:
    """Point estimates and bootstrap half-widths; arrays are (factor, output) or (j, k, output)."""

    s1: FloatArray
    s1_conf: FloatArray
    st: FloatArray
    st_conf: FloatArray
    s2: FloatArray | None
    s2_conf: FloatArray | None

    @classmethod
    def compute(
        cls,
        problem: SobolProblem,
        outputs: FloatArray,
        *,
        n: int,
        seed: int,
        calc_second_order: bool,
        num_resamples: int,
        conf_level: float,
    ) -> _Estimates:
        blocks = _Blocks.split(outputs, k=problem.k, n=n, calc_second_order=calc_second_order)
        if not 0 < conf_level < 1:
            raise SobolError(f"conf_level must be in (0, 1), got {conf_level}")
        if num_resamples < 2:  # noqa: PLR2004 - a spread needs two resamples
            raise SobolError(f"num_resamples must be at least 2, got {num_resamples}")
        counts = _bootstrap_counts(n, num_resamples, seed)
        z = float(norm.ppf(0.5 + conf_level / 2))
        s1, s1_conf, st, st_conf = _first_and_total(blocks, counts, z)
        s2, s2_conf = _second_order(blocks, counts, z, s1) if calc_second_order else (None, None)
        return cls(s1=s1, s1_conf=s1_conf, st=st, st_conf=st_conf, s2=s2, s2_conf=s2_conf)

    def first_and_total(self) -> dict[str, FloatArray]:
        return {"S1": self.s1, "S1_conf": self.s1_conf, "ST": self.st, "ST_conf": self.st_conf}

    def second_order_frames(
        self, names: pd.Index
    ) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
        if self.s2 is None or self.s2_conf is None:
            return None, None
        return (
            pd.DataFrame(self.s2[:, :, 0], index=names, columns=names),
            pd.DataFrame(self.s2_conf[:, :, 0], index=names, columns=names),
        )


@dataclass(frozen=True)
class _Blocks:
    """Model outputs split into Saltelli's matrices, each (N, m); ab/ba are (k, N, m)."""

    a: FloatArray
    b: FloatArray
    ab: FloatArray
    ba: FloatArray | None
    constant: npt.NDArray[np.bool_]

    @classmethod
    def split(cls, outputs: FloatArray, *, k: int, n: int, calc_second_order: bool) -> _Blocks:
        step = 2 * k + 2 if calc_second_order else k + 2
        if outputs.shape[0] != n * step:
            raise SobolError(
                f"{outputs.shape[0]} model runs do not match n = {n} with {k} factors "
                f"({n * step} expected; same calc_second_order as the sample?)"
            )
        # Centre and scale each output as SALib does: the first-order estimator is biased for
        # outputs far from zero. Constant outputs (no factor moves them) get indices 0.
        sd = outputs.std(axis=0)
        constant = sd <= _TINY
        y = (outputs - outputs.mean(axis=0)) / np.where(constant, 1.0, sd)
        y = y.reshape(n, step, -1)
        ba = np.moveaxis(y[:, k + 1 : 2 * k + 1], 1, 0) if calc_second_order else None
        return cls(
            a=y[:, 0], b=y[:, -1], ab=np.moveaxis(y[:, 1 : k + 1], 1, 0), ba=ba, constant=constant
        )


def _first_and_total(blocks: _Blocks, counts: FloatArray, z: float) -> tuple[FloatArray, ...]:
    """S1 = mean(B (AB_j - A)) / V,  ST = mean((A - AB_j)^2) / (2 V), V = var of A and B rows."""
    a, b = blocks.a, blocks.b
    var, var_boot = _variance(a, b), _boot_variance(a, b, counts)
    s1, s1_conf, st, st_conf = (np.zeros((blocks.ab.shape[0], a.shape[1])) for _ in range(4))
    n = a.shape[0]
    for j, ab in enumerate(blocks.ab):
        first, total = b * (ab - a), 0.5 * (a - ab) ** 2
        s1[j], st[j] = _ratio(first.mean(axis=0), var), _ratio(total.mean(axis=0), var)
        s1_conf[j] = _conf(counts @ first / n, var_boot, z)
        st_conf[j] = _conf(counts @ total / n, var_boot, z)
    for arr in (s1, s1_conf, st, st_conf):
        arr[:, blocks.constant] = 0.0
    return s1, s1_conf, st, st_conf


def _second_order(
    blocks: _Blocks, counts: FloatArray, z: float, s1: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """S2_jk = mean(BA_j AB_k - A B) / V - S1_j - S1_k for j < k; NaN on and below the diagonal."""
    a, b, ab = blocks.a, blocks.b, blocks.ab
    if blocks.ba is None:
        raise SobolError("second-order indices need a sample drawn with calc_second_order=True")
    k, n, m = ab.shape
    var, var_boot = _variance(a, b), _boot_variance(a, b, counts)
    s2, s2_conf = np.full((k, k, m), np.nan), np.full((k, k, m), np.nan)
    s1_boot = [_ratio(counts @ (b * (ab[j] - a)) / n, var_boot) for j in range(k)]
    for j in range(k):
        for i in range(j + 1, k):
            joint = blocks.ba[j] * ab[i] - a * b
            s2[j, i] = _ratio(joint.mean(axis=0), var) - s1[j] - s1[i]
            boot = _ratio(counts @ joint / n, var_boot) - s1_boot[j] - s1_boot[i]
            s2_conf[j, i] = z * boot.std(axis=0, ddof=1)
            s2[j, i, blocks.constant] = s2_conf[j, i, blocks.constant] = 0.0
    return s2, s2_conf


def _bootstrap_counts(n: int, num_resamples: int, seed: int) -> FloatArray:
    """(resample, row) multiplicities of SALib's bootstrap draws ``rng.integers(n, (n, R))``.

    A resampled mean is then ``counts @ values / n``: one matrix product for all outputs instead
    of materialising an (n, R, outputs) array. Unlike SALib, which treats ``seed=0`` as "no
    seed", every seed here (0 included) gives the same intervals on every run.
    """
    draws = np.random.default_rng(seed).integers(n, size=(n, num_resamples))
    flat = (draws.T + np.arange(num_resamples)[:, None] * n).ravel()
    return (
        np.bincount(flat, minlength=n * num_resamples).reshape(num_resamples, n).astype(np.float64)
    )


def _variance(a: FloatArray, b: FloatArray) -> FloatArray:
    return np.asarray(np.concatenate([a, b]).var(axis=0), dtype=np.float64)


def _boot_variance(a: FloatArray, b: FloatArray, counts: FloatArray) -> FloatArray:
    """Population variance of the resampled A and B rows, per resample and output."""
    n2 = 2 * a.shape[0]
    mean = (counts @ a + counts @ b) / n2
    return np.asarray((counts @ (a * a) + counts @ (b * b)) / n2 - mean * mean, dtype=np.float64)


def _ratio(num: FloatArray, var: FloatArray) -> FloatArray:
    return np.divide(num, var, out=np.zeros_like(num), where=var > _TINY)


def _conf(num: FloatArray, var: FloatArray, z: float) -> FloatArray:
    """Half-width ``z * sd`` of the bootstrap distribution of an index."""
    return np.asarray(z * _ratio(num, var).std(axis=0, ddof=1), dtype=np.float64)


def _evaluate(func: ModelFunc, sample: FloatArray) -> FloatArray:
    outputs = _as_columns(func(sample))
    if outputs.shape[0] != sample.shape[0]:
        raise SobolError(
            f"the model returned {outputs.shape[0]} rows for {sample.shape[0]} sample rows"
        )
    return outputs


def _as_columns(outputs: npt.ArrayLike) -> FloatArray:
    values = np.asarray(outputs, dtype=np.float64)
    if values.ndim == 1:
        values = values[:, None]
    if values.ndim != 2:  # noqa: PLR2004 - runs x outputs
        raise SobolError(
            f"model outputs must be a vector or a (runs, outputs) matrix, got shape {values.shape}"
        )
    bad = ~np.isfinite(values).all(axis=0)
    if bad.any():
        raise SobolError(
            f"model outputs {np.flatnonzero(bad).tolist()[:10]} contain NaN or infinite values"
        )
    return values


def _check_sample_size(n: int) -> None:
    # Sobol' sequences keep their balance properties only for powers of two.
    if n < 2 or n & (n - 1):  # noqa: PLR2004 - two rows are the least a variance needs
        raise SobolError(f"n must be a power of two (>= 2) for a Sobol' sample, got {n}")
