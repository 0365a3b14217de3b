"""The registry: every indicator of every entity type, in the order they are reported."""

from __future__ import annotations

from paritrana.analytics.indicators import defs_employer, defs_region, defs_village
from paritrana.analytics.indicators.registry import EntityType, Indicator

INDICATORS: tuple[Indicator, ...] = (
    *defs_region.INDICATORS,
    *defs_village.INDICATORS,
    *defs_employer.INDICATORS,
)

#: Output tables, in the order they are computed (regions use the employer base).
ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType.EMPLOYER,
    EntityType.REGENCY,
    EntityType.PROVINCE,
    EntityType.VILLAGE,
)


class DuplicateIndicatorError(ValueError):
    """Two indicators share a code: the registry would no longer define each one once."""


def _check_unique() -> None:
    seen: set[str] = set()
    for indicator in INDICATORS:
        if indicator.code in seen:
            raise DuplicateIndicatorError(f"indicator code {indicator.code!r} is defined twice")
        seen.add(indicator.code)


_check_unique()


def indicators_for(entity: EntityType, *, with_previous: bool) -> tuple[Indicator, ...]:
    """The indicators reported for one entity type; growth needs the previous period."""
    return tuple(
        i for i in INDICATORS if entity in i.entities and (with_previous or not i.needs_previous)
    )


def indicator(code: str) -> Indicator:
    for i in INDICATORS:
        if i.code == code:
            return i
    raise KeyError(f"no indicator {code!r}")
