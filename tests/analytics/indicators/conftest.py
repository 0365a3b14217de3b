"""Hand-made tiny data and the indicators the default backend computes from it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from paritrana.analytics.indicators import compute_indicators, connect

from .tiny_data import write_previous, write_tiny


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="session")
def previous_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_previous(tmp_path_factory.mktemp("tiny_previous"))


@pytest.fixture(scope="session")
def duckdb_out(
    tiny_dir: Path, previous_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("out_duckdb")
    with connect("duckdb") as con:
        compute_indicators(con, data_dir=tiny_dir, out_dir=out, previous_dir=previous_dir)
    return out


def read_output(out: Path, entity: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{entity}.parquet")
