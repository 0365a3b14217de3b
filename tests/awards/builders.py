"""Hand-built award fixtures: a small category and indicator tables written to a store."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from paritrana.awards.defaults import Aspect, CategoryTemplate, Leaf
from paritrana.awards.domain.rounds import round_stage_set
from paritrana.awards.models import Round, RoundLevel
from paritrana.entities.models import EntityKind

#: Hand-checkable pipeline: min-max to 0-100 and weighted arithmetic means, nothing else.
SIMPLE_PIPELINE = {
    "name": "test",
    "steps": {
        "normalise": {"method": "minmax", "range": [0, 100]},
        "aggregate": {"method": "arithmetic"},
    },
    "ranks": {"tie_breakers": ["CAK"], "decimals": 6},
    "sensitivity": {"runs": 200, "seed": 1},
}

SMALL_PEMDA = CategoryTemplate(
    "PEMDA",
    "Pemerintah Kabupaten/Kota",
    EntityKind.REGENCY,
    (
        Aspect(
            "REG",
            "Regulasi",
            30,
            (Leaf("reg", "Tingkat regulasi", "COMPUTED", 100, ref="regulation_level"),),
        ),
        Aspect(
            "CAK",
            "Cakupan",
            40,
            (
                Leaf("ca", "Peserta aktif", "COMPUTED", 50, ref="coverage_active"),
                Leaf("cb", "Peserta BPU", "COMPUTED", 50, ref="coverage_bpu"),
            ),
        ),
        Aspect(
            "INO",
            "Inovasi",
            10,
            (Leaf("ino", "Program inovasi", "QUESTIONNAIRE", 100, ref="innovation_programmes"),),
        ),
        Aspect(
            "WAW", "Wawancara", 20, (Leaf("waw", "Komitmen", "JURY", 100, ref="jury_commitment"),)
        ),
    ),
    shortlist_size=3,
    pipeline=SIMPLE_PIPELINE,
)

SMALL_PEMPROV = CategoryTemplate(
    "PEMPROV",
    "Pemerintah Provinsi",
    EntityKind.PROVINCE,
    (
        Aspect(
            "REG",
            "Regulasi",
            50,
            (Leaf("reg", "Tingkat regulasi", "COMPUTED", 100, ref="regulation_level"),),
        ),
        Aspect(
            "CAK",
            "Cakupan",
            50,
            (Leaf("ca", "Peserta aktif", "COMPUTED", 100, ref="coverage_active"),),
        ),
    ),
    national_only=True,
    by_zone=True,
    has_interview=False,
    pipeline=SIMPLE_PIPELINE,
)

#: regency -> (regulation_level, coverage_active, coverage_bpu). Screening of province 32 on
#: REG (30) and CAK (40): index = (30 REG + 40 CAK) / 70 with min-max per indicator:
#: 32.02 71.43, 32.05 57.14, 32.04 50.00, 32.03 42.86, 32.01 14.29.
REGENCIES = {
    "32.01": (1, 0.1, 0.1),
    "32.02": (3, 0.5, 0.5),
    "32.03": (2, 0.3, 0.3),
    "32.04": (3, 0.2, 0.2),
    "32.05": (0, 0.9, 0.9),
    "36.01": (1, 0.2, 0.2),
    "36.02": (2, 0.1, 0.1),
}
PROVINCES = {"32": (3, 0.5), "36": (1, 0.6), "31": (2, 0.4), "11": (1, 0.1)}


def tidy(rows: dict[str, tuple[float, ...]], indicators: tuple[str, ...]) -> pd.DataFrame:
    records = [
        {
            "entity_id": code,
            "indicator": ind,
            "value": float(v),
            "numerator": float(v),
            "denominator": 1.0,
        }
        for code, values in rows.items()
        for ind, v in zip(indicators, values, strict=True)
    ]
    return pd.DataFrame.from_records(records)


def write_store(root: Path, cycle: str = "c1") -> Path:
    folder = root / "_indicators" / cycle
    folder.mkdir(parents=True, exist_ok=True)
    tidy(REGENCIES, ("regulation_level", "coverage_active", "coverage_bpu")).to_parquet(
        folder / "regency.parquet"
    )
    tidy(PROVINCES, ("regulation_level", "coverage_active")).to_parquet(folder / "province.parquet")
    return root


def to_stage(rnd: Round, code: str) -> Round:
    return round_stage_set(round=rnd, stage=rnd.cycle.stages.get(code=code), actor=None)


def provincial(cycle, code: str) -> Round:
    return cycle.rounds.select_related("stage", "province", "cycle").get(province_id=code)


def national(cycle) -> Round:
    return cycle.rounds.select_related("stage", "cycle").get(level=RoundLevel.NATIONAL)


#: A regency category scored on computed indicators only: deliberation needs neither the
#: questionnaire nor the jury, so pages and the CLI can run it end to end.
COMPUTED_ONLY = CategoryTemplate(
    "KAB",
    "Kabupaten/Kota (indikator saja)",
    EntityKind.REGENCY,
    (
        Aspect("REG", "Regulasi", 40, SMALL_PEMDA.aspects[0].leaves),
        Aspect("CAK", "Cakupan", 60, SMALL_PEMDA.aspects[1].leaves),
    ),
    has_interview=False,
    pipeline=SIMPLE_PIPELINE,
)
