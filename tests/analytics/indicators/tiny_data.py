"""A hand-made assessment period small enough to compute every indicator on paper.

Province 65 (Kalimantan Utara). Regencies 65.01 (Bulungan) and 65.71 (Tarakan) have data;
65.02 has BPS denominators but nobody covered; 65.03 and 65.04 have nothing at all. The
expected values in ``test_tiny_values.py`` are worked out from the rows below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from paritrana.analytics.schema import DATASETS, ColumnType

V1 = "65.01.01.1001"  # a village of Bulungan
V2 = "65.71.01.1001"  # a village of Tarakan
ALL5 = (True, True, True, True, True)
NO_JP = (True, True, True, False, True)
NO_JKP = (True, True, True, True, False)
BPU3 = (True, True, True, False, False)
JAKON2 = (True, True, False, False, False)

_ARROW = {
    ColumnType.STRING: pa.string(),
    ColumnType.INT: pa.int64(),
    ColumnType.BOOL: pa.bool_(),
    ColumnType.DATE: pa.date32(),
    ColumnType.MONTH: pa.string(),
}


def _p(
    kpj: str,
    segment: str,
    npp: str | None,
    work: str,
    home: str | None,
    programmes: tuple[bool, ...],
    *,
    active: bool = True,
    wage: int = 3_000_000,
    funding: str = "EMPLOYER",
    funder: str | None = None,
    category: str = "GENERAL",
) -> dict[str, Any]:
    jkk, jkm, jht, jp, jkp = programmes
    return {
        "kpj": kpj,
        "segment": segment,
        "npp": npp,
        "work_regency": work,
        "home_village": home,
        "jkk": jkk,
        "jkm": jkm,
        "jht": jht,
        "jp": jp,
        "jkp": jkp,
        "active": active,
        "wage": wage,
        "funding": funding,
        "funder_npp": funder,
        "worker_category": category,
        "registered_on": dt.date(2020, 1, 1),
    }


PARTICIPANTS = [
    # NPP-A1, private, medium, Bulungan (UMK 3.5M): 3 active workers, one below UMK, one without JKP.
    _p("P01", "PU", "NPP-A1", "65.01", V1, ALL5, wage=4_000_000),
    _p("P02", "PU", "NPP-A1", "65.01", None, ALL5, wage=3_000_000),
    _p("P03", "PU", "NPP-A1", "65.01", None, NO_JKP, wage=3_500_000),
    _p("P04", "PU", "NPP-A1", "65.01", None, ALL5, active=False, wage=2_000_000),
    # NPP-G1 is the Bulungan government itself: two non-ASN staff.
    _p("P05", "PU", "NPP-G1", "65.01", None, ALL5, wage=3_600_000, category="NON_ASN"),
    _p("P06", "PU", "NPP-G1", "65.01", None, ALL5, wage=3_600_000, category="NON_ASN"),
    # NPP-B1, a small BUMD of the province, Tarakan (UMK 3.7M): one worker exactly at UMK.
    _p("P07", "PU", "NPP-B1", "65.71", None, NO_JP, wage=3_700_000),
    # Informal workers.
    _p(
        "P08", "BPU", None, "65.01", V1, BPU3, wage=2_000_000, funding="APBD", category="VULNERABLE"
    ),
    _p("P09", "BPU", None, "65.01", V1, BPU3, funding="SELF"),
    _p(
        "P10", "BPU", None, "65.71", V2, BPU3, funding="CSR", funder="NPP-M1", category="VULNERABLE"
    ),
    _p("P11", "BPU", None, "65.71", V2, BPU3, funding="APBDES", category="VILLAGE_OFFICIAL"),
    _p("P12", "BPU", None, "65.71", V2, BPU3, active=False, funding="APBD", category="VULNERABLE"),
    _p("P13", "BPU", None, "65.01", V1, BPU3, funding="APBDES", category="VILLAGE_OFFICIAL"),
    # Construction workers.
    _p("P14", "JAKON", None, "65.71", None, JAKON2),
    _p("P15", "JAKON", None, "65.01", None, JAKON2),
]

EMPLOYERS = [
    {"npp": "NPP-A1", "name": "PT Alpha", "regency": "65.01", "sector": "MANUFAKTUR",
     "scale": "MENENGAH", "headcount": 4, "ownership": "PRIVATE", "owner_region": None},
    {"npp": "NPP-G1", "name": "Pemkab Bulungan", "regency": "65.01", "sector": "KESEHATAN",
     "scale": "BESAR", "headcount": 2, "ownership": "GOVERNMENT", "owner_region": "65.01"},
    {"npp": "NPP-B1", "name": "Perumda Kaltara", "regency": "65.71", "sector": "PERDAGANGAN_JASA",
     "scale": "KECIL", "headcount": 1, "ownership": "BUMD", "owner_region": "65"},
    {"npp": "NPP-M1", "name": "Warung Mikro", "regency": "65.71", "sector": "PERDAGANGAN_JASA",
     "scale": "MIKRO", "headcount": 3, "ownership": "PRIVATE", "owner_region": None},
]  # fmt: skip


def _month(m: int) -> str:
    return f"2024-{m:02d}"


def _due(m: int, day: int) -> dt.date:
    return dt.date(2025, 1, day) if m == 12 else dt.date(2024, m + 1, day)


def _contributions() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for m in range(1, 13):
        # NPP-A1 pays on the due day itself, except March, half paid: 11 on time, arrears 500.
        paid = 500 if m == 3 else 1000
        rows.append(_bill("NPP-A1", m, 1000, paid, _due(m, 15)))
        # NPP-G1 pays June a day late and overpays July by 500: 11 on time, no arrears.
        late = m == 6
        paid = 2500 if m == 7 else 2000
        rows.append(_bill("NPP-G1", m, 2000, paid, _due(m, 16 if late else 10)))
        # NPP-B1 pays early every month; August billed nothing and paid nothing (on time).
        if m == 8:
            rows.append(_bill("NPP-B1", m, 0, 0, None))
        else:
            rows.append(_bill("NPP-B1", m, 100, 100, _due(m, 1)))
    # Outside the period: must be ignored.
    rows.append({**_bill("NPP-B1", 1, 100, 0, None), "month": "2023-12"})
    return rows


def _bill(npp: str, m: int, billed: int, paid: int, paid_on: dt.date | None) -> dict[str, Any]:
    return {"npp": npp, "month": _month(m), "workers_reported": 1, "billed_rp": billed,
            "paid_rp": paid, "paid_on": paid_on}  # fmt: skip


WORKFORCE = [
    {"regency": "65.01", "year": 2024, "working_population": 100, "formal": 40, "informal": 60},
    {"regency": "65.71", "year": 2024, "working_population": 50, "formal": 30, "informal": 20},
    {"regency": "65.02", "year": 2024, "working_population": 10, "formal": 4, "informal": 6},
    {"regency": "65.01", "year": 2023, "working_population": 999, "formal": 999, "informal": 999},
]

BUDGETS = [
    {"region_code": "65.01", "level": "REGENCY", "year": 2024, "allocation_rp": 201_600,
     "workers_funded": 1, "own_staff": 4},
    {"region_code": "65", "level": "PROVINCE", "year": 2024, "allocation_rp": 1_000_000,
     "workers_funded": 0, "own_staff": 10},
    {"region_code": V1, "level": "VILLAGE", "year": 2024, "allocation_rp": 50_000,
     "workers_funded": 1, "own_staff": 2},
    {"region_code": "65.71", "level": "REGENCY", "year": 2023, "allocation_rp": 9_999,
     "workers_funded": 9, "own_staff": 9},
]  # fmt: skip


def _reg(
    code: str, level: str, instrument: str, number: str, issued: dt.date, *flags: str
) -> dict[str, Any]:
    names = ("non_asn", "vulnerable", "bumd", "construction", "licensing")
    return {"region_code": code, "level": level, "instrument": instrument, "number": number,
            "issued_on": issued, **{f"covers_{n}": n in flags for n in names}}  # fmt: skip


REGULATIONS = [
    _reg("65.01", "REGENCY", "PERKADA", "1/2023", dt.date(2023, 3, 1), "non_asn", "vulnerable"),
    _reg("65.01", "REGENCY", "SE", "2/2022", dt.date(2022, 1, 1), "construction"),
    _reg("65.71", "REGENCY", "PERDA", "3/2025", dt.date(2025, 2, 1), "non_asn"),  # after the period
    _reg("65", "PROVINCE", "PERDA", "4/2021", dt.date(2021, 6, 1), "bumd", "licensing"),
    _reg(V1, "VILLAGE", "PERDES", "1/2024", dt.date(2024, 5, 1)),
]

MINIMUM_WAGES = [
    {"regency": "65.01", "year": 2024, "minimum_wage_rp": 3_500_000},
    {"regency": "65.71", "year": 2024, "minimum_wage_rp": 3_700_000},
    {"regency": "65.71", "year": 2023, "minimum_wage_rp": 9_000_000},
]

#: Previous period: 6 active in Bulungan, 4 active (and 1 inactive) in Tarakan.
PREVIOUS = [
    *(_p(f"Q{i:02d}", "BPU", None, "65.01", V1, BPU3) for i in range(6)),
    *(_p(f"R{i:02d}", "BPU", None, "65.71", V2, BPU3) for i in range(4)),
    _p("R99", "BPU", None, "65.71", V2, BPU3, active=False),
]


def write_dataset(out: Path, name: str, rows: list[dict[str, Any]]) -> None:
    """Rows as Parquet with the declared column types (absent nullable columns stay empty)."""
    dataset = DATASETS[name]
    arrays = {
        c.name: pa.array([row.get(c.name) for row in rows], type=_ARROW[c.type])
        for c in dataset.columns
    }
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.table(arrays), out / f"{name}.parquet")


def write_tiny(out: Path) -> Path:
    for name, rows in {
        "participants": PARTICIPANTS,
        "employers": EMPLOYERS,
        "contributions": _contributions(),
        "workforce": WORKFORCE,
        "budgets": BUDGETS,
        "regulations": REGULATIONS,
        "minimum_wages": MINIMUM_WAGES,
    }.items():
        write_dataset(out, name, rows)
    return out


def write_previous(out: Path) -> Path:
    write_dataset(out, "participants", PREVIOUS)
    return out
