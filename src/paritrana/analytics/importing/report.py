"""What an import tells its caller: per-file results and every problem found.

Plain frozen dataclasses, so the CLI prints them and the web app can later show the very same
messages (file, row, column) without re-validating.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

#: At most this many problems are listed per file; the total is always counted.
MAX_PROBLEMS_SHOWN = 100


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    PARQUET = "parquet"


class RowKind(StrEnum):
    """How a problem's row number maps onto the file, so users can find it."""

    LINE = "line"  # CSV: physical line, the header is line 1
    SHEET_ROW = "sheet row"  # XLSX: the row number Excel shows, the header is row 1
    RECORD = "record"  # Parquet: row index + 1 (Parquet has no header line)

    @classmethod
    def of(cls, fmt: FileFormat | None) -> RowKind:
        if fmt is FileFormat.XLSX:
            return cls.SHEET_ROW
        if fmt is FileFormat.PARQUET:
            return cls.RECORD
        return cls.LINE


class FileStatus(StrEnum):
    IMPORTED = "imported"  # validated and stored
    UNCHANGED = "unchanged"  # identical to what the store holds; nothing rewritten
    REJECTED = "rejected"  # this file has problems
    NOT_STORED = "not stored"  # valid, but another file of the same import was rejected


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file; ``row``/``column`` are None when it concerns the whole file."""

    file: str
    row: int | None
    column: str | None
    message: str
    row_kind: RowKind = RowKind.LINE

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"{self.row_kind} {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class FileResult:
    file: str
    dataset: str | None
    format: FileFormat | None
    rows: int
    status: FileStatus
    problem_count: int = 0


@dataclass(frozen=True)
class ImportReport:
    cycle: str
    store: Path
    files: tuple[FileResult, ...]
    #: The problems shown: at most MAX_PROBLEMS_SHOWN per file, in file then row order.
    problems: tuple[Problem, ...]
    #: Every problem found, including those not shown.
    problem_count: int

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def stored(self) -> bool:
        """True when the cycle's store now holds (or already held) every file of the import."""
        return self.ok and all(
            f.status in (FileStatus.IMPORTED, FileStatus.UNCHANGED) for f in self.files
        )
