from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paritrana.scoring.errors import SpecError
from paritrana.scoring.ranking import rank_units, rank_with_ties
from paritrana.scoring.spec import RankParams
from tests.scoring.builders import mini_tree


def test_shared_min_ranks_and_missing():
    ranks = rank_with_ties([np.array([3.0, 1.0, 3.0, np.nan, 2.0])])
    np.testing.assert_array_equal(ranks, [1, 4, 1, np.nan, 3])


def test_tie_breakers_in_order_then_shared():
    main = np.array([5.0, 5.0, 5.0, 5.0])
    first = np.array([1.0, 2.0, 2.0, np.nan])
    second = np.array([0.0, 1.0, 1.0, 9.0])
    np.testing.assert_array_equal(rank_with_ties([main, first, second]), [3, 1, 1, 4])


def _scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "a1": [1.0, 2, 3],
            "a2": [1.0, 1, 1],
            "b1": [0.0, 0, 0],
            "b2": [0.0, 0, 0],
            "A": [50.004, 49.996, 10],
            "B": [1.0, 2, 3],
            "Index": [70.001, 70.004, 10],
        },
        index=pd.Index(["x", "y", "z"]),
    )


def test_rank_units_rounds_then_breaks_ties():
    ranks = rank_units(_scores(), mini_tree(), RankParams(decimals=2, tie_breakers=("B",)))
    assert list(ranks.columns) == ["Index", "A", "B", "a1", "a2", "b1", "b2"]
    assert ranks["Index"].tolist() == [2, 1, 3]  # 70.00 = 70.00, B breaks the tie
    assert ranks["A"].tolist() == [2, 1, 3]
    assert ranks["a2"].tolist() == [1, 1, 1]  # indicators: no tie-breakers
    exact = rank_units(_scores(), mini_tree(), RankParams())
    assert exact["Index"].tolist() == [2, 1, 3]
    assert exact["A"].tolist() == [1, 2, 3]


def test_unknown_tie_breaker():
    with pytest.raises(SpecError, match="tie-breaker 'Zz'"):
        rank_units(_scores(), mini_tree(), RankParams(tie_breakers=("Zz",)))


keys = st.lists(
    st.one_of(st.none(), st.integers(min_value=0, max_value=6)), min_size=1, max_size=15
)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_packed_fast_path_equals_lexsort(data):
    n = data.draw(st.integers(min_value=1, max_value=15))
    count = data.draw(st.integers(min_value=1, max_value=3))
    cols = [
        np.array(
            [
                np.nan if v is None else v * 0.25
                for v in data.draw(
                    st.lists(st.one_of(st.none(), st.integers(0, 6)), min_size=n, max_size=n)
                )
            ]
        )
        for _ in range(count)
    ]
    fast = rank_with_ties(cols, decimals=2)
    batched = rank_with_ties([c[None, :] for c in cols])[0]
    np.testing.assert_array_equal(fast, batched)


@pytest.mark.parametrize("magnitude", [1.0, 1e9])
def test_counting_and_sorting_paths_agree_with_lexsort(magnitude):
    rng = np.random.default_rng(1)
    cols = [np.round(rng.integers(0, 50, 200) * magnitude / 7, 2) for _ in range(2)]
    cols[0][::17] = np.nan
    batched = rank_with_ties([c[None, :] for c in cols])[0]
    np.testing.assert_array_equal(rank_with_ties(cols, decimals=2), batched)
    np.testing.assert_array_equal(rank_with_ties(cols[:1], decimals=2), rank_with_ties(cols[:1]))
