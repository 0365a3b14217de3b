"""Policy parameters the indicators depend on, each stated once.

These are the committee's reading of the rules, not facts in the data: changing one here
changes every indicator, the pandas benchmark baseline and ``docs/indicators.md`` together.
"""

from __future__ import annotations

from collections.abc import Mapping

import ibis

from paritrana.analytics.indicators.registry import Column, Table
from paritrana.analytics.schema import PROGRAMMES

#: Months in the assessment period; "months paid on time" is out of this.
MONTHS_IN_PERIOD = 12

#: Ordinal level of a regional regulation: the strongest instrument in force counts.
REGULATION_LEVEL: Mapping[str, int] = {"PERDA": 3, "PERKADA": 2, "SE": 1}
#: Same for villages: a Peraturan Desa outranks a Peraturan Kepala Desa.
VILLAGE_REGULATION_LEVEL: Mapping[str, int] = {"PERDES": 2, "PERKADES": 1}
#: Scope flags of the regulations dataset; scope = how many any regulation in force covers.
SCOPE_FLAGS = (
    "covers_non_asn",
    "covers_vulnerable",
    "covers_bumd",
    "covers_construction",
    "covers_licensing",
)

#: Programmes an employer must enrol its workers in, by scale. Small and micro businesses are
#: not obliged to join JP (Perpres 109/2013 staging); medium and large ones join all five.
REQUIRED_PROGRAMMES: Mapping[str, tuple[str, ...]] = {
    "BESAR": PROGRAMMES,
    "MENENGAH": PROGRAMMES,
    "KECIL": ("JKK", "JKM", "JHT", "JKP"),
    "MIKRO": ("JKK", "JKM", "JHT", "JKP"),
}

FULLY_COMPLIANT_TEXT = (
    "An employer is **fully compliant** when all five hold: every programme required of its "
    "scale is enrolled (all five for BESAR/MENENGAH; JKK, JKM, JHT and JKP for KECIL/MIKRO); "
    f"all {MONTHS_IN_PERIOD} months were paid on time; arrears are Rp0; every registered "
    "worker's reported wage is at or above the UMK of the regency they work in; and it "
    "registered at least as many active workers as the headcount it reports."
)


def required_programmes_enrolled(employer: Table) -> Column:
    """True when the employer has every programme its scale requires (base columns jkk…jkp)."""
    cases = [
        (
            employer.scale == scale,
            ibis.and_(*(employer[p.lower()] for p in programmes)),
        )
        for scale, programmes in REQUIRED_PROGRAMMES.items()
    ]
    return ibis.cases(*cases, else_=False)


def fully_compliant(employer: Table) -> Column:
    """The one definition of a fully compliant employer, over the employer base table."""
    return ibis.and_(
        employer.required_programmes,
        employer.months_on_time >= MONTHS_IN_PERIOD,
        employer.arrears_rp == 0,
        employer.wage_ok == employer.wage_checked,
        employer.registered >= employer.headcount,
    )
