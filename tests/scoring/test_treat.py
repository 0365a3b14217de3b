from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from paritrana.scoring.errors import SpecError
from paritrana.scoring.step import StepContext
from paritrana.scoring.treat import TreatParams, treat
from paritrana.scoring.units import prepare_units
from tests.scoring.builders import mini_frame, mini_tree

SKEWED = np.array([1.0] * 20 + [2, 3, 50, 500, 5000])


def _run(columns: dict[str, np.ndarray], **params):
    data = pd.DataFrame(columns, index=pd.Index([f"U{i}" for i in range(25)], name="code"))
    ctx = StepContext(tree=mini_tree(), units=prepare_units(mini_frame(), mini_tree()))
    return treat(data, ctx, TreatParams(**params))


def test_fallback_ctlog_on_the_original_column_when_winmax_is_reached():
    result = _run({"a1": SKEWED}, winmax=1)
    lo, hi = SKEWED.min(), SKEWED.max()
    expected = np.log(SKEWED - lo + 0.01 * (hi - lo))
    np.testing.assert_allclose(result.data["a1"], expected, rtol=1e-15)
    row = result.tables["treat_summary"].loc["a1"]
    assert row["treatment"] == "CTLog (exceeded winmax)"
    assert (row["low"], row["high"]) == (0, 0)
    assert (result.tables["treat_flags"]["a1"] == "CTLog").all()


def test_winsorising_within_winmax_clips_and_flags():
    result = _run({"a1": SKEWED}, winmax=10)
    row = result.tables["treat_summary"].loc["a1"]
    assert row["treatment"].startswith("Winsorised")
    assert result.data["a1"].max() < SKEWED.max()
    assert (result.tables["treat_flags"]["a1"] == "WHigh").sum() == row["high"]


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("log", np.log(SKEWED)),
        ("giilog", np.log((SKEWED.max() - 1) * (SKEWED - 1) / (SKEWED.max() - 1) + 1)),
        ("none", SKEWED),
    ],
)
def test_forced_transforms_per_indicator(method, expected):
    result = _run({"a1": SKEWED, "a2": SKEWED}, per_indicator={"a1": {"method": method}})
    np.testing.assert_allclose(result.data["a1"], expected, rtol=1e-15)
    assert not np.allclose(result.data["a2"], SKEWED)  # a2 keeps the default treatment


def test_boxcox():
    result = _run({"a1": SKEWED}, method="boxcox", boxcox_lambda=0.5)
    shifted = SKEWED - SKEWED.min() + 1
    np.testing.assert_allclose(result.data["a1"], (shifted**0.5 - 1) / 0.5)


def test_log_of_non_positive_values_is_refused_and_flagged():
    x = SKEWED - 2
    result = _run({"a1": x}, method="log")
    np.testing.assert_array_equal(result.data["a1"], x)
    assert (result.tables["treat_flags"]["a1"] == "Err").all()


def test_winmax_forms():
    assert TreatParams().winmax_for(51) == 6  # COINr: ceiling(10% of units)
    assert TreatParams(winmax="10%").winmax_for(50) == 5
    assert TreatParams(winmax=3).winmax_for(1000) == 3
    with pytest.raises(SpecError, match="count or a percentage"):
        TreatParams(winmax="ten").winmax_for(10)


def test_parameter_refusals():
    with pytest.raises(SpecError, match="boxcox needs boxcox_lambda"):
        TreatParams(fallback="boxcox")
    with pytest.raises(SpecError, match="'cubic' is not one of"):
        TreatParams(method="cubic")
    with pytest.raises(SpecError, match="unknown indicator"):
        _run({"a1": SKEWED}, per_indicator={"zz": {"method": "none"}})
