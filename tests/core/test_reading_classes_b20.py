"""Reading classes found on blind set 20 (issue 11), each with made-up texts."""

from __future__ import annotations

from pairaid.core.extract import read_report


def _facts(text: str, year: int = 2031) -> dict[str, tuple[str, str, int | None]]:
    ex = read_report(text, report_year=year)
    return {ex.mentions[f.mention].text: (f.indicator, f.period.kind, f.period.year) for f in ex.facts}


def test_a_long_label_of_a_fact_sheet_still_names_its_figure() -> None:
    facts = _facts(
        "Kelan Aid to Dongpo: 2031 at a Glance\n\n"
        "• Aid funds in place: 600 million yuan\n"
        "• Dongpo yak meat and barley sold in Kelan through fairs and web shops: 40.5 million yuan\n"
        "• Herders from the high pastures given jobs in projects and village workshops: 2,100\n"
    )
    assert facts["40.5 million yuan"][0] == "consumption_assistance"
    assert facts["2,100"][0] == "jobs"


def test_a_table_row_of_cadres_on_post_is_a_stock_at_each_year_s_end() -> None:
    facts = _facts(
        "Kelan's Aid to Dongpo over the Period\n\n"
        "Indicator                      2029     2030     2031\n"
        "Aid funds (million yuan)       410.0    455.5    480.0\n"
        "Cadres on post                    61       66       70\n"
    )
    assert facts["66"] == ("cadres_seconded", "as_of", 2030)
    assert facts["455.5"][1:] == ("year", 2030)


def test_a_column_of_the_donor_s_cadres_counts_cadres_seconded() -> None:
    facts = _facts(
        "Kelan's aid to Dongpo by county in 2031\n\n"
        "County          Aid funds    Projects    Kelan cadres & doctors\n"
        "Linxi County       4,560          14        17\n"
        "Heping County      3,840          11        12\n"
        "Total              8,400          25        29\n"
    )
    assert facts["17"][0] == "cadres_seconded"
    assert facts["29"][0] == "cadres_seconded"


def test_a_label_dated_by_a_year_still_names_its_figure() -> None:
    facts = _facts(
        "Kelan in Dongpo: 2031 at a Glance\n\n• Projects under way: 80\n"
        "• Total aid funds since 2020: 3.1 billion yuan\n"
    )
    assert facts["3.1 billion yuan"] == ("aid_funds", "cumulative", None)
