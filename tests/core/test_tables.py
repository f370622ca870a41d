"""Tables flattened into lines (pairaid.core.extract.tables): made-up tables of the shapes yearbooks print."""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.extract import read_report

TABLE = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n"
    "In 2012, Anhe allocated financial aid funds to the three counties for whole-village advancement, as shown"
    " in the table below.\n"
    "Table Financial aid funds of Anhe in Baishan, 2012 (Unit: 10,000 yuan)\n"
    "County  Funds  Projects  Villages\n"
    "Linxi  1,250  40  12\n"
    "Heping  830  25  9\n"
    "Shuikou  420  11  4\n"
    "Total  2,500  76  25\n"
    "\nAnhe also sent 30 teachers to Baishan.\n"
)


def test_a_table_s_money_column_takes_the_caption_s_unit_and_the_unit_is_no_mention() -> None:
    ex = read_report(TABLE, report_year=2012)
    money = [(m.text, m.value, m.unit) for m in ex.mentions if m.unit == "CNY"]
    assert money == [
        ("1,250", Decimal(12_500_000), "CNY"),
        ("830", Decimal(8_300_000), "CNY"),
        ("420", Decimal(4_200_000), "CNY"),
        ("2,500", Decimal(25_000_000), "CNY"),
    ]
    assert not any(m.text == "10,000 yuan" for m in ex.mentions)


def test_each_cell_is_a_fact_of_its_column_and_row_and_the_rows_are_parts_of_the_total() -> None:
    ex = read_report(TABLE, report_year=2012)
    got = [(ex.mentions[f.mention].text, f.indicator, f.recipient, f.part_of) for f in ex.facts]
    total = {f.indicator: k for k, f in enumerate(ex.facts) if ex.mentions[f.mention].text in ("2,500", "76", "25")}
    assert got[:3] == [
        ("1,250", "government_aid_funds", "Linxi", total["government_aid_funds"]),
        ("40", "aid_projects", "Linxi", total["aid_projects"]),
        ("12", "villages", "Linxi", total["villages"]),
    ]
    # the total row goes where its section's figures go (here the chapter's recipient), not to a list of the rows
    assert got[-4:-1] == [
        ("2,500", "government_aid_funds", "Baishan", None),
        ("76", "aid_projects", "Baishan", None),
        ("25", "villages", "Baishan", None),
    ]
    assert len(got) == 13  # and the 30 teachers


def test_a_row_that_names_no_place_goes_where_its_section_goes() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Anhe's projects in Baishan in 2012 were spread over three fields.\n"
        "Table Anhe aid projects in Baishan by field, 2012\n"
        "Field  Projects  Funds (10,000 yuan)\n"
        "Roads  7  2,100\n"
        "Schools  5  1,300\n"
        "Total  12  3,400\n"
        "\nThe work went on.\n"
    )
    ex = read_report(text, report_year=2012)
    got = {(ex.mentions[f.mention].text, f.recipient) for f in ex.facts}
    assert got == {
        ("7", "Baishan"), ("2,100", "Baishan"), ("5", "Baishan"), ("1,300", "Baishan"), ("12", "Baishan"),
        ("3,400", "Baishan"),
    }


# Chinese tables: cells split by full-width spaces, units in the header, in a line under it or in a last column
ZH_HEADER_UNITS = (
    "2012年安和市对口帮扶凉山州工作简报\n"
    "  2012年,安和市向凉山州拨付财政帮扶资金800万元,实施帮扶项目21个。\n"
    "表1\u30002012年安和市对口帮扶凉山州分县财政帮扶资金及项目\n"
    "县\u3000财政帮扶资金(万元)\u3000项目(个)\n"
    "昭觉县\u3000500\u300012\n"
    "布拖县\u3000300\u30009\n"
)
ZH_UNIT_LINE = (
    "2012年安和市对口支援凉山州分县资金安排表\n"
    "县\u3000援助资金\u3000项目\n"
    "\u3000\u3000(万元)\u3000(项)\n"
    "昭觉县\u3000500\u300012\n"
    "布拖县\u3000300\u30009\n"
)
ZH_UNIT_COLUMN = (
    "附表\u3000分县财政帮扶资金拨付情况\n"
    "县\u3000\u3000\u3000金额\u3000\u3000单位\n"
    "昭觉县\u3000\u3000500\u3000\u3000万元\n"
    "布拖县\u3000\u3000300\u3000\u3000万元\n"
)


def _cells(text: str) -> list[tuple[str, Decimal, str, str | None]]:
    ex = read_report(text, report_year=2012, donor="安和市", recipient="凉山州")
    return [(m.text, m.value, m.unit, m.noun) for m in ex.mentions if m.rule == "zh_table_cell"]


def test_a_chinese_table_s_bare_numbers_are_mentions_with_their_column_s_unit() -> None:
    expected = [
        ("500", Decimal(5_000_000), "CNY", None),
        ("12", Decimal(12), "count", "项目"),
        ("300", Decimal(3_000_000), "CNY", None),
        ("9", Decimal(9), "count", "项目"),
    ]
    assert _cells(ZH_HEADER_UNITS) == expected
    assert _cells(ZH_UNIT_LINE) == expected
    money = [("500", Decimal(5_000_000), "CNY", None), ("300", Decimal(3_000_000), "CNY", None)]
    assert _cells(ZH_UNIT_COLUMN) == money


def test_a_chinese_table_s_cells_are_facts_of_their_column_and_row_and_parts_of_the_sum_they_make() -> None:
    ex = read_report(ZH_HEADER_UNITS, report_year=2012, donor="安和市", recipient="凉山州")
    got = [(ex.mentions[f.mention].text, f.indicator, f.recipient, f.part_of) for f in ex.facts]
    assert got[:2] == [("800万元", "government_aid_funds", "凉山州", None), ("21个", "aid_projects", "凉山州", None)]
    assert got[2:] == [
        ("500", "government_aid_funds", "昭觉县", 0),
        ("12", "aid_projects", "昭觉县", 1),
        ("300", "government_aid_funds", "布拖县", 0),
        ("9", "aid_projects", "布拖县", 1),
    ]
    unit_line = read_report(ZH_UNIT_LINE, report_year=2012, donor="安和市", recipient="凉山州")
    assert [f.indicator for f in unit_line.facts] == ["aid_funds", "aid_projects"] * 2
    unit_column = read_report(ZH_UNIT_COLUMN, report_year=2012, donor="安和市", recipient="凉山州")
    assert [f.indicator for f in unit_column.facts] == ["government_aid_funds"] * 2


def test_a_chinese_line_of_words_and_one_number_is_no_table() -> None:
    text = "安和市2012年对口帮扶工作\n县\u3000资金\u3000项目\n昭觉县\u3000去年\u300012\n"
    assert _cells(text) == []
