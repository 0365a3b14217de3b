"""The national model: expected quantities for every real province, regency and village.

Drawn once per seed for the whole nation, at real size, so every preset sees the same
regions; the plan (``generate_plan``) then scales the model down to the preset's world.
A latent *commitment* per government drives its regulation, budget and coverage of its
own staff together, as in reality: regions that regulate also budget and enrol.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from paritrana.analytics.generate_common import (
    BoolArray,
    FloatArray,
    IntArray,
    chance,
    group_sum,
    sigmoid,
    stream,
)
from paritrana.analytics.generate_facts import (
    JAVA,
    MAX_MINIMUM_WAGE_RP,
    MINIMUM_WAGE_ANCHORS,
    NATIONAL_EMPLOYERS,
    NATIONAL_FORMAL_WORKERS,
    NATIONAL_SEGMENTS,
    PROVINCES,
    WIDE_WAGE_SPREAD,
    province_participants,
)
from paritrana.analytics.generate_world import Nation

#: Lowest fixed income of a village official (siltap, PP 11/2019: 100 % of a II/a salary).
SILTAP_MIN_RP = 2_022_200
#: Coverage ceilings: a denominator is raised rather than let coverage pass these.
MAX_PU_COVERAGE = 0.92
MAX_BPU_COVERAGE = 0.85
MAX_TOTAL_COVERAGE = 0.95
#: Regions that rely on a circular (SE) alone or beside a regulation; villages with a
#: head-of-village regulation (Perkades).
_SE_P = 0.25
_PERKADES_P = 0.05


@dataclass(frozen=True)
class Governments:
    """Per province or per regency: the regional government's own behaviour."""

    commitment: FloatArray
    perda: BoolArray
    perkada: BoolArray
    se: BoolArray
    has_budget: BoolArray
    vulnerable_funded: FloatArray  # expected workers funded by its APBD
    own_staff: FloatArray  # non-ASN staff
    staff_coverage: FloatArray  # share of them registered
    bumd: IntArray  # regional enterprises it owns (not scaled)


@dataclass(frozen=True)
class RegencyModel:
    working: FloatArray
    formal: FloatArray
    informal: FloatArray
    pu: FloatArray
    bpu: FloatArray
    jakon: FloatArray
    employers: FloatArray
    csr_funded: FloatArray
    minimum_wage: IntArray
    growth: FloatArray  # yearly growth factor of the participants registered there


@dataclass(frozen=True)
class VillageModel:
    officials: IntArray  # perangkat desa (0 for a kelurahan)
    officials_covered: IntArray
    siltap: IntArray  # officials' monthly fixed income (declared income as BPU)
    vulnerable_funded: IntArray  # villagers whose contributions the APBDes pays
    perdes: BoolArray
    perkades: BoolArray
    weight: FloatArray  # relative population: where informal workers live


@dataclass(frozen=True)
class NationalModel:
    regency: RegencyModel
    regency_gov: Governments
    province_gov: Governments
    village: VillageModel


def national_model(nation: Nation, seed: int) -> NationalModel:
    rng = stream(seed, "nation")
    province_gov = _governments(rng, len(nation.province_codes), None, bias=0.4)
    regency = _regencies(rng, nation, seed)
    regency_gov = _governments(
        rng, len(nation.regency_codes), province_gov.commitment[nation.regency_province], bias=0.0
    )
    # A government funds a share of its informal workers, yet never most of the BPU there:
    # self-paying and village-funded BPU participants remain.
    regency_gov = _with_staff_and_funding(
        rng, regency_gov, regency.working, regency.informal, cap=0.5 * regency.bpu
    )
    by_province = partial(
        group_sum, groups=nation.regency_province, n_groups=len(nation.province_codes)
    )
    province_gov = _with_staff_and_funding(
        rng,
        province_gov,
        by_province(regency.working) * 0.2,
        by_province(regency.informal) * 0.15,
        cap=0.15 * by_province(regency.bpu),
    )
    village = _villages(stream(seed, "villages"), nation, regency_gov.commitment)
    return NationalModel(
        regency=regency, regency_gov=regency_gov, province_gov=province_gov, village=village
    )


