"""Employers: each regional government (employing its non-ASN staff), BUMD and businesses.

Business sizes are heavily skewed (most are micro, a few large ones employ most PU
participants). Each employer also gets hidden traits the later stages use: its programme
set, how truthfully it reports wages, how it pays, whether it funds vulnerable workers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from paritrana.analytics import schema
from paritrana.analytics.generate_common import BoolArray, FloatArray, IntArray, chance, stream
from paritrana.analytics.generate_io import code_array, npp_numbers, table
from paritrana.analytics.generate_names import (
    bumd_names,
    government_names,
    place_names,
    private_names,
)
from paritrana.analytics.generate_plan import Plan

# Employer kinds, in the order they are laid out within each regency.
GOV_REGENCY, GOV_PROVINCE, BUMD_REGENCY, BUMD_PROVINCE, PRIVATE = range(5)
BESAR, MENENGAH, KECIL, MIKRO = range(4)  # schema.SCALES order
KEUANGAN, MANUFAKTUR, PERTANIAN, PERDAGANGAN_JASA, PENDIDIKAN, KESEHATAN = range(6)
PRIVATE_OWNED, BUMN, BUMD, GOVERNMENT = range(4)  # schema.OWNERSHIP order

#: Programme sets: every participant of an employer gets its set.
FULL, NO_JKP, NO_JP, BASIC = range(4)
PROFILE_PROGRAMMES = np.array(
    [  # JKK, JKM, JHT, JP, JKP
        [True, True, True, True, True],
        [True, True, True, True, False],
        [True, True, True, False, False],
        [True, True, False, False, False],
    ]
)
#: Payment behaviours.
PUNCTUAL, OCCASIONAL, CHRONIC, ARREARS = range(4)

# Rows: BESAR, MENENGAH, KECIL, MIKRO, then regional governments.
_SCALE_SHARES = (0.012, 0.038, 0.143, 0.807)  # 678k of 840k are micro
_PROFILE_P = ((0.85, 0.07, 0.06, 0.02),) * 2 + (
    (0.55, 0.10, 0.30, 0.05),
    (0.35, 0.10, 0.40, 0.15),
    (0.10, 0.05, 0.15, 0.70),  # many regions insure non-ASN staff for JKK+JKM only
)
_BEHAVIOUR_P = (
    (0.85, 0.11, 0.03, 0.01),
    (0.75, 0.17, 0.06, 0.02),
    (0.65, 0.20, 0.10, 0.05),
    (0.55, 0.22, 0.13, 0.10),
    (0.60, 0.30, 0.08, 0.02),
)
_PARTIAL_P = (0.20, 0.35, 0.45, 0.35, 0.0)  # registers only part of its workforce
_UNDER_WAGE_P = (0.05, 0.12, 0.25, 0.30, 0.70)  # honorer are often paid below the UMK
_WAGE_LEVEL = (0.25, 0.15, 0.05, 0.0, 0.0)
_SECTOR_P_KOTA = (0.07, 0.18, 0.05, 0.52, 0.10, 0.08)
_SECTOR_P_KABUPATEN = (0.04, 0.22, 0.22, 0.38, 0.08, 0.06)
_BUMD_SCALE_P = (0.3, 0.6, 0.1, 0.0)
_BUMD_SECTOR_P = (0.3, 0.1, 0.0, 0.5, 0.0, 0.1)
_CSR_P_LARGE = 0.15
_CSR_P_BUMN = 0.6
#: BPS size classes by workers: large >= 100, medium >= 20, small >= 5, else micro.
_HEADCOUNT_FLOORS = (100, 20, 5)


@dataclass(frozen=True)
class Employers:
    regency: IntArray  # world regency position
    kind: IntArray
    scale: IntArray
    sector: IntArray
    ownership: IntArray
    registered: IntArray  # PU participants it has (the rows generated for it)
    headcount: IntArray  # workforce it reports (>= registered when it registers partially)
    profile: IntArray
    wage_level: FloatArray  # log premium of its wages over the minimum wage
    under_wage: BoolArray  # reports wages below the minimum wage
    behaviour: IntArray
    last_paid: IntArray  # last month (1..12) an ARREARS employer paid; 12 for the others
    growth: FloatArray  # workforce growth over the year
    csr_funder: BoolArray  # funds vulnerable workers' contributions (CSR)
    npp: pa.Array

    def __len__(self) -> int:
        return len(self.regency)


def make_employers(plan: Plan, seed: int) -> tuple[Employers, pa.Table]:
    rng = stream(seed, "employers")
    regency, kind = _layout(plan)
    n = len(regency)
    world = plan.world
    kota = world.nation.regency_is_kota[world.regencies][regency]
    scale = _draw_scales(rng, kind)
    sector = np.where(
        kind >= PRIVATE,
        _choice(rng, np.where(kota, 0, 1), (_SECTOR_P_KOTA, _SECTOR_P_KABUPATEN)),
        _choice(rng, np.zeros(n, dtype=np.int64), (_BUMD_SECTOR_P,)),
    )
    sector = np.where(kind <= GOV_PROVINCE, PERDAGANGAN_JASA, sector)
    ownership = _ownership(rng, plan, regency, kind, scale)
    registered, headcount = _workforce(rng, plan, regency, kind, scale)
    gov = kind <= GOV_PROVINCE
    scale = np.where(gov, _scale_of_headcount(headcount), scale)
    trait = np.where(gov, 4, scale)  # row of the trait tables
    behaviour = _choice(rng, trait, _BEHAVIOUR_P)
    # Large companies, above all state-owned ones, run CSR programmes for vulnerable workers.
    csr_funder = ((scale == BESAR) & chance(rng, _CSR_P_LARGE, n)) | (
        (ownership == BUMN) & chance(rng, _CSR_P_BUMN, n)
    )
    if not csr_funder.any():  # the world needs at least one CSR funder
        csr_funder[np.argmax(np.where(gov, -1, registered))] = True
    employers = Employers(
        regency=regency,
        kind=kind,
        scale=scale,
        sector=sector,
        ownership=ownership,
        registered=registered,
        headcount=headcount,
        profile=_choice(rng, trait, _PROFILE_P),
        wage_level=np.asarray(_WAGE_LEVEL)[trait]
        + 0.3 * (sector == KEUANGAN)
        + rng.normal(0.0, 0.15, n),
        under_wage=rng.random(n) < np.asarray(_UNDER_WAGE_P)[trait],
        behaviour=behaviour,
        last_paid=np.where(behaviour == ARREARS, rng.integers(3, 12, n), 12),
        growth=np.clip(rng.normal(0.04, 0.08, n), -0.3, 0.5),
        csr_funder=csr_funder,
        npp=npp_numbers(seed, n),
    )
    return employers, _employers_table(rng, plan, employers)


def _layout(plan: Plan) -> tuple[IntArray, IntArray]:
    """Regency and kind of every employer: per regency its government, the provincial
    government if seated there, their BUMD, then private businesses."""
    rp, pp = plan.regency, plan.province
    n_reg = len(rp.pu)
    counts = np.column_stack(
        [
            np.ones(n_reg, dtype=np.int64),
            np.bincount(pp.seat, minlength=n_reg),
            rp.bumd,
            np.bincount(pp.seat, weights=pp.bumd, minlength=n_reg).astype(np.int64),
            rp.private_employers,
        ]
    )
    regency = np.repeat(np.arange(n_reg), counts.sum(axis=1))
    kind = np.repeat(np.tile(np.arange(5), n_reg), counts.ravel())
    return regency.astype(np.int64), kind.astype(np.int64)


def _choice(
    rng: np.random.Generator, row: IntArray, table_p: tuple[tuple[float, ...], ...]
) -> IntArray:
    """One category per element, from the probability row ``table_p[row]`` (vectorised)."""
    cumulative = np.cumsum(np.asarray(table_p, dtype=np.float64), axis=1)
    cumulative /= cumulative[:, -1:]
    u = rng.random(len(row))[:, None]
    return np.asarray((u > cumulative[row]).sum(axis=1), dtype=np.int64)


def _draw_scales(rng: np.random.Generator, kind: IntArray) -> IntArray:
    is_bumd = (kind == BUMD_REGENCY) | (kind == BUMD_PROVINCE)
    return _choice(rng, is_bumd.astype(np.int64), (_SCALE_SHARES, _BUMD_SCALE_P))


def _ownership(
    rng: np.random.Generator, plan: Plan, regency: IntArray, kind: IntArray, scale: IntArray
) -> IntArray:
    world = plan.world
    dki = world.nation.province_codes[world.provinces][world.regency_province[regency]] == "31"
    bumn_p = np.select([scale == BESAR, scale == MENENGAH], [0.04, 0.01], 0.0) * np.where(
        dki, 3.0, 1.0
    )
    private = np.where(rng.random(len(kind)) < bumn_p, BUMN, PRIVATE_OWNED)
    return np.select(
        [kind <= GOV_PROVINCE, kind <= BUMD_PROVINCE], [GOVERNMENT, BUMD], private
    ).astype(np.int64)


def _workforce(
    rng: np.random.Generator, plan: Plan, regency: IntArray, kind: IntArray, scale: IntArray
) -> tuple[IntArray, IntArray]:
    """Registered PU workers per employer, summing exactly to each regency's PU count."""
    rp, pp = plan.regency, plan.province
    n = len(kind)
    province = plan.world.regency_province[regency]
    registered = np.select(
        [kind == GOV_REGENCY, kind == GOV_PROVINCE],
        [rp.staff_covered[regency], pp.staff_covered[province]],
        0,
    ).astype(np.int64)
    staff = np.select(
        [kind == GOV_REGENCY, kind == GOV_PROVINCE], [rp.staff[regency], pp.staff[province]], 0
    )
    size = np.select(
        [scale == BESAR, scale == MENENGAH, scale == KECIL],
        [
            rng.lognormal(np.log(500), 1.3, n),
            rng.lognormal(np.log(45), 0.5, n),
            rng.lognormal(np.log(10), 0.4, n),
        ],
        1.0 + rng.poisson(1.5, n),
    )
    others = np.flatnonzero(kind >= BUMD_REGENCY)
    bounds = np.searchsorted(regency[others], np.arange(len(rp.pu) + 1))
    remaining = rp.pu - np.bincount(regency, weights=registered, minlength=len(rp.pu)).astype(
        np.int64
    )
    for r in range(len(rp.pu)):
        members = others[bounds[r] : bounds[r + 1]]
        weights = size[members] / size[members].sum()
        registered[members] = 1 + rng.multinomial(int(remaining[r]) - len(members), weights)
    partial = rng.random(n) < np.asarray(_PARTIAL_P)[scale]
    rate = np.where(partial, rng.uniform(0.35, 0.95, n), 1.0)
    headcount = np.ceil(registered / rate).astype(np.int64)
    return registered, np.where(kind <= GOV_PROVINCE, staff, headcount).astype(np.int64)


