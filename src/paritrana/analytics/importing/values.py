"""How a file's value is read as a declared type, as SQL over one DuckDB column.

One definition serves validation (is the text a valid value?) and writing (the typed value),
so what was checked is exactly what is stored. Accepted spellings, after trimming spaces:

- INT: digits with an optional sign; ``1500000.0`` (a decimal point followed by zeros only,
  as Excel and pandas write whole numbers) is accepted; no thousands separators.
- BOOL: ``true``/``false``, ``1``/``0``, ``yes``/``no``, ``ya``/``tidak``, any case.
- DATE: ``YYYY-MM-DD``; a Parquet timestamp at midnight is accepted.
- MONTH: ``YYYY-MM``.
- STRING: any text; surrounding spaces are dropped and an empty value is no value.

Parquet columns already of the declared type (an integer, boolean or date column) are used
as they are; any other column type is read through its text form.
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
_NATIVE = {
    ColumnType.INT: (
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
    ),
    ColumnType.BOOL: ("BOOLEAN",),
    ColumnType.DATE: ("DATE",),
}
_PATTERN = {
    ColumnType.INT: r"[+-]?[0-9]+(\.0*)?",
    ColumnType.DATE: r"[0-9]{4}-[0-9]{2}-[0-9]{2}( 00:00:00)?",
    ColumnType.MONTH: r"[0-9]{4}-(0[1-9]|1[0-2])",
}


@dataclass(frozen=True)
class ColumnSql:
    """SQL expressions over one source column."""

    #: The value as trimmed text, NULL when empty: what messages quote.
    text: str
    #: True when a non-NULL text is a valid value of the declared type.
    valid: str
    #: The typed value (meaningful where ``valid``).
    value: str


def column_sql(column: Column, source_type: str) -> ColumnSql:
    raw = ident(column.name)
    text = f"NULLIF(trim(CAST({raw} AS VARCHAR)), '')"
    if source_type in _NATIVE.get(column.type, ()):
        return ColumnSql(
            text=text, valid="true", value=f"CAST({raw} AS {STORED_TYPE[column.type]})"
        )
    return ColumnSql(text=text, valid=_valid(column.type, text), value=_value(column.type, text))


def _valid(kind: ColumnType, text: str) -> str:
    if kind is ColumnType.BOOL:
        words = ", ".join(f"'{w}'" for w in TRUE_WORDS + FALSE_WORDS)
        return f"lower({text}) IN ({words})"
    if kind is ColumnType.INT:
        # The pattern rules out decimals and separators; TRY_CAST rules out overflow.
        return (
            f"(regexp_full_match({text}, '{_PATTERN[kind]}') AND {_value(kind, text)} IS NOT NULL)"
        )
    if kind is ColumnType.DATE:
        return (
            f"(regexp_full_match({text}, '{_PATTERN[kind]}') AND {_value(kind, text)} IS NOT NULL)"
        )
    if kind is ColumnType.MONTH:
        return f"regexp_full_match({text}, '{_PATTERN[kind]}')"
    return "true"


def _value(kind: ColumnType, text: str) -> str:
    if kind is ColumnType.BOOL:
        words = ", ".join(f"'{w}'" for w in TRUE_WORDS)
        return f"(lower({text}) IN ({words}))"
    if kind is ColumnType.INT:
        return f"TRY_CAST(regexp_replace({text}, '\\.0*$', '') AS BIGINT)"
    if kind is ColumnType.DATE:
        return f"TRY_CAST(left({text}, 10) AS DATE)"
    return text
