"""Monthly contributions: one row per employer per month, billed from its payroll.

Bills cover JKK (rate by sector risk), JKM 0.30 %, JHT 5.7 % and JP 3 % (on wages up to
the JP ceiling) for the programmes the employer enrolled in; JKP needs no extra
contribution (it is funded by the government and a recomposition of JKK/JKM). Payment
behaviour follows the employer's type: punctual, occasionally late, chronically late
(sometimes partial or unpaid), or in arrears from some month on. Month M is due on the
15th of M+1; what is not paid by the extract date counts as unpaid.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

from paritrana.analytics import schema
from paritrana.analytics.generate_common import FloatArray, IntArray, chance, ranges, stream
from paritrana.analytics.generate_employers import (
    ARREARS,
    CHRONIC,
    PROFILE_PROGRAMMES,
    Employers,
)
from paritrana.analytics.generate_io import arrow_schema, code_array, parquet_sink, table
from paritrana.analytics.generate_participants import Payroll
from paritrana.analytics.generate_plan import Plan
from paritrana.analytics.generate_rows import day_number

MONTHS = 12
#: JKK rate by sector (schema.SECTORS order), from the risk classes of PP 44/2015.
_JKK_RATE = np.array([0.0024, 0.0127, 0.0089, 0.0054, 0.0024, 0.0054])
_JKM_RATE = 0.003
_JHT_RATE = 0.057
_JP_RATE = 0.03
_LATE_P = np.array([0.0, 0.3, 0.7, 0.3])  # by payment behaviour
_PARTIAL_P = 0.25  # chronic payers: share of months paid only in part
_UNPAID_P = 0.1  # chronic payers: share of months not paid at all


def extract_day(year: int) -> int:
    """The extract is taken at the end of January after the period: later payments are unseen."""
    return day_number(date(year + 1, 1, 31))


def due_days(year: int) -> IntArray:
    """Due date (day number) of months 1..12: the 15th of the following month."""
    dues = [date(year + m // 12, m % 12 + 1, schema.CONTRIBUTION_DUE_DAY) for m in range(1, 13)]
    return np.array([day_number(d) for d in dues], dtype=np.int64)


def write_contributions(
    plan: Plan,
    employers: Employers,
    payroll: Payroll,
    seed: int,
    path: Path,
    progress: Callable[[float], None],
) -> int:
    chunks = ranges(np.full(len(employers), MONTHS, dtype=np.int64), plan.spec.chunk_rows)
    written = 0
    with parquet_sink(path, arrow_schema(schema.CONTRIBUTIONS)) as write:
        for number, (start, stop) in enumerate(chunks):
            rng = stream(seed, "contributions", number)
            data = _chunk(rng, plan, employers, payroll, start, stop)
            write(data, plan.spec.chunk_rows)
            written += data.num_rows
            progress(stop / max(len(employers), 1))
    return written


def _chunk(
    rng: np.random.Generator,
    plan: Plan,
    e: Employers,
    payroll: Payroll,
    start: int,
    stop: int,
) -> pa.Table:
    owner = np.repeat(np.arange(start, stop), MONTHS)
    month = np.tile(np.arange(1, MONTHS + 1), stop - start)
    n = len(owner)
    workers, billed = _bills(e, payroll, owner, month)
    behaviour = e.behaviour[owner]
    due = due_days(plan.year)[month - 1]
    late = chance(rng, _LATE_P[behaviour])
    late_days = np.where(behaviour == CHRONIC, rng.integers(1, 46, n), rng.integers(1, 31, n))
    paid_on = np.where(late, due + late_days, due - rng.integers(0, 15, n))
    chronic = behaviour == CHRONIC
    partial = chronic & chance(rng, _PARTIAL_P, n)
    unpaid = (
        (chronic & chance(rng, _UNPAID_P, n))
        | ((behaviour == ARREARS) & (month > e.last_paid[owner]))
        | (paid_on > extract_day(plan.year))
        | (billed == 0)
    )
    share = np.where(partial, rng.uniform(0.3, 0.95, n), 1.0)
    paid = np.where(unpaid, 0, np.rint(billed * share)).astype(np.int64)
    months = np.array([f"{plan.year}-{m:02d}" for m in range(1, MONTHS + 1)])
    return table(
        schema.CONTRIBUTIONS,
        {
            "npp": e.npp.take(pa.array(owner)),
            "month": code_array(months, month - 1),
            "workers_reported": pa.array(workers),
            "billed_rp": pa.array(billed),
            "paid_rp": pa.array(paid),
            "paid_on": pa.array(paid_on.astype(np.int32), mask=unpaid).view(pa.date32()),
        },
    )


def _bills(
    e: Employers, payroll: Payroll, owner: IntArray, month: IntArray
) -> tuple[IntArray, IntArray]:
    """Workers billed and amount billed per employer-month.

    Leavers left in a uniformly random month, so a share (12 - m)/12 of them is still on
    month m's bill; on top, growing employers had fewer workers earlier in the year.
    """
    present = (MONTHS - month) / MONTHS
    growth = np.maximum(1.0 - e.growth[owner] * present, 0.0)

    def on_bill(totals: FloatArray) -> FloatArray:
        return np.asarray((totals[0, owner] + totals[1, owner] * present) * growth)

    programmes = PROFILE_PROGRAMMES[e.profile[owner]]
    rate = _JKK_RATE[e.sector[owner]] + _JKM_RATE + _JHT_RATE * programmes[:, 2]
    amount = on_bill(payroll.wages) * rate + on_bill(payroll.jp_wages) * _JP_RATE * programmes[:, 3]
    workers = np.rint(on_bill(payroll.workers)).astype(np.int64)
    billed = np.where(workers > 0, np.rint(amount), 0).astype(np.int64)
    return workers, billed
