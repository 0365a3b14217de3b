"""The plan: whole-number counts for the preset's world, scaled from the national model.

Regency- and province-level quantities scale by the preset's fraction; village-level ones
(officials, APBDes-funded villagers) do not, because each kept village is a whole real
village. The plan fixes every count the streamed rows must add up to, so the workforce
denominators can be made consistent with the participants before a row is written.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from paritrana.analytics.generate_common import (
    FloatArray,
    IntArray,
    apportion,
    group_sum,
    round_counts,
)
from paritrana.analytics.generate_nation import (
    MAX_BPU_COVERAGE,
    MAX_PU_COVERAGE,
    MAX_TOTAL_COVERAGE,
    NationalModel,
)
from paritrana.analytics.generate_scales import ScaleSpec
from paritrana.analytics.generate_world import World

#: Employers per regency at least, besides its government and BUMD (a world needs employers).
MIN_PRIVATE_EMPLOYERS = 2
#: Self-paying BPU participants are at least this share of a regency's BPU.
MIN_SELF_SHARE = 0.25
#: The year the national facts describe.
BASE_YEAR = 2024


@dataclass(frozen=True)
class RegencyPlan:
    """Counts per world regency (position in ``world.regencies``)."""

    pu: IntArray  # PU participants, all employers together
    staff: IntArray  # regency government's non-ASN staff
    staff_covered: IntArray
    bumd: IntArray
    private_employers: IntArray
    officials: IntArray  # village officials covered, summed over the regency's kept villages
    apbdes_vulnerable: IntArray
    apbd_regency: IntArray  # vulnerable workers funded by the regency's APBD
    apbd_province: IntArray  # ... by the province's APBD, living in this regency
    csr: IntArray
    bpu_self: IntArray
    jakon: IntArray
    working: IntArray
    formal: IntArray
    informal: IntArray

    @property
    def bpu(self) -> IntArray:
        return self.officials + self.apbdes_vulnerable + self.apbd + self.csr + self.bpu_self

    @property
    def apbd(self) -> IntArray:
        return self.apbd_regency + self.apbd_province


@dataclass(frozen=True)
class ProvincePlan:
    """Counts per world province (position in ``world.provinces``)."""

    seat: IntArray  # world regency hosting the provincial government (its capital if kept)
    staff: IntArray
    staff_covered: IntArray
    bumd: IntArray
    apbd_funded: IntArray


@dataclass(frozen=True)
class Plan:
    spec: ScaleSpec
    world: World
    model: NationalModel
    year: int
    fraction: float  # participants scale
    regency: RegencyPlan
    province: ProvincePlan


def make_plan(spec: ScaleSpec, world: World, model: NationalModel, year: int) -> Plan:
    rm = model.regency
    total = rm.pu + rm.bpu + rm.jakon
    kept = world.regencies
    fraction = 1.0 if spec.participants is None else spec.participants / total[kept].sum()
    employer_fraction = (
        fraction if spec.employers is None else spec.employers / rm.employers[kept].sum()
    )
    province = _province_plan(world, model, fraction, total)
    return Plan(
        spec=spec,
        world=world,
        model=model,
        year=year,
        fraction=fraction,
        regency=_regency_plan(world, model, province, fraction, employer_fraction, year),
        province=province,
    )


def _regency_plan(
    world: World,
    model: NationalModel,
    province: ProvincePlan,
    fraction: float,
    employer_fraction: float,
    year: int,
) -> RegencyPlan:
    reg, rm, gov = world.regencies, model.regency, model.regency_gov
    n = len(reg)
    staff = round_counts(gov.own_staff[reg] * fraction)
    # The model describes the base year; other years are grown or shrunk per regency, so
    # two years generated with one seed show year-on-year growth.
    people = fraction * rm.growth[reg] ** (year - BASE_YEAR)
    pu = round_counts(rm.pu[reg] * people)
    # A regency's own staff are registered through its government, within its PU count.
    staff_covered = np.minimum(round_counts(staff * gov.staff_coverage[reg]), pu // 2)
    bumd = gov.bumd[reg]
    private = np.maximum(
        round_counts(rm.employers[reg] * employer_fraction) - bumd - 1, MIN_PRIVATE_EMPLOYERS
    )
    # Every employer has at least one PU participant: the regency's PU count must allow it.
    seated = _sum_by(province.seat, province.staff_covered + province.bumd, n)
    pu = np.maximum(pu, staff_covered + bumd + private + seated)
    vm = model.village
    officials = _sum_by(world.village_regency, vm.officials_covered[world.villages], n)
    apbdes = _sum_by(world.village_regency, vm.vulnerable_funded[world.villages], n)
    apbd_regency = round_counts(gov.vulnerable_funded[reg] * fraction)
    apbd_province = _spread_province_funding(world, province.apbd_funded, rm.informal[reg])
    csr = round_counts(rm.csr_funded[reg] * people)
    bpu = round_counts(rm.bpu[reg] * people)
    special = officials + apbdes + apbd_regency + apbd_province + csr
    least_self = np.maximum(np.ceil(MIN_SELF_SHARE * bpu).astype(np.int64), 1)
    bpu_self = np.maximum(bpu - special, least_self)
    jakon = round_counts(rm.jakon[reg] * people)
    formal, informal = _workforce(
        rm.formal[reg] * fraction, rm.informal[reg] * fraction, pu, special + bpu_self, jakon
    )
    return RegencyPlan(
        pu=pu,
        staff=staff,
        staff_covered=staff_covered,
        bumd=bumd,
        private_employers=private,
        officials=officials,
        apbdes_vulnerable=apbdes,
        apbd_regency=apbd_regency,
        apbd_province=apbd_province,
        csr=csr,
        bpu_self=bpu_self,
        jakon=jakon,
        working=formal + informal,
        formal=formal,
        informal=informal,
    )


def _province_plan(
    world: World, model: NationalModel, fraction: float, total: FloatArray
) -> ProvincePlan:
    nation = world.nation
    n_prov = len(nation.province_codes)
    # A preset keeping only some of a province's regencies keeps that share of the
    # province government's staff and budget, so its indicators stay proportionate.
    kept = np.zeros(len(total))
    kept[world.regencies] = total[world.regencies]
    share = group_sum(kept, nation.regency_province, n_prov) / group_sum(
        total, nation.regency_province, n_prov
    )
    pf = (fraction * share)[world.provinces]
    gov = model.province_gov
    staff = round_counts(gov.own_staff[world.provinces] * pf)
    return ProvincePlan(
        seat=_seats(world),
        staff=staff,
        staff_covered=round_counts(staff * gov.staff_coverage[world.provinces]),
        bumd=gov.bumd[world.provinces],
        apbd_funded=round_counts(gov.vulnerable_funded[world.provinces] * pf),
    )


def _seats(world: World) -> IntArray:
    """World regency of each world province's government: the capital, else its first regency."""
    capital = world.nation.province_capital[world.provinces]
    position = np.searchsorted(world.regencies, capital)
    position = np.minimum(position, len(world.regencies) - 1)
    found = world.regencies[position] == capital
    first = np.searchsorted(world.regency_province, np.arange(len(world.provinces)))
    return np.where(found, position, first).astype(np.int64)


