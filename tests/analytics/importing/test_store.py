"""The cycle store: idempotent, atomic across files, safe against crashes and concurrent runs."""

from __future__ import annotations

import fcntl

import pytest

from paritrana.analytics.importing import FileStatus, StoreError, default_store, import_files
from tests.analytics.importing.builders import (
    manifest,
    rows_of,
    stored_files,
    write_csv,
    write_parquet,
)


def test_importing_the_same_file_again_changes_nothing(tmp_path, store, run):
    path = write_csv(tmp_path / "employers.csv", rows_of("employers"))
    run(path)
    version = (store / "2024").readlink()
    before = stored_files(store)

    again = run(path)

    assert again.ok
    assert again.files[0].status is FileStatus.UNCHANGED
    assert again.files[0].rows == 3
    assert stored_files(store) == before  # manifest included: same import time
    assert (store / "2024").readlink() == version  # not even a new version


def test_the_same_data_from_another_file_is_unchanged(tmp_path, store, run):
    run(write_csv(tmp_path / "employers.csv", rows_of("employers")))
    before = stored_files(store)

    report = run(write_parquet(tmp_path / "employers.parquet", rows_of("employers")))

    assert report.files[0].status is FileStatus.UNCHANGED
    assert stored_files(store) == before


def test_a_new_file_replaces_its_dataset_and_keeps_the_others(tmp_path, store, run):
    run(
        write_csv(tmp_path / "employers.csv", rows_of("employers")),
        write_csv(tmp_path / "workforce.csv", rows_of("workforce")),
    )
    old_version = (store / "2024").resolve()
    workforce = (store / "2024" / "workforce.parquet").read_bytes()
    fewer = rows_of("employers")[:2]

    report = run(write_csv(tmp_path / "employers.csv", fewer))

    assert report.files[0].status is FileStatus.IMPORTED
    entries = manifest(store)["datasets"]
    assert entries["employers"]["rows"] == 2
    assert entries["workforce"]["rows"] == 1
    assert (store / "2024" / "workforce.parquet").read_bytes() == workforce
    assert not old_version.exists()  # the previous version is gone once replaced


def test_one_bad_file_stores_none_of_the_import(tmp_path, store, run):
    run(write_csv(tmp_path / "workforce.csv", rows_of("workforce")))
    before = stored_files(store)
    participants = rows_of("participants")
    participants[0]["wage"] = "-1"

    report = run(
        write_csv(tmp_path / "employers.csv", rows_of("employers")),
        write_csv(tmp_path / "participants.csv", participants),
        write_csv(tmp_path / "minimum_wages.csv", rows_of("minimum_wages")),
    )

    assert not report.ok
    statuses = [f.status for f in report.files]
    assert statuses == [FileStatus.NOT_STORED, FileStatus.REJECTED, FileStatus.NOT_STORED]
    assert stored_files(store) == before


def test_npps_resolve_against_employers_of_the_same_import(tmp_path, store, run):
    report = run(
        write_csv(tmp_path / "participants.csv", rows_of("participants")),
        write_csv(tmp_path / "employers.csv", rows_of("employers")),
    )

    assert report.ok, [str(p) for p in report.problems]


def test_new_employers_may_not_drop_employers_stored_datasets_use(tmp_path, store, run):
    first = tmp_path / "first"
    first.mkdir()
    run(
        write_csv(first / "employers.csv", rows_of("employers")),
        write_csv(first / "contributions.csv", rows_of("contributions")),
    )
    before = stored_files(store)

    report = run(write_csv(tmp_path / "employers.csv", rows_of("employers")[:1]))

    assert not report.ok
    (problem,) = report.problems
    assert problem.column == "npp"
    assert "2 rows of the stored contributions" in problem.message
    assert "'N2'" in problem.message
    assert stored_files(store) == before


def test_two_files_for_one_dataset_are_refused(tmp_path, store, run):
    report = run(
        write_csv(tmp_path / "employers.csv", rows_of("employers")),
        write_parquet(tmp_path / "employers.parquet", rows_of("employers")),
    )

    assert not report.ok
    assert "a second file for dataset 'employers'" in report.problems[0].message
    assert stored_files(store) == {}


def test_leftovers_of_an_interrupted_import_are_removed(tmp_path, store, run):
    run(write_csv(tmp_path / "employers.csv", rows_of("employers")))
    live = (store / "2024").resolve()
    half_built = store / ".versions" / "2024" / "0123.tmp"
    half_built.mkdir()
    (half_built / "employers.parquet").write_bytes(b"PAR1 half")
    scratch = store / ".work" / "2024" / "abc"
    scratch.mkdir(parents=True)

    assert run(write_csv(tmp_path / "workforce.csv", rows_of("workforce"))).ok

    assert not half_built.exists()
    assert not scratch.exists()
    assert not live.exists()  # replaced by the new version
    assert set(manifest(store)["datasets"]) == {"employers", "workforce"}


def test_a_running_import_locks_the_cycle(tmp_path, store, run):
    store.mkdir()
    with (store / ".2024.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="another import"):
            run(write_csv(tmp_path / "employers.csv", rows_of("employers")))
        assert run(write_csv(tmp_path / "employers.csv", rows_of("employers")), cycle="2025").ok


def test_a_directory_the_importer_did_not_make_is_never_overwritten(tmp_path, store, run):
    (store / "2024").mkdir(parents=True)
    (store / "2024" / "participants.parquet").write_bytes(b"generator output")

    with pytest.raises(StoreError, match="was not made by the importer"):
        run(write_csv(tmp_path / "employers.csv", rows_of("employers")))
    assert (store / "2024" / "participants.parquet").read_bytes() == b"generator output"


@pytest.mark.parametrize("cycle", ["", "../x", ".hidden", "a/b", "20 24"])
def test_cycle_names_cannot_escape_the_store(tmp_path, store, run, cycle):
    with pytest.raises(StoreError, match="invalid cycle"):
        run(write_csv(tmp_path / "employers.csv", rows_of("employers")), cycle=cycle)


def test_default_store_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PARITRANA_ANALYTICS_DIR", str(tmp_path / "env-store"))
    path = write_csv(tmp_path / "employers.csv", rows_of("employers"))

    report = import_files([path], cycle="2024")

    assert report.ok
    assert default_store() == tmp_path / "env-store"
    assert (tmp_path / "env-store" / "2024" / "employers.parquet").is_file()


def test_an_unrecognised_file_stops_the_import_but_not_the_checks(tmp_path, store, run):
    employers = rows_of("employers")
    employers[0]["scale"] = "GIANT"

    report = run(
        write_csv(tmp_path / "employers.csv", employers),
        write_csv(tmp_path / "workforce.csv", rows_of("workforce")),
        write_csv(tmp_path / "umk.csv", rows_of("minimum_wages")),
    )

    assert [f.status for f in report.files] == [
        FileStatus.REJECTED,
        FileStatus.NOT_STORED,
        FileStatus.REJECTED,
    ]
    assert [(p.file.rsplit("/", 1)[-1], p.row, p.column) for p in report.problems] == [
        ("employers.csv", 2, "scale"),
        ("umk.csv", None, None),
    ]
    assert stored_files(store) == {}
