"""The same Ibis expressions on PySpark (local mode) give DuckDB's numbers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ibis
import pytest

from paritrana.analytics.indicators import compute_indicators
from paritrana.analytics.indicators.backends import SMALL_DATA_CONF, spark_session
from paritrana.analytics.indicators.compare import compare_outputs

from .conftest import read_output

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    session = spark_session(cores=2, conf=SMALL_DATA_CONF)
    try:
        yield ibis.pyspark.connect(session)
    finally:
        session.stop()


def test_pyspark_equals_duckdb(
    spark: Any, tiny_dir: Path, previous_dir: Path, duckdb_out: Path, tmp_path: Path
):
    written = compute_indicators(
        spark, data_dir=tiny_dir, out_dir=tmp_path, previous_dir=previous_dir
    )
    assert written == {e: len(read_output(duckdb_out, e)) for e in written}
    for entity, diff in compare_outputs(duckdb_out, tmp_path).items():
        assert diff.identical, (entity, diff)
    # Same rows, nulls in the same places (compare_outputs checked the floats to 1e-9).
    for entity in written:
        left, right = (
            read_output(out, entity).sort_values(["entity_id", "indicator"], ignore_index=True)
            for out in (duckdb_out, tmp_path)
        )
        assert left[["entity_id", "indicator"]].equals(right[["entity_id", "indicator"]])
        numbers = ["value", "numerator", "denominator"]
        assert left[numbers].isna().equals(right[numbers].isna())
