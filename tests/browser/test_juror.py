"""A juror scores an interview on a phone (390 x 844) and the page fits the screen."""

from __future__ import annotations

import pytest

from paritrana.judging.domain.assignments import assignment_add
from paritrana.judging.models import ScoreSheet
from tests.browser.conftest import log_in, screenshot
from tests.judging.factories import interview_round, make_juror, make_panel, regency_candidate

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCORES = ("8", "7,5", "9", "6")  # a decimal comma, as Indonesian keyboards type it


def _fits(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_a_juror_scores_an_interview_on_a_phone(page_for, tmp_path):
    rnd = interview_round()
    candidate = regency_candidate(rnd, "32.04")
    juror = make_juror(username="juri-hp", full_name="Ayu Lestari")
    panel = make_panel(rnd, [juror])
    assignment_add(panel=panel, juror=juror, candidate=candidate, actor=None)
    criteria = list(
        candidate.category.criteria.filter(source="JURY").order_by("parent__order", "order")
    )
    assert len(criteria) == len(SCORES)

    page = page_for(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    log_in(page, juror.username, f"/jury/candidate/{candidate.pk}/")
    assert _fits(page)
    for criterion, score in zip(criteria, SCORES, strict=True):
        page.fill(f"#score-{criterion.pk}", score)
    page.fill("#comment", "Bupati hadir dan memaparkan sendiri anggaran pekerja rentan.")
    with page.expect_navigation():
        page.click("button[name=submit]")
    shot = screenshot(page, tmp_path / "juror-phone.png", full_page=True)

    sheet = ScoreSheet.objects.get(juror=juror, candidate=candidate)
    assert sheet.submitted_at is not None, page.content()[:3000]
    values = {s.criterion_id: str(s.value) for s in sheet.scores.all()}
    assert values[criteria[1].pk] == "7.50"
    assert _fits(page), "the submitted sheet scrolls sideways on a phone"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    assert shot.stat().st_size > 0