def _regencies(rng: np.random.Generator, nation: Nation, seed: int) -> RegencyModel:
    n = len(nation.regency_codes)
    prov = nation.regency_province
    kota = nation.regency_is_kota
    codes = nation.province_codes.tolist()
    working_p = np.array([PROVINCES[c].working_k * 1000.0 for c in codes])
    participants_p = np.array([province_participants()[c] for c in codes])
    # Cities are denser in workers and far denser in registered (formal) work.
    weight = rng.lognormal(0.0, 0.55, n) * np.where(kota, 1.4, 1.0)
    working = working_p[prov] * weight / group_sum(weight, prov, len(codes))[prov]
    pull = working * rng.lognormal(0.0, 0.5, n) * np.where(kota, 1.8, 1.0)
    participants = participants_p[prov] * pull / group_sum(pull, prov, len(codes))[prov]
    pu, bpu, jakon = _segments(rng, nation, participants)
    formal, informal = _labour_force(rng, kota, working, pu, bpu, jakon)
    employers = pu**0.85 * rng.lognormal(0.0, 0.25, n)
    return RegencyModel(
        working=formal + informal,
        formal=formal,
        informal=informal,
        pu=pu,
        bpu=bpu,
        jakon=jakon,
        employers=employers * NATIONAL_EMPLOYERS / employers.sum(),
        csr_funded=pu * 0.01 * rng.lognormal(-0.3, 0.8, n),
        minimum_wage=_minimum_wages(rng, nation),
        growth=_growth(nation, seed),
    )


def _growth(nation: Nation, seed: int) -> FloatArray:
    """Membership grows ~6 % a year, unevenly (its own stream: adding it moved no other draw)."""
    rng = stream(seed, "growth")
    return np.asarray(np.exp(rng.normal(0.06, 0.05, len(nation.regency_codes))))


