"""The registry: each indicator defined once, with sources that exist, and its page up to date."""

from __future__ import annotations

from pathlib import Path

from paritrana.analytics.indicators import ENTITY_TYPES, INDICATORS, indicators_for
from paritrana.analytics.indicators.doc import DOC_PATH, render_markdown
from paritrana.analytics.indicators.registry import EntityType
from paritrana.analytics.schema import DATASETS

ROOT = Path(__file__).resolve().parents[3]


def test_codes_are_unique():
    codes = [i.code for i in INDICATORS]
    assert len(codes) == len(set(codes))


def test_sources_name_real_columns_or_indicators():
    codes = {i.code for i in INDICATORS}
    for indicator in INDICATORS:
        assert indicator.sources, indicator.code
        for source in indicator.sources:
            dataset, _, column = source.partition(".")
            if dataset == "indicator":
                assert column in codes, (indicator.code, source)
            else:
                assert column in DATASETS[dataset].column_names, (indicator.code, source)


def test_every_indicator_has_direction_unit_and_formula():
    for indicator in INDICATORS:
        assert indicator.direction in {+1, -1}
        assert indicator.unit
        assert indicator.formula
        assert indicator.entities


def test_issue_minimum_list_is_covered():
    regional = {i.code for i in indicators_for(EntityType.REGENCY, with_previous=True)}
    assert regional == {i.code for i in indicators_for(EntityType.PROVINCE, with_previous=True)}
    assert {
        "coverage_active", "coverage_pu", "coverage_bpu", "jakon_participants",
        "apbd_vulnerable", "apbd_vulnerable_share", "apbd_allocation", "active_growth",
        "employers_compliant_share", "regulation_level", "regulation_scope", "own_staff_covered",
    } <= regional  # fmt: skip
    village = {i.code for i in indicators_for(EntityType.VILLAGE, with_previous=True)}
    assert {"village_officials_covered", "bpu_residents", "apbdes_funded"} <= village
    employer = {i.code for i in indicators_for(EntityType.EMPLOYER, with_previous=True)}
    assert {
        "registration_ratio", "programmes_enrolled", "months_paid_on_time", "arrears",
        "wage_at_or_above_umk", "csr_vulnerable_funded", "fully_compliant",
    } <= employer  # fmt: skip


def test_growth_only_with_previous_period():
    without = {i.code for i in indicators_for(EntityType.REGENCY, with_previous=False)}
    assert "active_growth" not in without


def test_committed_page_is_up_to_date():
    committed = (ROOT / DOC_PATH).read_text(encoding="utf-8")
    assert committed == render_markdown(), "run `paritrana indicators docs` and commit the page"


def test_page_has_a_section_per_entity_type():
    page = render_markdown()
    for entity in ENTITY_TYPES:
        assert f"`{entity.value}.parquet`" in page
    for indicator in INDICATORS:
        assert f"`{indicator.code}`" in page
