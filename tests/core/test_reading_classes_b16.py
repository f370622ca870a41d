"""Classes of reading error named from blind sets 14-15 (issue 11), each fixed as a general rule and tested here on
made-up text (no sentence, name or value of any report): flattened tables with two levels of totals (county rows, a
subtotal per prefecture, a grand total) and tables of projects with a status column (planned rows are plans)."""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.extract import Extraction, read_report
from tests.core.fact_views import period_key


def _read(text: str, year: int = 2012, **sides: str) -> Extraction:
    return read_report(text, report_year=year, **sides)


def _facts(ex: Extraction, text: str) -> dict[str, list[tuple[str, str, str | None]]]:
    """``{mention text: [(indicator, period, recipient)]}``."""
    out: dict[str, list[tuple[str, str, str | None]]] = {}
    for f in ex.facts:
        m = ex.mentions[f.mention]
        out.setdefault(text[m.start : m.end], []).append((f.indicator, period_key(f.period), f.recipient))
    return out


def _part_of(ex: Extraction, text: str) -> dict[str, str | None]:
    """``{mention text: the text of the mention its first fact is part of}`` (first fact per mention)."""
    out: dict[str, str | None] = {}
    for f in ex.facts:
        m = ex.mentions[f.mention]
        whole = ex.mentions[ex.facts[f.part_of].mention] if f.part_of is not None else None
        out.setdefault(text[m.start : m.end], text[whole.start : whole.end] if whole is not None else None)
    return out


# (1) a table by county with a heading line per prefecture inside it, a subtotal per prefecture and a grand total
GROUPED = (
    "Anhe's Aid to Dongyuan and Xiling, 2012\n\n"
    "Table 1  Anhe aid by county, 2012 (10,000 yuan)\n"
    "Area  Aid funds  Projects  Teachers sent\n"
    "Dongyuan Prefecture\n"
    "Linxi County  710  13  24\n"
    "Heping County  290  6  11\n"
    "Subtotal  1,000  19  35\n"
    "Xiling Prefecture\n"
    "Shuikou County  430  8  9\n"
    "Subtotal  430  8  9\n"
    "Total  1,430  27  44\n"
)

# (2) the same with its subtotals named ("Dongyuan subtotal") and its cells split by single spaces
SPACED = (
    "Anhe's Aid to Dongyuan and Xiling, 2012\n\n"
    "Table 1 Anhe aid by county, 2012 (10,000 yuan)\n"
    "County Aid funds Projects Teachers sent\n"
    "Linxi County 710 13 24\n"
    "Heping County 290 6 11\n"
    "Dongyuan subtotal 1,000 19 35\n"
    "Shuikou County 430 8 9\n"
    "Xiling subtotal 430 8 9\n"
    "Grand total 1,430 27 44\n"
)


def test_rows_of_a_table_of_two_levels_are_facts_of_their_county_subtotals_of_their_prefecture() -> None:
    for text in (GROUPED, SPACED):
        ex = _read(text, donor="Anhe")
        facts = _facts(ex, text)
        assert facts["710"] == [("aid_funds", "year:2012", "Linxi County")]
        assert facts["430"][0] == ("aid_funds", "year:2012", "Shuikou County")
        assert facts["13"] == [("aid_projects", "year:2012", "Linxi County")]
        assert facts["1,000"][0][:2] == ("aid_funds", "year:2012")
        assert facts["1,000"][0][2] in ("Dongyuan Prefecture", "Dongyuan")  # the group's place, not the report's
        money = {ex.mentions[f.mention].value for f in ex.facts if f.indicator == "aid_funds"}
        assert Decimal(14_300_000) in money  # the grand total, scaled by the caption's unit
        parts = _part_of(ex, text)
        assert parts["710"] == "1,000"  # a county row is part of its prefecture's subtotal ...
        assert parts["1,000"] == "1,430"  # ... and the subtotal part of the grand total
        assert parts["1,430"] is None


# (3) a table of projects with a status column: a planned row is a plan, not an actual
PROJECTS = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "Table 2  Main aid projects, 2012\n"
    "Project  County  Investment (10,000 yuan)  Status\n"
    "Linxi county clinic  Linxi County  520  completed\n"
    "Heping boarding school  Heping County  360  under construction\n"
    "Shuikou water works  Shuikou County  240  planned\n"
    "Linxi market roads  Linxi County  130  completed\n"
)


