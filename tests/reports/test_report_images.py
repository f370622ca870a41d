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
