"""Loading the reference regions into the database: validated first, then one transaction.

Every file is read and cross-checked (each regency's province exists, ...) before anything
is written, so a corrupt CSV leaves the existing regions untouched. Rows are upserted on
their Kemendagri code, which makes reloading idempotent; zone assignments that a committee
edited are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction

from paritrana.regions.models import District, Province, Regency, Village, Zone
from paritrana.regions.reference import (
    DATA_DIR,
    LEVEL_FILES,
    ReferenceDataError,
    RegionRow,
    read_level,
    read_zones,
)

DEFAULT_ZONES: tuple[tuple[str, str], ...] = (
    ("SUMATERA", "Sumatera"),
    ("JAWA_BALI", "Jawa–Bali"),
    ("KALIMANTAN", "Kalimantan"),
    ("SULAWESI", "Sulawesi"),
    ("NUSA_MALUKU_PAPUA", "Nusa Tenggara–Maluku–Papua"),
)
_BATCH = 2000


@dataclass
class LoadReport:
    counts: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)


def regions_load(*, data_dir: Path = DATA_DIR) -> LoadReport:
    """Validate every reference file, then upsert all levels atomically."""
    rows = {level: read_level(level, data_dir) for level in LEVEL_FILES}
    zones = read_zones(data_dir)
    _check_parents(rows, zones, data_dir)
    report = LoadReport()
    with transaction.atomic():
        _load_zones()
        for level, model, build in (
            ("province", Province, _province),
            ("regency", Regency, _regency),
            ("district", District, _district),
            ("village", Village, _village),
        ):
            existing = set(model.objects.values_list("code", flat=True))
            objs = [build(r) for r in rows[level]]
            _upsert(model, objs)
            report.counts[level] = len(objs)
            report.created[level] = sum(1 for r in rows[level] if r.code not in existing)
        _assign_default_zones(zones)
    return report


def _check_parents(rows: dict[str, list[RegionRow]], zones: dict[str, str], data_dir: Path) -> None:
    parents = {"regency": "province", "district": "regency", "village": "district"}
    for level, parent_level in parents.items():
        known = {r.code for r in rows[parent_level]}
        filename, header, _pattern = LEVEL_FILES[level]
        for line, row in enumerate(rows[level], start=2):
            if row.parent_code not in known:
                raise ReferenceDataError(
                    f"{filename}: row {line}, field {header[1]!r}: unknown "
                    f"{parent_level} {row.parent_code!r}"
                )
    zone_codes = {code for code, _name in DEFAULT_ZONES}
    for line, (province, zone) in enumerate(zones.items(), start=2):
        if zone not in zone_codes:
            raise ReferenceDataError(
                f"zones.csv: row {line}, field 'zone_code': unknown zone {zone!r}"
            )
        if province not in {r.code for r in rows["province"]}:
            raise ReferenceDataError(
                f"zones.csv: row {line}, field 'province_code': unknown province {province!r}"
            )
    del data_dir  # the file names in messages are relative to it


def _load_zones() -> None:
    for order, (code, name) in enumerate(DEFAULT_ZONES):
        Zone.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def _assign_default_zones(zones: dict[str, str]) -> None:
    # Only provinces without a zone get the default: a committee's edit survives a reload.
    for province in Province.objects.filter(zone__isnull=True, code__in=zones):
        province.zone_id = zones[province.code]
        province.save(update_fields=["zone"])


def _province(row: RegionRow) -> Province:
    return Province(code=row.code, name=row.name)


def _regency(row: RegionRow) -> Regency:
    kind = Regency.Kind.KOTA if row.name.startswith("Kota ") else Regency.Kind.KABUPATEN
    return Regency(code=row.code, province_id=row.parent_code, name=row.name, kind=kind)


def _district(row: RegionRow) -> District:
    return District(code=row.code, regency_id=row.parent_code, name=row.name)


def _village(row: RegionRow) -> Village:
    return Village(code=row.code, district_id=row.parent_code, name=row.name)


def _upsert(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    update_fields = [
        f.name for f in model._meta.concrete_fields if not f.primary_key and f.name != "zone"
    ]
    for start in range(0, len(objs), _BATCH):
        model.objects.bulk_create(
            objs[start : start + _BATCH],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=update_fields,
        )
