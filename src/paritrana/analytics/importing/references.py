"""What code columns may refer to: the reference regions, and the cycle's employers.

Regions come from the committed reference data (``regions.reference``), loaded into DuckDB
only for the levels an import needs. Employers are the NPPs of the employers file in the
same import when there is one (it replaces the stored one), else of the employers already in
the cycle's store; with neither, every NPP dangles and the message says why.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from paritrana.analytics.importing.loaded import ident, quote
from paritrana.analytics.schema import Ref
from paritrana.regions.reference import read_level

_LEVEL_TABLES = {Ref.PROVINCE: "province", Ref.REGENCY: "regency", Ref.VILLAGE: "village"}
#: Ref.REGION codes are checked at the level named in the row's ``level`` column.
_LEVEL_VALUES = {"PROVINCE": Ref.PROVINCE, "REGENCY": Ref.REGENCY, "VILLAGE": Ref.VILLAGE}
EMPLOYER_TABLE = "ref_employer"


class References:
    def __init__(self, con: duckdb.DuckDBPyConnection, cycle: str) -> None:
        self._con = con
        self._cycle = cycle
        self._loaded: set[Ref] = set()
        self._employers_from: str | None = ""

    def load_regions(self, refs: set[Ref]) -> None:
        levels = {r for r in refs if r in _LEVEL_TABLES}
        if Ref.REGION in refs:
            levels |= set(_LEVEL_TABLES)
        for ref in levels - self._loaded:
            # A list parameter unnested by DuckDB: no per-row INSERT, no Arrow/pandas round trip.
            self._con.execute(
                f"CREATE TABLE {_table(ref)} AS SELECT unnest($1::VARCHAR[]) AS code",
                [list(_codes(_LEVEL_TABLES[ref]))],
            )
            self._loaded.add(ref)

    def employers_from_table(self, table: str, label: str) -> None:
        self._con.execute(
            f"CREATE OR REPLACE TABLE {EMPLOYER_TABLE} AS SELECT DISTINCT "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
            # No NULL in the set: "x IN (..., NULL)" is NULL, not false, for a dangling x.
            f"CAST({ident('npp')} AS VARCHAR) AS npp FROM {table} WHERE npp IS NOT NULL"
        )
        self._employers_from = f"not in the employers of {label}"

    def employers_from_store(self, path: Path | None) -> None:
        if path is None:
            self._con.execute(f"CREATE OR REPLACE TABLE {EMPLOYER_TABLE} (npp VARCHAR)")
            self._employers_from = (
                f"no employers dataset in this import or in cycle {self._cycle!r}: "
                "import employers first or together"
            )
            return
        self._con.execute(
            f"CREATE OR REPLACE TABLE {EMPLOYER_TABLE} AS "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
            f"SELECT npp FROM read_parquet({quote(str(path))})"
        )
        self._employers_from = f"not in the employers stored for cycle {self._cycle!r}"

    def skip_employers(self) -> None:
        """The import's employers file is unreadable: checking NPPs would only add noise."""
        self._employers_from = None

    def missing_employers(self, stored: Path, column: str) -> tuple[int, list[str]]:
        """Rows of a stored dataset whose NPP the new employers lack, and a few of those NPPs."""
        row = self._con.execute(
            f"WITH m AS (SELECT {ident(column)} AS npp, count(*) AS n "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
            f"FROM read_parquet({quote(str(stored))}) WHERE {ident(column)} IS NOT NULL "
            f"AND {ident(column)} NOT IN (SELECT npp FROM {EMPLOYER_TABLE}) GROUP BY ALL) "
            "SELECT coalesce(sum(n), 0), coalesce(min(npp, 5), []) FROM m"
        ).fetchone()
        return (int(row[0]), [str(v) for v in row[1]]) if row else (0, [])

    def membership(self, ref: Ref, text: str, level: str | None) -> str | None:
        """SQL: is ``text`` a known code? None when the reference cannot be checked."""
        if ref is Ref.EMPLOYER and self._employers_from is None:
            return None
        if ref is Ref.EMPLOYER:
            return f"{text} IN (SELECT npp FROM {EMPLOYER_TABLE})"  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        if ref is Ref.REGION:
            if level is None:
                return " OR ".join(
                    f"{text} IN (SELECT code FROM {_table(r)})"  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
                    for r in _LEVEL_TABLES
                )
            whens = " ".join(
                f"WHEN '{value}' THEN {text} IN (SELECT code FROM {_table(r)})"  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
                for value, r in _LEVEL_VALUES.items()
            )
            return f"(CASE {level} {whens} END)"
        return f"{text} IN (SELECT code FROM {_table(ref)})"  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()

    def unknown(self, ref: Ref | None, value: str) -> str:
        if ref is Ref.EMPLOYER:
            return f"NPP {value!r} is not a known employer ({self._employers_from})"
        if ref is Ref.REGION:
            return f"unknown region code {value!r} for the row's level"
        name = _LEVEL_TABLES.get(ref, "region") if ref else "region"
        return f"unknown {name} code {value!r}"


@cache
def _codes(level: str) -> tuple[str, ...]:
    # Read and validated once per process: the village file alone has 84k rows.
    return tuple(row.code for row in read_level(level))


def _table(ref: Ref) -> str:
    return f"ref_{_LEVEL_TABLES[ref]}"
