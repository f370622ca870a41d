"""Issue 11, tables flattened into text (classes of error of earlier blind sets, made-up examples only): rows of a
slide with dotted leaders ("Aid funds ........ 3.5 million yuan"), rows of labelled figures with their unit in
brackets ("Aid funds (10,000 yuan): 3,560"), and tables of "Item | Unit | Value" whose unit column names a
measure ("km", "mu", "hectares")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.sections import find_sections
from pairaid.core.extract.sentences import find_sentences

TITLE = "Anhe Province's Aid to Baishan County in 2012\n\n"


def _read(body: str) -> list[tuple[str, Decimal, str, str | None]]:
    """(text, value, unit, indicator) of each mention of a made-up chapter whose body is ``body``."""
    ex = read_report(TITLE + body, report_year=2012)
    bound = {f.mention: f.indicator for f in ex.facts}
    return [(m.text, m.value, m.unit, bound.get(i)) for i, m in enumerate(ex.mentions)]


@pytest.mark.parametrize("leader", [" ........................ ", "..........", " . . . . . . ", " …… ", " ······ "])
def test_a_slide_s_rows_with_dotted_leaders_read_each_figure_by_its_label(leader: str) -> None:
    body = (
        "Highlights of the year\n"
        f"Aid funds{leader}42.5 million yuan\n"
        f"Aid projects{leader}37\n"
        f"Cadres seconded{leader}21\n"
        f"Farmers trained{leader}2,600\n"
    )
    assert _read(body) == [
        ("42.5 million yuan", Decimal(42_500_000), "CNY", "aid_funds"),
        ("37", Decimal(37), "count", "aid_projects"),
        ("21", Decimal(21), "person", "cadres_seconded"),
        ("2,600", Decimal(2600), "person", "people_trained"),
    ]


def test_a_dotted_leader_before_a_figure_ends_no_sentence_but_a_full_stop_still_does() -> None:
    text = "Wells dug ........ 14\nAnhe dug wells. 14 of them were deep.\n"
    sentences = [text[s.start : s.end] for s in find_sentences(text, find_sections(text))]
    assert sentences == ["Wells dug ........ 14", "Anhe dug wells.", "14 of them were deep."]


@pytest.mark.parametrize("gap", [": ", " ........ ", " …… "])
def test_a_label_s_unit_in_brackets_gives_its_figure_s_unit_and_is_no_mention(gap: str) -> None:
    body = (
        f"Aid funds (10,000 yuan){gap}3,560\n"
        f"Rural roads built (km){gap}22.4\n"
        f"Farmland improved (mu){gap}1,800\n"
        f"Poor labour transferred (persons){gap}1,300\n"
        f"Fiscal aid funds (million yuan){gap}8.5\n"
    )
    read = _read(body)
    assert [(text, value, unit) for text, value, unit, _ in read] == [
        ("3,560", Decimal(35_600_000), "CNY"),
        ("22.4", Decimal("22.4"), "km"),
        ("1,800", Decimal(1800), "mu"),
        ("1,300", Decimal(1300), "person"),
        ("8.5", Decimal(8_500_000), "CNY"),
    ]
    assert [indicator for *_, indicator in read] == [
        "aid_funds",
        "road_length",
        "land_area",
        "labour_transferred",
        "government_aid_funds",
    ]


def test_a_bracket_that_is_no_unit_leaves_the_figure_as_it_was() -> None:
    assert _read("Wells dug (Linxi County): 14\n") == [("14", Decimal(14), "count", None)]


@pytest.mark.parametrize("gap", ["\t", "    "])
def test_item_unit_value_tables_read_each_row_by_its_label_and_its_unit_of_measure(gap: str) -> None:
    rows = [
        ("Item", "Unit", "Value"),
        ("Aid funds", "10,000 yuan", "2,850"),
        ("Schools built", "schools", "6"),
        ("Rural roads built", "km", "48.5"),
        ("Orchards planted", "hectares", "120"),
        ("Farmland improved", "mu", "1,200"),
        ("Labour transferred", "persons", "2,300"),
    ]
    body = "Main results of the pairing in 2012\n" + "".join(gap.join(r) + "\n" for r in rows)
    assert _read(body) == [
        ("2,850", Decimal(28_500_000), "CNY", "aid_funds"),
        ("6", Decimal(6), "count", "schools"),
        ("48.5", Decimal("48.5"), "km", "road_length"),
        ("120", Decimal(120), "ha", "land_area"),
        ("1,200", Decimal(1200), "mu", "land_area"),
        ("2,300", Decimal(2300), "person", "labour_transferred"),
    ]


def test_a_column_header_s_unit_of_measure_gives_its_cells_that_unit() -> None:
    body = (
        "Roads and land by county, 2012\n"
        "County    Roads built (km)    Land improved (mu)    Projects\n"
        "Linxi     31.5                900                   12\n"
        "Heping    18                  650                   9\n"
    )
    read = _read(body)
    assert [(text, unit) for text, _, unit, _ in read] == [
        ("31.5", "km"),
        ("900", "mu"),
        ("12", "count"),
        ("18", "km"),
        ("650", "mu"),
        ("9", "count"),
    ]
    assert [indicator for *_, indicator in read][:2] == ["road_length", "land_area"]


def test_a_tab_separated_table_s_units_on_a_second_header_line_stand_under_their_columns_by_tab() -> None:
    body = (
        "Table 2 Aid by county\n"
        "County\tAid funds\tAid projects\tTrainees\n"
        "\t(10,000 yuan)\t(number)\t(person-times)\n"
        "Linxi\t1,250\t12\t860\n"
        "Heping\t980\t8\t540\n"
    )
    assert _read(body) == [
        ("1,250", Decimal(12_500_000), "CNY", "aid_funds"),
        ("12", Decimal(12), "count", "aid_projects"),
        ("860", Decimal(860), "person_time", "people_trained"),
        ("980", Decimal(9_800_000), "CNY", "aid_funds"),
        ("8", Decimal(8), "count", "aid_projects"),
        ("540", Decimal(540), "person_time", "people_trained"),
    ]
