"""Every indicator on the hand-made data of ``tiny_data.py``, against numbers worked out by hand.

Each tuple is (value, numerator, denominator); None is a null. The comments give the rows
each number comes from.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from paritrana.analytics.indicators import ENTITY_TYPES, indicators_for

from .conftest import read_output
from .tiny_data import V1, V2

N = None
Expected = dict[str, tuple[float | None, float | None, float | None]]

EMPLOYERS: dict[str, Expected] = {
    "NPP-A1": {
        "registration_ratio": (0.75, 3, 4),  # P01-P03 active, P04 inactive; headcount 4
        "programmes_enrolled": (4, 4, 5),  # P03 lacks JKP
        "months_paid_on_time": (11, 11, 12),  # March half paid
        "arrears": (500, 500, N),
        "wage_at_or_above_umk": (2 / 3, 2, 3),  # P02 3.0M < 3.5M; P03 exactly 3.5M is fine
        "csr_vulnerable_funded": (0, 0, N),
        "fully_compliant": (0, 0, 1),
    },
    "NPP-G1": {
        "registration_ratio": (1.0, 2, 2),
        "programmes_enrolled": (5, 5, 5),
        "months_paid_on_time": (11, 11, 12),  # June paid on the 16th
        "arrears": (0, 0, N),  # July's overpayment covers nothing owed: net never negative
        "wage_at_or_above_umk": (1.0, 2, 2),
        "csr_vulnerable_funded": (0, 0, N),
        "fully_compliant": (0, 0, 1),  # only 11 months on time
    },
    "NPP-B1": {
        "registration_ratio": (1.0, 1, 1),
        "programmes_enrolled": (4, 4, 5),  # no JP: not required of a KECIL business
        "months_paid_on_time": (12, 12, 12),  # August billed Rp0 counts; 2023-12 ignored
        "arrears": (0, 0, N),
        "wage_at_or_above_umk": (1.0, 1, 1),  # exactly the Tarakan UMK
        "csr_vulnerable_funded": (0, 0, N),
        "fully_compliant": (1, 1, 1),
    },
    "NPP-M1": {
        "registration_ratio": (0.0, 0, 3),
        "programmes_enrolled": (0, 0, 5),
        "months_paid_on_time": (0, 0, 12),  # no bills at all
        "arrears": (0, 0, N),
        "wage_at_or_above_umk": (N, 0, 0),  # nobody to check: unknown, not 0
        "csr_vulnerable_funded": (1, 1, N),  # P10
        "fully_compliant": (0, 0, 1),
    },
}

REGENCIES: dict[str, Expected] = {
    "65.01": {
        # active: P01-03, P05-06 (PU), P08, P09, P13 (BPU), P15 (JAKON) = 9
        "coverage_active": (9 / 100, 9, 100),
        "coverage_pu": (5 / 40, 5, 40),
        "coverage_bpu": (3 / 60, 3, 60),
        "jakon_participants": (1, 1, N),
        "apbd_vulnerable": (1, 1, N),  # P08
        "apbd_vulnerable_share": (1 / 60, 1, 60),
        "apbd_allocation": (201_600, 201_600, N),
        "active_growth": (0.5, 9, 6),
        "employers_compliant_share": (0.0, 0, 2),  # NPP-A1, NPP-G1
        "bumd_compliant_share": (N, 0, 0),  # owns no BUMD
        "regulation_level": (2, 2, 3),  # Perkada beats SE
        "regulation_scope": (3, 3, 5),  # non-ASN, vulnerable (Perkada) + construction (SE)
        "own_staff_covered": (0.5, 2, 4),  # P05, P06 of NPP-G1 / own_staff 4
    },
    "65.71": {
        # active: P07 (PU), P10, P11 (BPU), P14 (JAKON); P12 inactive
        "coverage_active": (4 / 50, 4, 50),
        "coverage_pu": (1 / 30, 1, 30),
        "coverage_bpu": (2 / 20, 2, 20),
        "jakon_participants": (1, 1, N),
        "apbd_vulnerable": (0, 0, N),
        "apbd_vulnerable_share": (0.0, 0, 20),
        "apbd_allocation": (0, 0, N),  # only a 2023 row
        "active_growth": (0.0, 4, 4),
        "employers_compliant_share": (0.5, 1, 2),  # NPP-B1 of NPP-B1, NPP-M1
        "bumd_compliant_share": (N, 0, 0),  # NPP-B1 belongs to the province
        "regulation_level": (0, 0, 3),  # its Perda is issued after the period
        "regulation_scope": (0, 0, 5),
        "own_staff_covered": (N, 0, 0),  # no budget row for 2024
    },
    "65.02": {  # BPS figures, nobody covered: zeros, not gaps
        "coverage_active": (0.0, 0, 10),
        "coverage_pu": (0.0, 0, 4),
        "coverage_bpu": (0.0, 0, 6),
        "jakon_participants": (0, 0, N),
        "apbd_vulnerable": (0, 0, N),
        "apbd_vulnerable_share": (0.0, 0, 6),
        "apbd_allocation": (0, 0, N),
        "active_growth": (N, 0, 0),
        "employers_compliant_share": (N, 0, 0),
        "bumd_compliant_share": (N, 0, 0),
        "regulation_level": (0, 0, 3),
        "regulation_scope": (0, 0, 5),
        "own_staff_covered": (N, 0, 0),
    },
    "65.03": {  # no data at all: still a row, ratios null with denominator 0
        "coverage_active": (N, 0, 0),
        "coverage_pu": (N, 0, 0),
        "coverage_bpu": (N, 0, 0),
        "jakon_participants": (0, 0, N),
        "apbd_vulnerable": (0, 0, N),
        "apbd_vulnerable_share": (N, 0, 0),
        "apbd_allocation": (0, 0, N),
        "active_growth": (N, 0, 0),
        "employers_compliant_share": (N, 0, 0),
        "bumd_compliant_share": (N, 0, 0),
        "regulation_level": (0, 0, 3),
        "regulation_scope": (0, 0, 5),
        "own_staff_covered": (N, 0, 0),
    },
}

PROVINCES: dict[str, Expected] = {
    "65": {
        # sums of its regencies: active 9 + 4, BPS 100+50+10, 40+30+4, 60+20+6
        "coverage_active": (13 / 160, 13, 160),
        "coverage_pu": (6 / 74, 6, 74),
        "coverage_bpu": (5 / 86, 5, 86),
        "jakon_participants": (2, 2, N),
        "apbd_vulnerable": (1, 1, N),
        "apbd_vulnerable_share": (1 / 86, 1, 86),
        "apbd_allocation": (1_000_000, 1_000_000, N),  # its own row, not its regencies'
        "active_growth": (0.3, 13, 10),
        "employers_compliant_share": (0.25, 1, 4),
        "bumd_compliant_share": (1.0, 1, 1),  # NPP-B1
        "regulation_level": (3, 3, 3),
        "regulation_scope": (2, 2, 5),  # BUMD, licensing
        "own_staff_covered": (0.0, 0, 10),  # it registers no non-ASN staff itself
    },
}

VILLAGES: dict[str, Expected] = {
    V1: {  # residents: P01 (PU), P08, P09, P13 (BPU)
        "village_officials_covered": (0.5, 1, 2),  # P13 / own_staff 2
        "bpu_residents": (3, 3, N),
        "apbdes_funded": (1, 1, N),
        "apbdes_allocation": (50_000, 50_000, N),
        "village_regulation_level": (2, 2, 2),  # Perdes
    },
    V2: {  # residents: P10, P11 (P12 inactive)
        "village_officials_covered": (N, 1, 0),  # covered, but no budget row to compare with
        "bpu_residents": (2, 2, N),
        "apbdes_funded": (1, 1, N),
        "apbdes_allocation": (0, 0, N),
        "village_regulation_level": (0, 0, 2),
    },
    "65.71.01.1002": {
        "village_officials_covered": (N, 0, 0),
        "bpu_residents": (0, 0, N),
        "apbdes_funded": (0, 0, N),
        "apbdes_allocation": (0, 0, N),
        "village_regulation_level": (0, 0, 2),
    },
}

CASES = [
    (entity, entity_id, expected)
    for entity, table in (
        ("employer", EMPLOYERS),
        ("regency", REGENCIES),
        ("province", PROVINCES),
        ("village", VILLAGES),
    )
    for entity_id, expected in table.items()
]


def _same(actual: float | None, expected: float | None) -> bool:
    if expected is None:
        return actual is None or math.isnan(actual)
    return actual is not None and math.isclose(actual, expected, rel_tol=1e-12, abs_tol=1e-12)


@pytest.mark.parametrize(("entity", "entity_id", "expected"), CASES)
def test_hand_computed_values(duckdb_out: Path, entity: str, entity_id: str, expected: Expected):
    table = read_output(duckdb_out, entity)
    rows = table[table.entity_id == entity_id].set_index("indicator")
    assert set(rows.index) == set(expected), "every indicator of the entity type, once"
    for code, want in expected.items():
        got = tuple(rows.loc[code, ["value", "numerator", "denominator"]])
        assert all(_same(g, w) for g, w in zip(got, want, strict=True)), (code, got, want)


def test_every_entity_has_every_indicator(duckdb_out: Path):
    # Province 65 has 5 regencies and 482 villages in the reference data.
    sizes = {"employer": 4, "regency": 5, "province": 1, "village": 482}
    for entity in ENTITY_TYPES:
        table = read_output(duckdb_out, entity.value)
        codes = {i.code for i in indicators_for(entity, with_previous=True)}
        per_entity = table.groupby("entity_id").indicator.apply(frozenset)
        assert len(per_entity) == sizes[entity.value]
        assert set(per_entity) == {frozenset(codes)}
        assert len(table) == sizes[entity.value] * len(codes)


def test_output_columns_and_order(duckdb_out: Path):
    table = read_output(duckdb_out, "regency")
    assert list(table.columns) == ["entity_id", "indicator", "value", "numerator", "denominator"]
    assert [str(t) for t in table.dtypes.iloc[2:]] == ["float64"] * 3
    # Each indicator's rows are in entity order (the base tables are stored sorted).
    for _code, rows in table.groupby("indicator", sort=False):
        assert rows.entity_id.is_monotonic_increasing
