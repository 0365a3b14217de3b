"""Synthetic nation generator: realistic membership data on the real region codes.

``generate(scale=..., seed=..., out=...)`` writes one Parquet file per dataset of
:mod:`paritrana.analytics.schema` (``<out>/<dataset>.parquet``) and returns the row counts.
The same seed gives byte-identical files. The steps, each in its own module:

1. ``generate_world``    — the real regions the preset keeps;
2. ``generate_nation``   — the national model, drawn once for all real regions;
3. ``generate_plan``     — whole-number counts for the preset's world;
4. ``generate_employers`` — employers and their hidden traits;
5. ``generate_participants`` / ``generate_bpu`` — participants, streamed in chunks;
6. ``generate_contributions`` — twelve monthly bills per employer, with payment behaviour;
7. ``generate_regional`` — workforce, minimum wages, budgets, regulations.

docs/data.md explains how each realism feature is modelled.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from paritrana.analytics import schema
from paritrana.analytics.generate_contributions import write_contributions
from paritrana.analytics.generate_employers import make_employers
from paritrana.analytics.generate_io import write_table
from paritrana.analytics.generate_nation import national_model
from paritrana.analytics.generate_participants import write_participants
from paritrana.analytics.generate_plan import make_plan
from paritrana.analytics.generate_regional import (
    budgets_table,
    minimum_wages_table,
    regulations_table,
    workforce_table,
)
from paritrana.analytics.generate_scales import SCALES, ScaleSpec, resolve_scale
from paritrana.analytics.generate_world import build_world

__all__ = ["SCALES", "ScaleSpec", "generate"]

#: Share of the run each stage takes, for one overall progress fraction.
_STAGES = {"regions": 0.02, "employers": 0.03, "participants": 0.8, "contributions": 0.13}


def generate(
    *,
    scale: str,
    seed: int,
    out: Path,
    year: int = 2024,
    province: str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> dict[str, int]:
    """Write all datasets for ``scale`` into ``out``; returns rows written per dataset.

    ``progress(stage, fraction)`` is called as work advances, ``fraction`` being the overall
    completion (0..1) and ``stage`` the step under way.
    """
    spec = resolve_scale(scale, province)
    report = _Reporter(progress)
    out.mkdir(parents=True, exist_ok=True)
    world = build_world(spec)
    plan = make_plan(spec, world, national_model(world.nation, seed), year)
    report("regions", 1.0)
    employers, employer_table = make_employers(plan, seed)
    write_table(_path(out, schema.EMPLOYERS), employer_table, spec.chunk_rows)
    report("employers", 1.0)
    participants, payroll = write_participants(
        plan,
        employers,
        seed,
        _path(out, schema.PARTICIPANTS),
        lambda f: report("participants", f),
    )
    contributions = write_contributions(
        plan,
        employers,
        payroll,
        seed,
        _path(out, schema.CONTRIBUTIONS),
        lambda f: report("contributions", f),
    )
    counts = {
        schema.PARTICIPANTS.name: participants,
        schema.EMPLOYERS.name: employer_table.num_rows,
        schema.CONTRIBUTIONS.name: contributions,
    }
    for dataset, data in (
        (schema.WORKFORCE, workforce_table(plan)),
        (schema.BUDGETS, budgets_table(plan, seed)),
        (schema.REGULATIONS, regulations_table(plan, seed)),
        (schema.MINIMUM_WAGES, minimum_wages_table(plan)),
    ):
        write_table(_path(out, dataset), data, spec.chunk_rows)
        counts[dataset.name] = data.num_rows
    report("done", 1.0)
    return {name: counts[name] for name in schema.DATASETS}


def _path(out: Path, dataset: schema.Dataset) -> Path:
    return out / f"{dataset.name}.parquet"


class _Reporter:
    """Turns (stage, fraction of that stage) into (stage, overall fraction)."""

    def __init__(self, progress: Callable[[str, float], None] | None) -> None:
        self._progress = progress
        self._offsets: dict[str, float] = {}
        done = 0.0
        for stage, weight in _STAGES.items():
            self._offsets[stage] = done
            done += weight

    def __call__(self, stage: str, fraction: float) -> None:
        if self._progress is None:
            return
        if stage not in _STAGES:
            self._progress(stage, 1.0)
            return
        overall = self._offsets[stage] + _STAGES[stage] * min(max(fraction, 0.0), 1.0)
        self._progress(stage, min(overall, 1.0))
