"""The demo on the generator's tiny nation: a whole cycle, then a second run that changes nothing."""

from __future__ import annotations

import pytest

from paritrana.accounts.models import User
from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.publication import round_is_published
from paritrana.awards.models import (
    Award,
    AwardCycle,
    Candidate,
    CandidateOrigin,
    Result,
    RoundLevel,
    ScoringRun,
)
from paritrana.demo.options import CYCLE_SLUG, options_for
from paritrana.demo.progress import QuietProgress
from paritrana.demo.run import demo_run
from paritrana.judging.models import Assignment, ScoreSheet
from paritrana.submissions.models import Answer, CandidateAccount, Decision, Evidence

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

COUNTED = (User, Candidate, Answer, Evidence, ScoreSheet, Assignment, ScoringRun, Result, Award)


def _counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["audit"] = AuditEntry.objects.count()
    return counts


def test_the_demo_runs_a_whole_cycle_once(tmp_path, settings):
    # One test, since the run takes most of a minute: each check is a helper below.
    settings.ANALYTICS_DIR = tmp_path / "analytics"
    settings.MEDIA_ROOT = tmp_path / "media"
    options = options_for("tiny", data_dir=tmp_path / "demo-data")
    report = demo_run(options=options, progress=QuietProgress())
    _whole_cycle(report)
    _looks_like_real_work()
    before = _counts()
    again = demo_run(options=options, progress=QuietProgress())
    assert again.skipped
    assert _counts() == before


def _whole_cycle(report):
    cycle = AwardCycle.objects.get(slug=CYCLE_SLUG)
    assert not report.skipped
    assert report.locked == ["Jawa Barat", "Sulawesi Barat"]
    for code in ("32", "76"):
        rnd = cycle.rounds.get(province_id=code)
        assert rnd.locked_at is not None
        assert round_is_published(rnd)
        assert Award.objects.filter(round=rnd, place=1).exists()
        assert Result.objects.filter(run__round=rnd, run__is_final=True).exists()
    # the tiny nation has data for these two provinces only; both were screened
    screened = Candidate.objects.filter(round__cycle=cycle, round__level=RoundLevel.PROVINCIAL)
    assert set(screened.values_list("round__province_id", flat=True)) == {"32", "76"}
    national = cycle.rounds.get(level=RoundLevel.NATIONAL)
    promoted = Candidate.objects.filter(round=national, origin=CandidateOrigin.PROMOTED)
    assert promoted.count() == report.promoted > 0
    assert set(promoted.values_list("promoted_from__round__province_id", flat=True)) == {"32", "76"}
    assert round_is_published(national)
    assert Result.objects.filter(run__round=national, run__is_final=True).count() > 0
    assert Award.objects.filter(round=national, category__code="PEMPROV", place=1).exists()


def _looks_like_real_work():
    decisions = set(Answer.objects.values_list("decision", flat=True))
    assert {Decision.ACCEPTED, Decision.CORRECTED, Decision.REJECTED} <= decisions
    assert Evidence.objects.filter(content_type="application/pdf").exists()
    evidence = Evidence.objects.first()
    with evidence.file.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    juri = User.objects.get(username="juri")
    assert Assignment.objects.filter(juror=juri, candidate__round__province_id="32").exists()
    link = CandidateAccount.objects.get(user__username="kandidat")
    assert link.candidate.round.province_id == "32"
    assert AuditEntry.objects.filter(action="round.lock").count() == 3
