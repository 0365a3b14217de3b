"""Arrow tables that match the declared schema, and byte-reproducible Parquet files.

Parquet written by pyarrow carries no timestamp; with a fixed row order and row-group
size the same rows give the same bytes. Strings are built by ``take`` from a small
dictionary of codes (C++, no Python string per row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from paritrana.analytics.generate_common import IntArray, StrArray, stream
from paritrana.analytics.schema import ColumnType, Dataset

#: Appends a table to an open Parquet file, in row groups of the given size.
Write = Callable[[pa.Table, int], None]

_ARROW_TYPES: Mapping[ColumnType, pa.DataType] = {
    ColumnType.STRING: pa.string(),
    ColumnType.INT: pa.int64(),
    ColumnType.BOOL: pa.bool_(),
    ColumnType.DATE: pa.date32(),
    ColumnType.MONTH: pa.string(),
}
#: Columns of unique identifiers: dictionary encoding would only be tried and abandoned.
_UNIQUE_COLUMNS = frozenset({"kpj", "npp"})
_KPJ_BASE = 10_000_000_000  # 11-digit participant numbers
_NPP_BASE = 100_000_000  # 9-digit employer numbers
# Multipliers coprime with the modulus make i -> (a*i + b) mod m a permutation: numbers
# look scattered yet are unique by construction.
_KPJ_MULTIPLIER = 7_654_321_237
_NPP_MULTIPLIER = 48_271_843


def arrow_schema(dataset: Dataset) -> pa.Schema:
    """The Arrow schema of a dataset; non-nullable columns are Parquet REQUIRED fields."""
    return pa.schema(
        [pa.field(c.name, _ARROW_TYPES[c.type], nullable=c.nullable) for c in dataset.columns]
    )


def table(dataset: Dataset, columns: Mapping[str, pa.Array | pa.ChunkedArray]) -> pa.Table:
    """A table with exactly the dataset's columns, in order, cast to the declared types."""
    if tuple(columns) != dataset.column_names:
        raise ValueError(f"{dataset.name}: columns {tuple(columns)} != {dataset.column_names}")
    target = arrow_schema(dataset)
    arrays = [columns[f.name].cast(f.type) for f in target]
    return pa.Table.from_arrays(arrays, schema=target)


def code_array(codes: StrArray, index: IntArray) -> pa.Array:
    """``codes[index]`` as an Arrow string array, without a Python string per row."""
    return pa.array(codes.tolist(), type=pa.string()).take(pa.array(index, type=pa.int64()))


def masked_codes(codes: StrArray, index: IntArray, present: np.ndarray) -> pa.Array:
    """Like :func:`code_array`, null where ``present`` is false."""
    masked = pa.array(index, type=pa.int64(), mask=~np.asarray(present, dtype=np.bool_))
    return pa.array(codes.tolist(), type=pa.string()).take(masked)


def kpj_numbers(seed: int, first: int, count: int) -> pa.Array:
    """Participant numbers of rows ``first .. first+count-1``: unique, seed-dependent."""
    offset = int(stream(seed, "kpj").integers(0, _KPJ_BASE))
    i = np.arange(first, first + count, dtype=np.int64)
    return pa.array((i * _KPJ_MULTIPLIER + offset) % _KPJ_BASE + _KPJ_BASE).cast(pa.string())


def npp_numbers(seed: int, count: int) -> pa.Array:
    offset = int(stream(seed, "npp").integers(0, _NPP_BASE))
    i = np.arange(count, dtype=np.int64)
    return pa.array((i * _NPP_MULTIPLIER + offset) % _NPP_BASE + _NPP_BASE).cast(pa.string())


def write_table(path: Path, data: pa.Table, row_group_size: int) -> None:
    with parquet_sink(path, data.schema) as write:
        write(data, row_group_size)


@contextmanager
def parquet_sink(path: Path, arrow: pa.Schema) -> Iterator[Write]:
    """Stream tables into one Parquet file; yields ``write(table, row_group_size)``."""
    dictionary = [f.name for f in arrow if f.name not in _UNIQUE_COLUMNS]
    # Written under a temporary name and renamed when complete: a failed run never leaves
    # a truncated file under the dataset's name.
    partial = path.with_name(path.name + ".partial")
    writer = pq.ParquetWriter(
        partial, arrow, compression="zstd", use_dictionary=dictionary, write_statistics=True
    )
    try:
        yield lambda data, size: writer.write_table(data, row_group_size=size)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise
    writer.close()
    partial.replace(path)
