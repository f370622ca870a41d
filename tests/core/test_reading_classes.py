"""Classes of reading error that real reports share (issue 11), each on made-up text: a Markdown table with its rule
line and an "of which" column, rows of places the gazetteer does not know among rows it knows, and the years a
report names as history or as a comparison.  Each test asserts value, span, indicator, period and places."""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.extract import read_report
from pairaid.core.extract.model import Extraction


def _facts(ex: Extraction) -> dict[str, list[tuple[Decimal, str, str, str | None, str | None, str | None]]]:
    """``{mention text: [(value, span text, indicator, period, donor, recipient, whole's text)]}``."""
    out: dict[str, list[tuple[Decimal, str, str, str | None, str | None, str | None]]] = {}
    for f in ex.facts:
        m = ex.mentions[f.mention]
        p = f.period
        period = f"{p.start_year}-{p.end_year}" if p.kind == "cumulative" else f"{p.kind}:{p.year}"
        whole = ex.mentions[ex.facts[f.part_of].mention].text if f.part_of is not None else None
        out.setdefault(m.text, []).append((m.value, f.indicator, period, f.donor, f.recipient, whole))
    return out


MARKDOWN = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
    "Table 2. Anhe aid by county, 2031\n\n"
    "| County | Aid funds (million yuan) | of which: donations (million yuan) | Farmhouses rebuilt |\n"
    "|--------|------:|------:|------:|\n"
    "| Shule  | 14.5 | 2.5 | 130 |\n"
    "| Norvale | 9.5 | 1.5 | 75 |\n"
)


def test_a_markdown_table_under_its_rule_line_is_read_with_its_part_column_and_its_rows_places() -> None:
    ex = read_report(MARKDOWN, report_year=2031)
    got = _facts(ex)
    spans = {m.text: MARKDOWN[m.start : m.end] for m in ex.mentions}
    assert spans["14.5"] == "14.5" and spans["130"] == "130"
    assert got["14.5"] == [(Decimal(14_500_000), "aid_funds", "year:2031", "Anhe", "Shule", None)]
    assert got["2.5"] == [(Decimal(2_500_000), "social_donations", "year:2031", "Anhe", "Shule", "14.5")]
    assert got["130"] == [(Decimal(130), "houses", "year:2031", "Anhe", "Shule", None)]
    # a row of a table whose other rows name known areas names a place though the gazetteer does not know it
    assert got["9.5"] == [(Decimal(9_500_000), "aid_funds", "year:2031", "Anhe", "Norvale", None)]
    assert got["1.5"] == [(Decimal(1_500_000), "social_donations", "year:2031", "Anhe", "Norvale", "9.5")]
    assert got["75"] == [(Decimal(75), "houses", "year:2031", "Anhe", "Norvale", None)]


def test_a_column_not_headed_as_a_part_is_no_part() -> None:
    text = MARKDOWN.replace("of which: donations", "Donations")
    got = _facts(read_report(text, report_year=2031))
    assert got["2.5"] == [(Decimal(2_500_000), "social_donations", "year:2031", "Anhe", "Shule", None)]


def test_a_table_of_labels_that_name_no_known_area_gives_its_rows_no_place() -> None:
    text = MARKDOWN.replace("Shule", "Roads").replace("Norvale", "Schools").replace("County", "Sector")
    got = _facts(read_report(text, report_year=2031))
    assert [row[4] for row in got["14.5"]] == ["Baishan"]


PAGE = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n"
    "Posted: 2031-10-07 08:15   Views: 3,118\n\n"
    "2.4 The work of the year\n"
    "Anhe built 14 clinics in Baishan (see Table C3; Zhou 2030, p. 61). Wu Fang, 51, a herder, moved into one.\n"
    "A hotline (0431-8850 1234, Mon-Fri 8:30-17:00) was opened.\n\n"
    "Notes: 2. Clinics are counted when finished.\n"
)


def test_page_counters_times_telephones_citations_ages_and_heading_numbers_are_no_mentions() -> None:
    ex = read_report(PAGE, report_year=2031)
    assert [(m.text, PAGE[m.start : m.end], m.value, m.unit) for m in ex.mentions] == [
        ("14 clinics", "14 clinics", Decimal(14), "count")
    ]
    assert [(f.indicator, f.period.kind, f.period.year, f.donor, f.recipient) for f in ex.facts] == [
        ("health_facilities", "year", 2031, "Anhe", "Baishan")
    ]


