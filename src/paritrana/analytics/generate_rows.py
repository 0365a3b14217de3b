"""One chunk of participants as columns, and its Arrow table; shared by the PU, BPU and JAKON
builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pyarrow as pa

from paritrana.analytics import schema
from paritrana.analytics.generate_common import BoolArray, FloatArray, IntArray
from paritrana.analytics.generate_io import code_array, kpj_numbers, masked_codes, table
from paritrana.analytics.generate_plan import Plan

PU, BPU, JAKON = range(3)  # schema.SEGMENTS order
SELF, EMPLOYER, APBD, APBDES, CSR = range(5)  # schema.FUNDING order
GENERAL, NON_ASN, VILLAGE_OFFICIAL, VULNERABLE = range(4)  # schema.WORKER_CATEGORIES
_EPOCH = date(1970, 1, 1)
_EARLIEST = date(2000, 1, 1)


def day_number(day: date) -> int:
    """Days since 1970-01-01 (Arrow date32)."""
    return (day - _EPOCH).days


@dataclass(frozen=True)
class Rows:
    """One chunk of participants, column-wise; codes are indices into the schema tuples."""

    segment: int
    npp: pa.Array  # string, nulls allowed
    regency: IntArray  # world regency position
    village: IntArray  # world village position; ignored where ``has_village`` is false
    has_village: BoolArray
    programmes: BoolArray  # n x 5: JKK, JKM, JHT, JP, JKP
    active: BoolArray
    wage: IntArray
    funding: IntArray
    funder_npp: pa.Array
    category: IntArray
    registered_on: IntArray  # days since epoch

    def __len__(self) -> int:
        return len(self.regency)


def registration_days(plan: Plan, days_back: FloatArray, earliest: date = _EARLIEST) -> IntArray:
    """Registration dates ``days_back`` days before the end of the period, not before ``earliest``."""
    end = day_number(date(plan.year, 12, 31))
    floor = min(day_number(earliest), end)  # an early assessment year still has a past
    return np.maximum(end - days_back.astype(np.int64), floor).astype(np.int64)


def rows_table(plan: Plan, seed: int, first: int, rows: Rows) -> pa.Table:
    n = len(rows)
    nation, world = plan.world.nation, plan.world
    p = rows.programmes
    return table(
        schema.PARTICIPANTS,
        {
            "kpj": kpj_numbers(seed, first, n),
            "segment": code_array(np.array(schema.SEGMENTS), np.full(n, rows.segment)),
            "npp": rows.npp,
            "work_regency": code_array(nation.regency_codes[world.regencies], rows.regency),
            "home_village": masked_codes(
                nation.village_codes[world.villages], rows.village, rows.has_village
            ),
            "jkk": pa.array(p[:, 0]),
            "jkm": pa.array(p[:, 1]),
            "jht": pa.array(p[:, 2]),
            "jp": pa.array(p[:, 3]),
            "jkp": pa.array(p[:, 4]),
            "active": pa.array(rows.active),
            "wage": pa.array(rows.wage, type=pa.int64()),
            "funding": code_array(np.array(schema.FUNDING), rows.funding),
            "funder_npp": rows.funder_npp,
            "worker_category": code_array(np.array(schema.WORKER_CATEGORIES), rows.category),
            "registered_on": pa.array(rows.registered_on.astype(np.int32)).view(pa.date32()),
        },
    )
