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
        ("7", "Baishan"),
        ("2,100", "Baishan"),
        ("5", "Baishan"),
        ("1,300", "Baishan"),
        ("12", "Baishan"),
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


# made-up tables dated by their header's columns or by their rows' labels (F5, F6 in tables)
BY_YEAR_COLUMNS = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n"
    "In 2012 Anhe kept raising its fiscal aid; the split by county is shown below.\n"
    "Table 1  Anhe fiscal aid funds by county (Unit: 10,000 yuan)\n"
    "County   2011   2012   Change (%)\n"
    "Linxi   500   600   20.0\n"
    "Heping   300   330   10.0\n"
    "Total   800   930   16.3\n"
    "\nAnhe also sent 30 teachers to Baishan.\n"
)

BY_YEAR_ROWS = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n"
    "Anhe has helped Baishan since 2010, as the table shows.\n"
    "Table 2  Anhe aid to Baishan, 2010-2012 (Unit: 10,000 yuan)\n"
    "Year   Aid funds   Projects\n"
    "2010   1,200   30\n"
    "2011   1,500   36\n"
    "2012   1,800   41\n"
    "Total   4,500   107\n"
    "\nAnhe also sent 30 teachers to Baishan.\n"
)


def _facts(text: str) -> list[tuple[str, str, str, object, str | None, object, object]]:
    ex = read_report(text, report_year=2012, donor="Anhe", recipient="Baishan")
    out = []
    for f in ex.facts:
        p = f.period
        period = p.year if p.kind == "year" else (p.kind, p.start_year, p.end_year)
        whole = ex.mentions[ex.facts[f.part_of].mention].text if f.part_of is not None else None
        out.append(
            (
                ex.mentions[f.mention].text,
                f.indicator,
                f.recipient or "",
                period,
                whole,
                f.change_percent,
                f.change_base_year,
            )
        )
    return out


def test_a_column_headed_by_a_year_is_that_year_s_and_a_change_column_is_the_change_of_the_later_year() -> None:
    got = _facts(BY_YEAR_COLUMNS)
    assert got[:6] == [
        ("500", "government_aid_funds", "Linxi", 2011, "800", None, None),
        ("600", "government_aid_funds", "Linxi", 2012, "930", Decimal("20.0"), 2011),
        ("300", "government_aid_funds", "Heping", 2011, "800", None, None),
        ("330", "government_aid_funds", "Heping", 2012, "930", Decimal("10.0"), 2011),
        ("800", "government_aid_funds", "Baishan", 2011, None, None, None),
        ("930", "government_aid_funds", "Baishan", 2012, None, Decimal("16.3"), 2011),
    ]
    ex = read_report(BY_YEAR_COLUMNS, report_year=2012)
    assert [(m.text, m.unit) for m in ex.mentions if m.unit == "percent"] == [
        ("20.0", "percent"),
        ("10.0", "percent"),
        ("16.3", "percent"),
    ]
    assert [m.value for m in ex.mentions if m.text in ("500", "930")] == [Decimal(5_000_000), Decimal(9_300_000)]


def test_a_row_labelled_with_a_year_is_that_year_s_and_the_total_row_covers_the_years() -> None:
    got = _facts(BY_YEAR_ROWS)
    assert got[:-1] == [
        ("1,200", "aid_funds", "Baishan", 2010, "4,500", None, None),
        ("30", "aid_projects", "Baishan", 2010, "107", None, None),
        ("1,500", "aid_funds", "Baishan", 2011, "4,500", None, None),
        ("36", "aid_projects", "Baishan", 2011, "107", None, None),
        ("1,800", "aid_funds", "Baishan", 2012, "4,500", None, None),
        ("41", "aid_projects", "Baishan", 2012, "107", None, None),
        ("4,500", "aid_funds", "Baishan", ("cumulative", 2010, 2012), None, None, None),
        ("107", "aid_projects", "Baishan", ("cumulative", 2010, 2012), None, None, None),
    ]