def _spread_province_funding(world: World, funded: IntArray, informal: FloatArray) -> IntArray:
    """A province's APBD-funded workers live across its regencies, in proportion to informal work."""
    out = np.zeros(len(world.regencies), dtype=np.int64)
    owner = world.regency_province
    for p, total in enumerate(funded.tolist()):
        members = np.flatnonzero(owner == p)
        out[members] = apportion(int(total), informal[members])
    return out


def _workforce(
    formal: FloatArray, informal: FloatArray, pu: IntArray, bpu: IntArray, jakon: IntArray
) -> tuple[IntArray, IntArray]:
    """Scaled BPS denominators, raised where rounding pushed coverage over the model's ceilings."""
    formal = np.maximum(formal, pu / MAX_PU_COVERAGE)
    informal = np.maximum(informal, bpu / MAX_BPU_COVERAGE)
    deficit = (pu + bpu + jakon) / MAX_TOTAL_COVERAGE - (formal + informal)
    informal = informal + np.maximum(deficit, 0.0)
    return np.ceil(formal).astype(np.int64), np.ceil(informal).astype(np.int64)


def _sum_by(groups: IntArray, values: IntArray, n_groups: int) -> IntArray:
    """Integer sums per group (``np.bincount`` with weights returns floats)."""
    return np.bincount(groups, weights=values, minlength=n_groups).round().astype(np.int64)
