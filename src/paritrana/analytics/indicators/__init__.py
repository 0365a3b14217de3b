"""Indicators of every province, regency/city, village and employer, as Ibis expressions.

Each indicator is defined once (``defs_*.py``: data plus a builder over its entity type's
base table); the same expressions run on DuckDB (default) and PySpark. Entry points:
``compute_indicators`` (write ``<out>/<entity_type>.parquet``), ``connect`` (a backend) and
``render_markdown`` (``docs/indicators.md`` from the registry).
"""

from __future__ import annotations

from paritrana.analytics.indicators.backends import BACKENDS, connect
from paritrana.analytics.indicators.catalog import ENTITY_TYPES, INDICATORS, indicators_for
from paritrana.analytics.indicators.pipeline import compute_indicators, output_path
from paritrana.analytics.indicators.registry import EntityType, Indicator, Kind
from paritrana.analytics.indicators.tidy import OUTPUT_COLUMNS

__all__ = [
    "BACKENDS",
    "ENTITY_TYPES",
    "INDICATORS",
    "OUTPUT_COLUMNS",
    "EntityType",
    "Indicator",
    "Kind",
    "compute_indicators",
    "connect",
    "indicators_for",
    "output_path",
]
