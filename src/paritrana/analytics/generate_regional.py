"""Region-level datasets: workforce, minimum wages, budgets (APBD/APBDes) and regulations.

Draws that belong to a region (its budget's margin, its regulation's number and scope)
come from streams drawn for every real region and then subset, so a region looks the same
in every preset.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa

from paritrana.analytics import schema
from paritrana.analytics.generate_common import BoolArray, FloatArray, IntArray, stream
from paritrana.analytics.generate_io import table
from paritrana.analytics.generate_plan import Plan
from paritrana.analytics.generate_rows import day_number

_YEARLY = 12
#: Village officials are insured as BPU on their fixed income: JKK 1 % + JKM Rp6,800.
_JKK_BPU_RATE = 0.01
_JKM_BPU_RP = 6_800
#: Regions budget a little above what they end up paying.
_BUDGET_MARGIN = 0.08
#: Probability of each scope flag, by instrument (schema.INSTRUMENTS order); columns are
#: non-ASN (village officials for villages), vulnerable, BUMD (BUMDes), construction, licensing.
_SCOPE_P = np.array(
    [
        [0.90, 0.85, 0.70, 0.60, 0.50],  # PERDA
        [0.80, 0.70, 0.50, 0.40, 0.30],  # PERKADA (Pergub/Perbup/Perwal)
        [0.60, 0.40, 0.20, 0.20, 0.10],  # SE (circular/instruction)
        [0.90, 0.60, 0.30, 0.10, 0.00],  # PERDES
        [0.80, 0.50, 0.20, 0.10, 0.00],  # PERKADES
    ]
)
_SCOPE_COLUMNS = (
    "covers_non_asn",
    "covers_vulnerable",
    "covers_bumd",
    "covers_construction",
    "covers_licensing",
)
_FIRST_REGULATION_YEAR = 2016


def workforce_table(plan: Plan) -> pa.Table:
    rp = plan.regency
    return table(
        schema.WORKFORCE,
        {
            "regency": pa.array(_regency_codes(plan)),
            "year": pa.array(np.full(len(rp.working), plan.year)),
            "working_population": pa.array(rp.working),
            "formal": pa.array(rp.formal),
            "informal": pa.array(rp.informal),
        },
    )


def minimum_wages_table(plan: Plan) -> pa.Table:
    wages = plan.model.regency.minimum_wage[plan.world.regencies]
    return table(
        schema.MINIMUM_WAGES,
        {
            "regency": pa.array(_regency_codes(plan)),
            "year": pa.array(np.full(len(wages), plan.year)),
            "minimum_wage_rp": pa.array(wages),
        },
    )


def budgets_table(plan: Plan, seed: int) -> pa.Table:
    """One row per province, regency and desa: allocation 0 means no budget line."""
    world, nation = plan.world, plan.world.nation
    rng = stream(seed, "budgets")
    # One margin per real region, drawn for all of them: the same in every preset.
    margin_p = rng.random(len(nation.province_codes))[world.provinces]
    margin_r = rng.random(len(nation.regency_codes))[world.regencies]
    margin_v = rng.random(len(nation.village_codes))[world.villages]
    vulnerable = schema.VULNERABLE_MONTHLY_CONTRIBUTION_RP * _YEARLY
    pp, rp, vm = plan.province, plan.regency, plan.model.village
    desa = nation.village_is_desa[world.villages]
    v = world.villages[desa]
    official_month = np.rint(vm.siltap[v] * _JKK_BPU_RATE) + _JKM_BPU_RP
    officials_cost = _YEARLY * vm.officials_covered[v] * official_month
    parts = (
        _budgets(plan, "PROVINCE", nation.province_codes[world.provinces], pp.apbd_funded,
                 pp.apbd_funded * vulnerable * (1 + _BUDGET_MARGIN * margin_p), pp.staff),
        _budgets(plan, "REGENCY", _regency_codes(plan), rp.apbd_regency,
                 rp.apbd_regency * vulnerable * (1 + _BUDGET_MARGIN * margin_r), rp.staff),
        _budgets(plan, "VILLAGE", nation.village_codes[v],
                 vm.officials_covered[v] + vm.vulnerable_funded[v],
                 (officials_cost + vm.vulnerable_funded[v] * vulnerable)
                 * (1 + _BUDGET_MARGIN * margin_v[desa]),
                 vm.officials[v]),
    )  # fmt: skip
    return pa.concat_tables(parts)


def _budgets(
    plan: Plan,
    level: str,
    codes: np.ndarray,
    funded: IntArray,
    allocation: FloatArray,
    staff: IntArray,
) -> pa.Table:
    return table(
        schema.BUDGETS,
        {
            "region_code": pa.array(codes),
            "level": pa.array(np.full(len(codes), level)),
            "year": pa.array(np.full(len(codes), plan.year)),
            "allocation_rp": pa.array(np.round(allocation, -3).astype(np.int64)),
            "workers_funded": pa.array(np.asarray(funded, dtype=np.int64)),
            "own_staff": pa.array(np.asarray(staff, dtype=np.int64)),
        },
    )


def regulations_table(plan: Plan, seed: int) -> pa.Table:
    world, nation, model = plan.world, plan.world.nation, plan.model
    pg, rg, vm = model.province_gov, model.regency_gov, model.village
    levels = [
        (
            "PROVINCE",
            nation.province_codes,
            world.provinces,
            (pg.perda, pg.perkada, pg.se),
            (0, 1, 2),
        ),
        (
            "REGENCY",
            nation.regency_codes,
            world.regencies,
            (rg.perda, rg.perkada, rg.se),
            (0, 1, 2),
        ),
        ("VILLAGE", nation.village_codes, world.villages, (vm.perdes, vm.perkades), (3, 4)),
    ]
    parts = [
        _regulations(plan.year, stream(seed, "regulations", i), *level)
        for i, level in enumerate(levels)
    ]
    return pa.concat_tables(parts)


def _regulations(
    year: int,
    rng: np.random.Generator,
    level: str,
    codes: np.ndarray,
    kept: IntArray,
    has: tuple[BoolArray, ...],
    instruments: tuple[int, ...],
) -> pa.Table:
    n, k = len(codes), len(instruments)
    first = min(_FIRST_REGULATION_YEAR, year)
    # Drawn for every real region and instrument, then subset to the world. Most date from
    # after Inpres 2/2021; none is later than the assessment year.
    issued_year = 2021 + np.floor(rng.normal(0.5, 1.8, (n, k))).astype(np.int64)
    issued_year = np.clip(issued_year, first, year)
    serial = rng.integers(1, 40, (n, k))
    day_of_year = rng.integers(0, 365, (n, k))
    scope = rng.random((n, k, 5)) < _SCOPE_P[list(instruments)][None, :, :]
    present = np.column_stack(has)[kept]
    region, slot = np.nonzero(present)  # row-major: by region code, then instrument
    national = kept[region]
    years = issued_year[national, slot]
    new_year = np.array([day_number(date(y, 1, 1)) for y in range(first, year + 1)])
    day = new_year[years - first] + np.minimum(
        day_of_year[national, slot], _days_in_year(years) - 1
    )
    numbers = np.char.add(np.char.add(serial[national, slot].astype(str), "/"), years.astype(str))
    columns: dict[str, pa.Array] = {
        "region_code": pa.array(codes[national]),
        "level": pa.array(np.full(len(region), level)),
        "instrument": pa.array(np.array(schema.INSTRUMENTS)[np.array(instruments)[slot]]),
        "number": pa.array(numbers),
        "issued_on": pa.array(day.astype(np.int32)).view(pa.date32()),
    }
    for c, name in enumerate(_SCOPE_COLUMNS):
        columns[name] = pa.array(scope[national, slot, c])
    return table(schema.REGULATIONS, columns)


def _days_in_year(years: IntArray) -> IntArray:
    leap = (years % 4 == 0) & ((years % 100 != 0) | (years % 400 == 0))
    return np.where(leap, 366, 365).astype(np.int64)


def _regency_codes(plan: Plan) -> np.ndarray:
    return plan.world.nation.regency_codes[plan.world.regencies]
