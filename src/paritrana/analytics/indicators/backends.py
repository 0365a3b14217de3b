"""Connecting Ibis to DuckDB (embedded default) or to PySpark (data beyond one machine).

The indicator expressions never look at which backend runs them; only connecting and
writing a Parquet file differ, and both live here.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import ibis
import pyarrow.parquet as pq

from paritrana.analytics.indicators.registry import Table

Backend = Any
SparkSession = Any

BACKENDS = ("duckdb", "pyspark")
DEFAULT_THREADS = 2
#: Leaves room under the 4 GB budget for Python, Arrow buffers and the result writer.
DEFAULT_MEMORY_LIMIT = "3GB"

_SPARK_LOG4J = """\
rootLogger.level = error
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


def connect_duckdb(
    *, threads: int = DEFAULT_THREADS, memory_limit: str = DEFAULT_MEMORY_LIMIT
) -> Backend:
    # Insertion order is kept (the default) so that outputs written from sorted base tables
    # stay sorted without a sort over millions of tidy rows; the big scans are aggregations,
    # where it costs nothing.
    con = ibis.duckdb.connect(
        threads=threads, memory_limit=memory_limit, preserve_insertion_order=True
    )
    # DuckDB draws its own progress bar on long queries; the CLI draws one already.
    con.raw_sql("SET enable_progress_bar = false")
    return con


#: For small inputs (tests, demo), where Spark's fixed costs dominate: compiling whole-stage
#: Java code and re-planning each stage adaptively cost more than they save on a few
#: thousand rows (together they halve the tiny-data run).
SMALL_DATA_CONF: Mapping[str, str] = {
    "spark.sql.codegen.wholeStage": "false",
    "spark.sql.adaptive.enabled": "false",
}


def spark_session(
    *, cores: int = DEFAULT_THREADS, conf: Mapping[str, str] | None = None
) -> SparkSession:
    """A quiet local Spark: no UI, few shuffle partitions (the defaults suit clusters)."""
    from pyspark.sql import SparkSession as Session  # noqa: PLC0415 - JVM start only when asked

    log4j = Path(tempfile.mkdtemp(prefix="paritrana-spark-")) / "log4j2.properties"
    log4j.write_text(_SPARK_LOG4J, encoding="utf-8")
    builder = (
        Session.builder.master(f"local[{cores}]")
        .appName("paritrana-indicators")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config("spark.sql.session.timeZone", "UTC")
        # Results reach Python through Arrow rather than row by row through Py4J.
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log4j.as_uri()}")
    )
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


@contextmanager
def connect(backend: str = "duckdb", *, threads: int = DEFAULT_THREADS) -> Iterator[Backend]:
    if backend == "duckdb":
        con = connect_duckdb(threads=threads)
        try:
            yield con
        finally:
            con.disconnect()
    elif backend == "pyspark":
        session = spark_session(cores=threads)
        try:
            yield ibis.pyspark.connect(session)
        finally:
            session.stop()
    else:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def materialize(con: Backend, table: Table, releases: ExitStack) -> Table:
    """Compute a table once and keep it for several queries; released when ``releases`` closes.

    Spark uses Ibis's ``cache()``. On DuckDB that is broken with the locked versions (Ibis
    12.0 with duckdb 2.0 and sqlglot 30: the cached table is never created and dropping it
    renders ``DROP TABLE IF EXISTS`` without a name), so a temporary table is made directly.
    """
    if con.name != "duckdb":
        cached: Table = releases.enter_context(table.cache())
        return cached
    name = f"paritrana_{uuid.uuid4().hex}"
    stored = con.create_table(name, table, temp=True)
    releases.callback(con.raw_sql, f'DROP TABLE IF EXISTS "{name}"')
    return stored


def write_parquet(con: Backend, table: Table, path: Path) -> None:
    """One Parquet file per table on every backend (Spark alone would write a folder)."""
    if con.name == "duckdb":
        con.to_parquet(table, str(path))
        return
    with con.to_pyarrow_batches(table) as batches, pq.ParquetWriter(path, batches.schema) as out:
        for batch in batches:
            out.write_batch(batch)
