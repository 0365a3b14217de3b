"""Compare two indicator output folders row by row (backends, or Ibis against pandas).

Runs in DuckDB straight on the Parquet files, so comparing national outputs (millions of
rows) needs no DataFrame in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from paritrana.analytics.indicators.catalog import ENTITY_TYPES

#: Two values agree when both are null or they differ by at most this, relative to their size.
TOLERANCE = 1e-9

_SQL = """
WITH a AS (SELECT * FROM read_parquet($left)), b AS (SELECT * FROM read_parquet($right)),
j AS (
    SELECT a.entity_id IS NULL AS only_right, b.entity_id IS NULL AS only_left,
           a.value AS av, b.value AS bv, a.numerator AS an, b.numerator AS bn,
           a.denominator AS ad, b.denominator AS bd
    FROM a FULL OUTER JOIN b USING (entity_id, indicator)
)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE only_left) AS only_left,
       count(*) FILTER (WHERE only_right) AS only_right,
       count(*) FILTER (WHERE NOT only_left AND NOT only_right AND NOT (
           differ_ok(av, bv) AND differ_ok(an, bn) AND differ_ok(ad, bd))) AS different
FROM j
"""
_MACRO = f"""
CREATE OR REPLACE TEMP MACRO differ_ok(x, y) AS
    (x IS NULL AND y IS NULL)
    OR (x IS NOT NULL AND y IS NOT NULL
        AND abs(x - y) <= {TOLERANCE} * greatest(1.0, abs(x), abs(y)))
"""


@dataclass(frozen=True)
class Difference:
    rows: int
    only_left: int
    only_right: int
    different: int

    @property
    def identical(self) -> bool:
        return self.only_left == self.only_right == self.different == 0


def compare_outputs(left: Path, right: Path) -> dict[str, Difference]:
    """Per entity type: rows, rows in only one folder, rows whose numbers differ."""
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute(_MACRO)
        result = {}
        for entity in ENTITY_TYPES:
            params = {
                "left": str(left / f"{entity.value}.parquet"),
                "right": str(right / f"{entity.value}.parquet"),
            }
            row = con.execute(_SQL, params).fetchone()
            if row is None:  # an aggregate always returns one row; this satisfies the types
                raise RuntimeError("comparison query returned nothing")
            result[entity.value] = Difference(*row)
        return result
    finally:
        con.close()
