"""Hand-made coverage indicator tables (tidy, as the indicator pipeline writes them)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from paritrana.regions.models import Province, Regency


def spread(i: int) -> float:
    """How a region's overall coverage differs from the others' (0.5 to 1.1)."""
    return 0.5 + (i % 7) / 10


def _rows(code: str, k: float, growth: float, i: int) -> list[dict]:
    """Figures of one region: k scales its size, growth its coverage in later cycles."""
    work, formal, informal = 1000 * k, 400 * k, 600 * k
    active = 500 * k * growth * spread(i)
    pu, bpu = (300 * k) * growth, (150 * k) * growth
    out = [
        ("coverage_active", active, work, active / work),
        ("coverage_pu", pu, formal, pu / formal),
        ("coverage_bpu", bpu, informal, bpu / informal),
        ("jakon_participants", 50 * k, None, 50 * k),
        ("apbd_vulnerable", 20 * k, None, 20 * k),
        ("regulation_level", 2, None, 2),
    ]
    return [
        {"entity_id": code, "indicator": i, "value": v, "numerator": n, "denominator": d}
        for i, n, d, v in out
    ]


def write_coverage_store(root: Path, cycles: tuple[str, ...] = ("2023", "2024")) -> Path:
    provinces = list(Province.objects.order_by("code").values_list("code", flat=True))
    regencies = list(Regency.objects.filter(province="32").values_list("code", flat=True))
    for n, cycle in enumerate(cycles):
        folder = root / "_indicators" / cycle
        folder.mkdir(parents=True, exist_ok=True)
        growth = 1 + 0.1 * n
        prov = [r for i, c in enumerate(provinces) for r in _rows(c, 1 + i, growth, i)]
        reg = [r for i, c in enumerate(regencies) for r in _rows(c, 1 + i % 5, growth, i)]
        pd.DataFrame(prov).to_parquet(folder / "province.parquet")
        pd.DataFrame(reg).to_parquet(folder / "regency.parquet")
    return root
