"""How a file's value is read as a declared type, as SQL over one DuckDB column.

One definition serves validation (is the text a valid value?) and writing (the typed value),
so what was checked is exactly what is stored. Readers have already trimmed text values and
turned empty ones into NULL (``TEXT``), once, at load. Accepted spellings:

- INT: digits with an optional sign; ``1500000.0`` (a decimal point followed by zeros only,
  as Excel and pandas write whole numbers) is accepted; no thousands separators, exponents
  or underscores (DuckDB's own cast would silently round ``1.5`` or read ``1e3``).
- BOOL: ``true``/``false``, ``1``/``0``, ``yes``/``no``, ``ya``/``tidak``, any case.
- DATE: ``YYYY-MM-DD`` exactly.
- MONTH: ``YYYY-MM``.
- STRING: any text.

Parquet columns already of the declared type (an integer, boolean or date column; a
timestamp at midnight for a date) are used as they are; other column types are read
through their text form.
"""

from __future__ import annotations

from dataclasses import dataclass

from paritrana.analytics.importing.loaded import ident
from paritrana.analytics.schema import Column, ColumnType

TRUE_WORDS = ("true", "1", "yes", "ya")
FALSE_WORDS = ("false", "0", "no", "tidak")

#: The type each declared type is stored as.
STORED_TYPE = {
    ColumnType.STRING: "VARCHAR",
    ColumnType.INT: "BIGINT",
    ColumnType.BOOL: "BOOLEAN",
    ColumnType.DATE: "DATE",
    ColumnType.MONTH: "VARCHAR",
}
_INTEGERS = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER")
_TIMESTAMPS = (
    "TIMESTAMP",
    "TIMESTAMP_NS",
    "TIMESTAMP_MS",
    "TIMESTAMP_S",
    "TIMESTAMP WITH TIME ZONE",
)


def TEXT(raw: str) -> str:  # noqa: N802 - reads as the SQL function it builds
    """Trimmed text, NULL when empty: what readers store for every text column."""
    return f"NULLIF(trim({raw}), '')"


@dataclass(frozen=True)
class ColumnSql:
    """SQL expressions over one loaded column."""

    #: The value as text, NULL when empty: what messages quote and keys compare.
    text: str
    #: True when a non-NULL value is valid for the declared type.
    valid: str
    #: The typed value (meaningful where ``valid``).
    value: str


def column_sql(column: Column, source_type: str) -> ColumnSql:
    raw = ident(column.name)
    kind = column.type
    if source_type == "VARCHAR":
        return ColumnSql(text=raw, valid=_valid(kind, raw), value=_value(kind, raw))
    text = f"CAST({raw} AS VARCHAR)"
    native = f"CAST({raw} AS {STORED_TYPE[kind]})"
    if kind is ColumnType.INT and source_type in _INTEGERS:
        return ColumnSql(text=text, valid="true", value=native)
    if kind is ColumnType.BOOL and source_type == "BOOLEAN":
        return ColumnSql(text=text, valid="true", value=native)
    if kind is ColumnType.DATE and source_type == "DATE":
        return ColumnSql(text=text, valid="true", value=native)
    if kind is ColumnType.DATE and source_type in _TIMESTAMPS:
        return ColumnSql(text=text, valid=f"CAST({raw} AS TIME) = TIME '00:00:00'", value=native)
    return ColumnSql(text=text, valid=_valid(kind, text), value=_value(kind, text))


def _valid(kind: ColumnType, text: str) -> str:
    if kind is ColumnType.BOOL:
        words = ", ".join(f"'{w}'" for w in TRUE_WORDS + FALSE_WORDS)
        return f"lower({text}) IN ({words})"
    if kind is ColumnType.INT:
        # The pattern rules out what DuckDB's cast tolerates; TRY_CAST rules out overflow.
        return (
            f"(regexp_full_match({text}, '[+-]?[0-9]+(\\.0*)?') "
            f"AND {_value(kind, text)} IS NOT NULL)"
        )
    if kind is ColumnType.DATE:
        # DuckDB's cast also takes 2024-1-5, 2024/01/05 or a time; only the ISO form prints back.
        return f"(CAST({_value(kind, text)} AS VARCHAR) = {text})"
    if kind is ColumnType.MONTH:
        return f"regexp_full_match({text}, '[0-9]{{4}}-(0[1-9]|1[0-2])')"
    return "true"


def _value(kind: ColumnType, text: str) -> str:
    if kind is ColumnType.BOOL:
        words = ", ".join(f"'{w}'" for w in TRUE_WORDS)
        return f"(lower({text}) IN ({words}))"
    if kind is ColumnType.INT:
        # Once the pattern holds, DuckDB's cast reads "1500000.0" exactly.
        return f"TRY_CAST({text} AS BIGINT)"
    if kind is ColumnType.DATE:
        return f"TRY_CAST({text} AS DATE)"
    return text
