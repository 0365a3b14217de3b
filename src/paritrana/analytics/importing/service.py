"""``import_files``: validate files against the declared schema and store them, all or none.

1. Recognise each file's dataset and format.
2. Under the cycle's lock, skip files whose bytes the manifest already records (unchanged).
3. Load the others one by one into DuckDB, employers first (the others' NPPs refer to them),
   and validate every file completely (the report lists every problem, not the first);
   while no file has a problem, write each to Parquet in the store's scratch folder.
4. Only when no file has a problem: a written file identical to the stored one is reported
   unchanged; the rest become a new version of the cycle in one atomic swap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from paritrana.analytics.importing.loaded import Loaded, connect
from paritrana.analytics.importing.read_csv import load_csv
from paritrana.analytics.importing.read_parquet import load_parquet
from paritrana.analytics.importing.read_xlsx import load_xlsx
from paritrana.analytics.importing.references import References
from paritrana.analytics.importing.report import (
    FileFormat,
    FileResult,
    FileStatus,
    ImportReport,
    Problem,
)
from paritrana.analytics.importing.sources import Source, recognise
from paritrana.analytics.importing.store import CycleStore, Entry, default_store
from paritrana.analytics.importing.validate import validate
from paritrana.analytics.importing.write import sha256_file, write_parquet
from paritrana.analytics.schema import DATASETS, Ref

Progress = Callable[[str], None]
_LOADERS = {FileFormat.CSV: load_csv, FileFormat.XLSX: load_xlsx, FileFormat.PARQUET: load_parquet}


@dataclass
class _Outcome:
    """What became of each recognised file."""

    rows: dict[str, int] = field(default_factory=dict)  # label -> rows read
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # label -> shown
    totals: dict[str, int] = field(default_factory=dict)  # label -> all problems
    status: dict[str, FileStatus] = field(default_factory=dict)


def import_files(
    paths: Sequence[Path],
    *,
    cycle: str,
    store: Path | None = None,
    dataset: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``paths`` into ``<store>/<cycle>``; raises ``StoreError`` if the store is unusable."""
    say = progress or (lambda _: None)
    cycle_store = CycleStore(store or default_store(), cycle)
    sources, problems = recognise(paths, dataset)
    outcome = _Outcome()
    for problem in problems:
        _add(outcome, problem.file, [problem], 1)
    if sources:
        with cycle_store.locked():
            # Files that were recognised are still checked, so the report is complete.
            _run(cycle_store, sources, outcome, say, commit=not problems)
    return _report(cycle_store, paths, sources, outcome)


def _run(
    store: CycleStore, sources: list[Source], outcome: _Outcome, say: Progress, *, commit: bool
) -> None:
    manifest = store.manifest()
    digests = {s.label: sha256_file(s.path) for s in sources}
    todo = []
    for source in sources:
        entry = manifest.get(source.dataset.name)
        if entry is not None and entry.source_sha256 == digests[source.label]:
            outcome.status[source.label] = FileStatus.UNCHANGED
            outcome.rows[source.label] = entry.rows
        else:
            todo.append(source)
    if not todo:
        return
    with store.work_dir() as work:
        con = connect(work)
        try:
            written = _check_and_write(con, store, todo, work, outcome, say)
        finally:
            con.close()
        if commit and not any(outcome.totals.values()):
            _commit(store, written, digests, manifest, outcome, say)


@dataclass(frozen=True)
class _Written:
    source: Source
    rows: int
    path: Path


def _check_and_write(
    con: duckdb.DuckDBPyConnection,
    store: CycleStore,
    todo: list[Source],
    work: Path,
    outcome: _Outcome,
    say: Progress,
) -> list[_Written]:
    """Validate each file in turn (employers first) and, while all are valid, write it to the
    scratch folder; then drop its table, so one big file at a time occupies DuckDB."""
    refs = References(con, store.cycle)
    refs.load_regions({c.references for s in todo for c in s.dataset.columns if c.references})
    if todo[0].dataset.name != "employers":
        refs.employers_from_store(store.dataset_path("employers"))
    batch = {s.dataset.name for s in todo}
    written = []
    for index, source in enumerate(todo):
        say(f"reading {source.label}")
        item = _LOADERS[source.format](con, source, f"src_{index}")
        outcome.rows[source.label] = item.rows
        usable_employers = _use_employers(refs, item)
        say(f"checking {source.label}")
        verdict = validate(con, item, refs)
        _add(outcome, source.label, verdict.problems, verdict.total)
        if usable_employers:
            stale = _stale_references(refs, store, batch, source.label)
            _add(outcome, source.label, stale, len(stale))
        if not any(outcome.totals.values()):
            say(f"writing {source.dataset.name}")
            target = work / f"{source.dataset.name}.parquet"
            write_parquet(con, item, target)
            written.append(_Written(source, item.rows, target))
        con.execute(f"DROP TABLE IF EXISTS {item.table}")
    return written


