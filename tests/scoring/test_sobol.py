"""Sobol' indices: Ishigami analytic values, agreement with SALib, discrete factors, refusals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from SALib.analyze import sobol as salib_analyze

from paritrana.scoring.sobol import (
    SobolError,
    SobolProblem,
    discrete_choice,
    sobol_analyze,
    sobol_indices,
    sobol_indices_multi,
    sobol_sample,
)

A, B = 7.0, 0.1
ISHIGAMI = SobolProblem.from_bounds(
    {"x1": (-math.pi, math.pi), "x2": (-math.pi, math.pi), "x3": (-math.pi, math.pi)}
)


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def ishigami_analytic() -> tuple[np.ndarray, np.ndarray]:
    """Exact S1 and ST of f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi).

    With E[sin^2] = 1/2, E[sin^4] = 3/8, E[x^4] = pi^4/5, E[x^8] = pi^8/9:
      V1  = Var(E[f|x1]) = Var((1 + b pi^4/5) sin x1) = (1 + b pi^4/5)^2 / 2
      V2  = Var(a sin^2 x2) = a^2 (3/8 - 1/4) = a^2 / 8
      V3  = 0 (x3 acts only through the product with sin x1, whose mean is 0)
      V13 = Var(b x3^4 sin x1) - Var(E[b x3^4 sin x1 | x1])
          = b^2 pi^8/9 / 2 - b^2 pi^8/25 / 2 = 8 b^2 pi^8 / 225
      V   = V1 + V2 + V13
    S1_i = V_i / V, ST_1 = (V1 + V13) / V, ST_2 = V2 / V, ST_3 = V13 / V.
    """
    v1 = (1 + B * math.pi**4 / 5) ** 2 / 2
    v2 = A**2 / 8
    v13 = 8 * B**2 * math.pi**8 / 225
    v = v1 + v2 + v13
    return np.array([v1, v2, 0.0]) / v, np.array([v1 + v13, v2, v13]) / v


def test_analytic_values_are_the_published_ones():
    s1, st = ishigami_analytic()
    np.testing.assert_allclose(s1, [0.3139, 0.4424, 0.0], atol=5e-5)
    np.testing.assert_allclose(st, [0.5576, 0.4424, 0.2437], atol=5e-5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ishigami_indices_match_the_analytic_ones(seed):
    # n = 2^13 base rows (40,960 runs). The estimators' Monte Carlo error shrinks as 1/sqrt(n);
    # the bootstrap half-width (95 %) measures it at this n, about 0.02 here. Each estimate must
    # lie within its own half-width of the exact value, and the half-widths must be that small,
    # so the check is not vacuous. (Sobol' points usually do better than the bootstrap says.)
    s1, st = ishigami_analytic()
    result = sobol_indices(ISHIGAMI, ishigami, n=2**13, seed=seed)
    assert (result.s1_conf < 0.035).all()
    assert (result.st_conf < 0.035).all()
    assert (np.abs(result.s1 - s1) <= result.s1_conf).all()
    assert (np.abs(result.st - st) <= result.st_conf).all()
    assert result.n_evaluations == 2**13 * 5


def test_second_order_ishigami_interaction_is_x1_x3():
    result = sobol_indices(ISHIGAMI, ishigami, n=2**12, seed=4, calc_second_order=True)
    assert result.s2 is not None
    assert result.s2_conf is not None
    s2_13 = ishigami_analytic()[1][2]  # V13 / V: the only interaction
    assert abs(result.s2.loc["x1", "x3"] - s2_13) <= result.s2_conf.loc["x1", "x3"]
    assert abs(result.s2.loc["x1", "x2"]) <= result.s2_conf.loc["x1", "x2"]
    assert np.isnan(result.s2.loc["x3", "x1"])
    assert result.n_evaluations == 2**12 * 8


@pytest.mark.parametrize("second_order", [False, True])
def test_estimates_equal_salib_analyze(second_order):
    sample = sobol_sample(ISHIGAMI, n=512, seed=9, calc_second_order=second_order)
    ours = sobol_indices(ISHIGAMI, ishigami, n=512, seed=9, calc_second_order=second_order)
    theirs = salib_analyze.analyze(
        ISHIGAMI.to_salib(), ishigami(sample), calc_second_order=second_order, seed=9
    )
    for key, series in [
        ("S1", ours.s1),
        ("S1_conf", ours.s1_conf),
        ("ST", ours.st),
        ("ST_conf", ours.st_conf),
    ]:
        np.testing.assert_allclose(
            series.to_numpy(), theirs[key], rtol=1e-9, atol=1e-12, err_msg=key
        )
    if second_order:
        assert ours.s2 is not None
        assert ours.s2_conf is not None
        np.testing.assert_allclose(ours.s2.to_numpy(), theirs["S2"], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(
            ours.s2_conf.to_numpy(), theirs["S2_conf"], rtol=1e-9, atol=1e-12
        )


def test_same_seed_same_indices_other_seed_other_sample():
    first = sobol_indices(ISHIGAMI, ishigami, n=256, seed=11).to_frame()
    again = sobol_indices(ISHIGAMI, ishigami, n=256, seed=11).to_frame()
    other = sobol_indices(ISHIGAMI, ishigami, n=256, seed=12).to_frame()
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(other)


def test_seed_zero_is_deterministic_too():
    # SALib treats seed=0 as "no seed" for its bootstrap; ours must not.
    first = sobol_indices(ISHIGAMI, ishigami, n=64, seed=0).to_frame()
    pd.testing.assert_frame_equal(first, sobol_indices(ISHIGAMI, ishigami, n=64, seed=0).to_frame())


def _three_outputs(x: np.ndarray) -> np.ndarray:
    return np.column_stack([ishigami(x), x[:, 1], np.full(len(x), 4.0)])


def test_multi_output_gives_one_index_set_per_column():
    result = sobol_indices_multi(
        ISHIGAMI, _three_outputs, n=1024, seed=5, output_names=["ishigami", "x2 only", "constant"]
    )
    assert list(result.index) == ["ishigami", "x2 only", "constant"]
    assert list(result.columns.get_level_values("statistic").unique()) == [
        "S1",
        "S1_conf",
        "ST",
        "ST_conf",
    ]
    single = sobol_indices(ISHIGAMI, ishigami, n=1024, seed=5).to_frame()
    for statistic in single.columns:
        np.testing.assert_allclose(result[statistic].loc["ishigami"], single[statistic], rtol=1e-12)
    # An output that is x2 itself: x2 explains all of it, alone.
    np.testing.assert_allclose(result["S1"].loc["x2 only"], [0, 1, 0], atol=1e-2)
    np.testing.assert_allclose(result["ST"].loc["x2 only"], [0, 1, 0], atol=1e-2)
    # No factor moves a constant output: indices 0, not NaN.
    assert (result.loc["constant"] == 0).all()


def test_analyze_accepts_outputs_computed_elsewhere():
    sample = sobol_sample(ISHIGAMI, n=128, seed=2)
    direct = sobol_indices_multi(ISHIGAMI, _three_outputs, n=128, seed=2)
    later = sobol_analyze(ISHIGAMI, _three_outputs(sample), n=128, seed=2)
    pd.testing.assert_frame_equal(direct, later)
    assert list(later.index) == ["0", "1", "2"]


def test_discrete_choice_maps_by_floor_with_equal_shares():
    u = np.array([0.0, 0.2499, 0.25, 0.5, 0.9999, 1.0])
    np.testing.assert_array_equal(discrete_choice(u, 4), [0, 0, 1, 2, 3, 3])
    np.testing.assert_array_equal(discrete_choice(u, 1), np.zeros(6))
    shares = np.bincount(discrete_choice(np.linspace(0, 1, 30_000, endpoint=False), 3)) / 30_000
    np.testing.assert_allclose(shares, [1 / 3] * 3)


def test_discrete_factor_gets_its_analytic_share():
    # f = 10 * choice + x, choice in {0, 1} equally likely, x ~ U(0, 1):
    # Var = 10^2 / 4 + 1/12, and the choice explains 25 / (25 + 1/12) of it, with no interaction.
    problem = SobolProblem.from_bounds({"method": (0.0, 1.0), "x": (0.0, 1.0)})
    result = sobol_indices(
        problem, lambda s: 10.0 * discrete_choice(s[:, 0], 2) + s[:, 1], n=2**12, seed=3
    )
    expected = 25 / (25 + 1 / 12)
    assert result.s1["method"] == pytest.approx(expected, abs=0.01)
    assert result.st["method"] == pytest.approx(expected, abs=0.01)
    assert result.st["x"] == pytest.approx(1 - expected, abs=0.01)


@pytest.mark.parametrize("u", [[-0.1, 0.5], [0.5, 1.01], [np.nan]])
def test_discrete_choice_refuses_samples_outside_the_unit_interval(u):
    with pytest.raises(SobolError, match=r"sampled on \[0, 1\]"):
        discrete_choice(u, 2)


def test_discrete_choice_needs_a_choice():
    with pytest.raises(SobolError, match="at least one choice"):
        discrete_choice([0.5], 0)


@pytest.mark.parametrize(
    ("names", "bounds", "message"),
    [
        ((), (), "one \\(lo, hi\\) bound per factor"),
        (("a", "b"), ((0, 1),), "one \\(lo, hi\\) bound per factor"),
        (("a", "a"), ((0, 1), (0, 1)), "duplicate factor names"),
        (("a",), ((1, 1),), "factor 'a': bounds must be finite with lo < hi"),
        (("a",), ((0, np.inf),), "factor 'a'"),
    ],
)
def test_bad_problems_are_refused(names, bounds, message):
    with pytest.raises(SobolError, match=message):
        SobolProblem(names=names, bounds=bounds)


@pytest.mark.parametrize("n", [0, 1, 100, 1000])
def test_sample_size_must_be_a_power_of_two(n):
    with pytest.raises(SobolError, match=f"power of two .*got {n}"):
        sobol_indices(ISHIGAMI, ishigami, n=n, seed=1)


def test_bad_model_outputs_are_refused():
    with pytest.raises(SobolError, match="returned 3 outputs; use sobol_indices_multi"):
        sobol_indices(ISHIGAMI, _three_outputs, n=8, seed=1)
    with pytest.raises(SobolError, match="returned 5 rows for 40 sample rows"):
        sobol_indices(ISHIGAMI, lambda x: x[:5, 0], n=8, seed=1)
    with pytest.raises(SobolError, match=r"model outputs \[1\] contain NaN"):
        sobol_indices_multi(
            ISHIGAMI,
            lambda x: np.column_stack([x[:, 0], np.where(x[:, 1] > 0, x[:, 1], np.nan)]),
            n=8,
            seed=1,
        )
    with pytest.raises(SobolError, match="vector or a \\(runs, outputs\\) matrix"):
        sobol_indices(ISHIGAMI, lambda x: np.zeros((len(x), 1, 1)), n=8, seed=1)


def test_analyze_refuses_mismatched_runs_and_names():
    outputs = _three_outputs(sobol_sample(ISHIGAMI, n=8, seed=1))
    with pytest.raises(SobolError, match="40 model runs do not match n = 16"):
        sobol_analyze(ISHIGAMI, outputs, n=16, seed=1)
    with pytest.raises(SobolError, match="2 output names for 3 output columns"):
        sobol_analyze(ISHIGAMI, outputs, n=8, seed=1, output_names=["a", "b"])
    with pytest.raises(SobolError, match="conf_level"):
        sobol_analyze(ISHIGAMI, outputs, n=8, seed=1, conf_level=1.0)
    with pytest.raises(SobolError, match="num_resamples"):
        sobol_analyze(ISHIGAMI, outputs, n=8, seed=1, num_resamples=1)
