from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from paritrana.scoring.denominate import DenominateParams, denominate
from paritrana.scoring.errors import DataError, SpecError
from paritrana.scoring.step import StepContext
from paritrana.scoring.units import prepare_units
from tests.scoring.builders import mini_frame, mini_tree


def _ctx(frame: pd.DataFrame) -> tuple[pd.DataFrame, StepContext]:
    units = prepare_units(frame, mini_tree())
    return units.indicators, StepContext(tree=mini_tree(), units=units)


def test_denominate_divides_by_the_tree_denominator():
    frame = mini_frame()
    data, ctx = _ctx(frame)
    out = denominate(data, ctx, DenominateParams())
    np.testing.assert_allclose(out.data["b1"], frame["b1"] / frame["Den_Pop"])
    np.testing.assert_array_equal(out.data["a1"], frame["a1"])
    assert out.log["denominators"] == {"b1": "Den_Pop"}


def test_zero_or_missing_denominator_gives_missing_and_is_counted():
    frame = mini_frame()
    frame.loc[0, "Den_Pop"] = 0
    frame.loc[1, "Den_Pop"] = np.nan
    data, ctx = _ctx(frame)
    out = denominate(data, ctx, DenominateParams())
    assert out.data["b1"].isna().tolist()[:3] == [True, True, False]
    assert out.log["cells_without_denominator"] == {"b1": 2}


def test_denominator_override_and_refusals():
    data, ctx = _ctx(mini_frame())
    out = denominate(data, ctx, DenominateParams(denominators={"b1": None, "a1": "Den_Pop"}))
    assert out.log["denominators"] == {"a1": "Den_Pop"}
    with pytest.raises(SpecError, match="'zz' is not an indicator"):
        denominate(data, ctx, DenominateParams(denominators={"zz": "Den_Pop"}))
    with pytest.raises(DataError, match="denominator column 'Den_Area'"):
        denominate(data, ctx, DenominateParams(denominators={"a1": "Den_Area"}))
