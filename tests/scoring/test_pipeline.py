from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paritrana.scoring.pipeline import run_pipeline
from tests.scoring.builders import mini_frame, mini_tree, spec

FULL = spec(
    denominate={},
    screen={"min_availability": 0.5},
    impute={"method": "mean", "by": "Group_Zone"},
    treat={},
    weight={"method": "given"},
)


def test_every_step_writes_its_named_dataset_and_logs_it():
    result = run_pipeline(mini_frame(8), mini_tree(), FULL)
    assert list(result.datasets) == [
        "raw",
        "denominated",
        "screened",
        "imputed",
        "treated",
        "normalised",
        "aggregated",
    ]
    steps = [entry["step"] for entry in result.log]
    assert steps == ["denominate", "screen", "impute", "treat", "normalise", "weight", "aggregate"]
    assert result.log[2]["params"] == {"method": "mean", "by": "Group_Zone"}
    assert result.normalise_input is result.datasets["treated"]
    assert result.ranks["Index"].min() == 1


def test_screened_units_leave_every_later_dataset():
    frame = mini_frame(8)
    frame.loc[0, ["a1", "a2", "b1"]] = np.nan
    result = run_pipeline(frame, mini_tree(), FULL)
    assert "U0" not in result.scores.index
    assert "U0" not in result.ranks.index
    assert "U0" not in result.units.names.index


def test_single_unit_is_defined():
    result = run_pipeline(mini_frame(1), mini_tree(), spec())
    assert result.scores.loc["U0"].tolist() == [50.0] * 7  # zero range: the middle
    assert result.ranks.loc["U0"].tolist() == [1] * 7


def test_indicator_missing_for_everyone_drops_out_of_its_aspect():
    frame = mini_frame().assign(a2=np.nan)
    result = run_pipeline(frame, mini_tree(), spec())
    np.testing.assert_allclose(result.scores["A"], result.scores["a1"])


def _frame_from(values: list[list[float]]) -> pd.DataFrame:
    frame = pd.DataFrame(values, columns=["a1", "a2", "b1", "b2"])
    frame.insert(0, "code", [f"U{i}" for i in range(len(frame))])
    frame["Den_Pop"] = 1.0
    return frame


rows = st.lists(
    st.lists(st.integers(0, 100).map(float), min_size=4, max_size=4), min_size=2, max_size=8
)


@settings(max_examples=30, deadline=None)
@given(values=rows, seed=st.integers(0, 1000))
def test_permuting_units_permutes_results(values, seed):
    frame = _frame_from(values)
    order = np.random.default_rng(seed).permutation(len(frame))
    base = run_pipeline(frame, mini_tree(), FULL)
    shuffled = run_pipeline(frame.iloc[order].reset_index(drop=True), mini_tree(), FULL)
    for name, data in base.datasets.items():
        pd.testing.assert_frame_equal(shuffled.datasets[name].loc[data.index], data)
    pd.testing.assert_frame_equal(shuffled.ranks.loc[base.ranks.index], base.ranks)


@settings(max_examples=30, deadline=None)
@given(values=rows, unit=st.integers(0, 7), raise_by=st.integers(1, 50))
def test_raising_a_positive_indicator_never_lowers_the_arithmetic_score(values, unit, raise_by):
    frame = _frame_from(values)
    unit %= len(frame)
    simple = spec(denominate={})  # min-max and arithmetic means: no treatment in between
    before = run_pipeline(frame, mini_tree(), simple).scores
    frame.loc[unit, "a1"] += raise_by  # a1 has direction +1
    after = run_pipeline(frame, mini_tree(), simple).scores
    code = f"U{unit}"
    for node in ("A", "Index"):
        assert after.loc[code, node] >= before.loc[code, node] - 1e-9


@pytest.mark.parametrize("bad", ["geometric", "harmonic"])
def test_geometric_on_default_minmax_is_refused_with_advice(bad):
    with pytest.raises(ValueError, match=r"minmax \[1, 100\]"):
        run_pipeline(mini_frame(), mini_tree(), spec(aggregate={"method": bad}))


def test_geometric_on_a_positive_range_works():
    result = run_pipeline(
        mini_frame(),
        mini_tree(),
        spec(normalise={"range": [1, 100]}, aggregate={"method": "geometric"}),
    )
    assert result.scores["Index"].between(1, 100).all()