def _use_employers(refs: References, item: Loaded) -> bool:
    """An employers file of the import replaces the stored one for NPP references."""
    if item.source.dataset.name != "employers":
        return False
    if item.readable and "npp" in item.present:
        refs.employers_from_table(item.table, item.source.label)
        return True
    refs.skip_employers()  # unreadable: NPP checks against it would only add noise
    return False


def _stale_references(
    refs: References, store: CycleStore, batch: set[str], label: str
) -> list[Problem]:
    """NPPs that stored datasets (not re-imported now) use but the new employers drop."""
    problems = []
    for dataset in DATASETS.values():
        stored = store.dataset_path(dataset.name)
        if dataset.name in batch or stored is None:
            continue
        for column in dataset.columns:
            if column.references is not Ref.EMPLOYER:
                continue
            rows, examples = refs.missing_employers(stored, column.name)
            if rows:
                sample = ", ".join(repr(e) for e in examples)
                problems.append(
                    Problem(
                        label,
                        None,
                        "npp",
                        f"{rows} rows of the stored {dataset.name} (column {column.name}) use "
                        f"employers missing from this file, e.g. {sample}: import {dataset.name} "
                        "again together with this file, or keep those employers",
                    )
                )
    return problems


def _commit(
    store: CycleStore,
    written: list[_Written],
    digests: dict[str, str],
    manifest: dict[str, Entry],
    outcome: _Outcome,
    say: Progress,
) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    entries = dict(manifest)
    new_files: dict[str, Path] = {}
    for item in written:
        name, label = item.source.dataset.name, item.source.label
        digest = sha256_file(item.path)
        old = manifest.get(name)
        if old is not None and old.sha256 == digest:
            outcome.status[label] = FileStatus.UNCHANGED  # same rows from another file
            continue
        new_files[name] = item.path
        entries[name] = Entry(
            source=item.source.path.name,
            source_sha256=digests[label],
            format=str(item.source.format),
            rows=item.rows,
            sha256=digest,
            imported_at=now,
        )
        outcome.status[label] = FileStatus.IMPORTED
    if new_files:
        say(f"storing cycle {store.cycle}")
        store.commit(new_files, entries)


def _add(outcome: _Outcome, label: str, problems: list[Problem], total: int) -> None:
    outcome.problems.setdefault(label, []).extend(problems)
    outcome.totals[label] = outcome.totals.get(label, 0) + total


def _report(
    store: CycleStore, paths: Sequence[Path], sources: list[Source], outcome: _Outcome
) -> ImportReport:
    by_label = {s.label: s for s in sources}
    files = []
    problems: list[Problem] = []
    for label in dict.fromkeys(str(p) for p in paths):
        source = by_label.get(label)
        total = outcome.totals.get(label, 0)
        status = outcome.status.get(label)
        if status is None:
            status = FileStatus.REJECTED if total else FileStatus.NOT_STORED
        files.append(
            FileResult(
                file=label,
                dataset=source.dataset.name if source else None,
                format=source.format if source else None,
                rows=outcome.rows.get(label, 0),
                status=status,
                problem_count=total,
            )
        )
        problems.extend(outcome.problems.get(label, []))
    # Problems not tied to a given path (e.g. --dataset) come last.
    for label, listed in outcome.problems.items():
        if label not in by_label and label not in {str(p) for p in paths}:
            problems.extend(listed)
    return ImportReport(
        cycle=store.cycle,
        store=store.current,
        files=tuple(files),
        problems=tuple(problems),
        problem_count=sum(outcome.totals.values()),
    )
