"""Participants, streamed to Parquet in chunks: PU by employer, then BPU and JAKON by regency.

No chunk splits an employer or a regency, and each chunk draws from its own seeded stream,
so the output is the same however long the run and the peak memory is one chunk's worth.
While PU rows stream, each employer's payroll is summed for its contribution bills.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from paritrana.analytics import schema
from paritrana.analytics.generate_bpu import bpu_rows
from paritrana.analytics.generate_common import (
    BoolArray,
    FloatArray,
    IntArray,
    chance,
    ranges,
    stream,
)
from paritrana.analytics.generate_employers import (
    ARREARS,
    GOV_PROVINCE,
    PROFILE_PROGRAMMES,
    Employers,
)
from paritrana.analytics.generate_io import arrow_schema, parquet_sink
from paritrana.analytics.generate_plan import Plan
from paritrana.analytics.generate_rows import (
    EMPLOYER,
    GENERAL,
    JAKON,
    NON_ASN,
    PU,
    Rows,
    registration_days,
    rows_table,
)

#: JP contributions are computed on wages up to this ceiling (2024).
JP_WAGE_CEILING_RP = 10_042_300
#: PU workers who left their employer during the year: billed until they left, not active.
_LEFT_SHARE = 0.03
_UNDER_SHARE = 0.75
_JAKON_ACTIVE_P = 0.9


@dataclass(frozen=True)
class Payroll:
    """Per employer (columns), for its PU participants who stayed (row 0) or left during
    the year (row 1): what its monthly bills are computed from."""

    workers: FloatArray
    wages: FloatArray
    jp_wages: FloatArray  # wages capped at the JP ceiling

    @classmethod
    def empty(cls, employers: int) -> Payroll:
        return cls(*(np.zeros((2, employers)) for _ in range(3)))

    def add(self, start: int, stop: int, local: IntArray, left: BoolArray, wage: IntArray) -> None:
        """Sum one chunk's workers (``local`` = employer - start) into employers start..stop-1."""
        slot = local + left * (stop - start)  # stayed first, then left
        size = 2 * (stop - start)
        capped = np.minimum(wage, JP_WAGE_CEILING_RP)
        for target, weights in ((self.workers, None), (self.wages, wage), (self.jp_wages, capped)):
            sums = np.bincount(slot, weights=weights, minlength=size).reshape(2, stop - start)
            target[:, start:stop] = sums


Progress = Callable[[float], None]


def write_participants(
    plan: Plan, employers: Employers, seed: int, path: Path, progress: Progress
) -> tuple[int, Payroll]:
    rp = plan.regency
    chunk = plan.spec.chunk_rows
    payroll = Payroll.empty(len(employers))
    jobs: list[tuple[str, int, int]] = [
        *(("PU", a, b) for a, b in ranges(employers.registered, chunk)),
        *(("BPU", a, b) for a, b in ranges(rp.bpu, chunk)),
        *(("JAKON", a, b) for a, b in ranges(rp.jakon, chunk)),
    ]
    total = int(employers.registered.sum() + rp.bpu.sum() + rp.jakon.sum())
    written = 0
    with parquet_sink(path, arrow_schema(schema.PARTICIPANTS)) as write:
        for number, (segment, start, stop) in enumerate(jobs):
            rng = stream(seed, f"participants-{segment}", number)
            if segment == "PU":
                rows = _pu_rows(rng, plan, employers, start, stop, payroll)
            elif segment == "BPU":
                rows = bpu_rows(rng, plan, employers, start, stop)
            else:
                rows = _jakon_rows(rng, plan, start, stop)
            write(rows_table(plan, seed, written, rows), chunk)
            written += len(rows)
            progress(written / max(total, 1))
    return written, payroll


def _pu_rows(
    rng: np.random.Generator,
    plan: Plan,
    e: Employers,
    start: int,
    stop: int,
    payroll: Payroll,
) -> Rows:
    owner = np.repeat(np.arange(start, stop), e.registered[start:stop])
    n = len(owner)
    regency = e.regency[owner]
    umk = plan.model.regency.minimum_wage[plan.world.regencies][regency]
    honest = umk * np.maximum(1.0, np.exp(rng.normal(e.wage_level[owner], 0.35)))
    # Under-reporting employers declare most, not all, of their workers below the UMK.
    under = e.under_wage[owner] & chance(rng, _UNDER_SHARE, n)
    low = umk * rng.uniform(0.5, 0.98, n)
    wage = np.where(under, np.floor(low / 1000), np.ceil(honest / 1000)).astype(np.int64) * 1000
    left = chance(rng, _LEFT_SHARE, n)
    payroll.add(start, stop, owner - start, left, wage)
    gov = e.kind[owner] <= GOV_PROVINCE
    return Rows(
        segment=PU,
        npp=e.npp.take(pa.array(owner)),
        regency=regency,
        village=np.zeros(n, dtype=np.int64),
        has_village=np.zeros(n, dtype=np.bool_),
        programmes=PROFILE_PROGRAMMES[e.profile[owner]],
        # Workers of an employer in arrears at the end of the year are not active.
        active=~left & (e.behaviour[owner] != ARREARS),
        wage=wage,
        funding=np.full(n, EMPLOYER),
        funder_npp=pa.nulls(n, pa.string()),
        category=np.where(gov, NON_ASN, GENERAL),
        registered_on=registration_days(plan, rng.exponential(2000.0, n)),
    )


def _jakon_rows(rng: np.random.Generator, plan: Plan, start: int, stop: int) -> Rows:
    """Construction workers, registered per project during the year: JKK and JKM only."""
    regency = np.repeat(np.arange(start, stop), plan.regency.jakon[start:stop])
    n = len(regency)
    umk = plan.model.regency.minimum_wage[plan.world.regencies][regency]
    programmes = np.zeros((n, 5), dtype=np.bool_)
    programmes[:, :2] = True
    return Rows(
        segment=JAKON,
        npp=pa.nulls(n, pa.string()),
        regency=regency,
        village=np.zeros(n, dtype=np.int64),
        has_village=np.zeros(n, dtype=np.bool_),
        programmes=programmes,
        active=chance(rng, _JAKON_ACTIVE_P, n),  # the project is still running
        wage=np.ceil(umk * rng.uniform(0.85, 1.3, n) / 1000).astype(np.int64) * 1000,
        funding=np.full(n, EMPLOYER),
        funder_npp=pa.nulls(n, pa.string()),
        category=np.full(n, GENERAL),
        registered_on=registration_days(plan, rng.uniform(0.0, 365.0, n)),
    )
