"""Server-side SVG charts: geometry here, markup in ``public/charts/*.svg`` templates.

Every chart carries its numbers as a table (``header`` + ``rows``): the page shows the
table beside the picture and offers it as CSV, so nothing is only in the picture. Colours
come with text: tiles and bars print their value, lines are labelled at their end and
differ in dash pattern too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

from paritrana.web.public import tilemap

#: ColorBrewer YlGnBu (5 classes), colour-blind safe; ink chosen for contrast per class.
PALETTE = (
    ("#ffffcc", "#1b2430"),
    ("#a1dab4", "#1b2430"),
    ("#41b6c4", "#1b2430"),
    ("#2c7fb8", "#ffffff"),
    ("#253494", "#ffffff"),
)
NO_DATA = ("#e5e7eb", "#1b2430")
SERIES = (("#253494", ""), ("#b35806", "6 4"), ("#1b7837", "2 3"))


@dataclass
class Chart:
    id: str
    kind: str  # tilemap | bars | line
    title: str | Promise
    description: str | Promise
    header: Sequence[str | Promise]
    rows: list[list[Any]]  # raw numbers, for the table and the CSV
    width: int = 0
    height: int = 0
    shapes: list[dict[str, Any]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)
    csv_url: str = ""
    kinds: Sequence[str] = ()  # per column: text | int | pct

    def display_rows(self) -> list[list[tuple[str, bool]]]:
        """The table's cells as (text, is_number) for the HTML table."""
        fmt = {"int": number, "pct": percent}
        return [
            [
                (fmt[kind](value), True) if kind in fmt else (str(value), False)
                for value, kind in zip(row, self.kinds or ["text"] * len(row), strict=False)
            ]
            for row in self.rows
        ]


def percent(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def number(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", ".")


def classes(values: Sequence[float | None]) -> list[tuple[float, float]]:
    """Five equal-width classes over the values' range (one class if they are all equal)."""
    known = [v for v in values if v is not None]
    if not known:
        return []
    low, high = min(known), max(known)
    step = (high - low) / len(PALETTE) or 1.0
    return [(low + i * step, low + (i + 1) * step) for i in range(len(PALETTE))]


def class_of(value: float | None, bins: list[tuple[float, float]]) -> tuple[str, str]:
    if value is None or not bins:
        return NO_DATA
    for i, (_low, high) in enumerate(bins):
        if value <= high or i == len(bins) - 1:
            return PALETTE[i]
    return PALETTE[-1]


TILE_W, TILE_H, GAP = 58, 42, 4


def tile_shapes(
    values: dict[str, tuple[float | None, str]], href: Callable[[str], str]
) -> tuple[list[dict[str, Any]], list[tuple[str, str]], int, int]:
    """Tiles of the province map: code -> (value, province name); shapes, legend, size."""
    bins = classes([v for v, _name in values.values()])
    shapes = []
    for code, (row, col, label) in tilemap.TILES.items():
        value, name = values.get(code, (None, code))
        fill, ink = class_of(value, bins)
        x, y = col * (TILE_W + GAP), row * (TILE_H + GAP)
        shapes.append(
            {
                "x": f"{x}",
                "y": f"{y}",
                "w": f"{TILE_W}",
                "h": f"{TILE_H}",
                "cx": f"{x + TILE_W / 2:.0f}",
                "y1": f"{y + 17}",
                "y2": f"{y + 32}",
                "fill": fill,
                "ink": ink,
                "label": label,
                "name": name,
                "text": percent(value, 0),
                "href": href(code),
            }
        )
    legend = [
        (PALETTE[i][0], f"{percent(lo, 0)} – {percent(hi, 0)}") for i, (lo, hi) in enumerate(bins)
    ]
    legend.append((NO_DATA[0], "–"))
    width = tilemap.COLUMNS * (TILE_W + GAP)
    return shapes, legend, width, tilemap.ROWS * (TILE_H + GAP)


LABEL_W, BAR_W, ROW_H = 190, 360, 24


def bar_shapes(
    items: Sequence[tuple[str, float | None, str, str]],
) -> tuple[list[dict[str, Any]], int, int]:
    """Horizontal bars: (label, value, value text, link) -> shapes and size."""
    top = max((v for _l, v, _t, _h in items if v is not None), default=0) or 1
    shapes = []
    for i, (label, value, text, href) in enumerate(items):
        width = 0.0 if value is None else max(1.0, BAR_W * value / top)
        # Coordinates as text: the template must not localise them (Indonesian: 1,5).
        shapes.append(
            {
                "y": f"{i * ROW_H}",
                "label": label,
                "text": text,
                "href": href,
                "w": f"{width:.1f}",
                "label_x": f"{LABEL_W - 8}",
                "bar_x": f"{LABEL_W}",
                "text_x": f"{LABEL_W + width + 6:.1f}",
            }
        )
    return shapes, LABEL_W + BAR_W + 110, max(ROW_H, len(items) * ROW_H)


PLOT_W, PLOT_H, MARGIN = 480, 200, 50


def line_shapes(
    labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
) -> tuple[list[dict[str, Any]], int, int]:
    """Lines over cycles (shares 0-1): one shape per series with points, plus axis ticks."""
    top = max((v for _n, vals in series for v in vals if v is not None), default=0) or 1
    top = min(1.0, (int(top * 10) + 1) / 10)  # next 10% above the maximum
    step = PLOT_W / max(1, len(labels) - 1)
    shapes = []
    for (name, values), (colour, dash) in zip(series, SERIES, strict=False):
        points = [
            (MARGIN + i * step, MARGIN / 2 + PLOT_H * (1 - v / top), v)
            for i, v in enumerate(values)
            if v is not None
        ]
        shapes.append(
            {
                "name": name,
                "colour": colour,
                "dash": dash,
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y, _v in points),
                "dots": [
                    {"x": f"{x:.1f}", "y": f"{y:.1f}", "text": percent(v)} for x, y, v in points
                ],
                "end": {"x": f"{points[-1][0] + 8:.1f}", "y": f"{points[-1][1] + 4:.1f}"}
                if points
                else None,
            }
        )
    ticks = []
    for f in (0, 0.5, 1):
        y = MARGIN / 2 + PLOT_H * (1 - f)
        ticks.append({"y": f"{y:.1f}", "ty": f"{y + 4:.1f}", "text": percent(top * f, 0)})
    xs = [{"x": f"{MARGIN + i * step:.1f}", "text": label} for i, label in enumerate(labels)]
    plot = {
        "ticks": ticks,
        "xs": xs,
        "lines": shapes,
        "x0": f"{MARGIN}",
        "x1": f"{MARGIN + PLOT_W}",
        "label_y": f"{MARGIN / 2 + PLOT_H + 18:.0f}",
    }
    return [plot], MARGIN + PLOT_W + 150, int(PLOT_H + MARGIN * 1.5)
