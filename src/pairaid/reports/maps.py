"""A map of China for a year: aid funds by recipient province and the year's pairings as arrows.

Drawn offline with matplotlib (no tile server) from the boundary data kept in
``pairaid/core/data/china_provinces.json`` (Natural Earth, public domain; see its
``.md``): each province filled by the aid funds its recipients received (a sequential
colour scale, grey for none), and one arrow per pairing from the donor's seat to the
recipient's, as wide as the pairing's aid funds. Coordinates are longitude and latitude,
shown with the aspect of an equirectangular map at 36° N.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from pairaid.reports.charts import Chart, render_chart, scaled

NO_DATA = "#e2e8f0"
ARROW = "#1a365d"


@dataclass(frozen=True)
class Arrow:
    """A pairing on the map: from the donor's (longitude, latitude) to the recipient's, with its aid funds."""

    start: tuple[float, float]
    end: tuple[float, float]
    value: Decimal | None


@cache
def province_outlines() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """Each province's code and outer rings, the largest provinces first (so small ones are drawn on top)."""
    data = json.loads(resources.files("pairaid.core.data").joinpath("china_provinces.json").read_text("utf-8"))
    found = []
    for feature in data["features"]:
        rings = tuple(tuple((x, y) for x, y in poly[0]) for poly in feature["geometry"]["coordinates"])
        found.append((feature["properties"]["code"], rings))

    def extent(item: tuple[str, tuple[tuple[tuple[float, float], ...], ...]]) -> float:
        xs = [x for ring in item[1] for x, _ in ring]
        ys = [y for ring in item[1] for _, y in ring]
        return (max(xs) - min(xs)) * (max(ys) - min(ys))

    return tuple(sorted(found, key=extent, reverse=True))


def china_map(*, title: str, values: dict[str, Decimal], arrows: Sequence[Arrow], language: str, legend: str) -> Chart:
    """The map: ``values`` (province code → yuan) as fills, ``arrows`` on top; ``legend`` names the arrows."""
    codes = list(values)
    amounts, unit = scaled([values[c] for c in codes], language)
    shown = dict(zip(codes, amounts, strict=True))
    top = max(amounts, default=0.0) or 1.0
    heaviest = max((a.value for a in arrows if a.value), default=Decimal(0))

    def draw(ax: Any) -> None:
        from matplotlib import colormaps
        from matplotlib.cm import ScalarMappable
        from matplotlib.collections import PolyCollection
        from matplotlib.colors import Normalize
        from matplotlib.lines import Line2D

        cmap, norm = colormaps["YlOrRd"], Normalize(0, top)
        polygons, colours = [], []
        for code, rings in province_outlines():
            for ring in rings:
                polygons.append(ring)
                colours.append(cmap(norm(shown[code])) if code in shown else NO_DATA)
        ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="#718096", linewidths=0.3))
        for arrow in arrows:
            width = 0.6 + (2.4 * float(arrow.value / heaviest) if arrow.value and heaviest else 0.0)
            ax.annotate(
                "",
                xy=arrow.end,
                xytext=arrow.start,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": ARROW,
                    "lw": width,
                    "alpha": 0.8,
                    "connectionstyle": "arc3,rad=0.15",
                    "shrinkA": 2,
                    "shrinkB": 2,
                },
            )
        ax.set_xlim(73, 136)
        ax.set_ylim(16, 54)
        ax.set_aspect(1 / math.cos(math.radians(36)))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.spines[:].set_visible(False)
        if shown:
            bar = ax.figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)
            bar.set_label(unit)
        if arrows:
            handle = Line2D([], [], color=ARROW, lw=1.5, marker=">", markersize=5)
            ax.legend(handles=[handle], labels=[legend], loc="lower left", frameon=False, fontsize=8)

    data = (unit, legend, tuple(sorted(shown.items())), tuple(arrows))
    return render_chart("map", title, draw, size=(7.5, 5.2), data=data)
