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
