"""The overview's PDF, looked at as images (pdftoppm): the map and the charts are drawn, not blank.

Pixels are counted by colour: the choropleth's darkest red (the province that received the most
aid funds), the grey of provinces with none, the pairing arrows' navy, and the orange bars of
the aid funds over the years; each must cover a real area of a page, inside the map's box.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pairaid.reports.selectors import overview_context
from pairaid.reports.services import report_bytes
from pairaid.sample.loader import sample_load

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed"),
]

#: (name, RGB, tolerance): colours of pairaid.reports.maps and .charts
COLOURS = {
    "top province": ((128, 0, 38), 40),  # YlOrRd at its top
    "no aid funds": ((226, 232, 240), 6),  # maps.NO_DATA
    "arrow": ((26, 54, 93), 45),  # maps.ARROW, drawn with alpha
    "year bars": ((192, 86, 33), 25),  # the aid funds over the years
}


def _close(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_the_overview_pdf_shows_the_map_and_the_charts(tmp_path: Path) -> None:
    from PIL import Image

    sample_load()
    (tmp_path / "o.pdf").write_bytes(report_bytes(context=overview_context(year=2009), fmt="pdf"))
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(tmp_path / "o.pdf"), str(tmp_path / "page")], check=True)
    counts = dict.fromkeys(COLOURS, 0)
    boxes: dict[str, list[tuple[int, int]]] = {name: [] for name in COLOURS}
    for page in sorted(tmp_path.glob("page*.png")):
        image = Image.open(page).convert("RGB")
        width = image.width
        for i, pixel in enumerate(image.getdata()):
            for name, (colour, tolerance) in COLOURS.items():
                if _close(pixel, colour, tolerance):
                    counts[name] += 1
                    boxes[name].append((i % width, i // width))
    # Xinjiang, a sixth of China, filled dark; most provinces grey; an arrow; at least one bar
    assert counts["top province"] > 400, counts
    assert counts["no aid funds"] > 2000, counts
    assert counts["arrow"] > 40, counts
    assert counts["year bars"] > 300, counts
    # the arrow runs east from Xinjiang's fill: they overlap on the page in height
    red_rows = {y for _, y in boxes["top province"]}
    assert any(y in red_rows for _, y in boxes["arrow"])


LONG_PAIRING = "Shandong Province (山东省) – Xinjiang Uygur Autonomous Region (新疆维吾尔自治区)"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_pairings_compared_chart_is_not_clipped(language: str) -> None:
    """A pairing named in two scripts, the longest label a report charts, is wrapped: the title, the label and
    the bar's value are drawn inside the chart, so its outermost pixels are all background (the chart drawn
    before had "Pairings compared: ai" and "1,57" cut at its right edge)."""
    import io
    from dataclasses import dataclass
    from decimal import Decimal

    from PIL import Image

    from pairaid.reports.charts import report_charts, wrapped
    from pairaid.reports.labels import labels

    @dataclass(frozen=True)
    class Row:
        label: str
        value: Decimal

    rows = [Row(LONG_PAIRING, Decimal("1574000000")), Row("Beijing – Hotan", Decimal("90000000"))]
    chart = report_charts(sectors=[], years=[], recipients=rows, labels=labels(language), language=language)
    image = Image.open(io.BytesIO(chart["recipients"].png)).convert("L")
    width, height = image.size
    edge = [image.getpixel((x, y)) for x in range(width) for y in (0, 1, height - 2, height - 1)]
    edge += [image.getpixel((x, y)) for y in range(height) for x in (0, 1, width - 2, width - 1)]
    assert min(edge) == 255
    assert wrapped(LONG_PAIRING) == "Shandong Province (山东省) –\nXinjiang Uygur Autonomous\nRegion (新疆维吾尔自治区)"


def test_the_overview_map_has_the_south_china_sea_inset(tmp_path: Path) -> None:
    """The map's lower right holds the South China Sea Islands' inset, as every standard map of China does: its
    frame and the dash line in the boundary purple, the neighbours' land, the islands, inside the lower right
    corner of the map (the box of the provinces' grey), and nowhere else but the dashes east of Taiwan."""
    import numpy as np
    from PIL import Image

    from pairaid.reports import maps

    sample_load()
    (tmp_path / "o.pdf").write_bytes(report_bytes(context=overview_context(year=2009, language="zh-hans"), fmt="pdf"))
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp_path / "o.pdf"), str(tmp_path / "page")], check=True)

    def hex_rgb(colour: str) -> np.ndarray:
        return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])

    def near(image: np.ndarray, colour: str, tolerance: int) -> np.ndarray:
        return np.all(np.abs(image - hex_rgb(colour)) <= tolerance, axis=2)

    pages = [np.asarray(Image.open(p).convert("RGB"), dtype=int) for p in sorted(tmp_path.glob("page*.png"))]
    page = next(p for p in pages if near(p, "#800026", 40).sum() > 1000)  # the map's page: Xinjiang at YlOrRd's top
    bars = np.nonzero(near(page, "#c05621", 25))[0]  # the aid funds over the years, under the map when on its page
    page = page[: bars.min() if len(bars) > 300 else len(page)]
    grey = near(page, maps.NO_DATA, 4)  # the map's land: rows and columns dense with it, not a text's edges
    grey_y, grey_x = np.nonzero(grey.sum(axis=1) > 40)[0], np.nonzero(grey.sum(axis=0) > 40)[0]
    left, right, top, bottom = grey_x.min(), grey_x.max(), grey_y.min(), grey_y.max()
    purple_y, purple_x = np.nonzero(near(page, maps.BOUNDARY, 25))
    land_y, land_x = np.nonzero(near(page, maps.NEIGHBOUR, 3))
    island_y, island_x = np.nonzero(near(page, maps.ISLAND, 30))
    middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
    in_corner = (purple_x > middle_x + (right - left) / 4) & (purple_y > middle_y)
    assert len(purple_x) > 400, len(purple_x)  # a frame about 110 by 135 pixels and the ten dashes
    assert in_corner.mean() > 0.95, in_corner.mean()
    assert ((land_x > middle_x) & (land_y > middle_y)).sum() > 400  # Vietnam, the Philippines, Borneo
    assert ((island_x > middle_x) & (island_y > middle_y)).sum() > 30  # the islands, a speck each
    frame_right, frame_bottom = purple_x[in_corner].max(), purple_y[in_corner].max()
    assert frame_right >= right - 5 and frame_bottom >= bottom - 40  # in the very corner
