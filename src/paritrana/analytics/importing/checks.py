"""The checks themselves, each one SQL query over a loaded table, driven by the schema.

Every query returns, per kind of problem, how many rows have it and the first
``MAX_PROBLEMS_SHOWN`` of them (DuckDB's ``min(x, n)``/``arg_min(x, y, n)``), so one pass over
a column finds everything and memory stays flat however many rows are wrong.

Per column, in this order (a row gets the first that applies, so one bad value is one
problem): a value is required; it must parse as the declared type; then range, allowed
values and reference. Then per dataset: unique key, then the declared cross-column rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from paritrana.analytics.importing.loaded import ROW
from paritrana.analytics.importing.references import References
from paritrana.analytics.importing.report import MAX_PROBLEMS_SHOWN
from paritrana.analytics.importing.values import ColumnSql, column_sql
from paritrana.analytics.schema import Column, ColumnType, Dataset, Must, Rule

_TYPE_HINT = {
    ColumnType.INT: "is not a whole number",
    ColumnType.BOOL: "is not true/false (write true/false, 1/0, yes/no or ya/tidak)",
    ColumnType.DATE: "is not a date (write YYYY-MM-DD)",
    ColumnType.MONTH: "is not a month (write YYYY-MM)",
}


@dataclass(frozen=True)
class Finding:
    """A problem at ``row`` (a ``__row`` value); ``{other}`` in the message names ``other``."""

    row: int | None
    column: str | None
    message: str
    other: int | None = None


@dataclass
class Found:
    findings: list[Finding]
    total: int


def check_column(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: Column,
    source_type: str,
    refs: References,
    level: ColumnSql | None,
) -> Found:
    sql = column_sql(column, source_type)
    cases = _cases(column, sql, refs, level)
    if not cases:
        return Found([], 0)
    kind = "CASE " + " ".join(f"WHEN {cond} THEN '{name}'" for name, cond in cases) + " END"
    explain = _messages(column, refs)
    query = f"SELECT {ROW}, {kind} AS kind, {sql.text} AS text FROM {table}"  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    return _collect(con, query, column.name, explain)


def _cases(
    column: Column, sql: ColumnSql, refs: References, level: ColumnSql | None
) -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    if not column.nullable:
        cases.append(("missing", f"{sql.text} IS NULL"))
    present = f"{sql.text} IS NOT NULL"
    if column.type is not ColumnType.STRING:
        cases.append(("type", f"{present} AND NOT {sql.valid}"))
    if column.minimum is not None:
        cases.append(("min", f"{present} AND {sql.value} < {column.minimum}"))
    if column.maximum is not None:
        cases.append(("max", f"{present} AND {sql.value} > {column.maximum}"))
    if column.allowed:
        allowed = ", ".join("'" + a.replace("'", "''") + "'" for a in column.allowed)
        cases.append(("allowed", f"{present} AND {sql.text} NOT IN ({allowed})"))
    if column.references is not None:
        member = refs.membership(column.references, sql.text, level.text if level else None)
        if member is not None:
            cases.append(("reference", f"{present} AND NOT {member}"))
    return cases


def _messages(column: Column, refs: References) -> dict[str, Callable[[str], str]]:
    return {
        "missing": lambda _: "a value is required",
        "type": lambda v: f"{_show(v)} {_TYPE_HINT.get(column.type, 'is invalid')}",
        "min": lambda v: f"{v} is below the minimum {column.minimum}",
        "max": lambda v: f"{v} is above the maximum {column.maximum}",
        "allowed": lambda v: f"{_show(v)} is not one of {', '.join(column.allowed)}",
        "reference": lambda v: refs.unknown(column.references, v),
    }


def check_key(
    con: duckdb.DuckDBPyConnection, table: str, dataset: Dataset, present: tuple[str, ...]
) -> Found:
    if not dataset.key or not set(dataset.key) <= set(present):
        return Found([], 0)
    texts = [column_sql(dataset.column(k), "VARCHAR").text for k in dataset.key]
    keys = ", ".join(f"{t} AS k{i}" for i, t in enumerate(texts))
    cols = ", ".join(f"k{i}" for i in range(len(texts)))
    not_null = " AND ".join(f"k{i} IS NOT NULL" for i in range(len(texts)))
    # A grouped aggregate spills to disk, unlike a window over tens of millions of keys;
    # the rows of each duplicated key after its first are the problems.
    query = (
        f"WITH k AS (SELECT {ROW}, {keys} FROM {table}), "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"d AS (SELECT {cols}, min({ROW}) AS first FROM k WHERE {not_null} "
        f"GROUP BY ALL HAVING count(*) > 1) "
        f"SELECT k.{ROW}, 'duplicate' AS kind, concat_ws(', ', {cols}) AS text, d.first AS other "
        f"FROM k JOIN d USING ({cols}) WHERE k.{ROW} > d.first"
    )
    label = ", ".join(dataset.key)
    explain = {"duplicate": lambda v: f"duplicate {label} {_show(v)} (first on {{other}})"}
    return _collect(con, query, label, explain, other="other")


def check_rule(
    con: duckdb.DuckDBPyConnection,
    table: str,
    dataset: Dataset,
    rule: Rule,
    sources: dict[str, str],
) -> Found:
    if rule.column not in sources or rule.when not in sources:
        return Found([], 0)
    target = column_sql(dataset.column(rule.column), sources[rule.column])
    when = column_sql(dataset.column(rule.when), sources[rule.when])
    violated = {
        Must.PRESENT: f"{target.text} IS NULL",
        Must.EMPTY: f"{target.text} IS NOT NULL",
        Must.FALSE: f"{target.text} IS NOT NULL AND {target.valid} AND {target.value}",
    }[rule.must]
    values = ", ".join("'" + v.replace("'", "''") + "'" for v in rule.values)
    query = (
        f"SELECT {ROW}, CASE WHEN {when.text} IN ({values}) AND {violated} THEN 'rule' END AS kind, "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"{target.text} AS text FROM {table}"
    )
    found = {"rule": lambda v: rule.describe() + (f" (found {_show(v)})" if v else "")}
    return _collect(con, query, rule.column, found)


def _collect(
    con: duckdb.DuckDBPyConnection,
    query: str,
    column: str,
    explain: dict[str, Callable[[str], str]],
    other: str = "NULL",
) -> Found:
    """Count and sample the rows of ``query`` (``__row``, ``kind``, ``text``; ``other`` names
    the column holding a second row the message refers to)."""
    sample = f"{{'r': {ROW}, 't': text, 'o': {other}}}"
    rows = con.execute(
        f"SELECT kind, count(*), arg_min({sample}, {ROW}, {MAX_PROBLEMS_SHOWN}) "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"FROM ({query}) WHERE kind IS NOT NULL GROUP BY kind"
    ).fetchall()
    findings: list[Finding] = []
    total = 0
    for kind, count, samples in rows:
        total += int(count)
        for item in samples:
            text = "" if item["t"] is None else str(item["t"])
            other_row = None if item["o"] is None else int(item["o"])
            findings.append(Finding(int(item["r"]), column, explain[kind](text), other_row))
    return Found(findings, total)


def _show(value: str, limit: int = 40) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(shown)