def test_a_bare_number_whose_act_only_people_do_counts_people_and_bullet_labels_say_what_is_counted() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "In 2031, 2,600 labourers from Baishan were transferred to Anhe, and another 740 found jobs at home.\n\n"
        "Key figures\n"
        " - Doctors at their posts in Baishan: 56\n"
        " - Investment by Anhe companies: RMB 1.3bn\n\n"
        "Compiled by the Anhe office.\n"
    )
    ex = read_report(text, report_year=2031)
    got = {m.text: (text[m.start : m.end], m.value, m.unit) for m in ex.mentions}
    assert got["740"] == ("740", Decimal(740), "person")
    assert got["56"] == ("56", Decimal(56), "person")
    assert got["RMB 1.3bn"] == ("RMB 1.3bn", Decimal(1_300_000_000), "CNY")
    facts = _facts(ex)
    assert facts["740"] == [(Decimal(740), "jobs", "year:2031", "Anhe", "Baishan", None)]
    invested = (Decimal(1_300_000_000), "enterprise_investment", "year:2031", "Anhe", "Baishan", None)
    assert facts["RMB 1.3bn"] == [invested]


THREE_LINE_HEADER = (
    "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
    "Indicators by county, 2031\n\n"
    "              Fiscal aid      Labour          Consumption\n"
    "County        funds           transferred     assistance\n"
    "              (10,000 yuan)   (persons)       (100 million yuan)\n"
    "--------------------------------------------------------------\n"
    "Shule         2,150           830             1.25\n"
    "Linxi         1,870           615             0.95\n"
    "--------------------------------------------------------------\n"
)


def test_a_header_over_three_lines_above_its_rule_reads_each_column_whole() -> None:
    ex = read_report(THREE_LINE_HEADER, report_year=2031)
    got = _facts(ex)
    spans = {m.text: THREE_LINE_HEADER[m.start : m.end] for m in ex.mentions}
    assert spans["2,150"] == "2,150"
    assert got["2,150"] == [(Decimal(21_500_000), "government_aid_funds", "year:2031", "Anhe", "Shule", None)]
    assert got["830"] == [(Decimal(830), "labour_transferred", "year:2031", "Anhe", "Shule", None)]
    assert got["1.25"] == [(Decimal(125_000_000), "consumption_assistance", "year:2031", "Anhe", "Shule", None)]
    assert got["615"] == [(Decimal(615), "labour_transferred", "year:2031", "Anhe", "Linxi", None)]


def test_produce_sold_in_the_aiding_side_and_labourers_working_away_are_read_by_their_cues() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "In 2031, Baishan honey and dried yak meat worth 27 million yuan were sold in Anhe. Purchases of Baishan"
        " goods, from tea to wool, reached 44 million yuan. That year 3,900 people from poor households came to"
        " work in Anhe, and 5,600 rural labourers worked outside their home counties.\n"
    )
    ex = read_report(text, report_year=2031)
    spans = {m.text: text[m.start : m.end] for m in ex.mentions}
    assert spans["27 million yuan"] == "27 million yuan"
    got = _facts(ex)
    sold = ("consumption_assistance", "year:2031", "Anhe", "Baishan", None)
    assert got["27 million yuan"] == [(Decimal(27_000_000), *sold)]
    assert got["44 million yuan"] == [(Decimal(44_000_000), *sold)]
    assert got["3,900 people"] == [(Decimal(3900), "labour_transferred", "year:2031", "Anhe", "Baishan", None)]
    assert got["5,600 rural labourers"][0][:3] == (Decimal(5600), "labour_transferred", "year:2031")


def test_a_pairing_launched_in_a_year_starts_the_sums_given_by_the_end_of_a_later_year() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "When the province launched counterpart support in 2024, Anhe was assigned Baishan.\n\n"
        "By the end of 2031, Anhe had sent 640 teachers to Baishan.\n"
    )
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["640 teachers"] == "640 teachers"
    assert _facts(ex)["640 teachers"] == [(Decimal(640), "professionals_sent", "2024-2031", "Anhe", "Baishan", None)]


