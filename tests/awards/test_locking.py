import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.locking import (
    award_special_set,
    cycle_promote,
    round_lock,
    round_unlock,
)
from paritrana.awards.domain.shortlist import candidate_remove
from paritrana.awards.models import Award, Candidate, CandidateOrigin, ScoringRun
from tests.awards.builders import national, provincial, to_stage
from tests.awards.test_deliberation import confirm, providers

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliberated(small_cycle):
    rnd = provincial(small_cycle, "32")
    category = small_cycle.categories.get(code="PEMDA")
    c = confirm(rnd, category, ["32.01", "32.02", "32.03"])
    verified, jury = providers({c["32.01"]: (10, 10), c["32.02"]: (0, 1), c["32.03"]: (5, 5.5)})
    to_stage(rnd, "DELIBERATION")
    run = deliberation_run(round=rnd, category=category, actor=None, verified=verified, jury=jury)
    return rnd, category, c, run, {"verified": verified, "jury": jury}


def test_lock_freezes_awards_and_promotes_the_winner(deliberated):
    rnd, category, c, run, prov = deliberated
    outcome = round_lock(round=rnd, actor=None, **prov)
    rnd.refresh_from_db()
    assert rnd.is_locked
    assert ScoringRun.objects.get(pk=run.pk).is_final
    places = dict(Award.objects.filter(round=rnd).values_list("place", "candidate__entity__code"))
    assert places == {1: "32.02", 2: "32.03", 3: "32.01"}
    promoted = Candidate.objects.get(round=national(rnd.cycle), category=category)
    assert promoted.entity.code == "32.02"
    assert promoted.origin == CandidateOrigin.PROMOTED
    assert promoted.promoted_from == c["32.02"]
    assert outcome["promoted"] == [f"PEMDA: {promoted.entity}"]
    assert cycle_promote(cycle=rnd.cycle, actor=None) == []  # idempotent
    assert Candidate.objects.filter(round=national(rnd.cycle)).count() == 1
    assert AuditEntry.objects.filter(action="round.lock").exists()
    assert AuditEntry.objects.filter(action="shortlist.promote").count() == 1


def test_a_locked_round_refuses_every_edit_and_changes_nothing(deliberated):
    rnd, category, c, _run, prov = deliberated
    round_lock(round=rnd, actor=None, **prov)
    before = list(Candidate.objects.filter(round=rnd).values_list("pk", "status", "version"))
    with pytest.raises(RefusedError, match="is locked"):
        deliberation_run(round=rnd, category=category, actor=None, **prov)
    with pytest.raises(RefusedError, match="is locked"):
        candidate_remove(candidate=c["32.01"], version=1, reason="x", actor=None)
    with pytest.raises(RefusedError, match="is locked"):
        award_special_set(
            round=rnd, category=category, candidate=c["32.01"], name="Terbaik Inovasi", actor=None
        )
    with pytest.raises(RefusedError, match="is locked"):
        round_lock(round=rnd, actor=None, **prov)
    assert (
        list(Candidate.objects.filter(round=rnd).values_list("pk", "status", "version")) == before
    )
    assert ScoringRun.objects.count() == 1


def test_stale_run_is_refused_at_lock(deliberated):
    rnd, _category, c, _run, _prov = deliberated
    verified, jury = providers({c["32.01"]: (10, 10), c["32.02"]: (0, 2), c["32.03"]: (5, 5.5)})
    with pytest.raises(RefusedError, match="changed since run"):
        round_lock(round=rnd, actor=None, verified=verified, jury=jury)
    rnd.refresh_from_db()
    assert not rnd.is_locked


def test_unlock_needs_a_reason_is_audited_and_relock_moves_the_promotion(deliberated):
    rnd, category, c, _run, prov = deliberated
    round_lock(round=rnd, actor=None, **prov)
    with pytest.raises(RefusedError, match="reason"):
        round_unlock(round=rnd, actor=None, reason=" ")
    round_unlock(round=rnd, actor=None, reason="jury sheet corrected")
    assert AuditEntry.objects.get(action="round.unlock").after["reason"] == "jury sheet corrected"
    assert not Award.objects.filter(round=rnd).exists()
    to_stage(rnd, "SCREENING")  # back to the shortlist: the winner withdrew
    candidate_remove(candidate=c["32.02"], version=1, reason="withdrew", actor=None)
    to_stage(rnd, "DELIBERATION")
    deliberation_run(round=rnd, category=category, actor=None, **prov)
    round_lock(round=rnd, actor=None, **prov)
    nat = Candidate.objects.filter(round=national(rnd.cycle)).order_by("entity__code")
    assert [(x.entity.code, x.status) for x in nat] == [
        ("32.02", "REMOVED"),
        ("32.03", "CONFIRMED"),
    ]


def test_special_award(deliberated):
    rnd, category, c, _run, prov = deliberated
    award_special_set(
        round=rnd, category=category, candidate=c["32.01"], name="Terbaik Inovasi", actor=None
    )
    award_special_set(
        round=rnd, category=category, candidate=c["32.03"], name="Terbaik Inovasi", actor=None
    )
    assert Award.objects.get(special="Terbaik Inovasi").candidate == c["32.03"]
    round_lock(round=rnd, actor=None, **prov)
    assert Award.objects.filter(round=rnd, special="Terbaik Inovasi").count() == 1
