from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from paritrana.scoring.errors import SpecError
from paritrana.scoring.screen import ScreenParams, screen
from paritrana.scoring.step import StepContext
from paritrana.scoring.units import prepare_units
from tests.scoring.builders import mini_frame, mini_tree


def _ctx(frame: pd.DataFrame) -> tuple[pd.DataFrame, StepContext]:
    units = prepare_units(frame, mini_tree())
    return units.indicators, StepContext(tree=mini_tree(), units=units)


def test_screen_by_availability_and_by_name():
    frame = mini_frame()
    frame.loc[0, ["a1", "a2", "b1"]] = np.nan  # 1 of 4 present
    frame.loc[1, ["a1"]] = np.nan  # 3 of 4 present
    data, ctx = _ctx(frame)
    out = screen(data, ctx, ScreenParams(min_availability=0.5, exclude=("U5",)))
    assert list(out.data.index) == ["U1", "U2", "U3", "U4"]
    assert out.log["removed"] == {"U0": "availability 0.250", "U5": "excluded"}
    with pytest.raises(SpecError, match="not in the data: U9"):
        screen(data, ctx, ScreenParams(exclude=("U9",)))
    with pytest.raises(SpecError, match="between 0 and 1"):
        ScreenParams(min_availability=2)
