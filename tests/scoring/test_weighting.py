from __future__ import annotations

import pytest

from paritrana.scoring.errors import MethodError, SpecError
from paritrana.scoring.weighting import WeightParams, weight
from tests.scoring.builders import mini_tree


def test_given_weights_with_overrides():
    result = weight(mini_tree(), WeightParams(weights={"b2": 3}))
    assert result.weights == {"A": 2.0, "a1": 1.0, "a2": 1.0, "B": 1.0, "b1": 1.0, "b2": 3.0}


def test_equal_weights():
    assert set(weight(mini_tree(), WeightParams(method="equal")).weights.values()) == {1.0}


def test_ahp_weights_replace_the_parents_children():
    # a consistent matrix: A is twice as important as B
    params = WeightParams(
        method="ahp", ahp={"Index": {"children": ["A", "B"], "matrix": [[1, 2], [0.5, 1]]}}
    )
    result = weight(mini_tree(), params)
    assert result.weights["A"] == pytest.approx(2 / 3)
    assert result.weights["B"] == pytest.approx(1 / 3)
    assert result.log["ahp"]["Index"]["cr"] == 0.0


def test_ahp_refusals_name_the_parent():
    inconsistent = [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]
    tree = mini_tree()
    with pytest.raises(SpecError, match="must list exactly its children"):
        weight(
            tree, WeightParams(method="ahp", ahp={"Index": {"children": ["A"], "matrix": [[1]]}})
        )
    with pytest.raises(SpecError, match="'a1' is not an aggregate"):
        weight(tree, WeightParams(method="ahp", ahp={"a1": {"matrix": [[1]]}}))
    with pytest.raises(MethodError, match="AHP for 'Index'"):
        weight(tree, WeightParams(method="ahp", ahp={"Index": {"matrix": inconsistent}}))
    with pytest.raises(SpecError, match="needs an 'ahp' mapping"):
        WeightParams(method="ahp")


def test_override_of_unknown_node_and_zero_sum():
    with pytest.raises(SpecError, match="'zz' is not a non-root node"):
        weight(mini_tree(), WeightParams(weights={"zz": 1}))
    with pytest.raises(ValueError, match="children of 'A' sum to zero"):
        weight(mini_tree(), WeightParams(weights={"a1": 0, "a2": 0}))
