"""Reading the committed reference-region CSVs, with no Django.

The Django loader (``regions.domain.loading``) and the pure analytics engine both read the
regions through here, so a malformed file is reported the same way everywhere: by file, row
and field, before anything is written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Expected header and code pattern of each level; a district belongs to a regency, etc.
LEVEL_FILES: Mapping[str, tuple[str, tuple[str, ...], str]] = {
    "province": ("provinces.csv", ("code", "name"), r"\d{2}"),
    "regency": ("regencies.csv", ("code", "province_code", "name"), r"\d{2}\.\d{2}"),
    "district": ("districts.csv", ("code", "regency_code", "name"), r"\d{2}\.\d{2}\.\d{2}"),
    "village": ("villages.csv", ("code", "district_code", "name"), r"\d{2}\.\d{2}\.\d{2}\.\d{4}"),
}


class ReferenceDataError(ValueError):
    """A reference file is malformed; the message names file, row and field."""


@dataclass(frozen=True)
class RegionRow:
    code: str
    parent_code: str  # "" for provinces
    name: str


def read_level(level: str, data_dir: Path = DATA_DIR) -> list[RegionRow]:
    """Every row of one level's CSV, validated; raises on the first bad row."""
    filename, header, pattern = LEVEL_FILES[level]
    path = data_dir / filename
    rows = list(_iter_rows(path, header, re.compile(pattern)))
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        if row.code in seen:
            raise ReferenceDataError(
                f"{path.name}: row {line}, field 'code': duplicate code {row.code!r}"
            )
        seen.add(row.code)
    return rows


def _iter_rows(
    path: Path, header: tuple[str, ...], code_re: re.Pattern[str]
) -> Iterator[RegionRow]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise ReferenceDataError(f"{path}: file not found") from exc
    with handle:
        reader = csv.reader(handle)
        try:
            first = next(reader, None)
            if first is None or tuple(first) != header:
                raise ReferenceDataError(
                    f"{path.name}: row 1: expected header {','.join(header)!r}, "
                    f"found {','.join(first or [])!r}"
                )
            for line, fields in enumerate(reader, start=2):
                yield _parse(path.name, line, header, fields, code_re)
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"{path.name}: not UTF-8 text ({exc.reason})") from exc
        except csv.Error as exc:
            raise ReferenceDataError(f"{path.name}: row {reader.line_num}: {exc}") from exc


def _parse(
    filename: str, line: int, header: tuple[str, ...], fields: list[str], code_re: re.Pattern[str]
) -> RegionRow:
    if len(fields) != len(header):
        raise ReferenceDataError(
            f"{filename}: row {line}: expected {len(header)} fields ({','.join(header)}), "
            f"found {len(fields)}"
        )
    values = dict(zip(header, (f.strip() for f in fields), strict=True))
    code = values["code"]
    if not code_re.fullmatch(code):
        raise ReferenceDataError(f"{filename}: row {line}, field 'code': malformed code {code!r}")
    parent = values.get(header[1], "") if len(header) == 3 else ""  # noqa: PLR2004 - code,parent,name
    if parent and not code.startswith(parent + "."):
        raise ReferenceDataError(
            f"{filename}: row {line}, field {header[1]!r}: {parent!r} is not the parent of {code!r}"
        )
    if not values["name"]:
        raise ReferenceDataError(f"{filename}: row {line}, field 'name': empty name")
    return RegionRow(code=code, parent_code=parent, name=values["name"])


def read_zones(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Default province -> zone mapping."""
    path = data_dir / "zones.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["province_code"]: row["zone_code"] for row in csv.DictReader(handle)}
