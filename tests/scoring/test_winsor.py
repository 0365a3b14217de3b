from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from paritrana.scoring.winsor import winsorise_column


def _naive(x, winmax, t_skew=2.0, t_kurt=3.5, winchange=True):
    """COINr's loop, literally: one pass per iteration, statistics recomputed each time."""
    x = x.copy()
    sk, kt = stats.skew(x, bias=False), stats.kurtosis(x, bias=False)
    high_always = sk > 0
    passes = 0
    while abs(sk) > t_skew and kt > t_kurt and passes < winmax:
        if (sk >= 0) if winchange else high_always:
            top = x == x.max()
            x[top] = x[~top].max()
        else:
            bottom = x == x.min()
            x[bottom] = x[~bottom].min()
        passes += 1
        sk, kt = stats.skew(x, bias=False), stats.kurtosis(x, bias=False)
    return x, passes


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("winchange", [True, False])
def test_same_result_as_the_literal_loop(seed, winchange):
    rng = np.random.default_rng(seed)
    sign = 1 if seed % 2 else -1
    x = np.round(sign * rng.lognormal(0, 1.5, int(rng.integers(10, 80))), seed % 3)
    winmax = int(rng.integers(1, 30))
    expected, passes = _naive(x, winmax, winchange=winchange)
    w = winsorise_column(x, winmax=winmax, t_skew=2, t_kurt=3.5, winchange=winchange)
    assert w.passes == passes
    np.testing.assert_array_equal(np.clip(x, w.lower, w.upper), expected)
    assert w.low == int((x < w.lower).sum())
    assert w.high == int((x > w.upper).sum())


def test_one_outlier_takes_one_pass():
    x = np.array([1.0, 2, 2, 3, 3, 3, 4, 4, 5, 100])
    w = winsorise_column(x, winmax=5, t_skew=2, t_kurt=3.5)
    assert (w.passes, w.high, w.low, w.upper) == (1, 1, 0, 5.0)
    assert w.thresholds_met


def test_winmax_reached_reports_failure():
    x = np.array([1.0] * 20 + [2, 3, 50, 500, 5000])
    w = winsorise_column(x, winmax=1, t_skew=2, t_kurt=3.5)
    assert w.passes == 1
    assert not w.thresholds_met


def test_missing_values_are_ignored_and_short_columns_untouched():
    x = np.array([1.0, np.nan, 2, 3])
    w = winsorise_column(x, winmax=3, t_skew=2, t_kurt=3.5)
    assert (w.passes, w.low, w.high) == (0, 0, 0)
    assert w.thresholds_met
