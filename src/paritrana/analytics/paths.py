"""Where a cycle's data and computed indicators live in the analytics store.

``<store>/<cycle>/`` holds the imported datasets (managed by ``importing.store``);
``<store>/_indicators/<cycle>/<entity_type>.parquet`` holds the indicator tables computed
from them. Cycle names start with a letter or digit, so ``_indicators`` never collides.
"""

from __future__ import annotations

from pathlib import Path

ENTITY_TYPES = ("province", "regency", "village", "employer")


def cycle_data_dir(store: Path, cycle: str) -> Path:
    return store / cycle


def indicators_root(store: Path) -> Path:
    return store / "_indicators"


def cycle_indicators_dir(store: Path, cycle: str) -> Path:
    return indicators_root(store) / cycle


def indicator_table(store: Path, cycle: str, entity_type: str) -> Path:
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {entity_type!r}; expected one of {ENTITY_TYPES}")
    return cycle_indicators_dir(store, cycle) / f"{entity_type}.parquet"
