"""Region pages show the computed indicators of the latest cycle in the analytics store."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from paritrana.analytics.paths import indicator_table
from paritrana.regions.domain.indicators import latest_cycle, region_indicators

pytestmark = pytest.mark.django_db


def _write(store, cycle, entity_type, rows):
    path = indicator_table(store, cycle, entity_type)
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = ["entity_id", "indicator", "value", "numerator", "denominator"]
    pq.write_table(pa.table({c: [r[i] for r in rows] for i, c in enumerate(cols)}), path)


@pytest.fixture
def store(tmp_path, settings):
    settings.ANALYTICS_DIR = tmp_path
    _write(tmp_path, "2023", "regency", [("32.04", "coverage_active", 0.1, 1.0, 10.0)])
    _write(
        tmp_path,
        "2024",
        "regency",
        [
            ("32.04", "coverage_active", 0.4125, 412500.0, 1000000.0),
            ("32.04", "apbd_allocation", 2419200000.0, 2419200000.0, None),
            ("32.73", "coverage_active", 0.6, 6.0, 10.0),
        ],
    )
    _write(tmp_path, "2024", "province", [("32", "coverage_active", 0.5, 5.0, 10.0)])
    return tmp_path


def test_latest_cycle_and_values(store):
    assert latest_cycle(store) == "2024"
    values = region_indicators(store, "2024", "regency", ["32.04"])
    assert [v.code for v in values["32.04"]] == ["coverage_active", "apbd_allocation"]
    assert values["32.04"][0].value == pytest.approx(0.4125)
    assert region_indicators(store, "2024", "village", ["x"]) == {}


def test_regency_page_shows_indicators(client, store):
    page = client.get("/regions/regency/32.04/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Indicators, cycle 2024" in page
    assert "41.2%" in page
    assert "Rp2,419,200,000" in page
    assert "412,500" in page


def test_province_page_shows_coverage_per_regency(client, store):
    page = client.get("/regions/province/32/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Active coverage" in page
    assert "60.0%" in page
    assert "50.0%" in page  # the province's own indicator table


def test_pages_without_indicators_still_work(client, tmp_path, settings):
    settings.ANALYTICS_DIR = tmp_path / "empty"
    page = client.get("/regions/regency/32.04/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Indicators, cycle" not in page
    assert "Cileunyi" in page
