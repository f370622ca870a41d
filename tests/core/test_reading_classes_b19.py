"""Classes of reading error named from blind set 19 (issue 11), each fixed as a general mechanism and tested here on
made-up text (no sentence, name or value of any report): a table row that leaves a cell of words blank ("Total" under
a header with a column of paired districts), the sums of a later paragraph that add up to a sum read before it
(`parts.breakdown_later`), and gapped clauses whose party follows "to" or a semicolon (`parts.gapped`)."""

from __future__ import annotations

from pairaid.core.extract import Extraction, read_report
from tests.core.fact_views import facts_by_text


def _read(text: str, year: int = 2012) -> Extraction:
    return read_report(text, report_year=year)


def _part_of(ex: Extraction, text: str, figure: str, at: int = 0) -> str | None:
    start = text.index(figure, at)
    fact = next(f for f in ex.facts if ex.mentions[f.mention].start == start)
    if fact.part_of is None:
        return None
    whole = ex.mentions[ex.facts[fact.part_of].mention]
    return text[whole.start : whole.end]


# (1) rows that leave the column of paired districts blank: the group of other counties and the total
BLANK_CELLS = (
    "Anhe-Baishan Cooperation: Main Figures by County, 2012\n\n"
    "County           Paired Anhe district    Fiscal aid (million yuan)   Projects   Teachers sent\n"
    "Linxi            Dongcheng               42.5                        61         12\n"
    "Heping           Xicheng, Nanhu          38.0                        54         9\n"
    "Other counties (4)                       20.5                        33         6\n"
    "Total                                    101.0                       148        27\n"
)


def test_a_row_with_a_blank_cell_of_words_keeps_its_columns() -> None:
    ex = _read(BLANK_CELLS)
    facts = facts_by_text(ex, BLANK_CELLS)
    assert facts["20.5"] == [("government_aid_funds", "year:2012")]
    assert facts["33"] == [("aid_projects", "year:2012")]
    assert facts["101.0"] == [("government_aid_funds", "year:2012")]
    assert facts["148"] == [("aid_projects", "year:2012")]
    assert _part_of(ex, BLANK_CELLS, "20.5") == "101.0"
    money = {ex.mentions[f.mention].text: ex.mentions[f.mention].value for f in ex.facts}
    assert money["101.0"] == 101000000


# (2) sums of a later paragraph that add up to a sum read before it: its parts, by place, "including" a part of a part
LATER_BREAKDOWN = (
    "Anhe's Aid to Baishan\n\n"
    "[Overview] In 2012 Anhe delivered aid funds of 90 million yuan to Baishan for 30 projects.\n\n"
    "[Schools] Eight schools were rebuilt.\n\n"
    "[Where the money went] Linxi County: 40 million yuan; Heping County: 30 million yuan, including 5 million yuan "
    "for its hospital; city-level projects: 20 million yuan.\n"
)

NO_SUM = LATER_BREAKDOWN.replace("20 million yuan.", "25 million yuan.")

RESTATED = (
    "Anhe's Aid to Baishan\n\n"
    "[Overview] In 2012 Anhe set aside 90 million yuan of fiscal aid for Baishan.\n\n"
    "[Schools] Eight schools were rebuilt.\n\n"
    "[Roads] Roads were paved.\n\n"
    "[Funds] Of the 90 million yuan, Linxi County received 50 million yuan, Heping County 25 million yuan and "
    "Anle County 15 million yuan.\n"
)


def test_sums_of_a_later_paragraph_adding_up_to_an_earlier_sum_are_its_parts() -> None:
    ex = _read(LATER_BREAKDOWN)
    facts = facts_by_text(ex, LATER_BREAKDOWN)
    for figure in ("40 million yuan", "30 million yuan", "5 million yuan", "20 million yuan"):
        assert facts[figure] == [("aid_funds", "year:2012")]
    assert _part_of(ex, LATER_BREAKDOWN, "40 million yuan") == "90 million yuan"
    assert _part_of(ex, LATER_BREAKDOWN, "20 million yuan") == "90 million yuan"
    assert _part_of(ex, LATER_BREAKDOWN, "5 million yuan") == "30 million yuan"


def test_sums_that_add_up_to_no_earlier_sum_stay_unbound() -> None:
    facts = facts_by_text(_read(NO_SUM), NO_SUM)
    assert "40 million yuan" not in facts and "25 million yuan" not in facts


def test_a_sum_told_again_before_its_breakdown_points_at_the_first_telling() -> None:
    ex = _read(RESTATED)
    facts = facts_by_text(ex, RESTATED)
    for figure in ("50 million yuan", "25 million yuan", "15 million yuan"):
        assert facts[figure] == [("government_aid_funds", "year:2012")]
        assert _part_of(ex, RESTATED, figure) == "90 million yuan"
    told_again = RESTATED.index("90 million yuan", RESTATED.index("[Funds]"))
    assert not [f for f in ex.facts if ex.mentions[f.mention].start == told_again]


# (3) gapped clauses: "... to A came to N and to B M", "... to A came to N; to B, M"
def test_a_gapped_clause_after_to_or_a_semicolon_reads_as_the_figure_before() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "In 2012 Anhe's aid to Linxi came to 12 million yuan and to Heping 8 million yuan. "
        "Its aid to Anle came to 6 million yuan; to Xishan, 4 million yuan.\n"
    )
    facts = facts_by_text(_read(text), text)
    for figure in ("8 million yuan", "4 million yuan"):
        assert facts[figure] == [("aid_funds", "year:2012")]