def test_a_project_table_s_planned_rows_stay_plans_and_the_others_are_aid_funds_of_their_county() -> None:
    ex = _read(PROJECTS, donor="Anhe")
    facts = _facts(ex, PROJECTS)
    assert facts["520"] == [("aid_funds", "year:2012", "Linxi County")]
    assert facts["360"] == [("aid_funds", "year:2012", "Heping County")]  # under construction: money spent
    assert "240" not in facts  # planned (plans.table_status)
    got = {PROJECTS[m.start : m.end]: m.value for m in ex.mentions}
    assert got["240"] == Decimal(2_400_000)  # still a mention, in yuan


def test_a_table_of_enterprises_projects_is_no_aid() -> None:
    text = PROJECTS.replace("Main aid projects", "Enterprise projects attracted")
    facts = _facts(_read(text, donor="Anhe"), text)
    assert all(ind != "aid_funds" for got in facts.values() for ind, _, _ in got)


# (4) recall in prose: a change to a new level, a range, firms "N of them opened plants, investing M", a second verb
PROSE = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "The number of Dongyuan herders trained by Anhe rose from 1,700 to 2,450 herders.\n\n"
    "Labour transferred from Dongyuan to Anhe grew from 640 in 2011 to 910 people.\n\n"
    "The nursing course reached from 150 to 180 women in each township.\n\n"
    "Anhe took 52 firms to Dongyuan; 17 of them opened plants in Linxi County, investing 380 million yuan.\n\n"
    "Anhe built 9 clinics in Linxi and renovated 4.\n\n"
    "Of the 66 projects planned, 58 were finished by December.\n"
)


def test_changes_ranges_and_firms_investing_are_read_from_prose() -> None:
    ex = _read(PROSE, donor="Anhe", recipient="Dongyuan")
    facts = _facts(ex, PROSE)
    mentions = {PROSE[m.start : m.end]: m for m in ex.mentions}
    assert facts["2,450 herders"] == [("people_trained", "year:2012", "Dongyuan")]  # the new level
    assert "1,700" not in facts  # the level it rose from, with no year of its own
    assert mentions["640"].unit == "person"
    assert facts["640"] == [("labour_transferred", "year:2011", "Dongyuan")]  # a level given for its year
    assert facts["910 people"] == [("labour_transferred", "year:2012", "Dongyuan")]
    assert "2011 to 910 people" not in mentions  # a year is no lower bound of a range
    span = next(m for t, m in mentions.items() if t.startswith("150"))
    assert (span.value, span.value_high, span.unit) == (Decimal(150), Decimal(180), "person")  # a range
    assert facts["380 million yuan"][0][:2] == ("enterprise_investment", "year:2012")  # firms opening plants
    assert mentions["4"].noun == "clinic"  # "renovated 4": the clinics
    assert facts["4"][0][:2] == ("health_facilities", "year:2012")
    assert "66 projects" not in facts  # planned
    assert facts["58"][0][:2] == ("aid_projects", "year:2012")


# (5) a header wrapped over lines whose cells start where the header's start, over rows of numbers set elsewhere
MISALIGNED = (
    "Table 5  Anhe: aid to Dongyuan by county, 2012\n\n"
    "County                    Aid funds          Wells        Nurses\n"
    "                          (million yuan)     (number)     sent\n"
    "                                                          (persons)\n"
    "Linxi County              41.5      12        7\n"
    "Heping County             23.0      5         4\n"
    "Subtotal, Dongyuan        64.5      17        11\n"
    "Total                     64.5      17        11\n"
)


def test_a_wrapped_header_is_read_by_where_its_cells_start_when_the_rows_are_set_apart() -> None:
    ex = _read(MISALIGNED, donor="Anhe")
    got = {MISALIGNED[m.start : m.end]: (m.value, m.unit, m.noun) for m in ex.mentions}
    assert got["41.5"] == (Decimal(41_500_000), "CNY", None)
    assert got["7"] == (Decimal(7), "person", "nurse")
    facts = _facts(ex, MISALIGNED)
    assert facts["41.5"] == [("aid_funds", "year:2012", "Linxi County")]
    assert facts["7"] == [("professionals_sent", "year:2012", "Linxi County")]
    assert facts["64.5"][0] == ("aid_funds", "year:2012", "Dongyuan")  # the subtotal, its place after the comma


