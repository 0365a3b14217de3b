"""Finding or creating entities by their natural code (idempotent)."""

from __future__ import annotations

from paritrana.entities.models import Entity, EntityKind
from paritrana.regions.models import Province, Regency, Village


def entity_for_province(*, province: Province) -> Entity:
    entity, _created = Entity.objects.get_or_create(
        kind=EntityKind.PROVINCE,
        code=province.code,
        defaults={"name": f"Pemerintah Provinsi {province.name}", "province": province},
    )
    return entity


def entity_for_regency(*, regency: Regency) -> Entity:
    entity, _created = Entity.objects.get_or_create(
        kind=EntityKind.REGENCY,
        code=regency.code,
        defaults={
            "name": f"Pemerintah {regency.name}",
            "province_id": regency.province_id,
            "regency": regency,
        },
    )
    return entity


def entity_for_village(*, village: Village) -> Entity:
    regency_code = village.code[:5]
    entity, _created = Entity.objects.get_or_create(
        kind=EntityKind.VILLAGE,
        code=village.code,
        defaults={
            "name": f"Desa/Kelurahan {village.name}",
            "province_id": village.code[:2],
            "regency_id": regency_code,
        },
    )
    return entity


def entity_for_employer(
    *, npp: str, name: str, regency_code: str, sector: str, scale: str, small: bool
) -> Entity:
    """A business (medium/large) or UKM (small/micro), keyed by NPP."""
    entity, _created = Entity.objects.get_or_create(
        kind=EntityKind.UKM if small else EntityKind.BUSINESS,
        code=npp,
        defaults={
            "name": name,
            "province_id": regency_code[:2],
            "regency_id": regency_code,
            "sector": sector,
            "scale": scale,
        },
    )
    return entity
