"""Coverage dashboards: every chart is SVG with its numbers as a table and a CSV."""

import csv
import io
import re

import pytest
from django.urls import reverse

from tests.web.public.coverage_store import spread, write_coverage_store

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage_store(tmp_path, settings):
    settings.ANALYTICS_DIR = write_coverage_store(tmp_path)
    return tmp_path


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_national_dashboard_has_map_segments_apbd_and_trend(coverage_store, client):
    response = client.get(reverse("public:coverage"))
    assert response.status_code == 200
    charts = {c.id: c for c in response.context["charts"]}
    assert set(charts) == {"map", "segments", "apbd", "trend"}
    assert response.context["cycle"] == "2024"  # the latest cycle
    page = response.content.decode()
    assert page.count("<svg") == 4
    assert page.count("<title id=") == 4
    assert page.count("<desc id=") == 4
    assert page.count("<table") == 4  # every chart's numbers as a table
    for chart in charts.values():
        assert chart.csv_url in page


def test_tile_map_has_38_provinces_each_linking_to_its_regencies(coverage_store, client):
    page = client.get(reverse("public:coverage")).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    links = re.findall(r'<a href="(/results/coverage/\d\d/)"', svg)
    assert len(links) == len(set(links)) == 38
    assert 'aria-label="Jawa Barat: ' in svg  # colour and text: every tile prints its value
    tiles = re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"', svg)
    assert len(set(tiles)) == 5  # five coverage classes, shown in the legend too


def test_segment_chart_sums_provinces_numerators_not_their_shares(coverage_store, client):
    rows = read_csv(client.get(reverse("public:coverage_csv", args=["segments"])))
    assert len(rows[0]) == 4
    k = sum(range(1, 39))  # provinces scaled 1..38, cycle 2024 grows 10 %
    pu = rows[1]
    assert float(pu[1]) == pytest.approx(300 * k * 1.1)
    assert float(pu[2]) == pytest.approx(400 * k)
    assert float(pu[3]) == pytest.approx(300 * 1.1 / 400)


def test_map_csv_matches_the_table(coverage_store, client):
    response = client.get(reverse("public:coverage_csv", args=["map"]))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = read_csv(response)
    assert len(rows) == 1 + 38
    jabar = next(r for r in rows if r[0] == "32")
    assert float(jabar[4]) == pytest.approx(0.5 * 1.1 * spread(11))  # 32 is the 12th province


def test_trend_shows_every_cycle(coverage_store, client):
    rows = read_csv(client.get(reverse("public:coverage_csv", args=["trend"])))
    assert [r[0] for r in rows[1:]] == ["2023", "2024"]
    active = sum(500 * (1 + i) * 1.1 * spread(i) for i in range(38))
    assert float(rows[2][1]) == pytest.approx(active / sum(1000 * (1 + i) for i in range(38)))


def test_no_trend_with_a_single_cycle(tmp_path, settings, client):
    settings.ANALYTICS_DIR = write_coverage_store(tmp_path, cycles=("2024",))
    charts = client.get(reverse("public:coverage")).context["charts"]
    assert [c.id for c in charts] == ["map", "segments", "apbd"]
    assert client.get(reverse("public:coverage_csv", args=["trend"])).status_code == 404


def test_province_drill_down_lists_its_regencies(coverage_store, client):
    response = client.get(reverse("public:coverage_province", args=["32"]))
    charts = {c.id: c for c in response.context["charts"]}
    assert set(charts) == {"regencies", "segments", "apbd"}
    codes = sorted(r[0] for r in charts["regencies"].rows)
    assert codes[0] == "32.01"
    assert all(c.startswith("32.") for c in codes)
    rows = read_csv(client.get(reverse("public:coverage_province_csv", args=["32", "apbd"])))
    assert len(rows) == 1 + len(codes)
    assert response.content.decode().count("<table") == 3


def test_unknown_province_or_chart_is_404(coverage_store, client):
    assert client.get(reverse("public:coverage_province", args=["99"])).status_code == 404
    assert client.get(reverse("public:coverage_csv", args=["nope"])).status_code == 404


def test_without_indicators_the_dashboard_says_so(tmp_path, settings, client):
    settings.ANALYTICS_DIR = tmp_path
    response = client.get(reverse("public:coverage"))
    assert response.status_code == 200
    assert response.context["charts"] == []
    assert client.get(reverse("public:coverage_province", args=["32"])).status_code == 404


def test_svg_coordinates_are_not_localised(coverage_store, client):
    client.cookies["django_language"] = "id"  # Indonesian writes 1,5 for 1.5
    page = client.get(reverse("public:coverage")).content.decode()
    for value in re.findall(r' (?:x|y|width|height|cx|cy)="([^"]*)"', page):
        assert re.fullmatch(r"-?\d+(\.\d+)?", value), value
