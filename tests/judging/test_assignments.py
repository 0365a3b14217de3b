"""Automatic and manual assignment on the database: rules, conflicts, refusals, audit, CLI."""

from collections import Counter

import pytest
from typer.testing import CliRunner

from paritrana.audit.models import AuditEntry
from paritrana.awards.models import CandidateStatus
from paritrana.cli import app
from paritrana.judging.domain.assignments import (
    assignment_add,
    assignment_remove,
    assignments_generate,
)
from paritrana.judging.domain.conflicts import conflict_clear, conflict_declare
from paritrana.judging.domain.errors import AssignmentImpossibleError, JudgingError
from paritrana.judging.domain.sheets import ScoreInput, sheet_save
from paritrana.judging.models import Assignment
from tests.judging.factories import (
    business_candidate,
    interview_round,
    make_juror,
    make_panel,
    regency_candidate,
)

pytestmark = pytest.mark.django_db

JABAR_REGENCIES = ["32.01", "32.02", "32.03", "32.04", "32.05", "32.73"]


@pytest.fixture
def world():
    rnd = interview_round()
    candidates = [regency_candidate(rnd, code) for code in JABAR_REGENCIES]
    # Lives in Kab. Bandung (32.04): flagged for that candidate only.
    local = make_juror(province="32", regency="32.04", full_name="Asep")
    others = [make_juror(full_name=f"Juror {i}") for i in range(3)]
    panel = make_panel(rnd, [local, *others])
    return rnd, panel, candidates, local, others


def test_generated_plan_follows_the_rules(world):
    _rnd, panel, candidates, local, _others = world
    created = assignments_generate(panel=panel, k=2, actor=None)
    per_candidate = Counter(a.candidate_id for a in created)
    assert all(per_candidate[c.pk] == 2 for c in candidates)
    loads = Counter(a.juror_id for a in created)
    assert max(loads.values()) - min(loads.values()) <= 1
    kab_bandung = candidates[3]
    assert not Assignment.objects.filter(juror=local, candidate=kab_bandung).exists()
    entry = AuditEntry.objects.get(action="assignments.generate", object_id=str(panel.pk))
    assert entry.after["k"] == 2
    assert len(entry.after["assignments"]) == 12


def test_generation_is_deterministic_and_replaces_the_previous_plan(world):
    _rnd, panel, _candidates, _local, _others = world
    first = sorted(
        (a.juror_id, a.candidate_id) for a in assignments_generate(panel=panel, k=2, actor=None)
    )
    second = sorted(
        (a.juror_id, a.candidate_id) for a in assignments_generate(panel=panel, k=2, actor=None)
    )
    assert first == second
    assert Assignment.objects.filter(panel=panel).count() == 12


def test_removed_candidates_and_categories_without_interview_are_left_out(world):
    rnd, panel, candidates, _local, _others = world
    candidates[0].status = CandidateStatus.REMOVED
    candidates[0].save()
    ukm = business_candidate(rnd, name="UD Sari Rasa", regency="32.04", small=True)
    assignments_generate(panel=panel, k=1, actor=None)
    assigned = set(Assignment.objects.values_list("candidate_id", flat=True))
    assert candidates[0].pk not in assigned
    assert ukm.pk not in assigned
    assert assigned == {c.pk for c in candidates[1:]}


def test_impossible_plan_names_the_candidate_and_changes_nothing(world):
    _rnd, panel, candidates, _local, others = world
    assignments_generate(panel=panel, k=1, actor=None)
    before = set(Assignment.objects.values_list("juror_id", "candidate_id"))
    for juror in others:
        conflict_declare(juror=juror, candidate=candidates[0], reason="former staff")
    with pytest.raises(AssignmentImpossibleError, match="Kabupaten Bogor"):
        assignments_generate(panel=panel, k=2, actor=None)
    assert set(Assignment.objects.values_list("juror_id", "candidate_id")) == before


