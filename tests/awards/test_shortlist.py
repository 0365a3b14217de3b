import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.entities import entity_search
from paritrana.awards.domain.errors import RefusedError, StaleEditError
from paritrana.awards.domain.screening import screening_run
from paritrana.awards.domain.shortlist import candidate_add, candidate_confirm, candidate_remove
from paritrana.awards.models import Candidate, CandidateStatus
from tests.awards.builders import provincial, to_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(small_cycle):
    screening_run(cycle=small_cycle, actor=None)
    rnd = provincial(small_cycle, "32")
    return rnd, Candidate.objects.get(round=rnd, entity__code="32.02")


def test_confirm_and_remove_are_audited(proposed):
    _rnd, cand = proposed
    cand = candidate_confirm(candidate=cand, version=cand.version, actor=None)
    assert (cand.status, cand.version) == (CandidateStatus.CONFIRMED, 2)
    with pytest.raises(RefusedError, match="needs a reason"):
        candidate_remove(candidate=cand, version=2, reason="  ", actor=None)
    cand = candidate_remove(candidate=cand, version=2, reason="data error", actor=None)
    assert (cand.status, cand.status_reason) == (CandidateStatus.REMOVED, "data error")
    entry = AuditEntry.objects.get(action="shortlist.remove")
    assert entry.before["status"] == "CONFIRMED"
    assert entry.after == {"status": "REMOVED", "reason": "data error", "version": 3}


def test_a_stale_edit_is_refused_and_overwrites_nothing(proposed):
    _rnd, cand = proposed
    opened_by_a = opened_by_b = cand.version
    candidate_remove(candidate=cand, version=opened_by_a, reason="member A", actor=None)
    with pytest.raises(StaleEditError, match="changed by someone else"):
        candidate_confirm(candidate=cand, version=opened_by_b, actor=None)
    cand.refresh_from_db()
    assert (cand.status, cand.status_reason) == (CandidateStatus.REMOVED, "member A")


def test_add_needs_a_reason_and_an_eligible_entity_of_the_province(proposed):
    rnd, _cand = proposed
    category = rnd.cycle.categories.get(code="PEMDA")
    with pytest.raises(RefusedError, match="needs a reason"):
        candidate_add(round=rnd, category=category, code="32.10", reason="", actor=None)
    with pytest.raises(RefusedError, match="not an eligible"):
        candidate_add(round=rnd, category=category, code="36.01", reason="x", actor=None)
    with pytest.raises(RefusedError, match="already on this shortlist"):
        candidate_add(round=rnd, category=category, code="32.02", reason="x", actor=None)
    added = candidate_add(
        round=rnd, category=category, code="32.10", reason="strong BPU drive", actor=None
    )
    assert (added.status, added.origin) == ("CONFIRMED", "MANUAL")
    assert AuditEntry.objects.filter(action="shortlist.add", object_id=str(added.pk)).exists()


def test_shortlist_closed_after_screening_stage(proposed):
    rnd, cand = proposed
    to_stage(rnd, "SUBMISSION")
    with pytest.raises(RefusedError, match="not possible in the stage"):
        candidate_confirm(candidate=cand, version=cand.version, actor=None)
    cand.refresh_from_db()
    assert cand.status == CandidateStatus.PROPOSED


def test_entity_search_by_name_or_code_within_the_province(small_cycle):
    category = small_cycle.categories.get(code="PEMDA")
    found = entity_search(cycle=small_cycle, category=category, province_code="32", query="bandung")
    assert {f.code for f in found} >= {"32.04", "32.73"}
    assert all(f.code.startswith("32.") for f in found)
    assert [
        f.code
        for f in entity_search(
            cycle=small_cycle, category=category, province_code="32", query="32.04"
        )
    ] == ["32.04"]
