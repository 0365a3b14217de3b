from decimal import Decimal

import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.configuration import category_update, stage_update
from paritrana.awards.domain.criteria_edit import (
    NodeEdit,
    criteria_save,
    criteria_unlock,
)
from paritrana.awards.domain.errors import CriteriaRefusedError, RefusedError
from paritrana.awards.models import CriteriaNode
from tests.awards.builders import provincial, to_stage

pytestmark = pytest.mark.django_db


def rows_of(category):
    return [
        NodeEdit(
            pk=n.pk,
            code=n.code,
            name=n.name,
            parent=n.parent.code if n.parent else "",
            source=n.source,
            ref=n.ref,
            weight=n.weight,
            direction=n.direction,
            rubric_min=n.rubric_min,
            rubric_max=n.rubric_max,
            order=n.order,
        )
        for n in category.criteria.select_related("parent")
    ]


@pytest.fixture
def pemda(small_cycle):
    return small_cycle.categories.get(code="PEMDA")


def test_consistent_edit_with_add_and_remove_is_saved_and_audited(pemda):
    rows = rows_of(pemda)
    by = {r.code: r for r in rows}
    by["ca"].weight, by["cb"].weight = Decimal(40), Decimal(30)
    rows.append(
        NodeEdit(
            code="cg",
            name="Growth",
            parent="CAK",
            source="COMPUTED",
            ref="active_growth",
            weight=Decimal(30),
        )
    )
    by["INO"].delete = by["ino"].delete = True
    by["REG"].weight = Decimal(40)
    criteria_save(category=pemda, rows=rows, actor=None)
    weights = dict(pemda.criteria.values_list("code", "weight"))
    assert weights["cg"] == Decimal(30)
    assert "INO" not in weights
    entry = AuditEntry.objects.get(action="criteria.edit")
    assert {n["code"] for n in entry.before} - {n["code"] for n in entry.after} == {"INO", "ino"}


def test_inconsistent_tree_is_refused_with_every_problem_and_nothing_changes(pemda):
    before = list(CriteriaNode.objects.filter(category=pemda).values_list("code", "weight"))
    rows = rows_of(pemda)
    by = {r.code: r for r in rows}
    by["ca"].weight = Decimal(70)
    by["REG"].weight = Decimal(25)
    by["waw"].rubric_max = Decimal(0)
    with pytest.raises(CriteriaRefusedError) as err:
        criteria_save(category=pemda, rows=rows, actor=None)
    assert "Weights of the top level add up to 95%, not 100%." in err.value.problems
    assert "Weights of the children of CAK add up to 120%, not 100%." in err.value.problems
    assert "waw: the rubric needs a minimum below its maximum." in err.value.problems
    assert list(CriteriaNode.objects.filter(category=pemda).values_list("code", "weight")) == before
    assert not AuditEntry.objects.filter(action="criteria.edit").exists()


def test_removing_an_aspect_but_not_its_indicators_is_refused(pemda):
    rows = rows_of(pemda)
    next(r for r in rows if r.code == "INO").delete = True
    with pytest.raises(CriteriaRefusedError, match="parent INO is not in the tree"):
        criteria_save(category=pemda, rows=rows, actor=None)


def test_criteria_lock_when_a_round_deliberates_and_audited_unlock(small_cycle, pemda):
    to_stage(provincial(small_cycle, "32"), "DELIBERATION")
    pemda.refresh_from_db()
    assert pemda.criteria_locked
    assert AuditEntry.objects.filter(action="criteria.lock", object_id=str(pemda.pk)).exists()
    rows = rows_of(pemda)
    with pytest.raises(RefusedError, match="locked"):
        criteria_save(category=pemda, rows=rows, actor=None)
    with pytest.raises(RefusedError, match="locked"):
        category_update(
            category=pemda, changes={"pipeline": {**pemda.pipeline, "name": "x"}}, actor=None
        )
    with pytest.raises(RefusedError, match="reason"):
        criteria_unlock(category=pemda, actor=None, reason="")
    pemda = criteria_unlock(category=pemda, actor=None, reason="typo in a weight")
    assert AuditEntry.objects.get(action="criteria.unlock").after["reason"] == "typo in a weight"
    next(r for r in rows if r.code == "ca").name = "Peserta aktif / penduduk bekerja"
    criteria_save(category=pemda, rows=rows, actor=None)


def test_pipeline_and_stage_edits_are_checked_and_audited(small_cycle, pemda):
    with pytest.raises(RefusedError, match="normalise: method"):
        category_update(
            category=pemda,
            changes={
                "pipeline": {
                    **pemda.pipeline,
                    "steps": {"normalise": {"method": "magic"}, "aggregate": {}},
                }
            },
            actor=None,
        )
    with pytest.raises(RefusedError, match="Tie-breaker XYZ"):
        category_update(
            category=pemda,
            changes={"pipeline": {**pemda.pipeline, "ranks": {"tie_breakers": ["XYZ"]}}},
            actor=None,
        )
    with pytest.raises(RefusedError, match="Jury aggregation"):
        category_update(
            category=pemda,
            changes={"pipeline": {**pemda.pipeline, "jury": {"method": "mode"}}},
            actor=None,
        )
    category_update(
        category=pemda,
        changes={
            "shortlist_size": 5,
            "pipeline": {**pemda.pipeline, "jury": {"method": "median", "normalise": True}},
        },
        actor=None,
    )
    entry = AuditEntry.objects.get(action="category.edit")
    assert entry.before["shortlist_size"] == 3
    assert entry.after["pipeline"]["jury"]["method"] == "median"
    stage = small_cycle.stages.get(code="SUBMISSION")
    stage_update(stage=stage, changes={"scoring_open": True}, actor=None)
    assert AuditEntry.objects.get(action="stage.edit").after == {"scoring_open": True}
