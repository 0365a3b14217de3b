"""Step 4, treat: outlier treatment as COINr does it.

Default per indicator: winsorise (see :mod:`paritrana.scoring.winsor`) with thresholds
``skew`` / ``kurtosis`` and at most ``winmax`` passes (default: 10% of units, rounded up).
If the thresholds are still exceeded when winsorising stops, the winsorising is thrown
away and the *original* column gets the ``fallback`` transform instead:

* ``ctlog``  ln(x - min + 0.01 (max - min))            (COIN Tool log, COINr's default)
* ``log``    ln(x); refused (column left untreated, logged) if any x <= 0
* ``giilog`` ln((max - 1)(x - min)/(max - min) + 1)
* ``boxcox`` Box-Cox of x - min + 1 with ``boxcox_lambda`` (ln when lambda = 0)
* ``none``   leave the column as it is.

``per_indicator`` overrides any of these for named indicators; its ``method`` may also
force a transform (``ctlog``...) or ``none`` for that indicator.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from paritrana.scoring.errors import SpecError
from paritrana.scoring.frames import frame_of
from paritrana.scoring.stats import FloatArray
from paritrana.scoring.step import StepContext, StepResult, choice, parse_params
from paritrana.scoring.winsor import winsorise_column

TRANSFORMS = ("ctlog", "log", "giilog", "boxcox", "none")
METHODS = ("winsorise", *TRANSFORMS)
_FLAG = {"ctlog": "CTLog", "log": "Log", "giilog": "GIILog", "boxcox": "BoxCox"}
# Cell flags as in COINr's treat_flags; stored as categorical codes (840k x 20 strings is slow)
FLAGS = ("No", "WLow", "WHigh", "CTLog", "Log", "GIILog", "BoxCox", "Err")
_CODE = {flag: np.int8(i) for i, flag in enumerate(FLAGS)}


@dataclass(frozen=True)
class TreatParams:
    method: str = "winsorise"
    skew: float = 2.0
    kurtosis: float = 3.5
    winmax: int | str | None = None
    winchange: bool = True
    fallback: str = "ctlog"
    boxcox_lambda: float | None = None
    per_indicator: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        choice(self.method, METHODS, "treat: method")
        choice(self.fallback, TRANSFORMS, "treat: fallback")
        if "boxcox" in (self.method, self.fallback) and self.boxcox_lambda is None:
            raise SpecError("treat: boxcox needs boxcox_lambda")

    def winmax_for(self, units: int) -> int:
        """``winmax`` as a count: an int, a percentage string like '10%', or None = 10%."""
        value = "10%" if self.winmax is None else self.winmax
        if isinstance(value, str):
            if not value.endswith("%"):
                raise SpecError(f"treat: winmax '{value}' must be a count or a percentage")
            return math.ceil(units * float(value[:-1]) / 100 - 1e-9)  # 10% of 51 -> 6, as COINr
        return int(value)

    def for_indicator(self, code: str) -> TreatParams:
        override = self.per_indicator.get(code)
        if override is None:
            return self
        extra = {k: v for k, v in override.items() if k != "per_indicator"}
        merged = {**asdict(self), **extra, "per_indicator": {}}
        return parse_params(TreatParams, merged, f"treat: per_indicator '{code}'")


def treat(data: pd.DataFrame, ctx: StepContext, params: TreatParams) -> StepResult:
    unknown = [c for c in params.per_indicator if c not in data.columns]
    if unknown:
        raise SpecError(f"treat: per_indicator names unknown indicator(s): {', '.join(unknown)}")
    del ctx  # treatment looks only at the dataset itself
    columns: dict[str, FloatArray] = {}
    flags, rows = {}, []
    for code in data.columns:
        p = params.for_indicator(str(code))
        column, flag, row = _treat_column(data[code].to_numpy(dtype=float), p, len(data))
        columns[str(code)] = column
        flags[code] = pd.Categorical.from_codes(flag, categories=pd.Index(FLAGS))
        rows.append({"indicator": str(code), **row})
    out = frame_of(columns, data.index)
    flag_table = pd.DataFrame(flags, index=data.index)
    summary = pd.DataFrame(rows).set_index("indicator")
    log = {
        "winmax_used": params.winmax_for(len(data)),
        "summary": summary.reset_index().to_dict("records"),
    }
    return StepResult(
        data=out, log=log, tables={"treat_summary": summary, "treat_flags": flag_table}
    )


def _treat_column(
    x: FloatArray, p: TreatParams, units: int
) -> tuple[FloatArray, npt.NDArray[np.int8], dict[str, Any]]:
    if p.method != "winsorise":
        y, flag, text = _transform(x, p.method, p.boxcox_lambda)
        return y, flag, {"low": 0, "high": 0, "passes": 0, "treatment": text}
    winmax = p.winmax_for(units)
    w = winsorise_column(x, winmax=winmax, t_skew=p.skew, t_kurt=p.kurtosis, winchange=p.winchange)
    row: dict[str, Any] = {
        "passes": w.passes,
        "skew_before": w.skew_before,
        "kurtosis_before": w.kurt_before,
    }
    if not w.thresholds_met:
        y, flag, text = _transform(x, p.fallback, p.boxcox_lambda)
        return y, flag, {"low": 0, "high": 0, **row, "treatment": f"{text} (exceeded winmax)"}
    y = np.clip(x, w.lower, w.upper)  # NaN stays NaN
    flags = np.where(x < w.lower, _CODE["WLow"], np.where(x > w.upper, _CODE["WHigh"], _CODE["No"]))
    text = f"Winsorised {w.passes} points" if w.passes else "None"
    extra = {"skew_after": w.skew_after, "kurtosis_after": w.kurt_after}
    return y, flags, {"low": w.low, "high": w.high, **row, **extra, "treatment": text}


def _transform(
    x: FloatArray, kind: str, lam: float | None
) -> tuple[FloatArray, npt.NDArray[np.int8], str]:
    """Apply a log-type transform; returns (values, cell flags, treatment text)."""
    if kind == "none":
        return x.copy(), _flags(x, "No"), "None"
    lo, hi = np.nanmin(x), np.nanmax(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "log":
            if (x[~np.isnan(x)] <= 0).any():
                return x.copy(), _flags(x, "Err"), "None: log of values <= 0 refused"
            y = np.log(x)
        elif kind == "ctlog":
            y = np.log(x - lo + 0.01 * (hi - lo))
        elif kind == "giilog":
            y = np.log((hi - 1) * (x - lo) / (hi - lo) + 1)
        else:
            y = _boxcox(x - lo + 1, float(lam if lam is not None else 0.0))
    return y, _flags(x, _FLAG[kind]), _FLAG[kind]


def _flags(x: FloatArray, flag: str) -> npt.NDArray[np.int8]:
    return np.full(x.shape, _CODE[flag], dtype=np.int8)


def _boxcox(x: FloatArray, lam: float) -> FloatArray:
    return np.log(x) if lam == 0 else (x**lam - 1) / lam
