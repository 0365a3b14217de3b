"""``docs/indicators.md``, rendered from the registry so the page cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from paritrana.analytics.indicators import policy
from paritrana.analytics.indicators.catalog import INDICATORS
from paritrana.analytics.indicators.registry import EntityType, Indicator, Kind
from paritrana.analytics.indicators.tidy import OUTPUT_COLUMNS

DOC_PATH = Path("docs/indicators.md")

#: Section title of each entity type, in the order the page lists them.
_TITLES = {
    EntityType.REGENCY: "Regencies and cities (PEMDA)",
    EntityType.PROVINCE: "Provinces (PEMPROV)",
    EntityType.VILLAGE: "Villages (DESA)",
    EntityType.EMPLOYER: "Employers (BU, UKM)",
}
_KINDS = {
    Kind.RATIO: "value = numerator / denominator; **null when the denominator is 0** "
    "(the row is still written, with the denominator shown, so a missing BPS or budget "
    "figure is visible rather than silently a zero)",
    Kind.COUNT: "value = numerator (a count, an amount in Rupiah or a level); the denominator "
    "is empty, or the fixed maximum the count is out of (5 programmes, 12 months, level 3)",
    Kind.GROWTH: "value = (numerator − denominator) / denominator, with the numerator this "
    "period and the denominator the previous one; null when the previous period had none",
}

_INTRO = f"""\
# Indicators

_Generated from the indicator registry (`src/paritrana/analytics/indicators/defs_*.py`) by
`paritrana indicators docs`; a test fails when this page and the registry disagree. Do not
edit by hand._

`paritrana indicators compute --data DIR --out DIR` writes one table per entity type,
`<out>/<entity type>.parquet`, with one row per entity and indicator and the columns
{", ".join(f"`{c}`" for c in OUTPUT_COLUMNS)} (value, numerator and denominator are
float64). Every indicator is computed for **every** entity, including those with no
participant at all: a coverage with nobody covered is 0, not missing.

## How to read a row

| kind | meaning |
| --- | --- |
{chr(10).join(f"| {k.value} | {text} |" for k, text in _KINDS.items())}

Direction +1 means higher is better, −1 lower is better.

## Conventions

- **Entities.** Provinces, regencies and villages come from the reference regions
  (Kemendagri codes), restricted to the provinces the `workforce` dataset covers (all 38
  nationally, one for a provincial extract). Employers are every row of `employers`.
- **Period.** Denominators, budgets and minimum wages are those of `--year`; contributions
  are the months `YYYY-MM` of that year; regulations count when issued on or before
  31 December of it. Participants are the snapshot at the end of the period.
- **Participants counted** are the active ones (`active` true), everywhere.
- **Regencies vs provinces.** Membership counts, BPS denominators and employers located in
  the region add up: a province's are the sums of its regencies'. What a government decides
  or owns — its budget row, its regulations, its own non-ASN staff and its BUMD (employers
  whose `owner_region` is that government) — belongs to it alone: a province reads its own
  province-level rows, never its regencies'.
- **APBD funding.** `funding = APBD` does not say whose APBD pays, so an APBD-funded
  vulnerable worker counts in the regency where they work (and in its province) whether the
  regency or the province funds them; the budget rows say what each government allocated.
- **Absent rows.** A region without a budget row allocated Rp0 and declared no own staff
  (so its own-staff coverage is null with denominator 0); without a regulation its level
  and scope are 0; a regency without a `workforce` row has denominators 0 (ratios null).
- **Fully compliant employer.** {policy.FULLY_COMPLIANT_TEXT}
"""


def _row(indicator: Indicator) -> str:
    sources = ", ".join(f"`{s}`" for s in indicator.sources)
    growth = " Only with `--previous DIR`." if indicator.needs_previous else ""
    cells = (
        f"`{indicator.code}`",
        indicator.name,
        indicator.formula + "." + growth,
        indicator.unit,
        f"{indicator.direction:+d}",
        indicator.kind.value,
        sources,
    )
    return "| " + " | ".join(cells) + " |"


def _section(entity: EntityType) -> str:
    rows = [_row(i) for i in INDICATORS if entity in i.entities]
    return "\n".join(
        [
            f"## {_TITLES[entity]} — `{entity.value}.parquet`",
            "",
            "| code | indicator | formula | unit | direction | kind | source columns |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )


def render_markdown() -> str:
    # Regions first, as the award's categories are listed; a test checks every type has one.
    return _INTRO + "\n" + "\n\n".join(_section(e) for e in _TITLES) + "\n"


def write_markdown(path: Path = DOC_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(), encoding="utf-8")
    return path