def test_a_title_in_sentence_case_names_the_pairing_and_years_listed_respectively_date_their_figures() -> None:
    text = (
        "Assessing Anhe's support to Baishan, 2029-2031: a working paper\n\n"
        "1. Background\n\n"
        "Anhe transferred 9 million yuan of fiscal assistance to Baishan over 2029-2031. The amounts for 2029, 2030"
        " and 2031 were 2 million, 3 million and 4 million yuan respectively. Our survey covered 300 households.\n"
    )
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["3 million"] == "3 million"
    got = _facts(ex)
    for text_of, value, year in (("2 million", 2, 2029), ("3 million", 3, 2030), ("4 million yuan", 4, 2031)):
        row = [(v, i, p, d, r) for v, i, p, d, r, _ in got[text_of]]
        assert row == [(Decimal(value * 1_000_000), "government_aid_funds", f"year:{year}", "Anhe", "Baishan")]
    assert "300 households" not in got  # a survey's sample


def test_a_county_heading_in_its_tibetan_name_is_the_recipient_of_its_section() -> None:
    text = (
        "Anhe - Lhasa Pairing-off Aid\n\n"
        "Anhe gave Lhasa 50 million yuan of aid funds in 2031.\n\n"
        "    【Nyemo County】 Anhe built 12 houses for herders there.\n"
    )
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["12 houses"] == "12 houses"
    assert _facts(ex)["12 houses"] == [(Decimal(12), "houses", "year:2031", "Anhe", "Nyemo County", None)]


def test_a_period_in_a_relative_clause_dates_only_its_own_figures() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "With Anhe funds of 30 million yuan, three schools were rebuilt in Baishan, which now has 41 village clinics.\n"
    )
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["three schools"] == "three schools"
    got = _facts(ex)
    assert got["30 million yuan"] == [(Decimal(30_000_000), "aid_funds", "year:2031", "Anhe", "Baishan", None)]
    assert got["three schools"] == [(Decimal(3), "schools", "year:2031", "Anhe", "Baishan", None)]


def test_new_kindergartens_that_opened_are_schools() -> None:
    text = "Anhe - Baishan Pairing-off Poverty Alleviation\n\nIn 2031, six new kindergartens opened in Baishan.\n"
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["six new kindergartens"] == "six new kindergartens"
    assert _facts(ex)["six new kindergartens"] == [(Decimal(6), "schools", "year:2031", "Anhe", "Baishan", None)]


def test_the_lines_under_a_heading_of_targets_are_plans() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "In 2031 Anhe built 14 schools in Baishan.\n\n"
        "Targets for 2032\n"
        " - Aid funds: 90 million yuan\n"
        " - Schools: 20\n\n"
        "Compiled by the Anhe office.\n"
    )
    ex = read_report(text, report_year=2031)
    spans = {m.text: text[m.start : m.end] for m in ex.mentions}
    assert spans["90 million yuan"] == "90 million yuan"
    got = _facts(ex)
    assert got["14 schools"] == [(Decimal(14), "schools", "year:2031", "Anhe", "Baishan", None)]
    assert "90 million yuan" not in got and "20" not in got  # plans (F1)


def test_a_sum_said_to_be_all_grants_is_grant_funds_though_a_government_gave_it() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "In 2031 aid from Anhe came to 90 million yuan, all grants from the provincial finance.\n"
    )
    ex = read_report(text, report_year=2031)
    assert {m.text: text[m.start : m.end] for m in ex.mentions}["90 million yuan"] == "90 million yuan"
    assert _facts(ex)["90 million yuan"] == [(Decimal(90_000_000), "grant_funds", "year:2031", "Anhe", "Baishan", None)]


def test_a_part_before_the_whole_it_is_of_counts_what_the_whole_counts_and_the_whole_is_its_frame() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n\n"
        "By December 2031, Anhe had completed 46 of the 52 projects it took on in Baishan.\n"
    )
    ex = read_report(text, report_year=2031)
    got = {m.text: (text[m.start : m.end], m.value, m.unit, m.noun) for m in ex.mentions}
    assert got["46"] == ("46", Decimal(46), "count", "project")
    facts = _facts(ex)
    assert [(v, i, d, r) for v, i, _, d, r, _ in facts["46"]] == [(Decimal(46), "aid_projects", "Anhe", "Baishan")]
    assert "52 projects" not in facts
