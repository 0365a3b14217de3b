"""jury_scores and jury_statistics on hand-computed cases."""

import math

import numpy as np
import pandas as pd
import pytest

from paritrana.judging.domain.assignments import assignment_add
from paritrana.judging.domain.conflicts import conflict_declare
from paritrana.judging.domain.errors import JudgingError
from paritrana.judging.domain.scoring import jury_scores, jury_statistics
from paritrana.judging.domain.sheets import ScoreInput, sheet_save, sheet_submit
from tests.judging.factories import interview_round, make_juror, make_panel, regency_candidate

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored():
    """Two jurors, three candidates; criterion 1 fully scored, criterion 2 with gaps.

    criterion 1 (jury_commitment): juror A 4, 6, 8; juror B 7, 8, 9.
    criterion 2 (jury_presentation): A 5, 5, abstain; B abstain, 9, abstain (c3: nobody).
    criteria 3 and 4 left unscored (abstain) by everyone.
    """
    rnd = interview_round()
    candidates = [regency_candidate(rnd, code) for code in ("32.01", "32.02", "32.03")]
    a, b = make_juror(full_name="A"), make_juror(full_name="B")
    panel = make_panel(rnd, [a, b])
    category = candidates[0].category
    criteria = list(category.criteria.filter(source="JURY").order_by("parent__order", "order"))
    table = {
        a: [("4", "5"), ("6", "5"), ("8", None)],
        b: [("7", None), ("8", "9"), ("9", None)],
    }
    for juror, rows in table.items():
        for candidate, (first, second) in zip(candidates, rows, strict=True):
            assignment_add(panel=panel, juror=juror, candidate=candidate, actor=None)
            entries = {
                criteria[0].pk: ScoreInput(first),
                criteria[1].pk: ScoreInput(second or "", abstained=second is None),
                criteria[2].pk: ScoreInput(abstained=True),
                criteria[3].pk: ScoreInput(abstained=True),
            }
            sheet_save(juror=juror, candidate=candidate, entries=entries, comment="", actor=None)
            sheet_submit(juror=juror, candidate=candidate, actor=None)
    return rnd, category, candidates, (a, b)


def test_mean_on_the_rubric_scale_with_gaps(scored):
    rnd, category, candidates, _jurors = scored
    scores = jury_scores(round=rnd, category=category)
    assert list(scores.columns) == [
        "jury_commitment",
        "jury_presentation",
        "jury_innovation",
        "jury_sustainability",
    ]
    assert list(scores.index) == [c.pk for c in candidates]
    assert scores.index.dtype == np.int64
    np.testing.assert_allclose(scores["jury_commitment"], [5.5, 7.0, 8.5])
    # c1: only A (5); c2: (5 + 9) / 2; c3: everyone abstained -> NaN, never 0.
    np.testing.assert_allclose(scores["jury_presentation"], [5.0, 7.0, np.nan])
    assert scores["jury_innovation"].isna().all()


def test_z_normalised_mean_by_hand(scored):
    rnd, category, _candidates, _jurors = scored
    category.pipeline = {**category.pipeline, "jury": {"normalise": True}}
    category.save()
    scores = jury_scores(round=rnd, category=category)
    # A: mean 6, sd 2 -> z (-1, 0, 1); B: mean 8, sd 1 -> z (-1, 0, 1).
    # Pooled: mean 7, sample sd sqrt(16 / 5); rescaled 7 + sd * z, identical for both jurors.
    spread = math.sqrt(16 / 5)
    np.testing.assert_allclose(scores["jury_commitment"], [7 - spread, 7, 7 + spread])


def test_median_and_trimmed_are_configurable(scored):
    rnd, category, _candidates, _jurors = scored
    category.pipeline = {**category.pipeline, "jury": {"method": "median"}}
    category.save()
    np.testing.assert_allclose(
        jury_scores(round=rnd, category=category)["jury_commitment"], [5.5, 7.0, 8.5]
    )
    category.pipeline = {**category.pipeline, "jury": {"method": "trimmed", "trim": 0.2}}
    category.save()
    np.testing.assert_allclose(
        jury_scores(round=rnd, category=category)["jury_commitment"], [5.5, 7.0, 8.5]
    )
    category.pipeline = {**category.pipeline, "jury": {"method": "trimmed", "trim": 0.5}}
    category.save()
    with pytest.raises(JudgingError, match=r"below 0\.5"):
        jury_scores(round=rnd, category=category)
    category.pipeline = {**category.pipeline, "jury": {"method": "mode"}}
    category.save()
    with pytest.raises(JudgingError, match="mode"):
        jury_scores(round=rnd, category=category)


def test_drafts_and_conflicted_jurors_do_not_count(scored):
    rnd, category, candidates, (a, b) = scored
    late = make_juror(full_name="C")
    panel = a.panel_memberships.get().panel
    from paritrana.judging.domain.panels import panel_member_add

    panel_member_add(panel=panel, juror=late, actor=None)
    assignment_add(panel=panel, juror=late, candidate=candidates[0], actor=None)
    criterion = category.criteria.get(code="jury_commitment")
    sheet_save(
        juror=late,
        candidate=candidates[0],
        entries={criterion.pk: ScoreInput("1")},
        comment="",
        actor=None,
    )  # a draft: not counted
    conflict_declare(juror=b, candidate=candidates[0], reason="found out after the interview")
    scores = jury_scores(round=rnd, category=category)
    assert scores.loc[candidates[0].pk, "jury_commitment"] == 4.0  # A only


def test_no_sheets_gives_nan_frame(db):
    rnd = interview_round()
    candidate = regency_candidate(rnd, "32.01")
    scores = jury_scores(round=rnd, category=candidate.category)
    assert list(scores.index) == [candidate.pk]
    assert scores.isna().all().all()
    stats = jury_statistics(round=rnd, category=candidate.category)
    assert stats.icc.empty
    assert stats.leniency.empty


def test_statistics_come_from_the_engine(scored):
    rnd, category, _candidates, (a, b) = scored
    stats = jury_statistics(round=rnd, category=category)
    assert set(stats.icc["criterion"]) == {"jury_commitment", "jury_presentation"}
    assert set(stats.icc["type"]) >= {"ICC1", "ICC2", "ICC3"}
    commitment = stats.kendall.set_index("criterion").loc["jury_commitment"]
    assert commitment["w"] == pytest.approx(1.0)  # both jurors rank c1 < c2 < c3
    assert set(stats.leniency.index) == {a.pk, b.pk}
    # A scores 2, 2, 1 below B on commitment and 4 below on c2's presentation.
    assert stats.leniency.loc[a.pk, "leniency"] < 0 < stats.leniency.loc[b.pk, "leniency"]
    pd.testing.assert_frame_equal(stats.scores, jury_scores(round=rnd, category=category))
