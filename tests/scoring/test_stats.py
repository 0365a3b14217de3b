from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from paritrana.scoring.stats import skew_kurt


@pytest.mark.parametrize("seed", range(5))
def test_matches_scipy_bias_corrected(seed):
    x = np.random.default_rng(seed).lognormal(0, 1, 40)
    sk, kt = skew_kurt(x)
    assert sk == pytest.approx(stats.skew(x, bias=False), rel=1e-10)
    assert kt == pytest.approx(stats.kurtosis(x, bias=False), rel=1e-10)


def test_ignores_missing_values():
    x = np.array([1.0, 2.0, np.nan, 4.0, 10.0])
    assert skew_kurt(x)[0] == pytest.approx(stats.skew([1, 2, 4, 10], bias=False))


@pytest.mark.parametrize("values", [[1.0, 2.0, 3.0], [5.0, 5.0, 5.0, 5.0], []])
def test_undefined_is_nan(values):
    sk, kt = skew_kurt(np.array(values))
    assert np.isnan(sk)
    assert np.isnan(kt)
