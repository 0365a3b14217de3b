"""From a base table (one row per entity) to the tidy output (one row per entity and indicator)."""

from __future__ import annotations

from collections.abc import Sequence

import ibis

from paritrana.analytics.indicators.registry import Indicator, Table, value_columns

#: Columns of every output table, in order.
OUTPUT_COLUMNS = ("entity_id", "indicator", "value", "numerator", "denominator")


def tidy(base: Table, indicators: Sequence[Indicator]) -> Table:
    parts = [
        base.select(
            entity_id=base.entity_id,
            indicator=ibis.literal(ind.code, "string"),
            **value_columns(ind, base),
        )
        for ind in indicators
    ]
    # No ORDER BY over millions of output rows: the base is stored sorted by entity and
    # DuckDB keeps insertion order, so each indicator's rows come out in entity order and
    # the same data give the same file (readers filter by entity_id and indicator anyway).
    return ibis.union(*parts, distinct=False)
