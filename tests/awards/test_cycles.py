import datetime as dt
from decimal import Decimal

import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.criteria import criteria_problems, criteria_tree
from paritrana.awards.models import Category, CriteriaNode, Round, RoundLevel
from tests.awards.factories import make_cycle

pytestmark = pytest.mark.django_db


def test_cycle_comes_with_stages_categories_and_rounds():
    cycle = make_cycle()
    assert [s.code for s in cycle.stages.all()] == [
        "SCREENING",
        "SUBMISSION",
        "VERIFICATION",
        "INTERVIEW",
        "DELIBERATION",
        "PUBLICATION",
    ]
    assert cycle.rounds.filter(level=RoundLevel.PROVINCIAL).count() == 38
    assert cycle.rounds.filter(level=RoundLevel.NATIONAL).count() == 1
    assert set(cycle.rounds.values_list("stage__code", flat=True)) == {"SCREENING"}
    codes = set(cycle.categories.values_list("code", flat=True))
    assert {"PEMPROV", "PEMDA", "DESA", "UKM", "BU-MANUFAKTUR", "BU-KESEHATAN"} <= codes
    assert AuditEntry.objects.filter(action="cycle.create", object_id=str(cycle.pk)).exists()


def test_stage_capabilities_are_data():
    stages = {s.code: s for s in make_cycle().stages.all()}
    assert stages["SUBMISSION"].submissions_open
    assert not stages["SUBMISSION"].scoring_open
    assert stages["DELIBERATION"].criteria_locked
    assert stages["PUBLICATION"].results_public


def test_assessment_period_must_be_ordered():
    with pytest.raises(ValueError, match="ends before it starts"):
        make_cycle(assessment_start=dt.date(2024, 12, 31), assessment_end=dt.date(2024, 1, 1))
    assert not Round.objects.exists()


@pytest.mark.parametrize("code", ["PEMDA", "PEMPROV", "DESA", "BU-KEUANGAN", "UKM"])
def test_default_criteria_are_consistent_and_convert_to_the_engine(code):
    category = make_cycle().categories.get(code=code)
    nodes = list(category.criteria.all())
    assert criteria_problems(nodes) == []
    tree = criteria_tree(category)
    assert {n.code for n in tree.nodes if n.parent == "INDEX"} == {
        n.code for n in nodes if n.parent_id is None
    }


def test_no_interview_categories_have_no_jury_criteria():
    cycle = make_cycle()
    for category in Category.objects.filter(cycle=cycle, has_interview=False):
        assert not category.criteria.filter(source="JURY").exists()
        assert criteria_problems(list(category.criteria.all())) == []


def test_inconsistent_weights_are_named():
    category = make_cycle().categories.get(code="PEMDA")
    CriteriaNode.objects.filter(category=category, code="CAK").update(weight=Decimal(30))
    CriteriaNode.objects.filter(category=category, code="coverage_pu").update(weight=Decimal(20))
    problems = criteria_problems(list(category.criteria.all()))
    assert "Weights of the top level add up to 95%, not 100%." in problems
    assert "Weights of the children of CAK add up to 95%, not 100%." in problems
    with pytest.raises(ValueError, match="criteria of PEMDA"):
        criteria_tree(category)
