"""Indicators of employers (BU and UKM categories): compliance and support for vulnerable workers."""

from __future__ import annotations

import ibis

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.registry import EntityType, Indicator, Kind, Terms
from paritrana.analytics.schema import CONTRIBUTION_DUE_DAY, PROGRAMMES

_EMPLOYER = (EntityType.EMPLOYER,)
_WORKERS = ("participants.npp", "participants.active")
_PROGRAMME_COLUMNS = tuple(f"participants.{p.lower()}" for p in PROGRAMMES)
_BILLS = ("contributions.npp", "contributions.month", "contributions.billed_rp")

INDICATORS = (
    Indicator(
        code="registration_ratio",
        name="Registered workers per reported headcount",
        entities=_EMPLOYER,
        kind=Kind.RATIO,
        formula="active participants with the employer's NPP / headcount the employer reports "
        "(above 1 when it registers more than it reports)",
        unit="ratio",
        direction=+1,
        sources=(*_WORKERS, "employers.headcount"),
        terms=lambda t: Terms(t.registered, t.headcount),
    ),
    Indicator(
        code="programmes_enrolled",
        name="Programmes enrolled",
        entities=_EMPLOYER,
        kind=Kind.COUNT,
        formula="programmes (JKK, JKM, JHT, JP, JKP) in which every active registered worker "
        "is enrolled; 0 without registered workers",
        unit=f"programmes (of {len(PROGRAMMES)})",
        direction=+1,
        sources=(*_WORKERS, *_PROGRAMME_COLUMNS),
        terms=lambda t: Terms(t.programmes, ibis.literal(len(PROGRAMMES))),
    ),
    Indicator(
        code="months_paid_on_time",
        name="Months paid on time",
        entities=_EMPLOYER,
        kind=Kind.COUNT,
        formula="months of the period whose bill was paid in full (paid_rp ≥ billed_rp) by day "
        f"{CONTRIBUTION_DUE_DAY} of the next month; a month billed Rp0 counts, a month "
        "without a bill does not",
        unit=f"months (of {policy.MONTHS_IN_PERIOD})",
        direction=+1,
        sources=(*_BILLS, "contributions.paid_rp", "contributions.paid_on"),
        terms=lambda t: Terms(t.months_on_time, ibis.literal(policy.MONTHS_IN_PERIOD)),
    ),
    Indicator(
        code="arrears",
        name="Contribution arrears",
        entities=_EMPLOYER,
        kind=Kind.COUNT,
        formula="max(0, Σ billed_rp − Σ paid_rp) over the months of the period",
        unit="Rupiah",
        direction=-1,
        sources=(*_BILLS, "contributions.paid_rp"),
        terms=lambda t: Terms(t.arrears_rp),
    ),
    Indicator(
        code="wage_at_or_above_umk",
        name="Share of workers reported at or above the minimum wage",
        entities=_EMPLOYER,
        kind=Kind.RATIO,
        formula="active registered workers whose wage ≥ UMK of the regency they work in / "
        "those whose regency has a UMK",
        unit="share (0–1)",
        direction=+1,
        sources=(
            *_WORKERS,
            "participants.wage",
            "participants.work_regency",
            "minimum_wages.minimum_wage_rp",
        ),
        terms=lambda t: Terms(t.wage_ok, t.wage_checked),
    ),
    Indicator(
        code="csr_vulnerable_funded",
        name="Vulnerable workers funded by the employer (CSR)",
        entities=_EMPLOYER,
        kind=Kind.COUNT,
        formula="active participants with funding CSR and funder_npp = the employer",
        unit="participants",
        direction=+1,
        sources=("participants.funding", "participants.funder_npp", "participants.active"),
        terms=lambda t: Terms(t.csr_funded),
    ),
    Indicator(
        code="fully_compliant",
        name="Fully compliant",
        entities=_EMPLOYER,
        kind=Kind.COUNT,
        formula="1 when fully compliant (see below), else 0",
        unit="flag (of 1)",
        direction=+1,
        sources=(
            "employers.scale",
            "indicator.programmes_enrolled",
            "indicator.months_paid_on_time",
            "indicator.arrears",
            "indicator.wage_at_or_above_umk",
            "indicator.registration_ratio",
        ),
        terms=lambda t: Terms(t.fully_compliant.cast("int64"), ibis.literal(1)),
    ),
)
