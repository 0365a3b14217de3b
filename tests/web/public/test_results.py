"""What the public result pages say: winners, rankings by zone, robustness, links."""

import csv
import io
import re

import pytest
from django.urls import NoReverseMatch, reverse

from paritrana.awards.models import Result

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_index_lists_cycles_rounds_dashboard_and_api(published, client):
    page = text(client.get(reverse("public:index")))
    assert published.cycle.name in page
    assert reverse("public:round", args=[published.cycle.slug, "national"]) in page
    assert reverse("public:round", args=[published.cycle.slug, "32"]) in page
    assert reverse("public:coverage") in page
    assert "/api/docs" in page


def test_home_page_leads_to_results_and_dashboard_without_login(client):
    page = text(client.get("/"))
    assert reverse("public:index") in page
    assert reverse("public:coverage") in page


def test_national_pemprov_is_ranked_within_each_zone(published, client):
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    page = text(client.get(url))
    # Jawa-Bali: 32 (3, 0.5) > 36 (1, 0.6) > 31 (2, 0.4) on REG 50 / CAK 50; Sumatera: 11 alone.
    jawa, sumatera = page.index("Jawa–Bali"), page.index("Sumatera")
    assert jawa < sumatera
    order = [page.index(f'<span class="muted">{code}</span>') for code in ("32", "36", "31")]
    assert order == sorted(order)
    assert all(jawa < i < sumatera for i in order)
    assert page.index('<span class="muted">11</span>') > sumatera
    assert page.count('class="place-1"') == 2  # one winner per zone


def test_ranking_shows_score_interval_probability_and_awards(published, client):
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    response = client.get(url)
    ranking = response.context["ranking"]
    jawa = next(g for g in ranking.groups if g.code == "JAWA_BALI")
    assert [(r.code, r.rank, r.place) for r in jawa.rows] == [
        ("32", 1, 1),
        ("36", 2, 2),
        ("31", 3, 3),
    ]
    top = Result.objects.get(pk=jawa.rows[0].result_id)
    assert jawa.rows[0].score == pytest.approx(top.score)
    assert jawa.rows[0].rank_low <= top.rank <= jawa.rows[0].rank_high
    assert jawa.rows[0].p_keep == pytest.approx(top.p_keep_rank)
    assert [(name, row.code) for name, row in ranking.specials] == [("Terbaik Inovasi", "36")]
    page = text(response)
    assert "Terbaik Inovasi" in page
    assert f"{jawa.rows[0].rank_low}–{jawa.rows[0].rank_high}" in page


def test_each_candidate_links_to_its_scorecard(published, client):
    try:
        reverse("reports:scorecard", args=[1])
    except NoReverseMatch:
        pytest.skip("the reports app offers no scorecard page yet")
    url = reverse("public:ranking", args=[published.cycle.slug, "32", "KAB"])
    page = client.get(url).content.decode()
    results = Result.objects.filter(run__round=published.provincial, run__is_final=True)
    assert results.count() == 5
    for result in results:
        assert reverse("reports:scorecard", args=[result.pk]) in page


def test_provincial_round_page_shows_each_categorys_podium(published, client):
    page = text(client.get(reverse("public:round", args=[published.cycle.slug, "32"])))
    assert "Place 1" in page
    assert "Place 3" in page
    # KAB on REG 40 / CAK 60 with min-max: 32.02 first (see tests/awards/builders.py).
    first = re.search(r'class="place-1">.*?</li>', page).group(0)
    assert "Bogor" not in first  # 32.01 is last
    assert reverse("public:methodology", args=[published.cycle.slug, "32", "KAB"]) in page


def test_ranking_csv_has_every_candidate_and_the_same_numbers(published, client):
    url = reverse("public:ranking_csv", args=[published.cycle.slug, "national", "PEMPROV"])
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(r["code"] for r in rows) == ["11", "31", "32", "36"]
    jabar = next(r for r in rows if r["code"] == "32")
    result = Result.objects.get(
        run__round=published.national, run__is_final=True, candidate__entity__code="32"
    )
    assert (jabar["group"], jabar["rank"], jabar["place"]) == ("JAWA_BALI", "1", "1")
    assert float(jabar["score"]) == pytest.approx(result.score)
    assert next(r for r in rows if r["code"] == "36")["special_awards"] == "Terbaik Inovasi"


def test_pages_render_in_both_languages(published, client):
    url = reverse("public:ranking", args=[published.cycle.slug, "national", "PEMPROV"])
    for language in ("id", "en"):
        client.cookies["django_language"] = language
        assert client.get(url, HTTP_ACCEPT_LANGUAGE=language).status_code == 200
