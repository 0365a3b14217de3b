from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from paritrana.scoring.errors import MethodError
from paritrana.scoring.pipeline import run_pipeline
from paritrana.scoring.sensitivity import Evaluator, draw_weights, monte_carlo
from paritrana.scoring.spec import SensitivityParams
from paritrana.scoring.weighting import WeightParams
from tests.scoring.builders import mini_frame, mini_tree, spec

SPEC = spec(normalise={"range": [1, 100]}, ranks={"decimals": 2, "tie_breakers": ["B"]})


def _result(units: int = 12):
    return run_pipeline(mini_frame(units, seed=3), mini_tree(), SPEC)


def test_no_uncertainty_reproduces_the_nominal_ranks():
    result = _result()
    table = monte_carlo(result, SensitivityParams(runs=20, perturbation="none")).table
    nominal = result.ranks["Index"].astype(float)
    np.testing.assert_array_equal(table["median_rank"], nominal)
    assert (table["p_keep_rank"] == 1).all()
    assert table["p_top3"].tolist() == (nominal <= 3).astype(float).tolist()


def test_vectorised_runs_equal_the_pipeline_run_once_per_draw():
    result = _result()
    params = SensitivityParams(
        runs=6,
        seed=5,
        normalise=({}, {"method": "zscore", "mean": 50, "sd": 10}),
        aggregate=({}, {"method": "geometric"}),
    )
    sens = monte_carlo(result, params)
    ev = Evaluator(result, params)
    for run, draw in sens.draws.iterrows():
        steps = dict(SPEC.steps)
        steps["normalise"] = ev.norm_alts[int(draw["normalise"])]
        steps["aggregate"] = ev.agg_alts[int(draw["aggregate"])]
        weights = {c: float(draw[c]) for c in ev.nodes}
        steps["weight"] = replace(steps.get("weight") or WeightParams(), weights=weights)
        again = run_pipeline(mini_frame(12, seed=3), mini_tree(), replace(SPEC, steps=steps))
        np.testing.assert_array_equal(sens.ranks[run], again.ranks["Index"].astype(float))


def test_same_seed_same_result_and_summary_bounds():
    result = _result()
    params = SensitivityParams(runs=50, seed=9, spread=0.5)
    a, b = monte_carlo(result, params), monte_carlo(result, params)
    np.testing.assert_array_equal(a.ranks, b.ranks)
    t = a.table
    assert (t["rank_q05"] <= t["median_rank"]).all()
    assert (t["median_rank"] <= t["rank_q95"]).all()
    assert t["p_keep_rank"].between(0, 1).all()


def test_uniform_perturbation_stays_in_its_band_and_dirichlet_keeps_sums():
    result = _result()
    rng = np.random.default_rng(0)
    uni = SensitivityParams(runs=200, spread=0.25, perturb="aggregates")
    ev = Evaluator(result, uni)
    w = draw_weights(ev, uni, rng)
    ratio = w / ev.nominal_weights
    aggregates = [i for i, c in enumerate(ev.nodes) if not result.tree.node(c).is_indicator]
    assert ratio[:, aggregates].min() >= 0.75
    assert ratio[:, aggregates].max() <= 1.25
    others = [i for i in range(len(ev.nodes)) if i not in aggregates]
    assert (ratio[:, others] == 1).all()
    dirichlet = SensitivityParams(runs=200, perturbation="dirichlet", concentration=50)
    w = draw_weights(Evaluator(result, dirichlet), dirichlet, rng)
    pair = [ev.nodes.index("A"), ev.nodes.index("B")]
    np.testing.assert_allclose(w[:, pair].sum(axis=1), 3.0)
    assert w[:, pair[0]].mean() == pytest.approx(2.0, abs=0.1)


def test_geometric_alternative_on_zeros_is_refused_up_front():
    result = run_pipeline(mini_frame(), mini_tree(), spec())  # min-max [0, 100]: zeros
    params = SensitivityParams(runs=5, aggregate=({"method": "geometric"},))
    with pytest.raises(MethodError, match="aggregate alternative 1 \\(geometric\\) needs"):
        monte_carlo(result, params)