def _segments(
    rng: np.random.Generator, nation: Nation, participants: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Split each regency's participants into PU/BPU/JAKON, raked to the national totals."""
    n = len(participants)
    kota = nation.regency_is_kota
    java = np.isin(nation.province_codes[nation.regency_province], list(JAVA))
    tilt = np.column_stack(
        [
            np.where(kota, 1.3, 0.9) * rng.lognormal(0.0, 0.15, n),
            np.where(kota, 0.7, 1.2) * rng.lognormal(0.0, 0.3, n),
            np.where(java, 1.2, 1.0) * rng.lognormal(0.0, 0.3, n),
        ]
    )
    targets = np.array([NATIONAL_SEGMENTS[s] for s in ("PU", "BPU", "JAKON")], dtype=np.float64)
    cells = participants[:, None] * tilt * targets / targets.sum()
    # Iterative proportional fitting: rows keep each regency's total, columns the nation's.
    for _ in range(40):
        cells *= (participants / cells.sum(axis=1))[:, None]
        cells *= (targets / cells.sum(axis=0))[None, :]
    return cells[:, 0], cells[:, 1], cells[:, 2]


def _labour_force(
    rng: np.random.Generator,
    kota: BoolArray,
    working: FloatArray,
    pu: FloatArray,
    bpu: FloatArray,
    jakon: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """Formal and informal workers so that PU coverage is ~50 % nationally, varying widely."""
    coverage = 0.5 * rng.lognormal(0.0, 0.35, len(pu)) * np.where(kota, 1.15, 0.95)
    floor = pu / MAX_PU_COVERAGE
    # Formal work is at most 80 % of a region's work, unless registrations say otherwise.
    ceiling = np.maximum(0.8 * working, floor)
    formal = np.clip(pu / np.clip(coverage, 0.08, MAX_PU_COVERAGE), floor, ceiling)
    formal = np.clip(formal * NATIONAL_FORMAL_WORKERS / formal.sum(), floor, ceiling)
    informal = np.maximum(working - formal, np.maximum(bpu / MAX_BPU_COVERAGE, 0.1 * formal))
    # Where head offices register more people than live there (DKI), the denominator is
    # the population working there, commuters included: raise it, never exceed 95 %.
    deficit = (pu + bpu + jakon) / MAX_TOTAL_COVERAGE - (formal + informal)
    return formal, informal + np.maximum(deficit, 0.0)


def _minimum_wages(rng: np.random.Generator, nation: Nation) -> IntArray:
    codes = nation.province_codes[nation.regency_province]
    ump = np.array([PROVINCES[c].ump_rp for c in codes.tolist()], dtype=np.float64)
    spread = np.where(np.isin(codes, list(WIDE_WAGE_SPREAD)), 0.4, 0.07)
    spread = spread * np.where(nation.regency_is_kota, 1.3, 1.0)
    umk = ump * np.exp(np.abs(rng.normal(0.0, 1.0, len(codes))) * spread)
    umk = np.where(codes == "31", ump, umk)  # DKI has one provincial wage, no UMK
    umk = np.rint(np.clip(umk, ump, MAX_MINIMUM_WAGE_RP))
    anchored = np.isin(nation.regency_codes, list(MINIMUM_WAGE_ANCHORS))
    published = [MINIMUM_WAGE_ANCHORS[c] for c in nation.regency_codes[anchored].tolist()]
    umk[anchored] = published
    return np.asarray(umk, dtype=np.int64)


def _governments(
    rng: np.random.Generator, n: int, parent: FloatArray | None, *, bias: float
) -> Governments:
    # A regency follows its governor's lead in part (Inpres 2/2021 goes through governors).
    commitment = rng.normal(0.0, 1.0, n) * (0.8 if parent is not None else 1.0)
    if parent is not None:
        commitment = commitment + 0.6 * parent
    perda = chance(rng, sigmoid(-1.3 + bias + 1.1 * commitment))
    perkada = chance(rng, sigmoid(0.1 + bias + 1.1 * commitment))
    se = chance(rng, _SE_P, n)
    strong = perda | perkada
    has_budget = chance(rng, sigmoid(-0.6 + bias + 1.0 * commitment + 0.9 * strong))
    empty = np.zeros(n)
    return Governments(
        commitment=commitment,
        perda=perda,
        perkada=perkada,
        se=se,
        has_budget=has_budget,
        vulnerable_funded=empty,
        own_staff=empty,
        staff_coverage=empty,
        bumd=rng.poisson(1.0 if parent is not None else 3.0, n).astype(np.int64),
    )


def _with_staff_and_funding(
    rng: np.random.Generator,
    gov: Governments,
    working: FloatArray,
    informal: FloatArray,
    *,
    cap: FloatArray,
) -> Governments:
    n = len(working)
    z = gov.commitment
    share = np.clip(0.02 * np.exp(0.5 * z + rng.normal(0.0, 0.6, n)), 0.001, 0.15)
    return Governments(
        commitment=z,
        perda=gov.perda,
        perkada=gov.perkada,
        se=gov.se,
        has_budget=gov.has_budget,
        vulnerable_funded=np.where(gov.has_budget, np.minimum(informal * share, cap), 0.0),
        own_staff=working * 0.012 * rng.lognormal(0.0, 0.35, n),
        staff_coverage=sigmoid(0.4 + 1.2 * z + rng.normal(0.0, 0.7, n)),
        bumd=gov.bumd,
    )


def _villages(rng: np.random.Generator, nation: Nation, commitment: FloatArray) -> VillageModel:
    n = len(nation.village_codes)
    desa = nation.village_is_desa
    officials = np.where(desa, 7 + rng.poisson(4.0, n), 0).astype(np.int64)
    # Regencies that commit push their villages (Perbup, Dana Desa guidance), yet villages
    # differ: a village either enrols its officials (most of them) or does not.
    z = commitment[nation.village_regency]
    enrols = chance(rng, sigmoid(0.2 + 1.0 * z + rng.normal(0.0, 1.0, n)))
    coverage = np.where(enrols, rng.uniform(0.6, 1.0, n), 0.0)
    covered = rng.binomial(officials, coverage).astype(np.int64)
    siltap = np.round(SILTAP_MIN_RP * (1.0 + rng.random(n) * 0.3), -3).astype(np.int64)
    funds = desa & chance(rng, 0.06 * np.where(z > 0, 2.0, 1.0))
    vulnerable = np.where(funds, 3 + rng.poisson(12.0, n), 0).astype(np.int64)
    return VillageModel(
        officials=officials,
        officials_covered=covered,
        siltap=np.maximum(siltap, SILTAP_MIN_RP),
        vulnerable_funded=vulnerable,
        perdes=desa & chance(rng, 0.02 + 0.03 * coverage),
        perkades=desa & chance(rng, _PERKADES_P, n),
        weight=rng.lognormal(0.0, 0.8, n),
    )
