"""``import_files``: validate files against the declared schema and store them, all or none.

1. Recognise each file's dataset and format.
2. Under the cycle's lock, skip files whose bytes the manifest already records (unchanged).
3. Load the others into a DuckDB work database inside the store, employers first, and
   validate every file completely (so the report lists every problem, not the first).
4. Only when no file has a problem: write each to Parquet; a result identical to the stored
   file is reported unchanged; the rest become a new version of the cycle in one atomic swap.
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
    if not problems:
        with cycle_store.locked():
            _run(cycle_store, sources, outcome, say)
    return _report(cycle_store, paths, sources, outcome)


def _run(store: CycleStore, sources: list[Source], outcome: _Outcome, say: Progress) -> None:
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
            loaded = _check(con, store, todo, outcome, say)
            if not any(outcome.totals.values()):
                _store(con, store, loaded, digests, manifest, work, outcome, say)
        finally:
            con.close()


def _check(
    con: duckdb.DuckDBPyConnection,
    store: CycleStore,
    todo: list[Source],
    outcome: _Outcome,
    say: Progress,
) -> list[Loaded]:
    refs = References(con, store.cycle)
    refs.load_regions({c.references for s in todo for c in s.dataset.columns if c.references})
    loaded = []
    for index, source in enumerate(todo):  # employers come first
        say(f"reading {source.label}")
        loaded.append(_LOADERS[source.format](con, source, f"src_{index}"))
    employers = next((item for item in loaded if item.source.dataset.name == "employers"), None)
    _choose_employers(refs, store, employers)
    for item in loaded:
        say(f"checking {item.source.label}")
        verdict = validate(con, item, refs)
        outcome.rows[item.source.label] = item.rows
        _add(outcome, item.source.label, verdict.problems, verdict.total)
    if employers is not None and employers.readable and "npp" in employers.present:
        batch = {item.source.dataset.name for item in loaded}
        stale = _stale_references(refs, store, batch, employers.source.label)
        _add(outcome, employers.source.label, stale, len(stale))
    return loaded


def _choose_employers(refs: References, store: CycleStore, employers: Loaded | None) -> None:
    if employers is None:
        refs.employers_from_store(store.dataset_path("employers"))
    elif employers.readable and "npp" in employers.present:
        refs.employers_from_table(employers.table, employers.source.label)
    else:
        refs.skip_employers()


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


def _store(
    con: duckdb.DuckDBPyConnection,
    store: CycleStore,
    loaded: list[Loaded],
    digests: dict[str, str],
    manifest: dict[str, Entry],
    work: Path,
    outcome: _Outcome,
    say: Progress,
) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    entries = dict(manifest)
    new_files: dict[str, Path] = {}
    for item in loaded:
        name, label = item.source.dataset.name, item.source.label
        say(f"writing {name}")
        target = work / f"{name}.parquet"
        write_parquet(con, item, target)
        digest = sha256_file(target)
        old = manifest.get(name)
        if old is not None and old.sha256 == digest:
            outcome.status[label] = FileStatus.UNCHANGED  # same data from another file
            continue
        new_files[name] = target
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
