"""Same seed, same bytes; another seed, other data; failures leave no half-written file."""

from __future__ import annotations

import numpy as np
import pytest

from paritrana.analytics.generate import generate
from paritrana.analytics.generate_common import apportion, ranges, stream


def _files(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_same_seed_gives_byte_identical_files(tmp_path):
    generate(scale="tiny", seed=7, out=tmp_path / "a")
    generate(scale="tiny", seed=7, out=tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_gives_other_data(tmp_path):
    generate(scale="tiny", seed=7, out=tmp_path / "a")
    generate(scale="tiny", seed=8, out=tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    for name in ("participants", "employers", "contributions", "budgets"):
        assert a[f"{name}.parquet"] != b[f"{name}.parquet"], name


def test_a_failed_run_leaves_no_partial_file(tmp_path, monkeypatch):
    from paritrana.analytics import generate as module

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "write_contributions", boom)
    with pytest.raises(RuntimeError):
        generate(scale="tiny", seed=1, out=tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    assert "contributions.parquet" not in names
    assert not any(n.endswith(".partial") for n in names)
    assert {"participants.parquet", "employers.parquet"} <= names


def test_streams_are_reproducible_and_independent():
    assert stream(1, "a").random() == stream(1, "a").random()
    assert stream(1, "a").random() != stream(1, "b").random()
    assert stream(1, "a", 0).random() != stream(1, "a", 1).random()
    with pytest.raises(ValueError, match="non-negative"):
        stream(-1, "a")


def test_apportion_is_exact_and_ranges_never_split_items():
    counts = apportion(10, np.array([1.0, 1.0, 1.0]))
    assert counts.sum() == 10
    assert counts.tolist() == [4, 3, 3]
    cuts = ranges(np.array([5, 1, 1, 9, 2]), 6)
    assert cuts == [(0, 2), (2, 3), (3, 4), (4, 5)]
    assert [i for a, b in cuts for i in range(a, b)] == list(range(5))


def test_unknown_scale_and_misplaced_province_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown scale"):
        generate(scale="galactic", seed=1, out=tmp_path)
    with pytest.raises(ValueError, match="only to the 'province' scale"):
        generate(scale="tiny", seed=1, out=tmp_path, province="32")
    with pytest.raises(ValueError, match="unknown province"):
        generate(scale="province", seed=1, out=tmp_path, province="99")
    assert not any(tmp_path.iterdir())


def test_progress_rises_to_one_through_the_stages(tmp_path):
    calls: list[tuple[str, float]] = []
    generate(scale="tiny", seed=1, out=tmp_path, progress=lambda s, f: calls.append((s, f)))
    fractions = [f for _, f in calls]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    stages = list(dict.fromkeys(s for s, _ in calls))
    assert stages == ["regions", "employers", "participants", "contributions", "done"]