def _scale_of_headcount(headcount: IntArray) -> IntArray:
    large, medium, small = _HEADCOUNT_FLOORS
    return np.select(
        [headcount >= large, headcount >= medium, headcount >= small],
        [BESAR, MENENGAH, KECIL],
        MIKRO,
    ).astype(np.int64)


def _employers_table(rng: np.random.Generator, plan: Plan, e: Employers) -> pa.Table:
    world, nation = plan.world, plan.world.nation
    regency_codes = nation.regency_codes[world.regencies]
    province_codes = nation.province_codes[world.provinces]
    province = world.regency_province[e.regency]
    on_province = (e.kind == GOV_PROVINCE) | (e.kind == BUMD_PROVINCE)
    owner = np.where(on_province, province_codes[province], regency_codes[e.regency])
    owner_region = pa.array(owner, mask=e.kind >= PRIVATE)
    region_name = np.where(
        on_province,
        nation.province_names[world.provinces][province],
        nation.regency_names[world.regencies][e.regency],
    )
    gov = e.kind <= GOV_PROVINCE
    bumd = ~gov & (e.kind <= BUMD_PROVINCE)
    names = np.empty(len(e), dtype=object)
    names[gov] = government_names(region_name[gov], on_province[gov]).to_numpy(zero_copy_only=False)
    names[bumd] = bumd_names(rng, place_names(region_name[bumd]), on_province[bumd]).to_numpy(
        zero_copy_only=False
    )
    private = e.kind >= PRIVATE
    names[private] = private_names(
        rng, e.scale[private], e.sector[private], e.ownership[private] == BUMN
    ).to_numpy(zero_copy_only=False)
    return table(
        schema.EMPLOYERS,
        {
            "npp": e.npp,
            "name": pa.array(names, type=pa.string()),
            "regency": code_array(regency_codes, e.regency),
            "sector": code_array(np.array(schema.SECTORS), e.sector),
            "scale": code_array(np.array(schema.SCALES), e.scale),
            "headcount": pa.array(e.headcount),
            "ownership": code_array(np.array(schema.OWNERSHIP), e.ownership),
            "owner_region": owner_region,
        },
    )
