"""ICC: pingouin's values on balanced data, hand-checked and unbiased estimates with gaps."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pingouin as pg
import pytest
import statsmodels.api as sm
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from statsmodels.formula.api import ols

from paritrana.scoring.jurors_icc import ICC_TYPES, icc, icc_by_criterion, mean_squares

# pingouin 0.7 itself calls a deprecated pandas keyword; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.dropna")

PINGOUIN_NAMES = {mcgraw_wong: name for name, (mcgraw_wong, _) in ICC_TYPES.items()}


def wine() -> pd.DataFrame:
    """pingouin's own example: 4 judges scoring 8 wines."""
    return pg.read_dataset("icc").rename(
        columns={"Wine": "candidate", "Judge": "juror", "Scores": "score"}
    )


def pingouin_icc(data: pd.DataFrame) -> pd.DataFrame:
    saved = pg.options["round.column.CI95"]
    pg.options["round.column.CI95"] = None  # compare the intervals unrounded
    try:
        table = pg.intraclass_corr(data, targets="candidate", raters="juror", ratings="score")
    finally:
        pg.options["round.column.CI95"] = saved
    return table.assign(type=table["Type"].map(PINGOUIN_NAMES)).set_index("type")


def test_balanced_example_equals_pingouin_in_every_column():
    ours = icc(wine()).table
    theirs = pingouin_icc(
        pg.read_dataset("icc").rename(
            columns={"Wine": "candidate", "Judge": "juror", "Scores": "score"}
        )
    )
    theirs = theirs.loc[ours.index]
    np.testing.assert_allclose(ours["icc"], theirs["ICC"], rtol=1e-12)
    np.testing.assert_allclose(ours["F"], theirs["F"], rtol=1e-12)
    np.testing.assert_array_equal(ours["df1"], theirs["df1"])
    np.testing.assert_array_equal(ours["df2"], theirs["df2"])
    np.testing.assert_allclose(ours["pval"], theirs["pval"], rtol=1e-9)
    np.testing.assert_allclose(ours["ci95_lo"], [ci[0] for ci in theirs["CI95"]], rtol=1e-9)
    np.testing.assert_allclose(ours["ci95_hi"], [ci[1] for ci in theirs["CI95"]], rtol=1e-9)
    assert list(ours["mcgraw_wong"]) == list(theirs["Type"])


def test_balanced_example_published_values():
    # pingouin's docstring, rounded to three decimals.
    ours = icc(wine()).table["icc"].round(3)
    assert ours.to_dict() == {
        "ICC1": 0.728,
        "ICC2": 0.728,
        "ICC3": 0.729,
        "ICC1k": 0.914,
        "ICC2k": 0.914,
        "ICC3k": 0.915,
    }


@st.composite
def balanced_tables(draw: st.DrawFn) -> pd.DataFrame:
    n_candidates, n_jurors = draw(st.integers(3, 8)), draw(st.integers(2, 5))
    scores = draw(
        st.lists(
            st.integers(1, 10), min_size=n_candidates * n_jurors, max_size=n_candidates * n_jurors
        )
    )
    rows = [(f"C{i // n_jurors}", f"J{i % n_jurors}", float(s)) for i, s in enumerate(scores)]
    return pd.DataFrame(rows, columns=["candidate", "juror", "score"])


