import pytest

from paritrana.reports.domain.scorecard import scorecard_build, scorecard_insight
from paritrana.reports.models import ScorecardInsight
from tests.reports.conftest import result_of

pytestmark = pytest.mark.django_db


def test_scorecard_scores_median_winner_and_strengths_by_hand(published):
    _rnd, _category, _c, run = published
    card = scorecard_build(result=result_of(run, "32.04"))
    assert card.published
    assert card.units == 5
    assert card.winner.candidate.entity.code == "32.02"
    rows = {row.node: row for row in card.rows}
    assert rows["INDEX"].score == pytest.approx(47.5)
    assert rows["REG"].contribution == pytest.approx(40.0)  # 0.4 x 100
    assert rows["CAK"].contribution == pytest.approx(7.5)  # 0.6 x 12.5
    assert rows["REG"].contribution + rows["CAK"].contribution == pytest.approx(47.5)
    # medians of the five units: INDEX 13.33/70/41.67/47.5/60 -> 47.5; REG -> 66.67
    assert rows["INDEX"].median == pytest.approx(47.5)
    assert rows["REG"].median == pytest.approx(200 / 3)
    assert rows["INDEX"].winner == pytest.approx(70)
    assert rows["ca"].raw == pytest.approx(0.2)
    assert [rows[n].depth for n in ("INDEX", "CAK", "ca")] == [0, 1, 2]
    assert card.strongest.node == "reg"  # shares the best rank on regulation
    assert card.weakest.node in {"ca", "cb"}
    assert [a.place for a in card.awards] == [3]


def test_what_would_move_you_up_by_hand(published):
    """32.04 (47.5, 3rd) passes 32.05 (60) when 40 + 0.3 ca_n + 3.75 > 60, ca_n > 54.17:
    ca = 0.1 + 0.8 x 0.5417 = 0.5333 (+0.3333). Regulation is already the maximum: raising
    it further only rescales the others, and 32.05 has 0 there, so it cannot help."""
    run = published[3]
    insight = scorecard_insight(result=result_of(run, "32.04"))
    assert insight["rank"] == 3
    best = insight["moves"][0]
    assert best["node"] == "ca"
    assert best["current"] == pytest.approx(0.2)
    assert best["needed"] == pytest.approx(0.53333, abs=1e-4)
    assert (
        best["needed"] > 0.533333
    )  # strictly more: at equality the tie-breaker (CAK) keeps 32.05 ahead
    assert best["change"] == pytest.approx(0.33333, abs=1e-4)
    assert best["new_rank"] == 2
    assert insight["verified"] is True
    assert {m["node"] for m in insight["moves"]} == {"ca", "cb"}
    assert [u["node"] for u in insight["unreachable"]] == ["reg"]
    assert ScorecardInsight.objects.filter(result__run=run).count() == 1


def test_first_place_has_nothing_above_and_the_insight_is_stored_once(published):
    run = published[3]
    first = result_of(run, "32.02")
    assert scorecard_insight(result=first)["moves"] == []
    assert scorecard_insight(result=first)["rank"] == 1
    assert ScorecardInsight.objects.filter(result=first).count() == 1


def test_raising_the_minimum_rescales_everyone(published):
    """32.01 (13.33, last) is the minimum of ca (0.1). Raising it makes 32.04's 0.2 the new
    minimum, so ca re-normalises over [0.2, 0.9] for everybody: 32.03's ca falls from 25
    to 14.29, its INDEX to 26.67 + 0.6 x (14.29 + 25) / 2 = 38.45. 32.01 scores
    13.33 + 0.3 x ca_n (cb stays 0): it passes 32.03 when ca_n > 83.73, i.e.
    ca = 0.2 + 0.7 x 0.8373 = 0.7861 (a naive reading with the old minimum would say 0.8556)."""
    run = published[3]
    insight = scorecard_insight(result=result_of(run, "32.01"))
    moves = {m["node"]: m for m in insight["moves"]}
    expected = 0.2 + 0.7 * ((38.4524 - 13.3333) / 0.3) / 100
    assert moves["ca"]["needed"] == pytest.approx(expected, abs=1e-3)
    assert moves["ca"]["new_rank"] == 4
    assert insight["verified"] is True


def test_scorecard_page_and_pdf_render(client, published):
    run = published[3]
    result = result_of(run, "32.04")
    page = client.get(f"/results/scorecard/{result.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kab" in html or result.candidate.entity.name in html
    assert "0,5333" in html or "0.5333" in html  # the needed value of ca
    pdf = client.get(f"/results/scorecard/{result.pk}.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) > 5000
