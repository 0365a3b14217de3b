"""Building float DataFrames cheaply: the engine's datasets are units x columns of floats."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from paritrana.scoring.stats import FloatArray


def frame_of(columns: Mapping[str, FloatArray], index: pd.Index) -> pd.DataFrame:
    """A float DataFrame from named columns, with one copy into pandas' own layout.

    pandas keeps a float frame as one (columns x rows) block; filling a Fortran-ordered
    array and handing it over without a copy avoids the two copies of the dict constructor
    (seconds at 840,000 units x 20 indicators).
    """
    block = np.empty((len(index), len(columns)), order="F")
    for j, values in enumerate(columns.values()):
        block[:, j] = values
    return pd.DataFrame(block, index=index, columns=list(columns), copy=False)