def test_two_columns_make_a_table_when_every_row_is_a_year_and_a_growth_column_compares_with_the_year_before() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Table 3  Anhe aid funds in Baishan (Unit: 10,000 yuan)\n"
        "Year   Funds   Growth (%)\n"
        "2011   1,500   25.0\n"
        "2012   1,800   20.0\n"
        "\nAnhe also sent 30 teachers to Baishan.\n"
    )
    assert _facts(text)[:2] == [
        ("1,500", "aid_funds", "Baishan", 2011, None, Decimal("25.0"), 2010),
        ("1,800", "aid_funds", "Baishan", 2012, None, Decimal("20.0"), 2011),
    ]
    two = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Year   Aid funds (10,000 yuan)\n2011   1,500\n2012   1,800\nThe work went on.\n"
    )
    assert [(t, period) for t, _, _, period, *_ in _facts(two)] == [("1,500", 2011), ("1,800", 2012)]


def test_a_share_column_is_no_change_and_a_line_of_numbers_only_is_no_header() -> None:
    text = BY_YEAR_COLUMNS.replace("Change (%)", "Share (%)")
    assert all(change is None for *_, change, _ in _facts(text))
    numbers = "Anhe - Baishan Pairing-off Poverty Alleviation\n12   500   600\nLinxi   500   600\nHeping   300   330\n"
    assert _facts(numbers) == []


def test_a_total_row_that_repeats_a_figure_written_before_the_table_keeps_no_fact_its_rows_are_parts_of_that() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "In 2012 Anhe built 25 schools in Baishan, as follows.\n"
        "Table 4  Schools built by county\n"
        "County   Schools   Funds (10,000 yuan)\n"
        "Linxi   15   900\n"
        "Heping   10   600\n"
        "Total   25   1,500\n"
        "\nAnhe also sent 30 teachers to Baishan.\n"
    )
    got = [(t, ind, whole) for t, ind, _, _, whole, *_ in _facts(text)]
    assert ("25", "schools", None) not in got
    assert ("15", "schools", "25 schools") in got
    assert ("1,500", "aid_funds", None) in got
    assert ("900", "aid_funds", "1,500") in got


# issue 11 (blind set 5): tables whose cells are split by bars, whose rows lead with the giver and the receiver,
# whose headers carry the unit "(100 million yuan)" or "(persons)", and whose rows under years say what they are
BARS = (
    "Aid to Region B by aiding city, 2014\n\n"
    "Table 3  Aid funds, projects and cadres, 2014\n"
    "Aiding city | Aided area | Aid funds (100 million yuan) | Projects started | Cadres sent (persons)\n"
    "Anhe | Baishan Prefecture | 2.4 | 31 | 17\n"
    "Linxi | Heping and Shuikou counties | 1.5 | 22 | 9\n"
    "Source: the aiding cities' offices.\n"
)


def test_a_table_split_by_bars_reads_its_units_from_the_header_and_its_sides_from_its_columns_of_words() -> None:
    ex = read_report(BARS, report_year=2014)
    assert [(m.text, m.value, m.unit) for m in ex.mentions] == [
        ("2.4", Decimal(240_000_000), "CNY"),
        ("31", Decimal(31), "count"),
        ("17", Decimal(17), "person"),
        ("1.5", Decimal(150_000_000), "CNY"),
        ("22", Decimal(22), "count"),
        ("9", Decimal(9), "person"),
    ]
    got = [(ex.mentions[f.mention].text, f.indicator, f.donor, f.recipient) for f in ex.facts]
    assert got == [
        ("2.4", "aid_funds", "Anhe", "Baishan Prefecture"),
        ("31", "aid_projects", "Anhe", "Baishan Prefecture"),
        ("17", "cadres_seconded", "Anhe", "Baishan Prefecture"),
        ("1.5", "aid_funds", "Linxi", "Heping and Shuikou counties"),
        ("22", "aid_projects", "Linxi", "Heping and Shuikou counties"),
        ("9", "cadres_seconded", "Linxi", "Heping and Shuikou counties"),
    ]


