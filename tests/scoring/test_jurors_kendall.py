"""Kendall's W: a hand-computed case, ties against scipy and pingouin, gaps, refusals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import friedmanchisquare

from paritrana.scoring.jurors_kendall import kendall_w, kendall_w_by_criterion


def long(table: dict[str, list[float]], candidates: list[str] | None = None) -> pd.DataFrame:
    """{juror: scores of candidates C0, C1, ...} as a long score table."""
    rows = []
    for juror, scores in table.items():
        names = candidates or [f"C{i}" for i in range(len(scores))]
        rows += [(juror, name, float(s)) for name, s in zip(names, scores, strict=True)]
    return pd.DataFrame(rows, columns=["juror", "candidate", "score"])


def test_hand_computed_case_without_ties():
    # Ranks 1 2 3 4 / 1 3 2 4 / 2 1 3 4: rank sums 4 6 8 12, mean 7.5,
    # S = 3.5^2 + 1.5^2 + 0.5^2 + 4.5^2 = 35, W = 12 S / (3^2 (4^3 - 4)) = 420 / 540 = 7/9,
    # chi2 = m (n - 1) W = 3 * 3 * 7/9 = 7 on 3 df.
    result = kendall_w(long({"A": [1, 2, 3, 4], "B": [1, 3, 2, 4], "C": [2, 1, 3, 4]}))
    assert result.w == pytest.approx(7 / 9)
    assert result.chi2 == pytest.approx(7.0)
    assert result.df == 3
    # P(chi2_3 > x) = erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2)
    assert result.pvalue == pytest.approx(
        math.erfc(math.sqrt(3.5)) + math.sqrt(14 / math.pi) * math.exp(-3.5)
    )
    assert (result.n_jurors, result.n_candidates) == (3, 4)


def test_scores_not_ranks_are_given_and_only_their_order_counts():
    ranks = kendall_w(long({"A": [1, 2, 3, 4], "B": [1, 3, 2, 4], "C": [2, 1, 3, 4]}))
    scores = kendall_w(long({"A": [10, 55, 60, 99], "B": [2, 9, 8, 10], "C": [7.5, 7, 8, 9]}))
    assert scores.w == pytest.approx(ranks.w)


def test_ties_equal_scipy_friedman_and_pingouin():
    table = {"A": [7, 7, 5, 9, 3], "B": [8, 6, 6, 6, 2], "C": [5, 7, 7, 9, 4], "D": [9, 9, 9, 1, 1]}
    result = kendall_w(long(table))
    by_candidate = np.array(list(table.values())).T
    friedman = friedmanchisquare(*by_candidate)
    assert result.chi2 == pytest.approx(friedman.statistic, rel=1e-12)
    assert result.pvalue == pytest.approx(friedman.pvalue, rel=1e-12)
    theirs = pg.friedman(long(table), dv="score", within="candidate", subject="juror")
    assert result.w == pytest.approx(theirs["W"].item(), rel=1e-12)


def test_pingouin_wine_example():
    wine = pg.read_dataset("icc")
    theirs = pg.friedman(wine, dv="Scores", within="Wine", subject="Judge")
    result = kendall_w(
        wine.rename(columns={"Wine": "candidate", "Judge": "juror", "Scores": "score"})
    )
    assert result.w == pytest.approx(theirs["W"].item(), rel=1e-12)
    assert result.w == pytest.approx(0.813444, abs=1e-6)


def test_perfect_agreement_and_no_ranking_at_all():
    assert kendall_w(long({"A": [1, 2, 3], "B": [4, 5, 6]})).w == pytest.approx(1.0)
    flat = kendall_w(long({"A": [5, 5, 5], "B": [2, 2, 2]}))
    assert np.isnan(flat.w)
    assert np.isnan(flat.pvalue)


def test_gaps_drop_candidates_by_default_and_name_them():
    data = long(
        {"A": [1, 2, 3, 4], "B": [1, 3, 2, np.nan], "C": [2, 1, 3, 4]},
        ["Bogor", "Depok", "Bekasi", "Bandung"],
    )
    result = kendall_w(data)
    assert result.dropped_candidates == ("Bandung",)
    assert result.dropped_jurors == ()
    assert result.w == pytest.approx(kendall_w(data[data["candidate"] != "Bandung"]).w)
    jurors = kendall_w(data, missing="drop_jurors")
    assert jurors.dropped_jurors == ("B",)
    assert (jurors.n_jurors, jurors.n_candidates) == (2, 4)


def test_a_gap_is_never_a_low_score():
    complete = long({"A": [1, 2, 3], "B": [1, 2, 3], "C": [3, 2, 1]})
    with_gap = pd.concat([complete, long({"D": [np.nan, np.nan, np.nan]})])
    assert kendall_w(with_gap).w == pytest.approx(kendall_w(complete).w)


def test_too_small_blocks_give_nan():
    assert np.isnan(kendall_w(long({"A": [1, 2, 3]})).w)
    assert np.isnan(kendall_w(long({"A": [1], "B": [2]})).w)


def test_by_criterion_and_refusals():
    data = pd.concat(
        [
            long({"A": [1, 2, 3], "B": [1, 3, 2]}).assign(criterion="k1"),
            long({"A": [3, 2, 1], "B": [1, 2, 3]}).assign(criterion="k2"),
        ]
    )
    table = kendall_w_by_criterion(data)
    assert table["criterion"].tolist() == ["k1", "k2"]
    assert table.loc[1, "w"] == pytest.approx(0.0)
    with pytest.raises(ValueError, match="per criterion"):
        kendall_w(data)
    with pytest.raises(ValueError, match="unknown missing-data rule"):
        kendall_w(data, missing="impute")  # type: ignore[arg-type]


@settings(max_examples=20, deadline=None)
@given(
    st.lists(st.lists(st.integers(1, 5), min_size=5, max_size=5), min_size=2, max_size=6),
    st.randoms(use_true_random=False),
)
def test_order_of_jurors_and_candidates_does_not_matter(matrix, random):
    data = long({f"J{i}": row for i, row in enumerate(matrix)})
    shuffled = data.sample(frac=1, random_state=random.randint(0, 1000))
    first, second = kendall_w(data), kendall_w(shuffled)
    assert first.w == pytest.approx(second.w, nan_ok=True)
    if not np.isnan(first.w):
        assert 0 <= first.w <= 1 + 1e-12
