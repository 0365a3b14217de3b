"""Validating one loaded file against its declared dataset.

Validation is entirely driven by ``schema.py``: each declared column's type, nullability,
range, allowed values and reference, the dataset's key and its rules. Problems are listed in
row order, at most ``MAX_PROBLEMS_SHOWN`` per file, always with the total count.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from paritrana.analytics.importing.checks import (
    Finding,
    Found,
    check_key,
    column_check,
    rule_check,
    run_row_checks,
)
from paritrana.analytics.importing.loaded import Loaded, column_types
from paritrana.analytics.importing.references import References
from paritrana.analytics.importing.report import MAX_PROBLEMS_SHOWN, Problem
from paritrana.analytics.importing.values import column_sql


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
    types = column_types(con, loaded.table)
    level = column_sql(dataset.column("level"), types["level"]) if "level" in types else None
    checks = [column_check(dataset.column(name), types[name], refs, level) for name in types]
    checks.extend(rule_check(dataset, rule, types) for rule in dataset.rules)
    rows = run_row_checks(con, loaded.table, [c for c in checks if c is not None])
    key = check_key(con, loaded.table, dataset, types)
    return Found(rows.findings + key.findings, rows.total + key.total)


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