def test_a_unit_of_ten_thousand_yuan_or_of_millions_scales_the_column_and_is_no_mention() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Table 2  Anhe's aid by county, 2012\n"
        "County\tAid funds (10,000 yuan)\tInvestment (1 billion yuan)\tVisits (person-times)\n"
        "Linxi\t1,250\t1.2\t40\n"
        "Heping\t830\t0.5\t25\n"
        "Source: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2012)
    assert [(m.text, m.value, m.unit) for m in ex.mentions] == [
        ("1,250", Decimal(12_500_000), "CNY"),
        ("1.2", Decimal(1_200_000_000), "CNY"),
        ("40", Decimal(40), "person_time"),
        ("830", Decimal(8_300_000), "CNY"),
        ("0.5", Decimal(500_000_000), "CNY"),
        ("25", Decimal(25), "person_time"),
    ]


def test_under_a_header_of_years_each_row_says_what_its_cells_are_and_carries_their_unit() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Table 1  Main figures of Anhe's aid to Baishan\n"
        "Item | 2015 | 2016 | Change (%)\n"
        "Government aid funds (10,000 yuan) | 1,200 | 1,500 | 25.0\n"
        "Teachers sent (persons) | 40 | 50 | 25.0\n"
        "Aid projects | 12 | 18 | 50.0\n"
        "Source: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2016)
    assert not any("10,000" in m.text for m in ex.mentions)
    got = [(ex.mentions[f.mention].text, ex.mentions[f.mention].unit, f.indicator, f.period.year) for f in ex.facts]
    assert got == [
        ("1,200", "CNY", "government_aid_funds", 2015),
        ("1,500", "CNY", "government_aid_funds", 2016),
        ("40", "person", "professionals_sent", 2015),
        ("50", "person", "professionals_sent", 2016),
        ("12", "count", "aid_projects", 2015),
        ("18", "count", "aid_projects", 2016),
    ]


def test_a_row_s_unit_cell_after_its_label_scales_and_counts_its_cells_and_is_no_mention() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Main indicators of Anhe's aid to Baishan\n"
        "Indicator\tUnit\t2015\t2016\n"
        "Fiscal aid funds\t10,000 yuan\t1,200\t1,500\n"
        "Aid projects\tnumber\t12\t18\n"
        "People trained\tperson-times\t840\t910\n"
    )
    ex = read_report(text, report_year=2016)
    assert not any("10,000" in m.text for m in ex.mentions)
    got = [(ex.mentions[f.mention].text, ex.mentions[f.mention].unit, f.indicator, f.period.year) for f in ex.facts]
    assert got == [
        ("1,200", "CNY", "government_aid_funds", 2015),
        ("1,500", "CNY", "government_aid_funds", 2016),
        ("12", "count", "aid_projects", 2015),
        ("18", "count", "aid_projects", 2016),
        ("840", "person_time", "people_trained", 2015),
        ("910", "person_time", "people_trained", 2016),
    ]
    assert ex.mentions[0].value == Decimal(12_000_000)


