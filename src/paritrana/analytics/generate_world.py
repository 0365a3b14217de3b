"""The real regions, as numpy arrays, and the subset of them a scale preset keeps (its world)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from paritrana.analytics.generate_facts import PROVINCES
from paritrana.analytics.generate_scales import ScaleSpec
from paritrana.regions.reference import read_level

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
StrArray = npt.NDArray[np.str_]

#: Regency codes 71..99 within a province are cities (kota); 01..70 are kabupaten.
_FIRST_KOTA_SUFFIX = 71
#: Village codes whose four-digit part starts with 2 are desa (with an APBDes and village
#: officials); 1 is a kelurahan, an office of the city or regency with civil-servant staff.
_DESA_PREFIX = "2"


@dataclass(frozen=True)
class Nation:
    """Every real province, regency and village, in code order; indices link the levels."""

    province_codes: StrArray
    province_names: StrArray
    regency_codes: StrArray
    regency_names: StrArray
    regency_province: IntArray  # index into province_codes
    regency_is_kota: BoolArray
    province_capital: IntArray  # index into regency_codes
    village_codes: StrArray
    village_regency: IntArray  # index into regency_codes
    village_is_desa: BoolArray


@dataclass(frozen=True)
class World:
    """The regions one preset keeps; all arrays index the :class:`Nation`."""

    nation: Nation
    provinces: IntArray
    regencies: IntArray
    villages: IntArray

    @property
    def regency_province(self) -> IntArray:
        """World-province position (0..len(provinces)-1) of each world regency."""
        position = np.full(len(self.nation.province_codes), -1, dtype=np.int64)
        position[self.provinces] = np.arange(len(self.provinces))
        return position[self.nation.regency_province[self.regencies]]

    @property
    def village_regency(self) -> IntArray:
        """World-regency position of each world village."""
        position = np.full(len(self.nation.regency_codes), -1, dtype=np.int64)
        position[self.regencies] = np.arange(len(self.regencies))
        return position[self.nation.village_regency[self.villages]]


@lru_cache(maxsize=1)
def load_nation() -> Nation:
    """Read the committed reference regions once per process (the village file takes ~0.3 s)."""
    provinces = read_level("province")
    regencies = read_level("regency")
    villages = read_level("village")
    province_codes = np.array([p.code for p in provinces])
    regency_codes = np.array([r.code for r in regencies])
    province_index = {code: i for i, code in enumerate(province_codes.tolist())}
    regency_index = {code: i for i, code in enumerate(regency_codes.tolist())}
    return Nation(
        province_codes=province_codes,
        province_names=np.array([p.name for p in provinces]),
        regency_codes=regency_codes,
        regency_names=np.array([r.name for r in regencies]),
        regency_province=np.array([province_index[r.parent_code] for r in regencies]),
        regency_is_kota=np.array([int(r.code[3:]) >= _FIRST_KOTA_SUFFIX for r in regencies]),
        province_capital=np.array([regency_index[PROVINCES[c].capital] for c in province_codes]),
        village_codes=np.array([v.code for v in villages]),
        village_regency=np.array([regency_index[v.code[:5]] for v in villages]),
        village_is_desa=np.array([v.code[9] == _DESA_PREFIX for v in villages]),
    )


def build_world(spec: ScaleSpec, nation: Nation | None = None) -> World:
    """Select the provinces, regencies and villages of ``spec`` (all code-ordered)."""
    nation = nation or load_nation()
    provinces = _select(nation.province_codes, spec.provinces)
    in_provinces = np.isin(nation.regency_province, provinces)
    regencies = np.flatnonzero(in_provinces)
    if spec.regencies:
        regencies = np.intersect1d(regencies, _select(nation.regency_codes, spec.regencies))
    # A province none of whose regencies is kept has no place in the world.
    provinces = np.intersect1d(provinces, nation.regency_province[regencies])
    villages = _keep_villages(nation, regencies, spec.villages_per_regency)
    return World(nation=nation, provinces=provinces, regencies=regencies, villages=villages)


def _select(codes: StrArray, wanted: tuple[str, ...]) -> IntArray:
    if not wanted:
        return np.arange(len(codes), dtype=np.int64)
    found = np.flatnonzero(np.isin(codes, np.array(wanted)))
    if len(found) != len(set(wanted)):
        missing = sorted(set(wanted) - set(codes[found].tolist()))
        raise ValueError(f"unknown region code(s): {', '.join(missing)}")
    return found.astype(np.int64)


def _keep_villages(nation: Nation, regencies: IntArray, per_regency: int | None) -> IntArray:
    in_world = np.isin(nation.village_regency, regencies)
    villages = np.flatnonzero(in_world).astype(np.int64)
    if per_regency is None:
        return villages
    # Evenly spaced picks in code order spread the kept villages over every district and
    # mix desa with kelurahan, as the full regency does.
    kept: list[IntArray] = []
    starts = np.searchsorted(nation.village_regency, regencies, side="left")
    ends = np.searchsorted(nation.village_regency, regencies, side="right")
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        count = min(per_regency, end - start)
        kept.append(
            start + np.unique(np.linspace(0, end - start - 1, count).round().astype(np.int64))
        )
    return np.concatenate(kept)