# (6) a web table copied one cell per line: list numbers, a project, its county, the donor's funds and a status
ONE_CELL_PER_LINE = (
    "Anhe-Dongyuan pairing: projects funded by Anhe, 2012\n\n"
    "In 2012 Anhe arranged 31 million yuan of fiscal aid for Dongyuan. Its projects were as follows.\n\n"
    "No.\nProject\nCounty\nAnhe funds (10,000 yuan)\nStatus\n"
    "1\nLinxi seed farm\nLinxi County\n740\ncompleted\n"
    "2\nHeping bridge\nHeping County\n1,160\nunder construction\n"
    "3\nShuikou school canteen\nShuikou County\n330\nto be built, design approved\n"
    "Subtotal, items 1-2\n1,900\n\n"
    "Anhe also sent 12 nurses to Dongyuan.\n"
)


def test_a_table_of_one_cell_per_line_is_read_as_a_table() -> None:
    ex = _read(ONE_CELL_PER_LINE, donor="Anhe")
    texts = [ONE_CELL_PER_LINE[m.start : m.end] for m in ex.mentions]
    assert "1" not in texts and "1-2" not in texts  # list numbers and the total's item numbers are no figures
    facts = _facts(ex, ONE_CELL_PER_LINE)
    assert facts["740"] == [("government_aid_funds", "year:2012", "Linxi County")]  # the fiscal aid's projects
    assert facts["1,160"] == [("government_aid_funds", "year:2012", "Heping County")]
    assert "330" not in facts  # to be built: a plan (plans.table_status)
    assert facts["1,900"][0][:2] == ("government_aid_funds", "year:2012")
    assert facts["12 nurses"][0][:2] == ("professionals_sent", "year:2012")


# (7) stocks at the year's end, and the firms' own investment
STOCKS = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "The Linxi zone hosted 23 Anhe enterprises at year end, whose fixed-asset investment actually made totalled "
    "2.1 billion yuan.\n\n"
    "A farm park was laid out at Heping; 14 enterprises from Anhe, Shuikou and Dalu had settled there by year-end.\n\n"
    "At the end of 2012, 900 Anhe enterprises were doing business in Dongyuan.\n\n"
    "Anhe had transferred aid money totalling 300 million yuan to Dongyuan.\n"
)


def test_stocks_at_the_year_end_and_firms_investment() -> None:
    facts = _facts(_read(STOCKS, donor="Anhe", recipient="Dongyuan"), STOCKS)
    assert facts["23 Anhe enterprises"] == [("enterprises", "as_of:2012", "Dongyuan")]
    assert facts["2.1 billion yuan"][0][:2] == ("enterprise_investment", "as_of:2012")  # the firms', not the area's
    assert facts["14 enterprises"][0][:2] == ("enterprises", "as_of:2012")
    assert facts["900 Anhe enterprises"][0][:2] == ("enterprises", "as_of:2012")
    assert facts["300 million yuan"][0][:2] == ("aid_funds", "year:2012")


# (8) cues of news items: produce bought or sold, groups of cadres in apposition, arrivals, courses completed, jobs
NEWS = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "Anhe buyers took 47 million yuan worth of apricots and honey from Dongyuan, nearly double the 25 million yuan "
    "recorded for the whole of 2011.\n\n"
    "Dongyuan beef and mushrooms sold to Anhe canteens brought in 6.4 million yuan.\n\n"
    "Anhe supermarkets bought 3.9 million yuan of Dongyuan tea.\n\n"
    "The seventh group of Anhe aid cadres, 58 people, arrived in August.\n\n"
    "In the autumn 26 Anhe teachers arrived in Linxi.\n\n"
    "Some 3,100 farmers from Linxi, Heping and Shuikou had completed vocational courses by June.\n\n"
    "Some 800 people went to work in Anhe, and 1,250 were placed in jobs near home.\n\n"
    "The Anhe park drew five more Anhe companies in 2012.\n"
)


