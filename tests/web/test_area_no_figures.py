"""An area's page says what an empty list of its figures means when its totals show figures (issue 12: "No
figures." stood right under totals of its pairings' figures). Made-up values."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.checks.factories import pairing, value

pytestmark = pytest.mark.django_db


def test_an_area_with_no_figures_of_its_own_says_its_pairings_figures_are_in_the_totals() -> None:
    value("aid_funds", "2500000", pairing=pairing())  # Shandong – Xinjiang: a figure of the pairing, none of the area
    html = Client().get("/areas/650000/?year=2009").content.decode()
    figures = html.split("<h2>Figures · 2009</h2>", 1)[1].split("</table>", 1)[0]
    assert 'data-value="2500000' in html.split("<h2>Figures", 1)[0]  # the totals show the pairing's figure
    assert "No figures are stated for this area itself this year; the figures of its pairings are counted in the " \
        "totals above." in figures
    assert "No figures.<" not in figures
    zh = Client(headers={"accept-language": "zh-hans"}).get("/areas/650000/?year=2009").content.decode()
    assert "本年没有针对本地区本身填报的数据；其结对的数据已计入上方合计。" in zh
