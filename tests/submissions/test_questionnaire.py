"""Default questionnaires and how typed values are read."""

import math

import pytest

from paritrana.awards.models import CriterionSource
from paritrana.submissions.domain.errors import InvalidValueError
from paritrana.submissions.domain.questionnaire import questionnaire_create_defaults
from paritrana.submissions.domain.values import value_number, value_parse
from paritrana.submissions.models import Question, QuestionType

pytestmark = pytest.mark.django_db


def test_every_questionnaire_criterion_gets_one_question(cycle):
    for category in cycle.categories.all():
        refs = set(
            category.criteria.filter(source=CriterionSource.QUESTIONNAIRE).values_list(
                "ref", flat=True
            )
        )
        scored = set(
            category.questions.exclude(criteria_code="").values_list("criteria_code", flat=True)
        )
        assert scored == refs, category.code
        assert category.questions.filter(code="programme_description", criteria_code="").exists()


def test_defaults_by_category(cycle):
    pemda = {q.code: q for q in cycle.categories.get(code="PEMDA").questions.all()}
    assert pemda["innovation_programmes"].type == QuestionType.NUMBER
    assert pemda["sustainability_plan"].type == QuestionType.CHOICE
    assert "head_attends_interview" in pemda  # PEMDA has an interview
    bu = {q.code for q in cycle.categories.get(code="BU-MANUFAKTUR").questions.all()}
    assert {"k3_programme", "claims_facilitated"} <= bu
    desa = {q.code for q in cycle.categories.get(code="DESA").questions.all()}
    assert "head_attends_interview" not in desa  # no interview in DESA


def test_defaults_are_idempotent_and_keep_edits(cycle):
    category = cycle.categories.get(code="UKM")
    question = category.questions.get(code="k3_programme")
    question.text = "Edited by the committee"
    question.save()
    before = category.questions.count()
    assert questionnaire_create_defaults(category=category) == []
    assert category.questions.count() == before
    assert category.questions.get(code="k3_programme").text == "Edited by the committee"
    question.delete()
    created = questionnaire_create_defaults(category=category)
    assert [q.code for q in created] == ["k3_programme"]


def _q(type_, **kwargs):
    return Question(code="x", text="x", type=type_, **kwargs)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("12", "12"), ("12,5", "12.5"), ("1.234,5", "1234.5"), (" 7.25 ", "7.25"), ("", "")],
)
def test_numbers_in_indonesian_or_plain_notation(raw, canonical):
    assert value_parse(question=_q(QuestionType.NUMBER), raw=raw) == canonical


@pytest.mark.parametrize("raw", ["abc", "12a", "nan", "inf", "-1"])
def test_bad_numbers_are_refused_with_a_message(raw):
    with pytest.raises(InvalidValueError) as exc:
        value_parse(question=_q(QuestionType.NUMBER, min_value=0), raw=raw)
    assert exc.value.message


def test_choice_yes_no_and_numbers():
    choice = _q(
        QuestionType.CHOICE,
        choices=[
            {"value": "a", "label": "A", "score": 40},
            {"value": "b", "label": "B", "score": 100},
        ],
    )
    assert value_parse(question=choice, raw="b") == "b"
    with pytest.raises(InvalidValueError):
        value_parse(question=choice, raw="c")
    assert value_number(question=choice, value="a") == 40
    yes_no = _q(QuestionType.YES_NO)
    assert value_parse(question=yes_no, raw="Ya") == "yes"
    assert value_parse(question=yes_no, raw="tidak") == "no"
    assert value_number(question=yes_no, value="yes") == 1
    assert value_number(question=yes_no, value="no") == 0
    assert math.isnan(value_number(question=_q(QuestionType.TEXT), value="words"))
    assert math.isnan(value_number(question=_q(QuestionType.NUMBER), value=""))