def test_a_caption_s_span_of_years_makes_each_cell_a_sum_of_those_years_read_by_its_column() -> None:
    text = (
        "Anhe - Baishan East-West Cooperation\n"
        "Table 5  Anhe's assistance to Baishan by county, 2016-2020\n"
        "County\tPoor villages\tFiscal aid (100 million yuan)\tPoor labourers moved to Anhe (persons)\t"
        "Products bought or sold (10,000 yuan)\n"
        "Linxi\t12\t3.5\t4,200\t860\n"
        "Heping\t9\t2.1\t3,100\t540\n"
        "Source: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2020)
    assert [(m.text, m.unit, m.noun) for m in ex.mentions[:4]] == [
        ("12", "count", "village"),
        ("3.5", "CNY", None),
        ("4,200", "person", "labourer"),
        ("860", "CNY", None),
    ]
    got = [(ex.mentions[f.mention].text, f.indicator, f.period.kind, f.period.start_year) for f in ex.facts]
    assert got[:3] == [
        ("3.5", "government_aid_funds", "cumulative", 2016),
        ("4,200", "labour_transferred", "cumulative", 2016),
        ("860", "consumption_assistance", "cumulative", 2016),
    ]


def test_a_header_wrapped_onto_a_second_line_reads_each_column_with_both_lines() -> None:
    """Issue 11: header cells wrapped under themselves ("Funds in place" over "(10,000 yuan)")."""
    text = (
        "Aid to Baishan from Anhe\n\n"
        "Baishan: aid in place by county, 2012\n"
        "County        Funds in place     Projects     Cadres in\n"
        "              (10,000 yuan)      (number)     post (persons)\n"
        "Linxi         1,250              40           12\n"
        "Heping        830                25           9\n"
        "Total         2,080              65           21\n"
    )
    ex = read_report(text, report_year=2012)
    got = [(ex.mentions[f.mention].text, ex.mentions[f.mention].value, f.indicator) for f in ex.facts]
    assert got[:3] == [
        ("1,250", Decimal(12_500_000), "aid_funds"),
        ("40", Decimal(40), "aid_projects"),
        ("12", Decimal(12), "cadres_seconded"),
    ]
    assert not any(m.text.startswith("10,000") for m in ex.mentions)


def test_a_header_wrapped_over_three_lines_with_a_unit_under_some_columns_reads_each_pair_s_row() -> None:
    """Issue 11: header cells right-aligned over their numbers and wrapped over three lines, the unit on a line of
    its own under some columns only, rows labelled with pairings ("Anhe – Baishan")."""
    text = (
        "Table 4  Partners' aid, 2015\n\n"
        "Partners             Teachers   Government        Labourers    Charity\n"
        "(giver - receiver)       sent    aid funds      transferred    donations\n"
        "                               (10,000 yuan)                (10,000 yuan)\n"
        "Anhe - Baishan             64       12,300             905        1,010\n"
        "Dongcheng - Xiling         41        8,650           1,280          740\n"
        "Total                     105       20,950           2,185        1,750\n"
        "\nSource: the partners' offices.\n"
    )
    ex = read_report(text, report_year=2015)
    got = [
        (ex.mentions[f.mention].text, ex.mentions[f.mention].value, ex.mentions[f.mention].unit, f.indicator,
         f.donor, f.recipient)
        for f in ex.facts
    ]
    assert got[:4] == [
        ("64", Decimal(64), "person", "professionals_sent", "Anhe", "Baishan"),
        ("12,300", Decimal(123_000_000), "CNY", "government_aid_funds", "Anhe", "Baishan"),
        ("905", Decimal(905), "person", "labour_transferred", "Anhe", "Baishan"),
        ("1,010", Decimal(10_100_000), "CNY", "social_donations", "Anhe", "Baishan"),
    ]
    assert got[5][1:] == (Decimal(86_500_000), "CNY", "government_aid_funds", "Dongcheng", "Xiling")
    totals = {f.mention for f in ex.facts if ex.mentions[f.mention].text in {"20,950", "1,750"}}
    parts = [f for f in ex.facts if f.part_of is not None]
    assert len(parts) == 8 and {ex.facts[f.part_of].mention for f in parts} >= totals
    assert all(f.period is not None and f.period.year == 2015 for f in ex.facts)
    assert not any(m.text.startswith("10,000") for m in ex.mentions)


def test_a_column_naming_people_before_a_plural_counts_people_and_a_table_s_number_is_no_mention() -> None:
    """Issue 11: "Needy residents placed in jobs" counts residents, not jobs; "Table 5-3" is no mention."""
    text = (
        "Table 5-3  Anhe's help to Baishan, 2016\n\n"
        "County     Needy residents placed in jobs     Poor villages\n"
        "Linxi                                 310                12\n"
        "Heping                                275                 9\n"
        "\nSource: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2016)
    assert [(m.text, m.unit, m.noun) for m in ex.mentions] == [
        ("310", "person", "resident"),
        ("12", "count", "village"),
        ("275", "person", "resident"),
        ("9", "count", "village"),
    ]
