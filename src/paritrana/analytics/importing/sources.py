"""Which dataset and format each file of an import holds.

A file is recognised by its name (``participants.csv``, ``employers.parquet``,
``contributions.xlsx``; case-insensitive) or, when its name says nothing, by an explicit
``dataset``. The format comes from the extension and is confirmed by the file's first bytes,
so a spreadsheet renamed ``.csv`` is refused with a clear message instead of as garbage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from paritrana.analytics.importing.report import FileFormat, Problem
from paritrana.analytics.schema import DATASETS, Dataset

EXTENSIONS: dict[str, FileFormat] = {
    ".csv": FileFormat.CSV,
    ".xlsx": FileFormat.XLSX,
    ".parquet": FileFormat.PARQUET,
    ".pq": FileFormat.PARQUET,
}
_MAGIC: dict[bytes, FileFormat] = {b"PAR1": FileFormat.PARQUET, b"PK\x03\x04": FileFormat.XLSX}


@dataclass(frozen=True)
class Source:
    path: Path
    label: str  # how the user named it on the command line; used in every message
    dataset: Dataset
    format: FileFormat


def recognise(
    paths: Sequence[Path], dataset: str | None = None
) -> tuple[list[Source], list[Problem]]:
    """The recognised sources in dependency order (employers first), and the problems of
    the files that are not (unreadable, unnamed, a second file for one dataset)."""
    sources: list[Source] = []
    problems: list[Problem] = []
    if dataset is not None and dataset not in DATASETS:
        known = ", ".join(DATASETS)
        problems.append(Problem("--dataset", None, None, f"unknown dataset {dataset!r} ({known})"))
        return [], problems
    for path in paths:
        source, problem = _recognise_one(path, dataset)
        if problem is not None:
            problems.append(problem)
        elif source is not None:
            sources.append(source)
    duplicates = _duplicates(sources)
    problems.extend(duplicates)
    refused = {d.file for d in duplicates}
    sources = [s for s in sources if s.label not in refused]
    # Employers go first: the other datasets' NPP references are checked against them.
    sources.sort(key=lambda s: s.dataset.name != "employers")
    return sources, problems


def _recognise_one(path: Path, dataset: str | None) -> tuple[Source | None, Problem | None]:
    label = str(path)
    if not path.is_file():
        return None, Problem(label, None, None, "no such file")
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        exts = ", ".join(EXTENSIONS)
        return None, Problem(label, None, None, f"unknown file type {path.suffix!r} (use {exts})")
    sniffed = _sniff(path)
    if sniffed is not None and sniffed is not fmt:
        return None, Problem(label, None, None, f"named {fmt} but the content is {sniffed}")
    name = dataset or path.stem.lower()
    if name not in DATASETS:
        names = ", ".join(f"{n}{path.suffix}" for n in DATASETS)
        return None, Problem(
            label,
            None,
            None,
            f"cannot tell which dataset this is: name the file one of {names}, or pass --dataset",
        )
    return Source(path, label, DATASETS[name], fmt), None


def _sniff(path: Path) -> FileFormat | None:
    with path.open("rb") as handle:
        head = handle.read(4)
    return _MAGIC.get(head)


def _duplicates(sources: list[Source]) -> list[Problem]:
    seen: dict[str, Source] = {}
    problems: list[Problem] = []
    for source in sources:
        first = seen.setdefault(source.dataset.name, source)
        if first is not source:
            problems.append(
                Problem(
                    source.label,
                    None,
                    None,
                    f"a second file for dataset {source.dataset.name!r} (also {first.label}); "
                    "import one file per dataset",
                )
            )
    return problems
