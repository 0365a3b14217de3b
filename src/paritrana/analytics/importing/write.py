"""Writing a validated table to Parquet, byte-reproducibly, and fingerprinting files.

The stored file's schema comes from ``schema.py``, not from the data: declared types, and
REQUIRED exactly for the non-nullable columns (DuckDB's own writer decides nullability from
what it can prove of an expression, so the same rows read from CSV or from Parquet came out
different). Rows stream from DuckDB to pyarrow's writer in fixed-size row groups, so the
same rows always give the same bytes, whatever file they came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from paritrana.analytics.importing.loaded import Loaded, column_types, ident
from paritrana.analytics.importing.values import STORED_TYPE, column_sql
from paritrana.analytics.schema import ColumnType, Dataset

ROW_GROUP = 1_000_000
_ARROW = {
    ColumnType.STRING: pa.string(),
    ColumnType.INT: pa.int64(),
    ColumnType.BOOL: pa.bool_(),
    ColumnType.DATE: pa.date32(),
    ColumnType.MONTH: pa.string(),
}


def stored_schema(dataset: Dataset) -> pa.Schema:
    return pa.schema(
        [pa.field(c.name, _ARROW[c.type], nullable=c.nullable) for c in dataset.columns]
    )


def write_parquet(con: duckdb.DuckDBPyConnection, loaded: Loaded, target: Path) -> None:
    """Store a validated file: declared columns, in declared order and types, in file order."""
    types = column_types(con, loaded.table)
    dataset = loaded.source.dataset
    select = ", ".join(
        f"CAST({column_sql(c, types[c.name]).value} AS {STORED_TYPE[c.type]}) AS {ident(c.name)}"
        for c in dataset.columns
    )
    schema = stored_schema(dataset)
    # No ORDER BY: the table is in file order and insertion order is preserved, which keeps
    # file order without sorting tens of millions of rows.
    reader = con.sql(f"SELECT {select} FROM {loaded.table}").to_arrow_reader(ROW_GROUP)  # noqa: S608 - identifiers are ours; file paths and values go through quote()/ident()
    with pq.ParquetWriter(target, schema, compression="zstd") as writer:
        for chunk in _exact_chunks(reader, ROW_GROUP):
            writer.write_table(chunk.cast(schema), row_group_size=ROW_GROUP)


def _exact_chunks(reader: pa.RecordBatchReader, size: int) -> Iterator[pa.Table]:
    """The reader's rows in tables of exactly ``size`` rows (the last may be shorter).

    DuckDB's batches follow its own storage layout; row groups must not.
    """
    pending: list[pa.RecordBatch] = []
    count = 0
    for batch in reader:
        pending.append(batch)
        count += batch.num_rows
        while count >= size:
            table = pa.Table.from_batches(pending)
            yield table.slice(0, size)
            rest = table.slice(size)
            pending, count = rest.to_batches(), rest.num_rows
    if count:
        yield pa.Table.from_batches(pending)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