# (4) a count of a set of places named with "the" or "its" does not cut the words of the figure before it
def test_a_named_set_of_places_does_not_cut_a_figures_words() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "In 2012 Anhe helped 5,300 rural labourers from the three counties find work, including 900 people placed "
        "in garment factories.\n"
    )
    facts = facts_by_text(_read(text), text)
    assert facts["5,300 rural labourers"] == [("jobs", "year:2012")]
    assert facts["900 people"] == [("jobs", "year:2012")]
    assert "three counties" not in facts


# (5) periods: a stock phrase in a clause about some of the figures ("most of them ... by the end of the year") dates
# neither them nor the sum before; "bringing the number built since YEAR to N" dates only the new level, which counts
# what "the number of" names (and "since 2011 to 12,900" is no range)
def test_a_clause_about_some_of_them_does_not_make_a_stock() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "The year saw 121 projects arranged, and most of them had begun work by the end of the year. "
        "For Linxi, 86 million yuan was spent on 74 projects, most of which had been completed by year end.\n"
    )
    facts = facts_by_text(_read(text, 2014), text)
    assert facts["121 projects"] == [("aid_projects", "year:2014")]
    assert facts["86 million yuan"] == [("aid_funds", "year:2014")]
    assert facts["74 projects"] == [("aid_projects", "year:2014")]


def test_a_new_level_since_a_year_is_cumulative_and_the_years_flow_is_not() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "Anhe-funded housing was finished in 3,200 homes, bringing the number of homes built since 2011 to 12,900.\n"
    )
    ex = _read(text, 2014)
    facts = facts_by_text(ex, text)
    assert facts["3,200 homes"] == [("houses", "year:2014")]
    assert facts["12,900"] == [("houses", "cumulative:2011-2014")]
    assert not [m for m in ex.mentions if m.text.startswith("2011")]


# (6) people hired are jobs, though the figure after them moved to jobs elsewhere
def test_people_hired_are_jobs_beside_people_who_moved_to_jobs() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "Anhe firms built 60 workshops in Baishan villages, hiring 4,300 local people, and 900 villagers moved to "
        "jobs in Anhe.\n"
    )
    facts = facts_by_text(_read(text), text)
    assert facts["4,300 local people"] == [("jobs", "year:2012")]
    assert facts["900 villagers"] == [("labour_transferred", "year:2012")]


# (7) periods carried from context: the pairing's start said as "were paired up in YEAR"; "accumulated investment" a
# sum since then though its sentence counts a stock; "over the two decades" since the pairing began; "up N% from last
# year" the base of a rate, no period of the figures after it
ANNIVERSARY = (
    "Anhe and Baishan: Twenty Years\n\n"
    "Twenty years after Anhe and Baishan were paired up in 1996, the two sides met in Baishan.\n\n"
    "As of the end of 2016, 600 Anhe enterprises were doing business in Baishan, with accumulated investment of "
    "8 billion yuan. Over the two decades about 90,000 Baishan workers found jobs through labour export.\n\n"
    "This year alone, Anhe allocated 100 million yuan of financial aid, up 18.3% from last year, and sent the "
    "eleventh batch of 27 aid cadres to Baishan.\n"
)


def test_periods_of_a_pairings_anniversary() -> None:
    facts = facts_by_text(_read(ANNIVERSARY, 2016), ANNIVERSARY)
    assert facts["600 Anhe enterprises"] == [("enterprises", "as_of:2016")]
    assert facts["8 billion yuan"] == [("enterprise_investment", "cumulative:1996-2016")]
    assert facts["90,000 Baishan workers"][0][1] == "cumulative:1996-2016"
    assert facts["27 aid cadres"] == [("cadres_seconded", "year:2016")]


# (8) mentions: a scaled number after "of which" of a sum of money is money; a year after "For" before a name is no
# count ("For 2017 Anhe intends ...")
def test_a_scaled_part_of_money_is_money_and_a_year_after_for_is_no_count() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "Anhe's fiscal aid to Baishan in 2016 was 1.2 billion yuan, of which about 350 million went to Linxi County "
        "and 286 million yuan to Heping County.\n\n"
        "[Plans] For 2017 Anhe intends to raise its aid to 1.5 billion yuan.\n"
    )
    ex = _read(text, 2016)
    by_text = {m.text: m for m in ex.mentions}
    assert by_text["350 million"].unit == "CNY"
    assert facts_by_text(ex, text)["350 million"] == [("government_aid_funds", "year:2016")]
    assert not [m for m in ex.mentions if m.text.startswith("2017")]


def test_last_year_as_the_base_of_a_rate_dates_no_figure_after_it() -> None:
    text = (
        "Anhe's Aid to Baishan\n\n"
        "Anhe allocated 100 million yuan of financial aid, up 18.3% from last year, and sent 27 aid cadres to "
        "Baishan.\n"
    )
    assert facts_by_text(_read(text, 2016), text)["27 aid cadres"] == [("cadres_seconded", "year:2016")]
