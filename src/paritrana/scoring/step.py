"""What every pipeline step shares: its context, its result and parameter parsing.

A step is a pure function ``(dataset, context, params) -> StepResult``: it reads one
named dataset (units x indicators, indexed by unit code) and returns the next one plus a
log of what it did, so the run record can show and replay every decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, TypeVar

import pandas as pd

from paritrana.scoring.errors import SpecError
from paritrana.scoring.tree import CriteriaTree
from paritrana.scoring.units import UnitTable


@dataclass(frozen=True)
class StepContext:
    """Read-only facts a step may need besides its input dataset."""

    tree: CriteriaTree
    units: UnitTable


@dataclass(frozen=True)
class StepResult:
    """The dataset a step writes, its log (JSON-safe) and any side tables (e.g. flags)."""

    data: pd.DataFrame
    log: dict[str, Any]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


P = TypeVar("P")


def parse_params(cls: type[P], raw: Mapping[str, Any] | None, where: str) -> P:
    """Build the frozen parameter dataclass ``cls`` from YAML; unknown keys are refused."""
    raw = dict(raw or {})
    if not is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SpecError(
            f"{where}: unknown parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    try:
        return cls(**raw)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, SpecError):
            raise
        raise SpecError(f"{where}: {exc}") from None


def choice(value: str, allowed: tuple[str, ...], where: str) -> str:
    """Refuse a method name outside ``allowed`` with the list of what is allowed."""
    if value not in allowed:
        raise SpecError(f"{where}: '{value}' is not one of {', '.join(allowed)}")
    return value


def restrict(data: pd.DataFrame, units: UnitTable) -> UnitTable:
    """The unit table cut down to the units still present in ``data`` (after screening)."""
    idx = data.index
    if idx.equals(units.codes):  # no unit screened out: share, don't copy (840k rows)
        return units
    return UnitTable(
        names=units.names.loc[idx],
        groups=units.groups.loc[idx],
        denominators=units.denominators.loc[idx],
        indicators=units.indicators.loc[idx],
    )
