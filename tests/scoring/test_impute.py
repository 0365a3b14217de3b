from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from paritrana.scoring.errors import DataError
from paritrana.scoring.impute import ImputeParams, impute
from paritrana.scoring.step import StepContext
from paritrana.scoring.units import prepare_units
from tests.scoring.builders import mini_frame, mini_tree


def _ctx(frame: pd.DataFrame) -> tuple[pd.DataFrame, StepContext]:
    units = prepare_units(frame, mini_tree())
    return units.indicators, StepContext(tree=mini_tree(), units=units)


def _gappy() -> pd.DataFrame:
    frame = mini_frame()  # east: U0, U2, U4; west: U1, U3, U5
    frame.loc[0, "a1"] = np.nan
    frame.loc[[1, 3, 5], "a2"] = np.nan  # all of west
    frame["b2"] = np.nan  # nobody
    return frame


def test_impute_by_group_mean_with_overall_fallback():
    frame = _gappy()
    data, ctx = _ctx(frame)
    out = impute(data, ctx, ImputeParams(method="mean", by="Group_Zone"))
    assert out.data.loc["U0", "a1"] == pytest.approx(frame.loc[[2, 4], "a1"].mean())
    west = frame.loc[[0, 2, 4], "a2"].mean()  # west has no a2: the overall mean
    assert out.data.loc[["U1", "U3", "U5"], "a2"].tolist() == pytest.approx([west] * 3)
    assert out.data["b2"].isna().all()
    assert out.log["filled_by_group"] == {"a1": 1}
    assert out.log["filled_overall"] == {"a2": 3}
    assert out.log["still_missing"] == {"b2": 6}


def test_impute_overall_median_and_none():
    frame = _gappy()
    data, ctx = _ctx(frame)
    out = impute(data, ctx, ImputeParams(method="median"))
    assert out.data.loc["U0", "a1"] == pytest.approx(frame["a1"].median())
    untouched = impute(data, ctx, ImputeParams(method="none"))
    assert untouched.data["a1"].isna().sum() == 1


def test_impute_unknown_group_column():
    data, ctx = _ctx(_gappy())
    with pytest.raises(DataError, match="group column 'Group_Island'"):
        impute(data, ctx, ImputeParams(by="Group_Island"))
