"""The coverage dashboards' charts, each with the table of its numbers."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from paritrana.regions.models import Province
from paritrana.web.public import coverage
from paritrana.web.public.charts import Chart, bar_shapes, line_shapes, number, percent, tile_shapes
from paritrana.web.public.coverage import Coverage

COVERAGE_HEADER = (
    _("Code"),
    _("Name"),
    _("Active participants"),
    _("Working population"),
    _("Coverage"),
)
COVERAGE_KINDS = ("text", "text", "int", "int", "pct")


def _coverage_rows(rows: list[Coverage]) -> list[list]:
    return [[r.code, r.name, r.active, r.working_population, r.coverage] for r in rows]


def map_chart(rows: list[Coverage], cycle: str) -> Chart:
    shapes, legend, width, height = tile_shapes(
        {r.code: (r.coverage, r.name) for r in rows},
        lambda code: reverse("public:coverage_province", args=[code]),
    )
    return Chart(
        id="map",
        kind="tilemap",
        title=_("Coverage by province"),
        description=_(
            "Active participants per working population in each of the 38 provinces "
            "(cycle %(cycle)s). Darker tiles: higher coverage. Each tile links to the "
            "province's regencies and cities."
        )
        % {"cycle": cycle},
        header=COVERAGE_HEADER,
        kinds=COVERAGE_KINDS,
        rows=_coverage_rows(rows),
        shapes=shapes,
        legend=legend,
        width=width,
        height=height,
    )


def segment_chart(row: Coverage, where: str) -> Chart:
    segments = [
        (_("PU (wage earners)"), row.pu, row.formal, row.pu_coverage),
        (_("BPU (non-wage, informal)"), row.bpu, row.informal, row.bpu_coverage),
        (_("JAKON (construction)"), row.jakon, None, None),
    ]
    shapes, width, height = bar_shapes(
        [(str(name), count, number(count), "") for name, count, _den, _share in segments]
    )
    return Chart(
        id="segments",
        kind="bars",
        title=_("Active participants by segment"),
        description=_(
            "Active participants in %(where)s by segment; PU coverage is of formal "
            "workers, BPU coverage of informal workers."
        )
        % {"where": where},
        header=(_("Segment"), _("Active participants"), _("Workers"), _("Coverage")),
        kinds=("text", "int", "int", "pct"),
        rows=[[str(n), c, d, s] for n, c, d, s in segments],
        shapes=shapes,
        width=width,
        height=height,
    )


def apbd_chart(rows: list[Coverage], where: str, link: bool) -> Chart:
    ordered = sorted(rows, key=lambda r: (-(r.apbd_vulnerable or 0), r.code))
    shapes, width, height = bar_shapes(
        [
            (
                r.name,
                r.apbd_vulnerable,
                number(r.apbd_vulnerable),
                reverse("public:coverage_province", args=[r.code]) if link else "",
            )
            for r in ordered
        ]
    )
    return Chart(
        id="apbd",
        kind="bars",
        title=_("Vulnerable workers funded by APBD"),
        description=_(
            "Vulnerable (informal) workers whose contributions the regional budget "
            "pays, in %(where)s, largest first."
        )
        % {"where": where},
        header=(
            _("Code"),
            _("Name"),
            _("Vulnerable workers funded by APBD"),
            _("Informal workers"),
        ),
        kinds=("text", "text", "int", "int"),
        rows=[[r.code, r.name, r.apbd_vulnerable, r.informal] for r in ordered],
        shapes=shapes,
        width=width,
        height=height,
    )


def regency_chart(rows: list[Coverage], province: Province) -> Chart:
    ordered = sorted(rows, key=lambda r: (-(r.coverage or -1), r.code))
    shapes, width, height = bar_shapes(
        [(r.name, r.coverage, percent(r.coverage), "") for r in ordered]
    )
    return Chart(
        id="regencies",
        kind="bars",
        title=_("Coverage by regency/city"),
        description=_(
            "Active participants per working population in the regencies and cities "
            "of %(province)s, highest first."
        )
        % {"province": province.name},
        header=COVERAGE_HEADER,
        kinds=COVERAGE_KINDS,
        rows=_coverage_rows(ordered),
        shapes=shapes,
        width=width,
        height=height,
    )


def trend_chart(points: list[Coverage]) -> Chart:
    series = [
        (str(_("All participants")), [p.coverage for p in points]),
        (str(_("PU")), [p.pu_coverage for p in points]),
        (str(_("BPU")), [p.bpu_coverage for p in points]),
    ]
    shapes, width, height = line_shapes([p.code for p in points], series)
    return Chart(
        id="trend",
        kind="line",
        title=_("National coverage across cycles"),
        description=_(
            "Coverage of the working population (all participants), of formal "
            "workers (PU) and of informal workers (BPU) in each cycle."
        ),
        header=(
            _("Cycle"),
            _("Coverage"),
            _("PU coverage"),
            _("BPU coverage"),
            _("Active participants"),
        ),
        kinds=("text", "pct", "pct", "pct", "int"),
        rows=[[p.code, p.coverage, p.pu_coverage, p.bpu_coverage, p.active] for p in points],
        shapes=shapes,
        width=width,
        height=height,
    )


def national_charts(cycle: str) -> tuple[Coverage, list[Chart]]:
    rows = coverage.provinces(cycle)
    nation = coverage.total(rows, code="", name=str(_("Indonesia")))
    charts = [
        map_chart(rows, cycle),
        segment_chart(nation, str(_("Indonesia"))),
        apbd_chart(rows, str(_("each province")), link=True),
    ]
    points = coverage.trend()
    if len(points) > 1:
        charts.append(trend_chart(points))
    for chart in charts:
        chart.csv_url = reverse("public:coverage_csv", args=[chart.id])
    return nation, charts


def province_charts(cycle: str, province: Province) -> tuple[Coverage, list[Chart]]:
    own = next((r for r in coverage.provinces(cycle) if r.code == province.code), None)
    own = own or Coverage(code=province.code, name=province.name)
    rows = coverage.regencies(cycle, province)
    charts = [
        regency_chart(rows, province),
        segment_chart(own, province.name),
        apbd_chart(rows, province.name, link=False),
    ]
    for chart in charts:
        chart.csv_url = reverse("public:coverage_province_csv", args=[province.code, chart.id])
    return own, charts
