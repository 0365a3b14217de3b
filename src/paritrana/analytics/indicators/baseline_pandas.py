"""The indicators written plainly in pandas: the benchmark's baseline and an independent check.

This is what an analyst would write without Ibis — read the columns into DataFrames, mask,
group, join. It recomputes every *measure* on its own (so it cross-checks the Ibis
expressions, in tests and in the benchmark), while the indicator list, kinds and policy
parameters still come from the registry, where each indicator is defined once.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.catalog import ENTITY_TYPES, indicators_for
from paritrana.analytics.indicators.registry import EntityType, Kind
from paritrana.analytics.schema import CONTRIBUTION_DUE_DAY, PROGRAMMES
from paritrana.regions.reference import read_level

_FLAGS = [p.lower() for p in PROGRAMMES]
_PARTICIPANT_COLUMNS = [
    "segment", "npp", "work_regency", "home_village", *_FLAGS, "active", "wage", "funding",
    "funder_npp", "worker_category",
]  # fmt: skip
#: (numerator, denominator) measure names of each indicator code, or a fixed maximum.
_TERMS: dict[str, tuple[str, str | float | None]] = {
    "coverage_active": ("active", "working_population"),
    "coverage_pu": ("active_pu", "formal"),
    "coverage_bpu": ("active_bpu", "informal"),
    "jakon_participants": ("active_jakon", None),
    "apbd_vulnerable": ("apbd_vulnerable", None),
    "apbd_vulnerable_share": ("apbd_vulnerable", "informal"),
    "apbd_allocation": ("allocation_rp", None),
    "active_growth": ("active", "prev_active"),
    "employers_compliant_share": ("employers_compliant", "employers"),
    "bumd_compliant_share": ("bumd_compliant", "bumd"),
    "regulation_level": ("regulation_level", float(max(policy.REGULATION_LEVEL.values()))),
    "regulation_scope": ("regulation_scope", float(len(policy.SCOPE_FLAGS))),
    "own_staff_covered": ("non_asn_covered", "own_staff"),
    "village_officials_covered": ("officials_covered", "own_staff"),
    "bpu_residents": ("bpu_residents", None),
    "apbdes_funded": ("apbdes_funded", None),
    "apbdes_allocation": ("allocation_rp", None),
    "village_regulation_level": (
        "regulation_level",
        float(max(policy.VILLAGE_REGULATION_LEVEL.values())),
    ),
    "registration_ratio": ("registered", "headcount"),
    "programmes_enrolled": ("programmes", float(len(PROGRAMMES))),
    "months_paid_on_time": ("months_on_time", float(policy.MONTHS_IN_PERIOD)),
    "arrears": ("arrears_rp", None),
    "wage_at_or_above_umk": ("wage_ok", "wage_checked"),
    "csr_vulnerable_funded": ("csr_funded", None),
    "fully_compliant": ("fully_compliant", 1.0),
}


def _read(data_dir: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    return pd.read_parquet(data_dir / f"{name}.parquet", columns=columns)


def _count(mask: pd.Series, by: pd.Series) -> pd.Series:
    return mask.groupby(by).sum()


def employers_frame(data_dir: Path, participants: pd.DataFrame, year: int) -> pd.DataFrame:
    e = _read(data_dir, "employers").set_index("npp")
    mw = _read(data_dir, "minimum_wages")
    umk = mw[mw.year == year].set_index("regency").minimum_wage_rp
    w = participants[participants.active & participants.npp.notna()]
    w_umk = w.work_regency.map(umk)
    g = w.groupby("npp")
    e["registered"] = g.size()
    for flag in _FLAGS:
        e[flag] = g[flag].all()
    e["wage_checked"] = _count(w_umk.notna(), w.npp)
    e["wage_ok"] = _count(w.wage >= w_umk, w.npp)
    e["non_asn"] = _count(w.worker_category == "NON_ASN", w.npp)
    csr = participants[participants.active & (participants.funding == "CSR")]
    e["csr_funded"] = csr.groupby("funder_npp").size()
    e = e.join(_payments(data_dir, year))
    counts = ["registered", "wage_checked", "wage_ok", "non_asn", "csr_funded", "months_on_time",
              "billed_rp", "paid_rp"]  # fmt: skip
    e[counts] = e[counts].fillna(0).astype("int64")
    e[_FLAGS] = e[_FLAGS].fillna(value=False).astype(bool)
    e["programmes"] = e[_FLAGS].sum(axis=1)
    e["arrears_rp"] = (e.billed_rp - e.paid_rp).clip(lower=0)
    required = pd.Series(data=False, index=e.index)
    for scale, programmes in policy.REQUIRED_PROGRAMMES.items():
        mask = e.scale == scale
        required[mask] = e.loc[mask, [p.lower() for p in programmes]].all(axis=1)
    e["fully_compliant"] = (
        required
        & (e.months_on_time >= policy.MONTHS_IN_PERIOD)
        & (e.arrears_rp == 0)
        & (e.wage_ok == e.wage_checked)
        & (e.registered >= e.headcount)
    ).astype("int64")
    return e


def _payments(data_dir: Path, year: int) -> pd.DataFrame:
    c = _read(data_dir, "contributions")
    c = c[c.month.str.startswith(f"{year:04d}-")]
    first = pd.to_datetime(c.month + "-01")
    due = first + pd.offsets.MonthBegin(1) + pd.Timedelta(days=CONTRIBUTION_DUE_DAY - 1)
    paid_on = pd.to_datetime(c.paid_on)
    on_time = (c.paid_rp >= c.billed_rp) & ((c.billed_rp == 0) | (paid_on <= due))
    g = c.assign(on_time=on_time).groupby("npp")
    return pd.DataFrame(
        {
            "months_on_time": g.on_time.sum(),
            "billed_rp": g.billed_rp.sum(),
            "paid_rp": g.paid_rp.sum(),
        }
    )


def _reference(data_dir: Path, year: int) -> tuple[pd.Index, pd.Series, pd.Series]:
    wf = _read(data_dir, "workforce")
    assessed = set(wf[wf.year == year].regency.str[:2])
    provinces = pd.Index([r.code for r in read_level("province") if r.code in assessed])
    regencies = pd.Series({r.code: r.parent_code for r in read_level("regency")})
    villages = pd.Series({r.code: r.code[:5] for r in read_level("village")})
    return (
        provinces,
        regencies[regencies.isin(assessed)],
        villages[villages.str[:2].isin(assessed)],
    )


def _own_rows(data_dir: Path, year: int, level: str, ranks: dict[str, int]) -> pd.DataFrame:
    b = _read(data_dir, "budgets")
    b = b[(b.year == year) & (b.level == level)].set_index("region_code")
    r = _read(data_dir, "regulations")
    r = r[(r.level == level) & (pd.to_datetime(r.issued_on) <= pd.Timestamp(year, 12, 31))]
    rank = r.instrument.map(ranks).fillna(0)
    own = b[["allocation_rp", "own_staff"]].copy()
    own = own.join(rank.groupby(r.region_code).max().rename("regulation_level"), how="outer")
    scope = r.groupby("region_code")[list(policy.SCOPE_FLAGS)].any().sum(axis=1)
    return own.join(scope.rename("regulation_scope"), how="outer")


def region_frames(
    data_dir: Path,
    participants: pd.DataFrame,
    employers: pd.DataFrame,
    previous: pd.DataFrame | None,
    year: int,
) -> dict[EntityType, pd.DataFrame]:
    provinces, regencies, villages = _reference(data_dir, year)
    act = participants[participants.active]
    by = act.work_regency
    reg = pd.DataFrame(index=regencies.index)
    reg["active"] = act.groupby(by).size()
    for segment in ("PU", "BPU", "JAKON"):
        reg[f"active_{segment.lower()}"] = _count(act.segment == segment, by)
    reg["apbd_vulnerable"] = _count(
        (act.funding == "APBD") & (act.worker_category == "VULNERABLE"), by
    )
    wf = _read(data_dir, "workforce")
    wf = wf[wf.year == year].set_index("regency")
    reg = reg.join(wf[["working_population", "formal", "informal"]])
    reg["employers"] = employers.groupby("regency").size()
    reg["employers_compliant"] = employers.groupby("regency").fully_compliant.sum()
    if previous is not None:
        prev = previous[previous.active]
        reg["prev_active"] = prev.groupby("work_regency").size()
    reg = reg.fillna(0)
    prov = reg.groupby(regencies).sum().reindex(provinces).fillna(0)
    owned = _owned(employers)
    reg = reg.join(owned).join(_own_rows(data_dir, year, "REGENCY", dict(policy.REGULATION_LEVEL)))
    prov = prov.join(owned).join(
        _own_rows(data_dir, year, "PROVINCE", dict(policy.REGULATION_LEVEL))
    )
    vil = _villages(data_dir, act, villages, year)
    return {
        EntityType.REGENCY: reg.fillna(0),
        EntityType.PROVINCE: prov.fillna(0),
        EntityType.VILLAGE: vil.fillna(0),
    }


def _owned(employers: pd.DataFrame) -> pd.DataFrame:
    e = employers[employers.owner_region.notna()]
    bumd = e.ownership == "BUMD"
    return pd.DataFrame(
        {
            "bumd": _count(bumd, e.owner_region),
            "bumd_compliant": _count(bumd & (e.fully_compliant == 1), e.owner_region),
            "non_asn_covered": e.non_asn.where(e.ownership == "GOVERNMENT", 0)
            .groupby(e.owner_region)
            .sum(),
        }
    )


def _villages(data_dir: Path, act: pd.DataFrame, villages: pd.Series, year: int) -> pd.DataFrame:
    res = act[act.home_village.notna()]
    by = res.home_village
    vil = pd.DataFrame(index=villages.index)
    vil["officials_covered"] = _count(res.worker_category == "VILLAGE_OFFICIAL", by)
    vil["bpu_residents"] = _count(res.segment == "BPU", by)
    vil["apbdes_funded"] = _count(res.funding == "APBDES", by)
    own = _own_rows(data_dir, year, "VILLAGE", dict(policy.VILLAGE_REGULATION_LEVEL))
    return vil.join(own[["allocation_rp", "own_staff", "regulation_level"]])


def tidy_frame(base: pd.DataFrame, entity: EntityType, *, with_previous: bool) -> pd.DataFrame:
    parts = []
    for indicator in indicators_for(entity, with_previous=with_previous):
        num_name, den = _TERMS[indicator.code]
        num = base[num_name].astype("float64")
        den_values = (
            base[den].astype("float64")
            if isinstance(den, str)
            else pd.Series(np.nan if den is None else den, index=base.index)
        )
        if indicator.kind is Kind.RATIO:
            value = num / den_values.replace(0.0, np.nan)
        elif indicator.kind is Kind.GROWTH:
            value = (num - den_values) / den_values.replace(0.0, np.nan)
        else:
            value = num
        parts.append(
            pd.DataFrame(
                {
                    "entity_id": base.index.astype(str),
                    "indicator": indicator.code,
                    "value": value.to_numpy(),
                    "numerator": num.to_numpy(),
                    "denominator": den_values.to_numpy(),
                }
            )
        )
    return pd.concat(parts).sort_values(["entity_id", "indicator"], ignore_index=True)


def compute_pandas(
    *, data_dir: Path, out_dir: Path, year: int = 2024, previous_dir: Path | None = None
) -> dict[str, int]:
    """Same outputs as ``compute_indicators``, computed with pandas alone."""
    participants = _read(data_dir, "participants", _PARTICIPANT_COLUMNS)
    previous = None
    if previous_dir is not None:
        previous = _read(previous_dir, "participants", ["work_regency", "active"])
    employers = employers_frame(data_dir, participants, year)
    bases = {EntityType.EMPLOYER: employers}
    bases.update(region_frames(data_dir, participants, employers, previous, year))
    del participants
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for entity in ENTITY_TYPES:
        table = tidy_frame(bases[entity], entity, with_previous=previous is not None)
        table.to_parquet(out_dir / f"{entity.value}.parquet", index=False)
        written[entity.value] = len(table)
    return written
