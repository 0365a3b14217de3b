"""Importing national membership extracts (CSV, XLSX, Parquet) into a cycle's analytics store.

Every file is validated against the declared schema (``analytics.schema``) and rejected whole
on any problem; the problems name file, row and column. See ``docs/importing.md``.
"""

from __future__ import annotations

from paritrana.analytics.importing.report import (
    MAX_PROBLEMS_SHOWN,
    FileFormat,
    FileResult,
    FileStatus,
    ImportReport,
    Problem,
    RowKind,
)
from paritrana.analytics.importing.service import import_files
from paritrana.analytics.importing.store import MANIFEST, STORE_ENV, StoreError, default_store

__all__ = [
    "MANIFEST",
    "MAX_PROBLEMS_SHOWN",
    "STORE_ENV",
    "FileFormat",
    "FileResult",
    "FileStatus",
    "ImportReport",
    "Problem",
    "RowKind",
    "StoreError",
    "default_store",
    "import_files",
]
