"""An import killed at any moment leaves the previous state of the cycle intact."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.analytics.importing.builders import manifest, rows_of, write_csv

_IMPORT = (
    "import sys; from pathlib import Path; "
    "from paritrana.analytics.importing import import_files; "
    "import_files([Path(sys.argv[1])], cycle='2024', store=Path(sys.argv[2]))"
)


def _many_employers(count):
    base = rows_of("employers")[0]
    return [{**base, "npp": f"M{i:07d}", "name": f"PT {i}"} for i in range(count)]


def _kill_when(store, pattern, args):
    """Start an import and SIGKILL it as soon as ``pattern`` appears in the store."""
    process = subprocess.Popen([sys.executable, "-c", _IMPORT, *args])
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if any(store.glob(pattern)):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.001)
    process.wait()


def _consistent(store):
    """Every dataset the manifest lists is there with the row count it records."""
    entries = manifest(store)["datasets"]
    for name, entry in entries.items():
        path = store / "2024" / f"{name}.parquet"
        assert len(duckdb.read_parquet(str(path)).fetchall()) == entry["rows"]
    return {name: entry["rows"] for name, entry in entries.items()}


@pytest.mark.parametrize("moment", [".work/2024/*", ".versions/2024/*.tmp"])
def test_a_killed_import_leaves_the_previous_or_the_new_state(tmp_path, store, run, moment):
    first = tmp_path / "first"
    first.mkdir()
    assert run(write_csv(first / "employers.csv", rows_of("employers"))).ok
    big = write_csv(tmp_path / "employers.csv", _many_employers(20_000))

    _kill_when(store, moment, [str(big), str(store)])

    assert _consistent(store)["employers"] in (3, 20_000)
    # The next import cleans up and works.
    assert run(big).ok
    assert _consistent(store) == {"employers": 20_000}
    assert not list((store / ".work" / "2024").iterdir())
    assert [p.name for p in (store / ".versions" / "2024").iterdir()] == [
        (store / "2024").resolve().name
    ]
