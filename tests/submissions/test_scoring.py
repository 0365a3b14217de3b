"""verified_values: the frame deliberation reads, on a hand-built case."""

import math

import pytest

from paritrana.awards.models import CandidateStatus
from paritrana.submissions.domain.scoring import verified_values
from paritrana.submissions.domain.verification import answer_verify
from paritrana.submissions.models import Answer, Decision
from tests.submissions.factories import (
    PEMDA_ANSWERS,
    candidate_user,
    fill_and_submit,
    make_candidate,
    set_stage,
)

pytestmark = pytest.mark.django_db


def _verify(candidate, code, decision, actor, corrected="", reason="r"):
    answer = Answer.objects.get(submission__candidate=candidate, question__code=code)
    answer_verify(
        answer=answer,
        decision=decision,
        corrected_raw=corrected,
        reason=reason,
        expected_version=answer.version,
        actor=actor,
    )


def test_verified_values_hand_built(jabar, pemda, candidate, other_candidate, national):
    third = make_candidate(jabar, pemda, "32.01")  # answers nothing
    removed = make_candidate(jabar, pemda, "32.02", status=CandidateStatus.REMOVED)
    fill_and_submit(candidate, candidate_user(candidate), PEMDA_ANSWERS)  # 3 programmes, "annual"
    fill_and_submit(
        other_candidate,
        candidate_user(other_candidate),
        {**PEMDA_ANSWERS, "innovation_programmes": "5", "sustainability_plan": "multiyear"},
    )
    set_stage(jabar, "VERIFICATION")
    _verify(candidate, "innovation_programmes", Decision.ACCEPTED, national)
    _verify(candidate, "sustainability_plan", Decision.CORRECTED, national, corrected="plan")
    _verify(other_candidate, "innovation_programmes", Decision.REJECTED, national)
    # other_candidate's sustainability_plan stays unverified -> NaN

    frame = verified_values(round=jabar, category=pemda)

    assert list(frame.columns) == ["innovation_programmes", "sustainability_plan"]
    assert list(frame.index) == sorted([candidate.pk, other_candidate.pk, third.pk])
    assert removed.pk not in frame.index
    assert str(frame.dtypes.unique()[0]) == "float64"
    assert frame.loc[candidate.pk, "innovation_programmes"] == 3.0  # accepted number
    assert frame.loc[candidate.pk, "sustainability_plan"] == 40.0  # corrected to "plan" (score 40)
    assert frame.loc[other_candidate.pk, "innovation_programmes"] == 0.0  # rejected: no credit
    assert math.isnan(frame.loc[other_candidate.pk, "sustainability_plan"])  # unverified
    assert frame.loc[third.pk].isna().all()  # unanswered


def test_yes_no_and_an_empty_category(cycle, national):
    ukm = cycle.categories.get(code="UKM")
    rnd = cycle.rounds.get(province_id="36")
    set_stage(rnd, "SUBMISSION")
    ukm_candidate = make_candidate(rnd, ukm, "36.03")
    fill_and_submit(
        ukm_candidate,
        candidate_user(ukm_candidate),
        {"k3_programme": "yes", "claims_facilitated": "12", "programme_description": "K3"},
    )
    set_stage(rnd, "VERIFICATION")
    _verify(ukm_candidate, "k3_programme", Decision.ACCEPTED, national)
    _verify(ukm_candidate, "claims_facilitated", Decision.CORRECTED, national, corrected="7,5")
    frame = verified_values(round=rnd, category=ukm)
    assert frame.loc[ukm_candidate.pk].to_dict() == {"k3_programme": 1.0, "claims_facilitated": 7.5}
    empty = verified_values(round=cycle.rounds.get(province_id="11"), category=ukm)
    assert empty.empty
    assert list(empty.columns) == ["k3_programme", "claims_facilitated"]
