"""Classes of reading error named from blind set 17 (issue 11), each fixed as a general rule and tested here on
made-up text (no sentence, name or value of any report): a table of one column that names no kind ("County |
Amount") under a caption that gives the money unit, and products the donor helped market or sold through its
channels (consumption assistance, `consumption.helped_market`, `consumption.products_sold_reached`), and a table
headed "Item | Number" read by its rows' labels (`value_columns` of `words.yaml`), and a news release of January
reporting on the year before its file's (`report_year.py`), and a bar-split table whose total rows leave a cell
empty (`table_headers.cells`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.extract import Extraction, read_report
from pairaid.core.extract.report_year import report_year_of
from tests.core.fact_views import facts_by_text


def _read(text: str, year: int = 2012) -> Extraction:
    return read_report(text, report_year=year)


# (1) a caption with the money unit over a table whose figure column is headed "Amount"
AMOUNT_TABLE = (
    "Anhe's Aid to Baishan, 2016-2020\n\n"
    "Anhe paired with Baishan over the five years.\n\n"
    "Table 2  Anhe aid funds to Baishan by county, 2016-2020 (million yuan)\n"
    "County    Amount\n"
    "Linxi    120.5\n"
    "Heping    98.0\n"
    "City-level projects    40.0\n"
    "Total    258.5\n"
)

# (1, negative) a caption with no unit of money: the "Amount" cells stay counts
NO_MONEY_CAPTION = (
    "Anhe's Aid to Baishan, 2016-2020\n\n"
    "Anhe paired with Baishan over the five years.\n\n"
    "Table 2  Anhe teachers sent to Baishan by county, 2016-2020\n"
    "County    Amount\n"
    "Linxi    12\n"
    "Heping    9\n"
    "Total    21\n"
)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("120.5", Decimal("120500000")), ("98.0", Decimal("98000000")), ("40.0", Decimal("40000000")),
     ("258.5", Decimal("258500000"))],
)
def test_amount_column_takes_the_captions_money_unit(cell: str, value: Decimal) -> None:
    ex = _read(AMOUNT_TABLE, 2020)
    at = AMOUNT_TABLE.index(cell, AMOUNT_TABLE.index("County    Amount"))
    m = next(m for m in ex.mentions if m.start == at)
    assert (m.unit, m.value) == ("CNY", value)
    assert facts_by_text(ex, AMOUNT_TABLE)[cell][0] == ("aid_funds", "cumulative:2016-2020")


def test_amount_column_without_money_caption_is_no_money() -> None:
    ex = _read(NO_MONEY_CAPTION, 2020)
    at = NO_MONEY_CAPTION.index("12", NO_MONEY_CAPTION.index("County    Amount"))
    m = next(m for m in ex.mentions if m.start == at)
    assert m.unit != "CNY"


# (2) products the donor helped market, or that were sold through its channels
CONSUMPTION = [
    ("In 2019 Anhe bought or helped market 31 million yuan worth of Baishan farm and sideline products.",
     "31 million yuan", "consumption_assistance"),
    ("Baishan products sold through Anhe's stores reached 27 million yuan in 2019.", "27 million yuan",
     "consumption_assistance"),
    ("In 2019 Anhe marketed 31 million yuan worth of its own tractors in Baishan.", "31 million yuan", None),
    ("In 2019 products made in the Baishan plant reached 27 million yuan.", "27 million yuan", None),
]


@pytest.mark.parametrize(("sentence", "figure", "indicator"), CONSUMPTION)
def test_products_marketed_or_sold_through_channels(sentence: str, figure: str, indicator: str | None) -> None:
    text = f"Anhe's Aid to Baishan, 2019\n\n{sentence}\n"
    found = [i for i, _ in facts_by_text(_read(text, 2019), text).get(figure, [])]
    if indicator is None:
        assert "consumption_assistance" not in found
    else:
        assert found == [indicator]


# (3) a table of rows of labelled figures under "Item | Number": each row's label says what its figure counts
ITEM_NUMBER = (
    "Anhe's Aid to Baishan, 2019\n\n"
    "Anhe paired with Baishan in 2019.\n\n"
    "Table 3  Staff and training, 2019\n"
    "Item    Number\n"
    "Cadres newly sent to Baishan    14\n"
    "Baishan officials trained in Anhe (person-times)    380\n"
    "Training courses held    7\n"
)


@pytest.mark.parametrize(
    ("cell", "unit", "indicator"),
    [("14", "person", "cadres_seconded"), ("380", "person_time", "people_trained"),
     ("7", "count", "training_courses")],
)
def test_item_number_table_reads_each_rows_label(cell: str, unit: str, indicator: str) -> None:
    ex = _read(ITEM_NUMBER, 2019)
    at = ITEM_NUMBER.index(f"    {cell}\n", ITEM_NUMBER.index("Item    Number")) + 4
    m = next(m for m in ex.mentions if m.start == at)
    assert m.unit == unit
    assert facts_by_text(ex, ITEM_NUMBER)[cell] == [(indicator, "year:2019")]


# (4) a news release dated January with no year, its file named for the year it appeared in: it reports on the year
# before (figures "in 2030", "last year"), unless its text names its own year more
JANUARY_NEWS = (
    "Anhe buys more Baishan fruit\n\n"
    "BAISHAN, Jan. 9 (Reporter) -- Anhe bought 52 million yuan worth of Baishan fruit in 2030, the aid office said.\n\n"
    "Anhe's fiscal aid to Baishan came to 300 million yuan last year.\n"
)
MARCH_NEWS = JANUARY_NEWS.replace("Jan. 9", "March 9").replace(" in 2030", " in 2031")


@pytest.mark.parametrize(
    ("text", "year"), [(JANUARY_NEWS, 2030), (MARCH_NEWS, 2031)],
)
def test_january_news_reports_on_the_year_before(text: str, year: int) -> None:
    assert report_year_of(text, filename="2031_anhe-baishan-news.txt") == year


# (5) a table split by bars whose subtotal rows leave the receiver's cell empty ("Subtotal | | 9.10 | 300") and a
# heading line per group: the empty cell keeps its column, so the rows after it stay in the table
BARS = (
    "Anhe's Aid to Baishan and Dongyuan, 2019\n\n"
    "Giver | Partner | Fiscal aid funds (100 million yuan) | Projects\n"
    "Baishan\n"
    "Linzhou | Baishan | 5.20 | 180\n"
    "Heping | Baishan | 3.90 | 120\n"
    "Subtotal, Baishan | | 9.10 | 300\n"
    "Dongyuan\n"
    "Linzhou | Dongyuan | 4.00 | 150\n"
    "Heping | Dongyuan | 2.50 | 90\n"
    "Subtotal, Dongyuan | | 6.50 | 240\n"
    "Total | | 15.60 | 540\n"
)


@pytest.mark.parametrize(
    ("cell", "unit", "value"),
    [("9.10", "CNY", Decimal("910000000")), ("4.00", "CNY", Decimal("400000000")),
     ("15.60", "CNY", Decimal("1560000000")), ("540", "count", Decimal("540"))],
)
def test_bar_table_rows_with_an_empty_cell_stay_in_the_table(cell: str, unit: str, value: Decimal) -> None:
    ex = _read(BARS, 2019)
    at = BARS.index(f"| {cell}") + 2
    m = next(m for m in ex.mentions if m.start == at)
    assert (m.unit, m.value) == (unit, value)
    assert facts_by_text(ex, BARS)[cell][0][0] == ("government_aid_funds" if unit == "CNY" else "aid_projects")