def test_manual_override_refuses_a_flagged_juror_until_cleared(world):
    _rnd, panel, candidates, local, _others = world
    kab_bandung = candidates[3]
    with pytest.raises(
        JudgingError, match="conflict of interest with Pemerintah Kabupaten Bandung"
    ):
        assignment_add(panel=panel, juror=local, candidate=kab_bandung, actor=None)
    assert not Assignment.objects.exists()
    assert not AuditEntry.objects.filter(action="assignment.add").exists()
    conflict_clear(juror=local, candidate=kab_bandung, reason="moved away in 2019", actor=None)
    assignment = assignment_add(panel=panel, juror=local, candidate=kab_bandung, actor=None)
    assert assignment.origin == "MANUAL"
    assert AuditEntry.objects.filter(action="conflict.clear").exists()
    assert AuditEntry.objects.filter(action="assignment.add").exists()
    assignment_remove(assignment=assignment, actor=None)
    assert not Assignment.objects.exists()
    assert AuditEntry.objects.filter(action="assignment.remove").exists()


def test_manual_override_refuses_a_declared_conflict(world):
    _rnd, panel, candidates, _local, others = world
    conflict_declare(juror=others[0], candidate=candidates[0], reason="my cousin is the regent")
    with pytest.raises(JudgingError, match="my cousin is the regent"):
        assignment_add(panel=panel, juror=others[0], candidate=candidates[0], actor=None)
    with pytest.raises(JudgingError, match="cannot be cleared"):
        conflict_clear(juror=others[0], candidate=candidates[0], reason="x", actor=None)


def test_employer_flags_business_candidates(world):
    rnd, _panel, _candidates, _local, _others = world
    by_npp = make_juror(npp="NPP12345678")
    by_name = make_juror(employer="PT. Maju Jaya Tbk")
    for juror in (by_npp, by_name):
        make_panel(rnd, [juror], name=f"P{juror.pk}")
    own = business_candidate(rnd, name="Other Name", regency="32.01", npp="NPP12345678")
    named = business_candidate(rnd, name="PT Maju Jaya", regency="32.02")
    p_npp, p_name = by_npp.panel_memberships.get().panel, by_name.panel_memberships.get().panel
    with pytest.raises(JudgingError, match="NPP"):
        assignment_add(panel=p_npp, juror=by_npp, candidate=own, actor=None)
    with pytest.raises(JudgingError, match="employer is the candidate"):
        assignment_add(panel=p_name, juror=by_name, candidate=named, actor=None)
    assignment_add(panel=p_npp, juror=by_npp, candidate=named, actor=None)


def test_regeneration_refused_once_scoring_started(world):
    _rnd, panel, _candidates, _local, _others = world
    assignment = assignments_generate(panel=panel, k=2, actor=None)[0]
    criterion = assignment.candidate.category.criteria.filter(source="JURY").first()
    sheet_save(
        juror=assignment.juror,
        candidate=assignment.candidate,
        entries={criterion.pk: ScoreInput("7")},
        comment="",
        actor=assignment.juror,
    )
    with pytest.raises(JudgingError, match="started scoring"):
        assignments_generate(panel=panel, k=2, actor=None)


def test_locked_round_refuses_changes(world):
    rnd, panel, _candidates, _local, _others = world
    from django.utils import timezone

    rnd.locked_at = timezone.now()
    rnd.save()
    panel.round.refresh_from_db()
    with pytest.raises(JudgingError, match="locked"):
        assignments_generate(panel=panel, k=1, actor=None)


def test_cli_assign_jurors(world):
    rnd, panel, _candidates, _local, _others = world
    result = CliRunner().invoke(app, ["cycle", "assign-jurors", "--round", str(rnd.pk), "--k", "2"])
    assert result.exit_code == 0, result.output
    assert "12 assignments" in result.output
    assert Assignment.objects.filter(panel=panel).count() == 12
    result = CliRunner().invoke(app, ["cycle", "assign-jurors", "--round", str(rnd.pk), "--k", "5"])
    assert result.exit_code == 1
    assert "Refused" in result.output
    assert Assignment.objects.filter(panel=panel).count() == 12
