"""Checking a file's column names against the dataset's declared columns, for every format.

Columns may come in any order; names are matched exactly after trimming spaces. A missing
column, an extra column, a repeated or an empty header cell (what merged header cells look
like once read) are each a problem; a single header cell full of ``;`` or tabs is reported as
what it almost always is: the wrong delimiter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from paritrana.analytics.importing.report import Problem, RowKind
from paritrana.analytics.schema import Dataset

_DELIMITERS = {";": "semicolons", "\t": "tabs", "|": "'|'"}


@dataclass
class Header:
    #: Declared column name -> position in the file, for the declared columns present.
    positions: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: False when the header is so wrong that the rows cannot be read at all.
    readable: bool = True


def check_header(
    label: str,
    names: Sequence[object],
    dataset: Dataset,
    row_kind: RowKind,
    header_row: int | None,
) -> Header:
    header = Header()
    cleaned = [_clean(n) for n in names]

    def problem(column: str | None, message: str) -> None:
        header.problems.append(Problem(label, header_row, column, message, row_kind))

    if len(cleaned) == 1 and (hint := _delimiter_hint(cleaned[0])):
        problem(None, f"the header is one single column; the file seems separated by {hint}")
        header.readable = False
        return header
    declared = set(dataset.column_names)
    for position, name in enumerate(cleaned):
        if not name:
            problem(None, f"header cell {position + 1} is empty (merged or blank header cells?)")
        elif name in header.positions or (name not in declared and name in cleaned[:position]):
            problem(name, "the column appears twice")
        elif name in declared:
            header.positions[name] = position
        else:
            problem(
                name, f"unexpected column (the {dataset.name} columns are: {_listing(dataset)})"
            )
    for name in dataset.column_names:
        if name not in header.positions:
            problem(name, "missing column")
    return header


def _clean(name: object) -> str:
    text = "" if name is None else str(name)
    return text.strip().lstrip("\ufeff").strip()


def _delimiter_hint(name: str) -> str:
    for delimiter, words in _DELIMITERS.items():
        if delimiter in name:
            return f"{words}, not commas: save it as comma-separated CSV"
    return ""


def _listing(dataset: Dataset) -> str:
    return ", ".join(dataset.column_names)
