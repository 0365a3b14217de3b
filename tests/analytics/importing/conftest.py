"""Fixtures of the importer tests: a store in tmp_path and a one-call import into it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from paritrana.analytics.importing import ImportReport, import_files


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def run(store: Path) -> Callable[..., ImportReport]:
    def _run(*paths: Path, cycle: str = "2024", dataset: str | None = None) -> ImportReport:
        return import_files(list(paths), cycle=cycle, store=store, dataset=dataset)

    return _run
