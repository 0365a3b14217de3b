from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paritrana.scoring.errors import MethodError, SpecError
from paritrana.scoring.normalise import NormaliseParams, normalise_column
from paritrana.scoring.tree import Node, RubricLevel

UNITS = pd.Index(["p", "q", "r", "s"])
X = np.array([2.0, 4.0, 10.0, np.nan])


def _node(**kw) -> Node:
    return Node("x", "I", is_indicator=True, **kw)


def _norm(x=X, node=None, **params):
    return normalise_column(x, node or _node(), NormaliseParams(**params), UNITS[: len(x)])


def test_minmax_hand_computed_and_direction():
    np.testing.assert_allclose(_norm(), [0, 25, 100, np.nan])
    np.testing.assert_allclose(_norm(range=(1, 11)), [1, 3.5, 11, np.nan])
    np.testing.assert_allclose(_norm(node=_node(direction=-1)), [100, 75, 0, np.nan])


def test_zscore_uses_the_sample_standard_deviation():
    mean, sd = 16 / 3, np.std([2, 4, 10], ddof=1)
    np.testing.assert_allclose(
        _norm(method="zscore"), [*((np.array([2, 4, 10]) - mean) / sd), np.nan]
    )
    np.testing.assert_allclose(_norm(method="zscore", mean=10, sd=2)[0], 10 + 2 * (2 - mean) / sd)


def test_distance_methods():
    np.testing.assert_allclose(_norm(method="dist2max"), [0, 25, 100, np.nan])
    np.testing.assert_allclose(_norm(method="fracmax"), [20, 40, 100, np.nan])
    target = _node(target=6)
    np.testing.assert_allclose(_norm(node=target, method="dist2target"), [0, 50, 200, np.nan])
    np.testing.assert_allclose(
        _norm(node=target, method="dist2target", cap=True), [0, 50, 100, np.nan]
    )
    # direction -1: target 3 on x~ = -x is -3; (x~ - min)/(t~ - min) with min = -10
    low = _node(direction=-1, target=3)
    np.testing.assert_allclose(
        _norm(node=low, method="dist2target"), [8 / 7 * 100, 6 / 7 * 100, 0, np.nan]
    )
    np.testing.assert_allclose(_norm(method="dist2ref", reference="q"), [0, 100, 400, np.nan])
    np.testing.assert_allclose(
        _norm(method="dist2ref", reference="q", cap=True), [0, 100, 100, np.nan]
    )


def test_goalposts_truncate_and_flip_with_direction():
    np.testing.assert_allclose(_norm(method="goalposts", goalposts=(3, 8)), [0, 20, 100, np.nan])
    flipped = _node(direction=-1, goalposts=(3, 8))
    np.testing.assert_allclose(_norm(node=flipped, method="goalposts"), [100, 80, 0, np.nan])


def test_rank_and_percentile_rank():
    x = np.array([5.0, 1.0, 5.0, 3.0])
    np.testing.assert_allclose(_norm(x, method="rank"), [3, 1, 3, 2])
    np.testing.assert_allclose(
        _norm(x, method="prank"), [(3.5 - 1) / 3 * 100, 0, (3.5 - 1) / 3 * 100, 100 / 3]
    )


def test_rubric_levels_ignore_direction():
    levels = (RubricLevel(0, 0), RubricLevel(1, 40), RubricLevel(3, 100))
    node = _node(direction=-1, levels=levels)
    np.testing.assert_allclose(
        _norm(np.array([0.0, 2.5, 3.0, np.nan]), node=node, method="rubric"), [0, 40, 100, np.nan]
    )
    with pytest.raises(MethodError, match=r"unit 'p' has x = -1\.0, below the lowest rubric level"):
        _norm(np.array([-1.0, 1, 1, 1]), node=node, method="rubric")


@pytest.mark.parametrize(
    ("method", "expected"),
    [("minmax", 50.0), ("zscore", 0.0), ("dist2max", 50.0), ("prank", 50.0), ("rank", 1.0)],
)
def test_zero_range_and_single_unit_get_the_middle(method, expected):
    constant = _norm(np.array([3.0, 3.0, np.nan]), method=method)
    np.testing.assert_allclose(constant, [expected, expected, np.nan])
    single = _norm(np.array([7.0]), method=method)
    np.testing.assert_allclose(single, [expected])


def test_all_missing_stays_missing():
    assert np.isnan(_norm(np.full(3, np.nan))).all()


def test_degenerate_target_and_reference_give_full_score():
    at_min = _node(target=1)
    np.testing.assert_allclose(_norm(node=at_min, method="dist2target"), [100, 100, 100, np.nan])
    np.testing.assert_allclose(_norm(method="dist2ref", reference="p"), [100, 100, 100, np.nan])


def test_refusals_name_the_indicator():
    with pytest.raises(MethodError, match="'x' has no target"):
        _norm(method="dist2target")
    with pytest.raises(MethodError, match="'x' has no goalposts"):
        _norm(method="goalposts")
    with pytest.raises(MethodError, match="fracmax needs non-negative"):
        _norm(node=_node(direction=-1), method="fracmax")
    with pytest.raises(MethodError, match="reference unit 'zz' is not in the data"):
        _norm(method="dist2ref", reference="zz")
    with pytest.raises(MethodError, match="reference unit 's' has no value"):
        _norm(method="dist2ref", reference="s")
    with pytest.raises(SpecError, match="needs lower < upper"):
        NormaliseParams(range=(5, 5))
    with pytest.raises(SpecError, match="dist2ref needs a reference"):
        NormaliseParams(method="dist2ref")


def test_per_indicator_override():
    p = NormaliseParams(per_indicator={"x": {"method": "rank"}})
    assert p.for_indicator("x").method == "rank"
    assert p.for_indicator("y").method == "minmax"


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.integers(-1000, 1000), min_size=2, max_size=12, unique=True),
    scale=st.floats(min_value=1e-3, max_value=1e3),
    shift=st.floats(min_value=-1e4, max_value=1e4),
)
def test_minmax_is_unchanged_by_scaling_an_indicator(values, scale, shift):
    x = np.array(values, dtype=float)
    units = pd.Index([f"u{i}" for i in range(len(x))])
    base = normalise_column(x, _node(), NormaliseParams(), units)
    moved = normalise_column(x * scale + shift, _node(), NormaliseParams(), units)
    np.testing.assert_allclose(moved, base, atol=1e-6)
