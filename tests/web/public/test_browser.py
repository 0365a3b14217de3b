"""An anonymous visitor opens the results, a ranking, a scorecard and the dashboard.

Playwright drives Debian's chromium (``tests/browser``'s fixtures) against the live
server; each page is screenshotted and must have rendered: non-empty, no error page.
"""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from paritrana.awards.models import Award, Result
from tests.browser.conftest import screenshot
from tests.web.public.builders import published_cycle
from tests.web.public.coverage_store import write_coverage_store

pytestmark = pytest.mark.browser


def visit(page, url, shot):
    response = page.goto(url)
    assert response.status == 200, url
    assert "Server Error" not in page.content()
    assert screenshot(page, shot, full_page=True).stat().st_size > 10_000
    return page


def test_anonymous_visitor_sees_results_scorecard_and_dashboard(
    page_for, store, tmp_path, transactional_db
):
    write_coverage_store(store)
    published = published_cycle()
    page = page_for(viewport={"width": 390, "height": 844})  # a phone
    visit(page, "/", tmp_path / "home.png")
    with page.expect_navigation():
        page.click(f"a[href='{reverse('public:index')}']")
    visit(page, page.url, tmp_path / "results.png")
    ranking = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    visit(page, ranking, tmp_path / "ranking.png")
    assert page.locator("table.ranking").count() == 2  # one per zone
    winner = Award.objects.get(round=published.national, place=1, group="JAWA_BALI")
    result = Result.objects.get(run__is_final=True, candidate=winner.candidate)
    try:
        scorecard = reverse("reports:scorecard", args=[result.pk])
    except NoReverseMatch:
        scorecard = None
    if scorecard:
        visit(page, scorecard, tmp_path / "scorecard.png")
    dashboard = visit(page, reverse("public:coverage"), tmp_path / "dashboard.png")
    assert dashboard.locator("svg").count() >= 3
    with page.expect_navigation():
        page.click("svg a[href='/results/coverage/32/']")
    visit(page, page.url, tmp_path / "province.png")
