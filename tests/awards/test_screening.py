import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.domain.screening import screening_run
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus, ScreeningJob
from paritrana.entities.models import Entity
from tests.awards.builders import national, provincial, to_stage

pytestmark = pytest.mark.django_db


def _shortlist(rnd, code="PEMDA"):
    return list(
        Candidate.objects.filter(round=rnd, category__code=code)
        .order_by("screening_rank")
        .values_list("entity__code", "screening_rank", "status", "origin")
    )


def test_top_n_per_province_is_hand_checked(small_cycle):
    summary = screening_run(cycle=small_cycle, actor=None)
    jabar = _shortlist(provincial(small_cycle, "32"))
    assert [(c, r) for c, r, *_ in jabar] == [("32.02", 1), ("32.05", 2), ("32.04", 3)]
    assert {(s, o) for *_, s, o in jabar} == {(CandidateStatus.PROPOSED, CandidateOrigin.SCREENING)}
    assert [c for c, *_ in _shortlist(provincial(small_cycle, "36"))] == [
        "36.01",
        "36.02",
    ]  # CAK (40) outweighs REG (30)
    top = Candidate.objects.get(round__province_id="32", entity__code="32.02")
    assert top.screening_score == pytest.approx(500 / 7)
    detail = top.screening_detail
    assert detail["ranked"] == 5
    assert [a["node"] for a in detail["aspects"]] == ["REG", "CAK"]
    assert sum(a["contribution"] for a in detail["aspects"]) == pytest.approx(500 / 7)
    leaf = next(r for r in detail["explanation"] if r["node"] == "ca")
    assert leaf["raw"] == pytest.approx(0.5)
    assert leaf["ref"] == "coverage_active"
    assert summary["categories"]["PEMDA"] == 5
    assert ScreeningJob.objects.get(cycle=small_cycle).status == "DONE"


def test_entities_exist_only_for_candidates(small_cycle):
    screening_run(cycle=small_cycle, actor=None)
    regencies = set(Entity.objects.filter(kind="REGENCY").values_list("code", flat=True))
    assert regencies == {"32.02", "32.05", "32.04", "36.02", "36.01"}


def test_every_province_is_a_national_candidate_ranked_within_its_zone(small_cycle):
    screening_run(cycle=small_cycle, actor=None)
    cands = Candidate.objects.filter(round=national(small_cycle), category__code="PEMPROV")
    assert cands.count() == 38
    # 32 (Jawa Barat), 36 (Banten) and 31 (DKI) share the Jawa-Bali zone
    ranks = {c.entity.code: c.screening_rank for c in cands.select_related("entity")}
    assert (ranks["32"], ranks["36"], ranks["31"]) == (1, 2, 3)  # 75, 50, 25
    assert ranks["11"] == 1  # alone with data in Sumatera
    assert ranks["12"] is None  # no data: a candidate, without a score
    assert not Candidate.objects.filter(
        round__level="PROVINCIAL", category__code="PEMPROV"
    ).exists()


def test_rerun_replaces_proposals_only(small_cycle):
    screening_run(cycle=small_cycle, actor=None)
    jabar = provincial(small_cycle, "32")
    first = Candidate.objects.get(round=jabar, entity__code="32.02")
    Candidate.objects.filter(pk=first.pk).update(status=CandidateStatus.CONFIRMED)
    removed = Candidate.objects.get(round=jabar, entity__code="32.04")
    Candidate.objects.filter(pk=removed.pk).update(
        status=CandidateStatus.REMOVED, status_reason="x"
    )
    screening_run(cycle=small_cycle, actor=None)
    rows = _shortlist(jabar)
    assert ("32.02", 1, "CONFIRMED", "SCREENING") in rows
    assert ("32.04", 3, "REMOVED", "SCREENING") in rows
    assert ("32.05", 2, "PROPOSED", "SCREENING") in rows
    assert Candidate.objects.get(pk=first.pk).pk == first.pk  # the same row, untouched
    assert AuditEntry.objects.filter(action="shortlist.screen").count() >= 4


def test_rounds_past_screening_are_skipped(small_cycle):
    to_stage(provincial(small_cycle, "32"), "SUBMISSION")
    summary = screening_run(cycle=small_cycle, actor=None)
    assert not Candidate.objects.filter(round__province_id="32").exists()
    assert any("Jawa Barat" in s for s in summary["skipped"])


def test_missing_indicator_tables_are_refused_clearly(small_cycle, settings, tmp_path):
    settings.ANALYTICS_DIR = tmp_path / "empty"
    with pytest.raises(RefusedError, match="paritrana indicators compute"):
        screening_run(cycle=small_cycle, actor=None)
    assert ScreeningJob.objects.get(cycle=small_cycle).status == "FAILED"
