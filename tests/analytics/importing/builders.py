"""Small, hand-built valid datasets and writers for every format; bad files derive from them.

Values are text, as a data officer's CSV would have them; ``write_*`` helpers put the same
rows in CSV, XLSX or Parquet so a test names the defect, not the plumbing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

from paritrana.analytics.schema import DATASETS

Row = dict[str, str]

EMPLOYERS: list[Row] = [
    {"npp": "N1", "name": "PT Satu", "regency": "32.04", "sector": "MANUFAKTUR", "scale": "BESAR",
     "headcount": "120", "ownership": "PRIVATE", "owner_region": ""},
    {"npp": "N2", "name": "PD Dua", "regency": "31.71", "sector": "KEUANGAN", "scale": "MENENGAH",
     "headcount": "40", "ownership": "BUMD", "owner_region": "31"},
    {"npp": "N3", "name": "Pemkab Bandung", "regency": "32.04", "sector": "PERDAGANGAN_JASA",
     "scale": "BESAR", "headcount": "900", "ownership": "GOVERNMENT", "owner_region": "32.04"},
]  # fmt: skip

_PARTICIPANT = {
    "kpj": "", "segment": "PU", "npp": "N1", "work_regency": "32.04", "home_village": "",
    "jkk": "true", "jkm": "true", "jht": "true", "jp": "true", "jkp": "true", "active": "true",
    "wage": "5000000", "funding": "EMPLOYER", "funder_npp": "", "worker_category": "GENERAL",
    "registered_on": "2020-01-15",
}  # fmt: skip
PARTICIPANTS: list[Row] = [
    {**_PARTICIPANT, "kpj": "K1"},
    {**_PARTICIPANT, "kpj": "K2", "npp": "N3", "worker_category": "NON_ASN", "wage": "3500000"},
    {**_PARTICIPANT, "kpj": "K3", "segment": "BPU", "npp": "", "home_village": "32.04.05.2001",
     "jht": "false", "jp": "false", "jkp": "false", "wage": "2000000", "funding": "APBD",
     "worker_category": "VULNERABLE"},
    {**_PARTICIPANT, "kpj": "K4", "segment": "BPU", "npp": "", "home_village": "11.01.01.2001",
     "jht": "0", "jp": "0", "jkp": "0", "wage": "1500000", "funding": "CSR", "funder_npp": "N2",
     "worker_category": "VULNERABLE"},
    {**_PARTICIPANT, "kpj": "K5", "segment": "JAKON", "npp": "N1", "jht": "false", "jp": "false",
     "jkp": "false", "wage": "4000000", "registered_on": "2024-03-01"},
]  # fmt: skip

CONTRIBUTIONS: list[Row] = [
    {"npp": npp, "month": month, "workers_reported": "10", "billed_rp": "1000000",
     "paid_rp": paid, "paid_on": paid_on}
    for npp in ("N1", "N2")
    for month, paid, paid_on in (("2024-01", "1000000", "2024-02-10"), ("2024-02", "0", ""))
]  # fmt: skip

OTHERS: dict[str, list[Row]] = {
    "workforce": [
        {"regency": "32.04", "year": "2024", "working_population": "1800000", "formal": "700000",
         "informal": "1100000"},
    ],
    "budgets": [
        {"region_code": "32", "level": "PROVINCE", "year": "2024", "allocation_rp": "5000000000",
         "workers_funded": "20000", "own_staff": "3000"},
        {"region_code": "32.04.05.2001", "level": "VILLAGE", "year": "2024",
         "allocation_rp": "20000000", "workers_funded": "100", "own_staff": "12"},
    ],
    "regulations": [
        {"region_code": "32.04", "level": "REGENCY", "instrument": "PERDA", "number": "5/2023",
         "issued_on": "2023-06-01", "covers_non_asn": "true", "covers_vulnerable": "yes",
         "covers_bumd": "false", "covers_construction": "1", "covers_licensing": "0"},
    ],
    "minimum_wages": [{"regency": "32.04", "year": "2024", "minimum_wage_rp": "3527967"}],
}  # fmt: skip

VALID: dict[str, list[Row]] = {
    "employers": EMPLOYERS,
    "participants": PARTICIPANTS,
    "contributions": CONTRIBUTIONS,
    **OTHERS,
}


def rows_of(dataset: str) -> list[Row]:
    """Fresh copies of the valid rows, checked against the declared columns."""
    rows = [dict(r) for r in VALID[dataset]]
    declared = list(DATASETS[dataset].column_names)
    assert list(rows[0]) == declared, f"test rows of {dataset} are out of date with schema.py"
    return rows


def write_csv(
    path: Path,
    rows: Sequence[Row],
    *,
    header: Sequence[str] | None = None,
    delimiter: str = ",",
    encoding: str = "utf-8",
) -> Path:
    names = list(header if header is not None else rows[0])
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([row.get(n, "") for n in names] for row in rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Row], *, header: Sequence[str] | None = None) -> Path:
    names = list(header if header is not None else rows[0])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(names)
    for row in rows:
        sheet.append([row.get(n) or None for n in names])
    book.save(path)
    return path


def write_parquet(path: Path, rows: Sequence[Row]) -> Path:
    """All-text Parquet; typed Parquet is built where a test needs it."""
    names = list(rows[0])
    columns = {n: pa.array([r[n] or None for r in rows], type=pa.string()) for n in names}
    pq.write_table(pa.Table.from_pydict(columns), path)
    return path


def manifest(store: Path, cycle: str = "2024") -> dict[str, object]:
    path = store / cycle / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def stored_files(store: Path, cycle: str = "2024") -> dict[str, bytes]:
    """Every stored file's bytes: a test compares before and after."""
    folder = store / cycle
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