def test_cues_of_news_items() -> None:
    facts = _facts(_read(NEWS, donor="Anhe", recipient="Dongyuan"), NEWS)
    assert facts["47 million yuan"][0][:2] == ("consumption_assistance", "year:2012")
    assert facts["25 million yuan"][0][:2] == ("consumption_assistance", "year:2011")  # the year compared with
    assert facts["6.4 million yuan"][0][:2] == ("consumption_assistance", "year:2012")
    assert facts["3.9 million yuan"][0][:2] == ("consumption_assistance", "year:2012")
    assert facts["58 people"][0][:2] == ("cadres_seconded", "year:2012")
    assert facts["26 Anhe teachers"][0][:2] == ("professionals_sent", "year:2012")
    assert facts["3,100 farmers"][0][:2] == ("people_trained", "year:2012")
    assert facts["1,250"][0][:2] == ("jobs", "year:2012")
    assert facts["five more Anhe companies"][0][:2] == ("enterprises", "year:2012")


# (9) periods and sides of news items: "Counted from YEAR", a base year after "times the amount", a difference above a
# year, jobs in the donor's factories
PERIODS = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "Counted from 2009, the first year of the pairing, Anhe has put 2.6 billion yuan of aid into Dongyuan.\n\n"
    "Anhe canteens bought 52 million yuan of Dongyuan beef and honey, 1.8 times the amount bought in 2011.\n\n"
    "Anhe still delivered 640 million yuan in aid funds, 25 million yuan above 2011.\n\n"
    "Some 1,380 Dongyuan workers were helped to find jobs in Anhe's factories.\n"
)


def test_periods_differences_and_jobs_in_the_donor_s_factories() -> None:
    facts = _facts(_read(PERIODS, donor="Anhe", recipient="Dongyuan"), PERIODS)
    assert facts["2.6 billion yuan"][0][:2] == ("aid_funds", "cumulative:2009-2012")
    assert facts["52 million yuan"][0][:2] == ("consumption_assistance", "year:2012")  # 2011 is the base
    assert facts["640 million yuan"][0][:2] == ("aid_funds", "year:2012")
    assert "25 million yuan" not in facts  # a difference
    assert facts["1,380 Dongyuan workers"][0][:2] == ("labour_transferred", "year:2012")


# (10) cues of overviews and chapters: workers moved to factories elsewhere, people courses prepared for transfer,
# money from named givers that went into a place, surgery given to patients
OVERVIEW = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "Labour cooperation moved 12,800 workers from Dongyuan's poor counties to Anhe factories, and 40 training courses "
    "prepared 2,700 people for transfer.\n\n"
    "In Heping, 6.2 million yuan from Anle and Dalu went into hill villages.\n\n"
    "Anhe charities gave free eye surgery to nearly 640 patients.\n"
)


def test_cues_of_overviews_and_chapters() -> None:
    facts = _facts(_read(OVERVIEW, donor="Anhe", recipient="Dongyuan"), OVERVIEW)
    assert facts["12,800 workers"][0][:2] == ("labour_transferred", "year:2012")
    assert facts["2,700 people"] == [("people_trained", "year:2012", "Dongyuan")]  # F7: trained, not transferred
    assert facts["6.2 million yuan"][0][:2] == ("aid_funds", "year:2012")
    assert facts["640 patients"][0][:2] == ("patients_treated", "year:2012")


# (11) places written as phrases ("the two counties") and districts of a donor city giving "each"
PHRASES = (
    "Anhe's Aid to Dongyuan, 2012\n\n"
    "Anle and Dalu districts each provided 4 million yuan to Linxi and Heping.\n\n"
    "The two counties received 22 doctors from Anhe.\n"
)


def test_districts_each_giving_and_places_as_phrases() -> None:
    ex = _read(PHRASES, donor="Anhe", recipient="Dongyuan")
    facts = _facts(ex, PHRASES)
    assert facts["4 million yuan"][0][:2] == ("aid_funds", "year:2012")
    assert facts["22 doctors"] == [("professionals_sent", "year:2012", "Dongyuan")]
