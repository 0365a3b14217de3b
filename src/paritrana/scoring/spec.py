"""The pipeline specification: which steps run, with which parameters (YAML or dict).

```yaml
name: PEMDA 2024
units: {code: UnitCode, name: UnitName, groups: [Group_EurAsia]}   # optional
steps:                     # run in this order; each optional except normalise and aggregate
  denominate: {}
  screen: {min_availability: 0.5}
  impute: {method: mean, by: Group_EurAsia}
  treat: {skew: 2, kurtosis: 3.5, winmax: 10%, fallback: ctlog}
  normalise: {method: minmax, range: [0, 100]}
  weight: {method: given}
  aggregate: {method: arithmetic, min_availability: 0}
ranks: {decimals: 2, tie_breakers: [Cakupan, Regulasi]}
sensitivity: {runs: 1000, seed: 1, perturbation: uniform, spread: 0.25,
              normalise: [{method: minmax, range: [1, 100]}, {method: zscore}],
              aggregate: [{method: arithmetic}, {method: geometric}]}
```
Every parameter is documented in ``docs/scoring.md``; unknown keys are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from paritrana.scoring.aggregate import AggregateParams
from paritrana.scoring.denominate import DenominateParams
from paritrana.scoring.errors import SpecError
from paritrana.scoring.impute import ImputeParams
from paritrana.scoring.normalise import NormaliseParams
from paritrana.scoring.screen import ScreenParams
from paritrana.scoring.step import choice, parse_params
from paritrana.scoring.treat import TreatParams
from paritrana.scoring.units import UnitColumns
from paritrana.scoring.weighting import WeightParams

# Step name -> (parameter class, name of the dataset it writes), in the order steps run.
STEPS: dict[str, tuple[type[Any], str | None]] = {
    "denominate": (DenominateParams, "denominated"),
    "screen": (ScreenParams, "screened"),
    "impute": (ImputeParams, "imputed"),
    "treat": (TreatParams, "treated"),
    "normalise": (NormaliseParams, "normalised"),
    "weight": (WeightParams, None),  # writes weights, not a unit dataset
    "aggregate": (AggregateParams, "aggregated"),
}
REQUIRED_STEPS = ("normalise", "aggregate")


@dataclass(frozen=True)
class RankParams:
    """``decimals``: round scores before ranking (None: exact); ``tie_breakers``: node codes."""

    decimals: int | None = None
    tie_breakers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "tie_breakers", tuple(str(c) for c in self.tie_breakers))


@dataclass(frozen=True)
class SensitivityParams:
    """Monte Carlo over weights and method alternatives (see :mod:`.sensitivity`)."""

    runs: int = 1000
    seed: int = 0
    perturbation: str = "uniform"
    spread: float = 0.25
    concentration: float = 100.0
    perturb: str = "all"
    normalise: tuple[Mapping[str, Any], ...] = ()
    aggregate: tuple[Mapping[str, Any], ...] = ()
    top: int = 3

    def __post_init__(self) -> None:
        choice(self.perturbation, ("uniform", "dirichlet", "none"), "sensitivity: perturbation")
        choice(self.perturb, ("all", "aggregates", "indicators"), "sensitivity: perturb")
        if self.runs < 1 or not 0 <= self.spread < 1 or self.concentration <= 0 or self.top < 1:
            raise SpecError(
                "sensitivity: need runs >= 1, 0 <= spread < 1, concentration > 0, top >= 1"
            )
        object.__setattr__(self, "normalise", tuple(self.normalise))
        object.__setattr__(self, "aggregate", tuple(self.aggregate))
        for alt in self.normalise:
            parse_params(NormaliseParams, alt, "sensitivity: normalise alternative")
        for alt in self.aggregate:
            parse_params(AggregateParams, alt, "sensitivity: aggregate alternative")


@dataclass(frozen=True)
class PipelineSpec:
    name: str
    steps: Mapping[str, Any]  # step name -> its parameter dataclass, canonical order
    units: UnitColumns = field(default_factory=UnitColumns)
    ranks: RankParams = field(default_factory=RankParams)
    sensitivity: SensitivityParams | None = None

    def params(self, step: str) -> Any:
        return self.steps.get(step)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form that :func:`spec_from_dict` reads back to an equal spec."""
        out: dict[str, Any] = {
            "name": self.name,
            "units": _clean(asdict(self.units)),
            "steps": {name: _clean(asdict(p)) for name, p in self.steps.items()},
            "ranks": _clean(asdict(self.ranks)),
        }
        if self.sensitivity is not None:
            out["sensitivity"] = _clean(asdict(self.sensitivity))
        return out


def spec_from_dict(raw: Mapping[str, Any]) -> PipelineSpec:
    unknown = set(raw) - {"name", "units", "steps", "ranks", "sensitivity"}
    if unknown:
        raise SpecError(f"pipeline: unknown section(s) {', '.join(sorted(unknown))}")
    steps_raw = raw.get("steps") or {}
    if not isinstance(steps_raw, Mapping):
        raise SpecError("pipeline: 'steps' must be a mapping of step name -> parameters")
    names = list(steps_raw)
    for name in names:
        if name not in STEPS:
            raise SpecError(f"pipeline: unknown step '{name}'; steps are {', '.join(STEPS)}")
    for name in REQUIRED_STEPS:
        if name not in names:
            raise SpecError(f"pipeline: the '{name}' step is required")
    steps = {  # always the canonical order, whatever the order of the YAML keys
        name: parse_params(STEPS[name][0], steps_raw[name], f"step '{name}'")
        for name in STEPS
        if name in names
    }
    units = _units(raw.get("units"))
    ranks = parse_params(RankParams, raw.get("ranks"), "ranks")
    sens_raw = raw.get("sensitivity")
    sens = None if sens_raw is None else parse_params(SensitivityParams, sens_raw, "sensitivity")
    return PipelineSpec(
        name=str(raw.get("name", "")), steps=steps, units=units, ranks=ranks, sensitivity=sens
    )


def load_spec(path: Path) -> PipelineSpec:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, Mapping):
        raise SpecError(f"{path}: a pipeline YAML must be a mapping")
    return spec_from_dict(raw)


def _units(raw: Any) -> UnitColumns:
    if raw is None:
        return UnitColumns()
    if not isinstance(raw, Mapping) or set(raw) - {"code", "name", "groups"}:
        raise SpecError("pipeline: 'units' takes only code, name and groups")
    groups = raw.get("groups")
    return UnitColumns(
        code=raw.get("code"),
        name=raw.get("name"),
        groups=None if groups is None else tuple(str(g) for g in groups),
    )


def _clean(value: Any) -> Any:
    """Tuples to lists and mappings to dicts, recursively, so JSON and YAML round-trip."""
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value
