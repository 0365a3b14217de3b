"""The checks, built from the schema as SQL, and run over a loaded table in few passes.

Row checks (one per declared column, one per cross-column rule) are CASE expressions naming
the first problem of a row's value: a value is required; it must parse as the declared type;
then range, allowed values and reference. They all run in **one** scan, which keeps only
rows with a problem (none, in a good file); the problems are then counted per kind and the
first ``MAX_PROBLEMS_SHOWN`` of each kept (``arg_min(x, row, n)``), so memory stays flat
however many rows are wrong. The unique key needs its own grouped pass.
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
Explain = Callable[[str], str]


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


@dataclass(frozen=True)
class RowCheck:
    column: str
    kind: str  # SQL: the name of the row's problem, or NULL
    text: str  # SQL: the value quoted in the message
    explain: dict[str, Explain]


def column_check(
    column: Column, source_type: str, refs: References, level: ColumnSql | None
) -> RowCheck | None:
    sql = column_sql(column, source_type)
    cases: list[tuple[str, str]] = []
    if not column.nullable:
        cases.append(("missing", f"{sql.text} IS NULL"))
    if column.type is not ColumnType.STRING:
        cases.append(("type", f"{sql.text} IS NOT NULL AND NOT coalesce({sql.valid}, false)"))
    if column.minimum is not None:
        cases.append(("min", f"{sql.value} < {column.minimum}"))
    if column.maximum is not None:
        cases.append(("max", f"{sql.value} > {column.maximum}"))
    if column.allowed:
        cases.append(("allowed", f"{sql.text} NOT IN ({_literals(column.allowed)})"))
    if column.references is not None:
        member = refs.membership(column.references, sql.text, level.text if level else None)
        if member is not None:
            cases.append(("reference", f"NOT ({member})"))
    if not cases:
        return None
    # A NULL value passes every check but "missing": the other WHENs are NULL, never true.
    kind = "CASE " + " ".join(f"WHEN {cond} THEN '{name}'" for name, cond in cases) + " END"
    return RowCheck(column.name, kind, sql.text, _messages(column, refs))


def _messages(column: Column, refs: References) -> dict[str, Explain]:
    return {
        "missing": lambda _: "a value is required",
        "type": lambda v: f"{_show(v)} {_TYPE_HINT.get(column.type, 'is invalid')}",
        "min": lambda v: f"{v} is below the minimum {column.minimum}",
        "max": lambda v: f"{v} is above the maximum {column.maximum}",
        "allowed": lambda v: f"{_show(v)} is not one of {', '.join(column.allowed)}",
        "reference": lambda v: refs.unknown(column.references, v),
    }


def rule_check(dataset: Dataset, rule: Rule, types: dict[str, str]) -> RowCheck | None:
    if rule.column not in types or rule.when not in types:
        return None
    target = column_sql(dataset.column(rule.column), types[rule.column])
    when = column_sql(dataset.column(rule.when), types[rule.when])
    violated = {
        Must.PRESENT: f"{target.text} IS NULL",
        Must.EMPTY: f"{target.text} IS NOT NULL",
        # Only a valid true breaks it: an invalid value is already the column's problem.
        Must.FALSE: f"coalesce({target.valid} AND {target.value}, false)",
    }[rule.must]
    kind = f"CASE WHEN {when.text} IN ({_literals(rule.values)}) AND {violated} THEN 'rule' END"
    found: Explain = lambda v: rule.describe() + (f" (found {_show(v)})" if v else "")  # noqa: E731 - a one-line message template, like the others
    return RowCheck(rule.column, kind, target.text, {"rule": found})


def run_row_checks(con: duckdb.DuckDBPyConnection, table: str, checks: list[RowCheck]) -> Found:
    if not checks:
        return Found([], 0)
    kinds = ", ".join(f"{c.kind} AS k{i}" for i, c in enumerate(checks))
    texts = ", ".join(f"{c.text} AS t{i}" for i, c in enumerate(checks))
    flagged = " OR ".join(f"k{i} IS NOT NULL" for i in range(len(checks)))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE flagged AS SELECT * FROM "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"(SELECT {ROW}, {kinds}, {texts} FROM {table}) WHERE {flagged}"
    )
    ks = ", ".join(f"k{i}" for i in range(len(checks)))
    ts = ", ".join(f"t{i}" for i in range(len(checks)))
    # One row per (row, check) with a problem: unnest the parallel lists side by side.
    query = (
        f"SELECT * FROM (SELECT {ROW}, unnest(range({len(checks)})) AS check_no, "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"unnest([{ks}]) AS kind, unnest([{ts}]) AS text FROM flagged) WHERE kind IS NOT NULL"
    )
    found = _collect(con, query, "check_no")
    result = Found([], found.total)
    for (check_no, kind), samples in found.samples.items():
        check = checks[int(check_no)]
        explain = check.explain[kind]
        result.findings.extend(Finding(r, check.column, explain(t)) for r, t, _ in samples)
    return result


def check_key(
    con: duckdb.DuckDBPyConnection, table: str, dataset: Dataset, types: dict[str, str]
) -> Found:
    if not dataset.key or not set(dataset.key) <= set(types):
        return Found([], 0)
    texts = [column_sql(dataset.column(k), types[k]).text for k in dataset.key]
    keys = ", ".join(f"{t} AS k{i}" for i, t in enumerate(texts))
    cols = ", ".join(f"k{i}" for i in range(len(texts)))
    not_null = " AND ".join(f"k{i} IS NOT NULL" for i in range(len(texts)))
    # A grouped aggregate spills to disk, unlike a window over tens of millions of keys;
    # the rows of each duplicated key after its first are the problems.
    query = (
        f"WITH k AS (SELECT {ROW}, {keys} FROM {table}), "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"d AS (SELECT {cols}, min({ROW}) AS first FROM k WHERE {not_null} "
        f"GROUP BY ALL HAVING count(*) > 1) "
        f"SELECT k.{ROW}, 0 AS check_no, 'duplicate' AS kind, "
        f"concat_ws(', ', {cols}) AS text, d.first AS other "
        f"FROM k JOIN d USING ({cols}) WHERE k.{ROW} > d.first"
    )
    label = ", ".join(dataset.key)
    found = _collect(con, query, "check_no", other="other")
    findings = [
        Finding(r, label, f"duplicate {label} {_show(t)} (first on {{other}})", o)
        for samples in found.samples.values()
        for r, t, o in samples
    ]
    return Found(findings, found.total)


@dataclass
class _Collected:
    total: int
    #: (group, kind) -> the first rows: (row, text, other row)
    samples: dict[tuple[int, str], list[tuple[int, str, int | None]]]


def _collect(
    con: duckdb.DuckDBPyConnection, query: str, group: str, other: str = "NULL"
) -> _Collected:
    """Count and sample the problem rows of ``query`` (``__row``, ``kind``, ``text``)."""
    sample = f"{{'r': {ROW}, 't': text, 'o': {other}}}"
    rows = con.execute(
        f"SELECT {group}, kind, count(*), arg_min({sample}, {ROW}, {MAX_PROBLEMS_SHOWN}) "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        f"FROM ({query}) GROUP BY ALL"
    ).fetchall()
    collected = _Collected(0, {})
    for group_no, kind, count, samples in rows:
        collected.total += int(count)
        collected.samples[(int(group_no), str(kind))] = [
            (
                int(s["r"]),
                "" if s["t"] is None else str(s["t"]),
                None if s["o"] is None else int(s["o"]),
            )
            for s in samples
        ]
    return collected


def _literals(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _show(value: str, limit: int = 40) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(shown)
