"""BPU (non-wage, informal) participants of a run of regencies.

Within each regency, in order: village officials (by village, paid from the APBDes),
vulnerable villagers funded by their village, vulnerable workers funded by the regency's
or province's APBD at Rp16,800/month (declared income Rp1M: JKK 1 % + JKM Rp6,800),
vulnerable workers funded by a company's CSR, and self-paying workers. BPU has no JP and
no JKP.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa

from paritrana.analytics.generate_common import FloatArray, IntArray, chance
from paritrana.analytics.generate_employers import Employers
from paritrana.analytics.generate_plan import Plan
from paritrana.analytics.generate_rows import BPU, Rows, registration_days

#: Declared income of a vulnerable worker whose contributions a government or company pays:
#: JKK 1 % (Rp10,000) + JKM Rp6,800 = Rp16,800 a month.
VULNERABLE_INCOME_RP = 1_000_000
_OFFICIALS, _APBDES, _APBD, _CSR, _SELF = range(5)  # groups within a regency
# Funding and worker category of each group (schema.FUNDING / WORKER_CATEGORIES indices).
_FUNDING = np.array([3, 3, 2, 4, 0])
_CATEGORY = np.array([2, 3, 3, 3, 0])
_ACTIVE_P = np.array([0.98, 0.97, 0.97, 0.97, 0.82])  # self-payers often lapse
_EARLIEST_BPU = date(2015, 1, 1)
_SELF_JHT_P = 0.3  # self-payers who also save for old age (JHT)
_MINIMUM_INCOME_P = 0.55  # self-payers declaring the minimum income


def bpu_rows(
    rng: np.random.Generator, plan: Plan, employers: Employers, start: int, stop: int
) -> Rows:
    rp = plan.regency
    counts = np.column_stack([rp.officials, rp.apbdes_vulnerable, rp.apbd, rp.csr, rp.bpu_self])[
        start:stop
    ]
    regency = np.repeat(np.arange(start, stop), counts.sum(axis=1))
    group = np.repeat(np.tile(np.arange(5), stop - start), counts.ravel())
    n = len(group)
    village = _sample_villages(rng, plan, regency)
    officials_v, apbdes_v, siltap = _village_rows(plan, start, stop)
    village[group == _OFFICIALS] = officials_v
    village[group == _APBDES] = apbdes_v
    wage = np.where(group == _SELF, _self_declared_income(rng, n), VULNERABLE_INCOME_RP)
    wage[group == _OFFICIALS] = siltap
    programmes = np.zeros((n, 5), dtype=np.bool_)
    programmes[:, :2] = True
    programmes[:, 2] = (group == _SELF) & chance(rng, _SELF_JHT_P, n)
    csr = group == _CSR
    return Rows(
        segment=BPU,
        npp=pa.nulls(n, pa.string()),
        regency=regency,
        village=village,
        has_village=np.ones(n, dtype=np.bool_),
        programmes=programmes,
        active=chance(rng, _ACTIVE_P[group]),
        wage=wage.astype(np.int64),
        funding=_FUNDING[group],
        funder_npp=_funders(rng, plan, employers, regency, csr),
        category=_CATEGORY[group],
        registered_on=registration_days(plan, _days_back(rng, group), _EARLIEST_BPU),
    )


def _village_rows(plan: Plan, start: int, stop: int) -> tuple[IntArray, IntArray, IntArray]:
    """Villages of the covered officials and funded villagers of regencies start..stop-1."""
    world, vm = plan.world, plan.model.village
    positions = np.flatnonzero((world.village_regency >= start) & (world.village_regency < stop))
    national = world.villages[positions]
    officials = np.repeat(positions, vm.officials_covered[national])
    apbdes = np.repeat(positions, vm.vulnerable_funded[national])
    return officials, apbdes, vm.siltap[world.villages][officials]


def _sample_villages(rng: np.random.Generator, plan: Plan, regency: IntArray) -> IntArray:
    """A home village in the participant's regency; villages differ in size."""
    world = plan.world
    cumulative = np.cumsum(plan.model.village.weight[world.villages])
    first = np.searchsorted(world.village_regency, np.arange(len(world.regencies)), "left")
    last = np.searchsorted(world.village_regency, np.arange(len(world.regencies)), "right")
    low = np.where(first > 0, cumulative[np.maximum(first - 1, 0)], 0.0)[regency]
    high = cumulative[last - 1][regency]
    picked = np.searchsorted(cumulative, low + rng.random(len(regency)) * (high - low), "right")
    return np.clip(picked, first[regency], last[regency] - 1).astype(np.int64)


def _self_declared_income(rng: np.random.Generator, n: int) -> IntArray:
    """Most declare the minimum Rp1M; the rest a rounded income up to ~Rp10M."""
    higher = VULNERABLE_INCOME_RP * np.exp(np.abs(rng.normal(0.0, 0.7, n)))
    income = np.where(chance(rng, _MINIMUM_INCOME_P, n), VULNERABLE_INCOME_RP, np.round(higher, -5))
    return np.clip(income, VULNERABLE_INCOME_RP, 10 * VULNERABLE_INCOME_RP).astype(np.int64)


def _days_back(rng: np.random.Generator, group: IntArray) -> FloatArray:
    n = len(group)
    return np.select(
        [group == _OFFICIALS, group == _SELF, group == _CSR],
        [rng.exponential(1200.0, n), rng.exponential(900.0, n), rng.uniform(0.0, 1095.0, n)],
        rng.uniform(0.0, 730.0, n),  # government programmes are recent
    )


def _funders(
    rng: np.random.Generator, plan: Plan, e: Employers, regency: IntArray, csr: np.ndarray
) -> pa.Array:
    """A CSR funder per CSR row: a funding company of the same province, else any."""
    funders = np.flatnonzero(e.csr_funder)
    province = plan.world.regency_province
    funder_province = province[e.regency[funders]]
    row_province = province[regency[csr]]
    first = np.searchsorted(funder_province, row_province, "left")
    count = np.searchsorted(funder_province, row_province, "right") - first
    u = rng.random(len(row_province))
    local = first + (u * count).astype(np.int64)
    anywhere = (u * len(funders)).astype(np.int64)
    chosen = funders[np.where(count > 0, local, anywhere)]
    index = np.zeros(len(regency), dtype=np.int64)
    index[csr] = chosen
    return e.npp.take(pa.array(index, mask=~csr))
