"""Validating one loaded file against its declared dataset, and writing it once valid.

Validation is entirely driven by ``schema.py``: each declared column's type, nullability,
range, allowed values and reference, the dataset's key and its rules. Problems are listed in
row order, at most ``MAX_PROBLEMS_SHOWN`` per file, always with the total count.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from paritrana.analytics.importing.checks import (
    Finding,
    Found,
    check_key,
    column_check,
    rule_check,
    run_row_checks,
)
from paritrana.analytics.importing.loaded import Loaded, ident, quote
from paritrana.analytics.importing.references import References
from paritrana.analytics.importing.report import MAX_PROBLEMS_SHOWN, Problem
from paritrana.analytics.importing.values import STORED_TYPE, column_sql


@dataclass(frozen=True)
class Verdict:
    problems: list[Problem]  # shown
    total: int  # all, shown or not


def validate(con: duckdb.DuckDBPyConnection, loaded: Loaded, refs: References) -> Verdict:
    shown = list(loaded.problems)
    total = len(shown) + loaded.unshown
    if not loaded.readable:
        return Verdict(shown[:MAX_PROBLEMS_SHOWN], total)
    found = _findings(con, loaded, refs)
    total += found.total
    order = {name: i for i, name in enumerate(loaded.source.dataset.column_names)}
    found.findings.sort(key=lambda f: (f.row or 0, order.get(f.column or "", len(order))))
    room = max(MAX_PROBLEMS_SHOWN - len(shown), 0)
    shown.extend(_as_problems(loaded, found.findings[:room]))
    return Verdict(shown, total)


def _findings(con: duckdb.DuckDBPyConnection, loaded: Loaded, refs: References) -> Found:
    dataset = loaded.source.dataset
    types = source_types(con, loaded.table)
    level = column_sql(dataset.column("level"), types["level"]) if "level" in types else None
    checks = [column_check(dataset.column(name), types[name], refs, level) for name in types]
    checks.extend(rule_check(dataset, rule, types) for rule in dataset.rules)
    rows = run_row_checks(con, loaded.table, [c for c in checks if c is not None])
    key = check_key(con, loaded.table, dataset, types)
    return Found(rows.findings + key.findings, rows.total + key.total)


def source_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {table})").fetchall()  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    return {str(name): str(kind) for name, kind in rows if name != "__row"}


def _as_problems(loaded: Loaded, findings: list[Finding]) -> list[Problem]:
    rows = {f.row for f in findings if f.row is not None} | {
        f.other for f in findings if f.other is not None
    }
    where = loaded.relocate(rows) if loaded.relocate and rows else {}
    kind = loaded.row_kind

    def at(row: int | None) -> int | None:
        return None if row is None else where.get(row, row)

    problems = []
    for f in findings:
        message = f.message
        if f.other is not None:
            message = message.replace("{other}", f"{kind} {at(f.other)}")
        problems.append(Problem(loaded.source.label, at(f.row), f.column, message, kind))
    return problems


def write_parquet(con: duckdb.DuckDBPyConnection, loaded: Loaded, target: Path) -> None:
    """Store a validated file: declared columns, in declared order and types, in file order."""
    types = source_types(con, loaded.table)
    select = ", ".join(
        f"CAST({column_sql(c, types[c.name]).value} AS {STORED_TYPE[c.type]}) AS {ident(c.name)}"
        for c in loaded.source.dataset.columns
    )
    # No ORDER BY: the table is in file order and insertion order is preserved, which keeps
    # the output byte-identical for identical input without sorting tens of millions of rows.
    con.execute(
        f"COPY (SELECT {select} FROM {loaded.table}) TO {quote(str(target))} "  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
        "(FORMAT parquet, COMPRESSION zstd)"
    )


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
