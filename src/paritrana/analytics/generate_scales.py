"""Scale presets of the synthetic nation generator.

A preset picks a *world* (which real regions exist in the output) and how many people and
employers live in it. Every preset samples the same national model, so Kabupaten Bandung
has the same regulation, budget and minimum wage at every scale; smaller presets only
scale regency-level counts down (keeping ratios such as coverage realistic) and keep a
subset of villages, whose own quantities (officials, village budgets) are never scaled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from paritrana.analytics.generate_facts import PROVINCES


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    description: str
    #: Provinces in the world; empty = all 38.
    provinces: tuple[str, ...] = ()
    #: Regencies in the world; empty = every regency of the chosen provinces.
    regencies: tuple[str, ...] = ()
    #: Villages kept per regency (evenly spread over its districts); None = all villages.
    villages_per_regency: int | None = None
    #: Participants to aim for; None = full national size (no scaling).
    participants: int | None = None
    #: Employers to aim for; None = the national ratio of employers to participants.
    employers: int | None = None
    #: Rows per Parquet row group (and per generation chunk).
    chunk_rows: int = 1 << 20


SCALES: dict[str, ScaleSpec] = {
    spec.name: spec
    for spec in (
        ScaleSpec(
            name="tiny",
            description=(
                "2 provinces (Jawa Barat, Sulawesi Barat), 6 regencies with their capitals, "
                "40 villages each; ~3-4k participants, ~250 employers. For tests."
            ),
            provinces=("32", "76"),
            regencies=("32.04", "32.16", "32.73", "76.02", "76.04", "76.05"),
            villages_per_regency=40,
            participants=2_500,
            employers=250,
            chunk_rows=1 << 12,
        ),
        ScaleSpec(
            name="demo",
            description=(
                "All 38 provinces and 514 regencies, 8 villages per regency; ~300k "
                "participants, ~12k employers. For the web demo: real indicators everywhere."
            ),
            villages_per_regency=8,
            participants=300_000,
            employers=12_000,
            chunk_rows=1 << 17,
        ),
        ScaleSpec(
            name="province",
            description=(
                "One province in full (default 32 Jawa Barat; --province to choose): every "
                "regency and village, participants and employers at real size."
            ),
            provinces=("32",),
        ),
        ScaleSpec(
            name="national",
            description=(
                "The whole nation at real size: ~41.4M participants (26.26M PU, 9.58M BPU, "
                "5.53M JAKON), ~840k employers, 514 regencies, 83,762 villages."
            ),
        ),
    )
}


def resolve_scale(scale: str, province: str | None = None) -> ScaleSpec:
    """The preset named ``scale``; ``province`` chooses the province of the ``province`` preset."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    spec = SCALES[scale]
    if province is None:
        return spec
    if scale != "province":
        raise ValueError("province applies only to the 'province' scale")
    if province not in PROVINCES:
        raise ValueError(f"unknown province code {province!r}; expected e.g. '32'")
    return replace(spec, provinces=(province,))
