"""The analysis page: an indicator by recipient province (or pairing) and year; every cell is the roll-up
service's total, the last line its national total; CSV and XLSX downloads hold the same numbers; a change
to a figure shows at once although tables are cached."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from pairaid.core.errors import InputError
from pairaid.entry.services import datavalue_update
from pairaid.indicators.pivot import pivot_table
from pairaid.indicators.rollups import rollup_by_area, rollup_by_pairing, rollup_by_year
from tests.web.factories import World, area, make_figure

URL = "/analysis/?indicator=aid_funds&rows=province&from=2009&to=2010"


@pytest.fixture
def figures(world: World) -> dict[str, Any]:
    return {
        "xinjiang": make_figure("aid_funds", "1574000000", pairing=world.shandong),
        "kashi": make_figure("aid_funds", "600000000", pairing=world.kashi),  # inside Shandong–Xinjiang's
        "yili": make_figure("aid_funds", "500000000", pairing=world.jiangsu, year=2010),
        "tibet": make_figure("aid_funds", "20000000", area_=area("540000"), year=2010),  # an area's own figure
    }


def _service_cells(level: str, years: range) -> dict[str, dict[int, Decimal]]:
    cells: dict[str, dict[int, Decimal]] = {}
    for year in years:
        # the table joins an area's own figures to the pairings' (Tibet's), as the area's page
        found = rollup_by_area(indicator="aid_funds", year=year, level=level, pairings_only=False)
        for row in found.get(("CNY", "year"), []):
            cells.setdefault(row.key, {})[year] = row.value
    return cells


def test_each_cell_is_the_roll_up_services_total(figures: dict[str, Any]) -> None:
    table = pivot_table(indicator="aid_funds", rows="province", first_year=2009, last_year=2010)
    cells = {r.key: {y: v for y, v in zip(table.years, r.values, strict=True) if v is not None} for r in table.rows}
    assert cells == _service_cells("province", range(2009, 2011))
    assert cells == {
        "540000": {2010: Decimal("20000000")},
        "650000": {2009: Decimal("1574000000"), 2010: Decimal("500000000")},
    }
    national = {int(r.key): r.value for r in rollup_by_year(indicator="aid_funds", years=(2009, 2010)).get("CNY", [])}
    assert list(table.national) == [national.get(y) for y in (2009, 2010)]
    assert list(table.national) == [Decimal("1574000000"), Decimal("500000000")]
    by_pairing = pivot_table(indicator="aid_funds", rows="pairing", first_year=2009, last_year=2009)
    service = {r.key: r.value for r in rollup_by_pairing(indicator="aid_funds", year=2009)[("CNY", "year")]}
    top = str(figures["xinjiang"].pairing_id)
    assert {row.key: row.values[0] for row in by_pairing.rows} == {top: service[top]} == {top: Decimal("1574000000")}


def test_the_page_shows_the_table_in_english_and_chinese(figures: dict[str, Any]) -> None:
    html = Client().get(URL).content.decode()
    assert '<tr data-key="650000"><td>Xinjiang Uygur Autonomous Region</td>' in html
    cells = '<td class="num">1,574,000,000</td><td class="num">500,000,000</td><td class="num">2,074,000,000</td>'
    assert cells in html
    zh = Client(headers={"accept-language": "zh-hans"}).get(URL).content.decode()
    assert '<tr data-key="650000"><td>新疆维吾尔自治区</td>' in zh


def test_the_downloads_hold_the_same_numbers(figures: dict[str, Any]) -> None:
    data = Client().get(URL + "&format=csv")
    assert data["Content-Disposition"] == 'attachment; filename="pivot-aid_funds-province-2009-2010.csv"'
    lines = list(csv.reader(io.StringIO(data.content.decode("utf-8-sig"))))
    assert lines[0] == ["key", "Recipient province", "2009", "2010", "Total"]
    assert lines[2] == ["650000", "Xinjiang Uygur Autonomous Region", "1574000000", "500000000", "2074000000"]
    assert lines[-1] == ["", "National total", "1574000000", "500000000", "2074000000"]
    book = load_workbook(io.BytesIO(Client().get(URL + "&format=xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[3] == ("650000", "Xinjiang Uygur Autonomous Region", 1574000000, 500000000, 2074000000)


def test_a_changed_figure_shows_at_once_although_tables_are_cached(figures: dict[str, Any], world: World) -> None:
    assert "1,574,000,000" in Client().get(URL).content.decode()
    datavalue_update(user=world.admin, data_value=figures["xinjiang"], data={"value": 1600000000})
    assert "1,600,000,000" in Client().get(URL).content.decode()


def test_bad_choices_are_told_not_crashed(db: None) -> None:
    assert Client().get("/analysis/?indicator=nonsense").status_code == 400
    assert Client().get("/analysis/?indicator=aid_funds&from=2014&to=2009").status_code == 400


@pytest.mark.parametrize("query", ["to=5", "to=99999", "from=10000&to=10005", "from=-5&to=3000", "from=1948&to=1950"])
def test_years_outside_1949_to_2100_are_told_not_crashed(db: None, query: str) -> None:
    # issue 16: ?to=5 gave a 500 ("year 0 is out of range"), ?from=-5&to=3000 silently showed 2995-3000
    response = Client().get(f"/analysis/?indicator=aid_funds&{query}")
    assert response.status_code == 400
    assert "The years must be within 1949–2100." in response.content.decode()
    assert Client().get(f"/analysis/?indicator=aid_funds&{query}&format=csv")["Content-Type"].startswith("text/html")


def test_the_table_refuses_years_outside_1949_to_2100(db: None) -> None:
    with pytest.raises(InputError, match="within 1949–2100, not 0–5"):
        pivot_table(indicator="aid_funds", rows="province", first_year=0, last_year=5)


def test_the_earliest_year_without_from_starts_at_1949(db: None) -> None:
    assert 'name="from" value="1949"' in Client().get("/analysis/?indicator=aid_funds&to=1950").content.decode()


def test_a_pairing_without_a_name_is_labelled_donor_recipient_in_the_page_and_downloads(
    figures: dict[str, Any], world: World
) -> None:
    # issue 16: pairing rows read "pairing 8" when the pairing's name was blank (most are)
    assert world.shandong.name == ""
    query = "/analysis/?indicator=aid_funds&rows=pairing&from=2009&to=2009"
    html = Client().get(query).content.decode()
    assert f'<tr data-key="{world.shandong.pk}"><td>{world.shandong}</td>' in html
    assert str(world.shandong).startswith("Shandong") and "pairing " not in html
    zh = Client(headers={"accept-language": "zh-hans"}).get(query).content.decode()
    assert f"<td>{world.shandong.display_name('zh')}</td>" in zh and "山东" in world.shandong.display_name("zh")
    lines = list(csv.reader(io.StringIO(Client().get(query + "&format=csv").content.decode("utf-8-sig"))))
    assert lines[1][:2] == [str(world.shandong.pk), str(world.shandong)]
    every = pivot_table(indicator="aid_funds", rows="pairing_all", first_year=2009, last_year=2009)
    assert {row.label for row in every.rows} == {str(world.shandong), str(world.kashi)}


def test_in_chinese_the_years_refusal_is_in_chinese(db: None) -> None:
    zh = Client(headers={"accept-language": "zh-hans"}).get("/analysis/?to=5")
    assert zh.status_code == 400 and "年份须在1949–2100年之间。" in zh.content.decode()
