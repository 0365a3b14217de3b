from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from paritrana.scoring.aggregate import AggregateParams, aggregate, combine
from paritrana.scoring.errors import MethodError, SpecError
from tests.scoring.builders import mini_tree

WEIGHTS = {"A": 2.0, "B": 1.0, "a1": 1.0, "a2": 3.0, "b1": 1.0, "b2": 1.0}


def _data(rows: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, index=pd.Index(["u", "v"][: len(next(iter(rows.values())))]))


def test_arithmetic_geometric_harmonic_by_hand():
    values = np.array([[4.0, 16.0]])
    w = np.array([[1.0, 3.0]])
    assert combine(values, w, "arithmetic", 0)[0] == pytest.approx((4 + 48) / 4)
    assert combine(values, w, "geometric", 0)[0] == pytest.approx(4 ** (1 / 4) * 16 ** (3 / 4))
    assert combine(values, w, "harmonic", 0)[0] == pytest.approx(4 / (1 / 4 + 3 / 16))


def test_missing_children_drop_out_and_weights_renormalise():
    values = np.array([[np.nan, 16.0], [np.nan, np.nan]])
    out = combine(values, np.array([[1.0, 3.0]]), "arithmetic", 0)
    assert out[0] == 16.0
    assert np.isnan(out[1])


def test_availability_threshold_and_zero_weight_of_present_children():
    values = np.array([[np.nan, 16.0]])
    assert np.isnan(combine(values, np.array([[1.0, 3.0]]), "arithmetic", 0.6)[0])
    assert combine(values, np.array([[1.0, 3.0]]), "arithmetic", 0.5)[0] == 16.0
    assert np.isnan(combine(values, np.array([[1.0, 0.0]]), "arithmetic", 0)[0])


def test_tree_aggregation_hand_computed():
    data = _data({"a1": [10.0], "a2": [20.0], "b1": [40.0], "b2": [60.0]})
    out, log = aggregate(data, mini_tree(), WEIGHTS, AggregateParams())
    assert out.loc["u", "A"] == pytest.approx((10 + 60) / 4)
    assert out.loc["u", "B"] == pytest.approx(50)
    assert out.loc["u", "Index"] == pytest.approx((2 * 17.5 + 50) / 3)
    assert list(out.columns) == ["a1", "a2", "b1", "b2", "A", "B", "Index"]
    assert log["missing"] == {}


def test_per_node_method():
    data = _data({"a1": [10.0], "a2": [40.0], "b1": [40.0], "b2": [60.0]})
    params = AggregateParams(per_node={"A": {"method": "geometric"}})
    out, _ = aggregate(data, mini_tree(), WEIGHTS, params)
    assert out.loc["u", "A"] == pytest.approx(10**0.25 * 40**0.75)


def test_geometric_of_zero_is_refused_naming_unit_node_and_child():
    data = _data({"a1": [10.0, 0.0], "a2": [20.0, 5.0], "b1": [1.0, 2.0], "b2": [1.0, 2.0]})
    with pytest.raises(MethodError, match="'A' needs values > 0, but unit 'v' has a1 = 0"):
        aggregate(data, mini_tree(), WEIGHTS, AggregateParams(method="geometric"))
    with pytest.raises(MethodError, match="harmonic"):
        aggregate(data, mini_tree(), WEIGHTS, AggregateParams(method="harmonic"))


def test_parameter_refusals():
    with pytest.raises(SpecError, match="'median' is not one of"):
        AggregateParams(method="median")
    with pytest.raises(SpecError, match="unknown aggregate"):
        aggregate(_data({"a1": [1.0]}), mini_tree(), WEIGHTS, AggregateParams(per_node={"a1": {}}))
