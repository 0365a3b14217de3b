"""Unit data: checking a DataFrame against a tree and splitting it into named parts.

A unit is one assessed entity (a regency, a company...). The input is one row per unit
with a code column, an optional name, group columns (for imputation by group),
denominator columns and one column per indicator of the tree — COINr's ``iData``.
Rubric indicators may hold level labels instead of numbers; they become the level values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from paritrana.scoring.errors import DataError
from paritrana.scoring.frames import frame_of
from paritrana.scoring.tree import CriteriaTree, Node

CODE_COLUMNS = ("uCode", "UnitCode", "code")
NAME_COLUMNS = ("uName", "UnitName", "name")
GROUP_PREFIX = "Group_"
_SHOW = 5  # how many offending cells an error message lists before "..."


@dataclass(frozen=True)
class UnitColumns:
    """Which columns of the input are the code, the name and the groups (None: detect)."""

    code: str | None = None
    name: str | None = None
    groups: tuple[str, ...] | None = None


@dataclass(frozen=True)
class UnitTable:
    """Checked unit data. Every frame is indexed by unit code, rows in input order."""

    names: pd.Series
    groups: pd.DataFrame
    denominators: pd.DataFrame
    indicators: pd.DataFrame

    @property
    def codes(self) -> pd.Index:
        return self.indicators.index


def prepare_units(
    frame: pd.DataFrame, tree: CriteriaTree, columns: UnitColumns | None = None
) -> UnitTable:
    """Check ``frame`` against ``tree`` and split it; every refusal names the column or unit."""
    cols = columns or UnitColumns()
    code_col = _pick(frame, cols.code, CODE_COLUMNS, "unit code")
    if code_col is None:
        raise DataError(f"the data have no unit code column (looked for {', '.join(CODE_COLUMNS)})")
    codes = _unit_codes(frame[code_col])
    name_col = _pick(frame, cols.name, NAME_COLUMNS, "unit name")
    names = (
        frame[name_col].astype("string").fillna("")
        if name_col
        else pd.Series("", index=frame.index, dtype="string")
    )
    group_cols = list(cols.groups) if cols.groups is not None else _detect_groups(frame)
    _need_columns(frame, group_cols, "group")
    denominators = sorted({n.denominator for n in _indicators(tree) if n.denominator})
    _need_columns(frame, denominators, "denominator")
    _need_columns(frame, list(tree.indicators), "indicator")
    index = codes
    indicators = frame_of(
        {code: _numeric(frame[code], codes, tree.node(code)) for code in tree.indicators}, index
    )
    dens = pd.DataFrame(
        {d: _numeric(frame[d], codes, None, label=d) for d in denominators}, index=index
    )
    groups = frame[group_cols].astype("string").set_axis(index)
    return UnitTable(
        names=names.set_axis(index), groups=groups, denominators=dens, indicators=indicators
    )


def _pick(
    frame: pd.DataFrame, given: str | None, candidates: Sequence[str], what: str
) -> str | None:
    if given is not None:
        if given not in frame.columns:
            raise DataError(f"the {what} column '{given}' is not in the data")
        return given
    return next((c for c in candidates if c in frame.columns), None)


def _unit_codes(column: pd.Series) -> pd.Index:
    if column.isna().any():
        rows = [str(i) for i in column.index[column.isna()][:_SHOW]]
        raise DataError(f"unit code is missing in row(s) {', '.join(rows)}")
    codes: pd.Index = pd.Index(
        column.astype("string").str.strip().to_numpy(dtype=object), name="code"
    )
    if not codes.is_unique:
        dupes = sorted(str(c) for c in codes[codes.duplicated()].unique())
        raise DataError(f"duplicate unit codes: {', '.join(dupes[:_SHOW])}")
    return codes


def _detect_groups(frame: pd.DataFrame) -> list[str]:
    return [str(c) for c in frame.columns if str(c).startswith(GROUP_PREFIX)]


def _need_columns(frame: pd.DataFrame, needed: Sequence[str], what: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataError(f"{what} column(s) missing from the data: {', '.join(missing)}")


def _indicators(tree: CriteriaTree) -> list[Node]:
    return [tree.node(c) for c in tree.indicators]


def _numeric(
    column: pd.Series, codes: pd.Index, node: Node | None, *, label: str | None = None
) -> np.ndarray:
    """Float values of one column; rubric labels map to their level value."""
    name = label if label is not None else (node.code if node else "?")
    values = column
    if node is not None and node.levels:
        labels = {lv.label: lv.value for lv in node.levels if lv.label is not None}
        values = column.map(lambda v: labels.get(v, v) if isinstance(v, str) else v)
    converted: pd.Series
    bad: pd.Series
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        converted = values  # already numbers: nothing to check cell by cell (fast at 840k)
        bad = pd.Series(np.zeros(len(values), dtype=bool), index=values.index)
    else:
        converted = pd.to_numeric(values, errors="coerce")
        bad = converted.isna() & values.notna() & (values.astype("string").str.strip() != "")
    if bad.any():
        cells = [f"unit '{codes[i]}' = {column.iloc[i]!r}" for i in np.flatnonzero(bad)[:_SHOW]]
        more = " ..." if bad.sum() > _SHOW else ""
        raise DataError(f"column '{name}' has non-numeric values: {'; '.join(cells)}{more}")
    out = converted.to_numpy(dtype=float, na_value=np.nan)
    if np.isinf(out).any():
        unit = codes[int(np.flatnonzero(np.isinf(out))[0])]
        raise DataError(f"column '{name}' has an infinite value for unit '{unit}'")
    return out