@settings(max_examples=20, deadline=None)
@given(balanced_tables())
def test_any_balanced_table_equals_pingouin(table):
    # A table with no spread between or within candidates has no ICC (0/0) in either library.
    assume(table.groupby("candidate")["score"].mean().std() > 0)
    assume(table.groupby("candidate")["score"].std().max() > 0)
    ours = icc(table).table
    theirs = pingouin_icc(table).loc[ours.index]
    np.testing.assert_allclose(ours["icc"], theirs["ICC"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(ours["F"], theirs["F"], rtol=1e-9)


def test_unbalanced_one_way_by_hand():
    # Three candidates scored by 2, 3 and 4 jurors: means 7, 5, 9; grand mean 65/9.
    #   SSB = 2 (2/9)^2 + 3 (20/9)^2 + 4 (16/9)^2 = 2232/81, MSB = 124/9 on 2 df
    #   SSW = 2 + 2 + 2 = 6, MSW = 1 on 6 df
    #   n0  = (9 - (4 + 9 + 16)/9) / 2 = 26/9
    #   ICC1  = (MSB - MSW) / (MSB + (n0 - 1) MSW) = (115/9) / (141/9) = 115/141
    #   ICC1k = (MSB - MSW) / MSB = 115/124
    scores = {"A": [6, 8], "B": [4, 5, 6], "C": [8, 9, 10, 9]}
    rows = [(c, f"J{j}", float(s)) for c, values in scores.items() for j, s in enumerate(values)]
    result = icc(pd.DataFrame(rows, columns=["candidate", "juror", "score"]))
    table, anova = result.table, result.anova
    assert anova.k == pytest.approx(float(Fraction(26, 9)))
    assert (anova.msb, anova.msw) == (pytest.approx(124 / 9), pytest.approx(1.0))
    assert table.loc["ICC1", "icc"] == pytest.approx(115 / 141)
    assert table.loc["ICC1k", "icc"] == pytest.approx(115 / 124)
    assert table.loc["ICC1", "F"] == pytest.approx(124 / 9)
    assert (table.loc["ICC1", "df1"], table.loc["ICC1", "df2"]) == (2, 6)
    assert not anova.balanced
    assert table["ci95_lo"].isna().all()  # exact intervals exist only for balanced tables


def test_two_way_sums_of_squares_with_gaps_equal_type_ii_anova():
    data = wine().drop(index=[0, 9, 13, 30]).reset_index(drop=True)  # four gaps
    anova = icc(data).anova
    fit = ols("score ~ C(candidate) + C(juror)", data=data).fit()
    type2 = sm.stats.anova_lm(fit, typ=2)
    assert anova.msr * anova.df_r == pytest.approx(type2.loc["C(candidate)", "sum_sq"], rel=1e-10)
    assert anova.msc * anova.df_c == pytest.approx(type2.loc["C(juror)", "sum_sq"], rel=1e-10)
    assert anova.mse * anova.df_e == pytest.approx(type2.loc["Residual", "sum_sq"], rel=1e-10)
    assert (anova.df_r, anova.df_c, anova.df_e) == (7, 3, 17)


def test_method_iii_components_are_unbiased_with_gaps():
    # Simulate y = candidate + juror + error with known variances on a fixed pattern of gaps;
    # method III estimators are unbiased, so their mean over many panels is the truth.
    rng = np.random.default_rng(2024)
    n_candidates, n_jurors, reps = 10, 5, 3000
    cells = [(c, j) for c in range(n_candidates) for j in range(n_jurors) if (c + 2 * j) % 7 != 0]
    cand, jur = (np.array(x, dtype=np.intp) for x in zip(*cells, strict=True))
    truth = np.array([1.0, 0.5, 0.25])
    estimates = np.empty((reps, 3))
    for r in range(reps):
        y = (
            rng.normal(0, 1.0, n_candidates)[cand]
            + rng.normal(0, 0.5**0.5, n_jurors)[jur]
            + rng.normal(0, 0.25**0.5, len(cells))
        )
        ms = mean_squares(y, cand, jur)
        estimates[r] = (ms.var_candidate, ms.var_juror, ms.var_error)
    mean, se = estimates.mean(axis=0), estimates.std(axis=0, ddof=1) / reps**0.5
    assert (np.abs(mean - truth) < 4 * se).all(), (mean, se)


def test_unbalanced_method_reduces_to_balanced_values():
    # The same code serves both: on a full table it must give pingouin's numbers (above) and
    # the design must be recognised as balanced so that intervals are reported.
    anova = icc(wine()).anova
    assert anova.balanced
    assert anova.k == 4


@st.composite
def tables_with_gaps(draw: st.DrawFn) -> pd.DataFrame:
    table = draw(balanced_tables())
    gaps = draw(st.lists(st.integers(0, len(table) - 1), max_size=len(table) // 4, unique=True))
    table.loc[gaps, "score"] = np.nan
    return table


@settings(max_examples=15, deadline=None)
@given(tables_with_gaps(), st.randoms(use_true_random=False))
def test_relabelling_jurors_and_reordering_rows_change_nothing(table, random):
    jurors = sorted(table["juror"].unique())
    shuffled = jurors[:]
    random.shuffle(shuffled)
    relabelled = table.assign(juror=table["juror"].map(dict(zip(jurors, shuffled, strict=True))))
    relabelled = relabelled.sample(frac=1, random_state=random.randint(0, 1000))
    pd.testing.assert_frame_equal(icc(table).table, icc(relabelled).table, rtol=1e-9)


def test_perfect_agreement_and_no_spread():
    perfect = pd.DataFrame(
        [(c, j, float(c)) for c in range(4) for j in "ABC"], columns=["candidate", "juror", "score"]
    )
    table = icc(perfect).table
    assert (table["icc"] == 1).all()
    assert np.isinf(table["F"]).all()
    assert (table["pval"] == 0).all()
    flat = perfect.assign(score=5.0)
    assert icc(flat).table["icc"].isna().all()


def test_too_small_designs_give_nan_not_errors():
    abstained = pd.DataFrame(
        {"candidate": ["A", "B"], "juror": ["J1", "J1"], "score": [np.nan, np.nan]}
    )
    assert icc(abstained).table["icc"].isna().all()
    one_candidate = pd.DataFrame(
        {"candidate": ["A", "A"], "juror": ["J1", "J2"], "score": [3.0, 4.0]}
    )
    assert icc(one_candidate).table["icc"].isna().all()
    # Jurors who never share a candidate: one-way still works (MSB = 16, MSW = 0.5, n0 = 2),
    # but juror and candidate effects are confounded: no residual df for the two-way forms.
    disjoint = pd.DataFrame(
        {
            "candidate": ["A", "A", "B", "B"],
            "juror": ["J1", "J2", "J3", "J4"],
            "score": [3.0, 4.0, 7.0, 8.0],
        }
    )
    table = icc(disjoint).table
    assert table.loc["ICC1", "icc"] == pytest.approx((16 - 0.5) / (16 + 0.5))
    assert np.isnan(table.loc["ICC2", "icc"])


def test_by_criterion_and_refusal_of_mixed_criteria():
    sheets = pd.concat(
        [
            wine().assign(criterion="rasa"),
            wine().assign(criterion="aroma", score=lambda d: 10 - d["score"]),
        ]
    )
    table = icc_by_criterion(sheets)
    assert table["criterion"].unique().tolist() == ["aroma", "rasa"]
    assert len(table) == 12
    assert table[["n_candidates", "n_jurors", "k"]].drop_duplicates().to_numpy().tolist() == [
        [8, 4, 4.0]
    ]
    np.testing.assert_allclose(
        table.loc[table["criterion"] == "rasa", "icc"], icc(wine()).table["icc"]
    )
    with pytest.raises(ValueError, match="per criterion"):
        icc(sheets)
