"""A committee member locks a provincial round and finds its winner in the national round."""

from __future__ import annotations

import pytest

from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.screening import screening_run
from paritrana.awards.models import Award, Candidate, CandidateOrigin, CandidateStatus
from tests.awards.builders import (
    COMPUTED_ONLY,
    SMALL_PEMPROV,
    national,
    provincial,
    to_stage,
    write_store,
)
from tests.awards.factories import make_cycle
from tests.browser.conftest import committee_member, log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def deliberated(settings, tmp_path):
    """Jawa Barat's round deliberated on indicators only, waiting for its lock."""
    settings.ANALYTICS_DIR = write_store(tmp_path)
    cycle = make_cycle(templates=(SMALL_PEMPROV, COMPUTED_ONLY), analytics_cycle="c1")
    screening_run(cycle=cycle, actor=None)
    rnd = provincial(cycle, "32")
    Candidate.objects.filter(round=rnd).update(status=CandidateStatus.CONFIRMED)
    to_stage(rnd, "DELIBERATION")
    deliberation_run(round=rnd, category=cycle.categories.get(code="KAB"), actor=None)
    return rnd


def test_locking_a_round_promotes_its_winner(page_for, deliberated, tmp_path):
    member = committee_member(username="panitia-pusat")
    page = page_for()
    log_in(page, member.username, f"/awards/round/{deliberated.pk}/")
    with page.expect_navigation():
        page.click("form[action$='/lock/'] button[type=submit]")
    screenshot(page, tmp_path / "round-locked.png", full_page=True)
    deliberated.refresh_from_db()
    assert deliberated.locked_at is not None, page.content()[:3000]
    winner = Award.objects.get(round=deliberated, place=1).candidate.entity.name
    assert "Promoted to the national round" in page.content()

    nat = national(deliberated.cycle)
    page.goto(f"/awards/round/{nat.pk}/KAB/shortlist/")
    row = page.locator("tr", has_text=winner)
    row.wait_for()
    assert "winner of Jawa Barat" in row.inner_text()
    shot = screenshot(page, tmp_path / "national-shortlist.png", full_page=True)
    assert shot.stat().st_size > 0
    promoted = Candidate.objects.get(round=nat, origin=CandidateOrigin.PROMOTED)
    assert promoted.entity.name == winner
