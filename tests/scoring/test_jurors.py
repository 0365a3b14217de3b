"""Juror score sheets: validation, aggregation, per-juror normalisation, leniency."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import rankdata

from paritrana.scoring.jurors import (
    SHEET_COLUMNS,
    JurorSheetError,
    Rubric,
    _robust_z,
    aggregate_scores,
    cell_totals,
    juror_leniency,
    normalise_per_juror,
    per_juror_z,
    validate_sheets,
)

RUBRIC = Rubric(1, 10)


def sheets(*rows: tuple[object, object, object, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(SHEET_COLUMNS))


def one_cell(*scores: float) -> pd.DataFrame:
    return sheets(*[(f"J{i}", "Kab. Bandung", "regulasi", s) for i, s in enumerate(scores)])


# --- validation ---------------------------------------------------------------------------


def test_valid_sheets_come_back_with_float_scores_and_gaps_kept():
    checked = validate_sheets(one_cell(7, "8", np.nan), rubric=RUBRIC)
    assert checked["score"].dtype == np.float64
    assert checked["score"].tolist()[:2] == [7.0, 8.0]
    assert math.isnan(checked["score"].iloc[2])


def test_missing_columns_are_named():
    with pytest.raises(JurorSheetError, match=r"lack the column\(s\) \['criterion'\]"):
        validate_sheets(pd.DataFrame({"juror": [], "candidate": [], "score": []}))


def test_score_outside_the_rubric_names_juror_candidate_and_criterion():
    bad = sheets(("Ani", "Kota Bogor", "inovasi", 11), ("Budi", "Kota Bogor", "inovasi", 0.5))
    with pytest.raises(JurorSheetError) as error:
        validate_sheets(bad, rubric=RUBRIC)
    message = str(error.value)
    assert (
        "juror 'Ani', candidate 'Kota Bogor', criterion 'inovasi': score 11 is outside the rubric range [1, 10]"
        in message
    )
    assert (
        "juror 'Budi', candidate 'Kota Bogor', criterion 'inovasi': score 0.5 is outside" in message
    )


def test_duplicate_sheets_are_refused_with_their_rows():
    bad = sheets(
        ("Ani", "Kota Bogor", "inovasi", 7),
        ("Budi", "Kota Bogor", "inovasi", 6),
        ("Ani", "Kota Bogor", "inovasi", 7),
    )
    with pytest.raises(
        JurorSheetError,
        match=r"juror 'Ani', candidate 'Kota Bogor', criterion 'inovasi': 2 sheets \(rows 1, 3\)",
    ):
        validate_sheets(bad)


def test_unknown_juror_candidate_and_criterion_are_refused():
    bad = sheets(("Ani", "Kota Bogor", "inovasi", 7), ("Eko", "Kota Depok", "anggaran", 6))
    with pytest.raises(JurorSheetError) as error:
        validate_sheets(
            bad, jurors=["Ani", "Budi"], candidates=["Kota Bogor"], criteria=["inovasi"]
        )
    message = str(error.value)
    assert "unknown juror 'Eko'" in message
    assert "unknown candidate 'Kota Depok'" in message
    assert "unknown criterion 'anggaran'" in message


def test_text_infinite_and_unidentified_scores_are_refused():
    bad = sheets(
        ("Ani", "Kota Bogor", "inovasi", "tujuh"),
        ("Ani", "Kota Depok", "inovasi", np.inf),
        (None, "Kota Depok", "inovasi", 5),
    )
    with pytest.raises(JurorSheetError) as error:
        validate_sheets(bad)
    message = str(error.value)
    assert "criterion 'inovasi': score 'tujuh' is not a number" in message
    assert "candidate 'Kota Depok', criterion 'inovasi': score inf is not finite" in message
    assert "row 3: empty juror" in message


def test_long_lists_of_problems_are_cut_with_a_count():
    bad = one_cell(*([11.0] * 25))
    with pytest.raises(JurorSheetError, match=r"\.\.\. and 5 more$"):
        validate_sheets(bad, rubric=RUBRIC)


def test_rubric_must_be_a_range():
    with pytest.raises(JurorSheetError, match="lo < hi"):
        Rubric(10, 1)


# --- aggregation --------------------------------------------------------------------------


def test_mean_median_and_trimmed_mean_by_hand():
    cell = one_cell(1, 7, 8, 9, 10)
    assert aggregate_scores(cell, rubric=RUBRIC)["score"].item() == 7.0
    assert aggregate_scores(cell, rubric=RUBRIC, method="median")["score"].item() == 8.0
    # trim 0.2 of 5 scores drops floor(1.0) = 1 at each end: mean(7, 8, 9).
    assert (
        aggregate_scores(cell, rubric=RUBRIC, method="trimmed_mean", trim=0.2)["score"].item()
        == 8.0
    )
    # trim 0.1 of 5 drops floor(0.5) = 0: the plain mean.
    assert (
        aggregate_scores(cell, rubric=RUBRIC, method="trimmed_mean", trim=0.1)["score"].item()
        == 7.0
    )
    assert (
        aggregate_scores(one_cell(2, 9, 5, 4), rubric=RUBRIC, method="median")["score"].item()
        == 4.5
    )


def test_abstention_is_missing_never_zero():
    result = aggregate_scores(one_cell(8, np.nan, 6), rubric=RUBRIC)
    assert result["score"].item() == 7.0
    assert result["n_jurors"].item() == 2


def test_cell_where_everyone_abstained_is_kept_empty():
    data = pd.concat([one_cell(8, 6), sheets(("J0", "Kota Bogor", "regulasi", np.nan))])
    result = aggregate_scores(data, rubric=RUBRIC, method="median").set_index("candidate")
    assert result.loc["Kota Bogor", "n_jurors"] == 0
    assert math.isnan(result.loc["Kota Bogor", "score"])
    assert list(result.columns) == ["criterion", "n_jurors", "score"]


def test_bad_aggregation_parameters_are_refused():
    with pytest.raises(JurorSheetError, match=r"trim must be in \[0, 0.5\)"):
        aggregate_scores(one_cell(5), rubric=RUBRIC, method="trimmed_mean", trim=0.5)
    with pytest.raises(JurorSheetError, match="unknown aggregation method 'mode'"):
        aggregate_scores(one_cell(5), rubric=RUBRIC, method="mode")  # type: ignore[arg-type]


def test_cell_totals_are_the_panel_means():
    totals = cell_totals(validate_sheets(one_cell(8, np.nan, 6)))
    assert totals.to_dict("records") == [{"total": 14.0, "count": 2}]


# --- per-juror normalisation --------------------------------------------------------------


def test_normalisation_by_hand():
    # Ani scores 2 and 4, Budi 6 and 8: the same preference, different severity.
    data = sheets(
        ("Ani", "c1", "k", 2), ("Ani", "c2", "k", 4), ("Budi", "c1", "k", 6), ("Budi", "c2", "k", 8)
    )
    # z = -+1/sqrt(2) for both; the panel's M = 5, S = sd(2, 4, 6, 8) = sqrt(20/3).
    shift = math.sqrt(20 / 3) / math.sqrt(2)
    normalised = normalise_per_juror(data, rubric=RUBRIC)
    np.testing.assert_allclose(normalised["z"], [-(2**-0.5), 2**-0.5] * 2)
    np.testing.assert_allclose(normalised["score"], [5 - shift, 5 + shift] * 2)
    result = aggregate_scores(data, rubric=RUBRIC, normalise=True)
    np.testing.assert_allclose(result["score"], [5 - shift, 5 + shift])
    np.testing.assert_allclose(result["z"], [-(2**-0.5), 2**-0.5])


def test_jurors_without_spread_get_the_panel_mean():
    data = sheets(
        ("Ani", "c1", "k", 2),
        ("Ani", "c2", "k", 4),
        ("Budi", "c1", "k", 7),
        ("Budi", "c2", "k", 7),
        ("Citra", "c1", "k", 9),
    )
    z = per_juror_z(validate_sheets(data))
    assert z.tolist()[2:] == [0.0, 0.0, 0.0]  # Budi: zero sd; Citra: a single score
    normalised = normalise_per_juror(data, rubric=RUBRIC)
    np.testing.assert_allclose(normalised["score"].iloc[2:], [29 / 5] * 3)


def test_normalised_scores_are_clipped_to_the_rubric():
    # Ani gives 1 to nineteen candidates and 10 to one: far above the panel's spread.
    rows = [("Ani", f"c{i}", "k", 1) for i in range(19)] + [("Ani", "c19", "k", 10)]
    rows += [("Budi", f"c{i}", "k", 4 + i % 2) for i in range(20)]
    data = sheets(*rows)
    present = validate_sheets(data)
    z = per_juror_z(present)
    unclipped = present["score"].mean() + present["score"].std() * z
    assert unclipped.max() > 10
    normalised = normalise_per_juror(data, rubric=RUBRIC)
    assert normalised["score"].max() == 10
    np.testing.assert_allclose(normalised["score"], unclipped.clip(1, 10))


@st.composite
def panels(draw: st.DrawFn) -> pd.DataFrame:
    """Three to five jurors scoring two to six candidates on two criteria, some abstaining."""
    jurors = draw(st.integers(3, 5))
    candidates = draw(st.integers(2, 6))
    rows = []
    for j in range(jurors):
        for c in range(candidates):
            for k in ("regulasi", "cakupan"):
                score = draw(st.one_of(st.just(np.nan), st.integers(400, 600).map(float)))
                rows.append((f"J{j}", f"C{c}", k, score))
    frame = sheets(*rows)
    # Every juror scores at least twice, so that his spread exists.
    frame.loc[frame.index[:2], "score"] = frame.loc[frame.index[:2], "score"].fillna(450.0)
    for j in range(jurors):
        own = frame.index[frame["juror"] == f"J{j}"][:2]
        frame.loc[own, "score"] = [420.0, 580.0]
    return frame


WIDE = Rubric(0, 1000)  # wide enough that M + S z is never clipped in these panels


@settings(max_examples=20, deadline=None)
@given(panels(), st.floats(-300, 300), st.floats(0.5, 1.5), st.integers(0, 4))
def test_one_jurors_level_and_spread_do_not_change_normalised_results(frame, shift, scale, who):
    juror = f"J{who % frame['juror'].nunique()}"
    changed = frame.copy()
    mine = changed["juror"] == juror
    changed.loc[mine, "score"] = 500 + scale * (changed.loc[mine, "score"] - 500) + shift
    before = aggregate_scores(frame, rubric=WIDE, normalise=True)
    after = aggregate_scores(changed, rubric=WIDE, normalise=True)
    np.testing.assert_allclose(after["z"], before["z"], atol=1e-9)
    for criterion, group in before.groupby("criterion"):
        again = after[after["criterion"] == criterion]
        np.testing.assert_array_equal(
            rankdata(group["score"].round(9)), rankdata(again["score"].round(9))
        )


@settings(max_examples=8, deadline=None)
@given(panels(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(frame, random):
    shuffled = frame.sample(frac=1, random_state=random.randint(0, 10_000))
    for method in ("mean", "median", "trimmed_mean"):
        pd.testing.assert_frame_equal(
            aggregate_scores(frame, rubric=WIDE, method=method, normalise=True),
            aggregate_scores(shuffled, rubric=WIDE, method=method, normalise=True),
        )


# --- leniency -----------------------------------------------------------------------------


def test_leniency_by_hand_leaves_the_juror_out_of_his_reference():
    data = sheets(
        ("A", "c1", "k1", 7), ("B", "c1", "k1", 8), ("C", "c1", "k1", np.nan),
        ("A", "c2", "k1", 5), ("B", "c2", "k1", 6), ("C", "c2", "k1", 9),
        ("A", "c1", "k2", 3), ("B", "c1", "k2", 4), ("C", "c1", "k2", 4),
    )  # fmt: skip
    table = juror_leniency(data)
    # A: 7 - 8, 5 - mean(6, 9), 3 - mean(4, 4) -> mean(-1, -2.5, -1) = -1.5
    # B: 8 - 7, 6 - mean(5, 9), 4 - mean(3, 4) -> mean(1, -1, 0.5) = 1/6
    # C: 9 - mean(5, 6), 4 - mean(3, 4) -> mean(3.5, 0.5) = 2 (his abstention is not a cell)
    np.testing.assert_allclose(table["leniency"], [-1.5, 1 / 6, 2.0])
    assert table["n_cells"].tolist() == [3, 3, 2]


def test_a_clearly_lenient_juror_is_flagged_and_nobody_else():
    rng = np.random.default_rng(4)
    quality = rng.uniform(3, 8, size=12)
    rows = []
    for j in range(7):
        bias = 2.5 if j == 6 else 0.0
        rows += [
            (f"J{j}", f"C{c}", "k", float(np.clip(q + bias + rng.normal(0, 0.3), 1, 10)))
            for c, q in enumerate(quality)
        ]
    table = juror_leniency(sheets(*rows))
    assert table.index[table["outlier"]].tolist() == ["J6"]
    assert table.loc["J6", "leniency"] > 2


def test_juror_alone_on_his_cells_has_no_leniency():
    data = sheets(
        ("A", "c1", "k", 5), ("B", "c1", "k", 6), ("C", "c1", "k", 7), ("D", "c2", "k", 9)
    )
    table = juror_leniency(data)
    assert table.loc["D", "n_cells"] == 0
    assert math.isnan(table.loc["D", "leniency"])
    assert not table.loc["D", "outlier"]


def test_jurors_who_only_abstained_are_listed_without_leniency():
    data = sheets(
        ("A", "c1", "k", 5), ("B", "c1", "k", 6), ("C", "c1", "k", 7), ("E", "c1", "k", np.nan)
    )
    assert juror_leniency(data).loc["E", "n_cells"] == 0


def test_too_few_jurors_are_never_flagged():
    table = juror_leniency(sheets(("A", "c1", "k", 1), ("B", "c1", "k", 10)))
    assert not table["outlier"].any()
    assert table["robust_z"].isna().all()


def test_robust_z_falls_back_to_the_mean_absolute_deviation():
    values = pd.Series([0.0, 0.0, 0.0, 1.0, 5.0])
    # MAD is 0; mean |x - median| = 1.2, so the spread is 1.2533 * 1.2.
    np.testing.assert_allclose(_robust_z(values), values / (1.2533 * 1.2))
    assert _robust_z(pd.Series([2.0, 2.0, 2.0])).isna().all()
    assert _robust_z(pd.Series([0.1 + 0.2, 0.3, 0.3, 0.3 + 1e-16])).isna().all()  # round-off only


@settings(max_examples=15, deadline=None)
@given(panels(), st.floats(-50, 50), st.integers(0, 4))
def test_raising_one_jurors_scores_raises_his_leniency_by_as_much(frame, shift, who):
    juror = f"J{who % frame['juror'].nunique()}"
    changed = frame.copy()
    changed.loc[changed["juror"] == juror, "score"] += shift
    before, after = juror_leniency(frame), juror_leniency(changed)
    if before.loc[juror, "n_cells"] > 0:
        assert after.loc[juror, "leniency"] == pytest.approx(
            before.loc[juror, "leniency"] + shift, abs=1e-9
        )
