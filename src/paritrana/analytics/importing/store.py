"""The analytics store of a cycle: ``<store>/<cycle>/<dataset>.parquet`` plus ``manifest.json``.

All files of one import change together or not at all. ``<store>/<cycle>`` is a symbolic link
to a complete version directory ``<store>/.versions/<cycle>/<id>``; an import builds the next
version beside it (new files, hard links to the unchanged ones, the manifest), then swaps the
link with one atomic ``rename``. Readers always see one whole version; a crash at any moment
leaves the previous version in place, and the leftovers are removed by the next import.
Imports of one cycle are serialised by a lock file.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from paritrana.analytics.paths import cycle_data_dir

STORE_ENV = "PARITRANA_ANALYTICS_DIR"
DEFAULT_STORE = Path("var/analytics")
MANIFEST = "manifest.json"
_CYCLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class StoreError(RuntimeError):
    """The store cannot be used (bad cycle name, a concurrent import, a foreign directory)."""


@dataclass(frozen=True)
class Entry:
    """What the manifest records of one stored dataset."""

    source: str  # the imported file's name
    source_sha256: str
    format: str
    rows: int
    sha256: str  # of the stored Parquet file
    imported_at: str  # ISO 8601, UTC


def default_store() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def check_cycle(cycle: str) -> None:
    # The cycle names a directory: no separators, no dot-files, nothing to escape the store.
    if not _CYCLE.fullmatch(cycle):
        raise StoreError(
            f"invalid cycle {cycle!r}: use letters, digits, '.', '_' or '-' (e.g. 2024)"
        )


class CycleStore:
    def __init__(self, root: Path, cycle: str) -> None:
        check_cycle(cycle)
        self.root = root
        self.cycle = cycle
        self.current = cycle_data_dir(root, cycle)
        self._versions = root / ".versions" / cycle
        self._work = root / ".work" / cycle

    def dataset_path(self, dataset: str) -> Path | None:
        path = self.current / f"{dataset}.parquet"
        return path if path.is_file() else None

    def manifest(self) -> dict[str, Entry]:
        path = self.current / MANIFEST
        if not path.is_file():
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: Entry(**entry) for name, entry in data.get("datasets", {}).items()}

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the cycle's import lock; refuse rather than wait behind another import."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / f".{self.cycle}.lock").open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise StoreError(f"another import into cycle {self.cycle!r} is running") from exc
            try:
                self._check_managed()
                self._recover()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextmanager
    def work_dir(self) -> Iterator[Path]:
        """A scratch directory inside the store (same filesystem: hard links and renames work)."""
        path = self._work / uuid.uuid4().hex
        path.mkdir(parents=True)
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def commit(self, new_files: Mapping[str, Path], entries: Mapping[str, Entry]) -> None:
        """Make a version of the current datasets with ``new_files`` replacing theirs, atomically."""
        version = self._versions / uuid.uuid4().hex
        building = version.with_name(version.name + ".tmp")
        building.mkdir(parents=True)
        for dataset in entries:
            target = building / f"{dataset}.parquet"
            if dataset in new_files:
                new_files[dataset].replace(target)
            else:
                _link_or_copy(self.current / f"{dataset}.parquet", target)
        manifest = {
            "cycle": self.cycle,
            "datasets": {k: asdict(entries[k]) for k in sorted(entries)},
        }
        (building / MANIFEST).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        _fsync_tree(building)
        building.rename(version)
        previous = self._swap(version)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)

    def _swap(self, version: Path) -> Path | None:
        """Point ``<cycle>`` at ``version``; returns the version directory it replaced."""
        previous = self.current.resolve() if self.current.is_symlink() else None
        if previous is None and self.current.is_dir():
            self.current.rmdir()  # empty: _check_managed refused anything else
        # Made beside the versions, renamed over <cycle>: the relative target then resolves
        # from the store root.
        link = self._versions / f"link-{uuid.uuid4().hex}"
        link.symlink_to(version.relative_to(self.root), target_is_directory=True)
        link.replace(self.current)  # rename(2): atomic
        _fsync_dir(self.root)
        return previous

    def _check_managed(self) -> None:
        if self.current.is_symlink() or not self.current.exists():
            return
        if not self.current.is_dir() or any(self.current.iterdir()):
            # Not ours (e.g. generator output written there): never overwrite it.
            raise StoreError(
                f"{self.current} exists and was not made by the importer; "
                "move it away or import into another --store"
            )

    def _recover(self) -> None:
        """Remove what an interrupted import left; runs under the lock, before any work."""
        live = self.current.resolve() if self.current.is_symlink() else None
        for folder in (self._versions, self._work):
            for path in folder.iterdir() if folder.is_dir() else ():
                if path.is_symlink() or path.is_file():
                    path.unlink()
                elif path.resolve() != live:
                    shutil.rmtree(path, ignore_errors=True)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _fsync_tree(directory: Path) -> None:
    for path in directory.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
