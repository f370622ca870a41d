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


def _facts(body: str, year: int = 2012) -> list[tuple[str, str, str | None, int | None, object]]:
    ex = read_report(TITLE + body, report_year=year)
    return [(ex.mentions[f.mention].text, f.indicator, f.recipient, f.period.year, f.change_percent) for f in ex.facts]


def test_a_table_run_together_with_single_spaces_is_read_by_its_bracketed_column_units() -> None:
    body = (
        "Table 1 Anhe aid by county, 2012\n"
        "Aided county Aid funds (10,000 yuan) Aid projects (number) Doctors sent (persons)\n"
        "Linxi 2,300 4 15\n"
        "Heping 1,700 3 11\n"
        "Total 4,000 7 26\n"
        "Note: the funds include 520 (10,000 yuan) of donations from Anhe firms.\n"
    )
    ex = read_report(TITLE + body, report_year=2012)
    assert [(m.text, m.value, m.unit) for m in ex.mentions] == [
        ("2,300", Decimal(23_000_000), "CNY"),
        ("4", Decimal(4), "count"),
        ("15", Decimal(15), "person"),
        ("1,700", Decimal(17_000_000), "CNY"),
        ("3", Decimal(3), "count"),
        ("11", Decimal(11), "person"),
        ("4,000", Decimal(40_000_000), "CNY"),
        ("7", Decimal(7), "count"),
        ("26", Decimal(26), "person"),
        ("520 (10,000 yuan)", Decimal(5_200_000), "CNY"),
    ]
    found = {(t, ind, rec) for t, ind, rec, _, _ in _facts(body)}
    assert {
        ("2,300", "aid_funds", "Linxi"),
        ("4", "aid_projects", "Linxi"),
        ("11", "professionals_sent", "Heping"),
    } <= found
    assert ("520 (10,000 yuan)", "social_donations") in {(t, ind) for t, ind, *_ in found}


def test_a_single_spaced_table_of_years_with_a_unit_column_and_a_change_reads_the_latest_year_s_change() -> None:
    body = (
        "Main indicators of the pairing\n"
        "Item Units 2012 2011 Growth(%)\n"
        "Government aid funds RMB 10,000 4,400 4,000 10.0\n"
        "Teachers sent person 50 40 25.0\n"
        "Rural roads built km 30 24 25.0\n"
    )
    assert _facts(body) == [
        ("4,400", "government_aid_funds", "Baishan County", 2012, Decimal("10.0")),
        ("4,000", "government_aid_funds", "Baishan County", 2011, None),
        ("50", "professionals_sent", "Baishan County", 2012, Decimal("25.0")),
        ("40", "professionals_sent", "Baishan County", 2011, None),
        ("30", "road_length", "Baishan County", 2012, Decimal("25.0")),
        ("24", "road_length", "Baishan County", 2011, None),
    ]


def test_a_single_spaced_table_of_one_word_columns_is_read_and_prose_is_no_table() -> None:
    body = (
        "County Funds Projects Villages\n"
        "Linxi 420 12 8\n"
        "Heping 380 9 6\n"
        "\nAnhe sent 30 teachers and 12 doctors in 2012.\nAnhe built 5 schools and 2 clinics.\n"
    )
    ex = read_report(TITLE + body, report_year=2012)
    assert [m.noun for m in ex.mentions[:3]] == ["fund", "project", "village"]
    assert "+table" in ex.mentions[1].rule
    assert all("+table" not in m.rule for m in ex.mentions[6:])


def _bound(body: str) -> list[tuple[str, str, str | None, str | None]]:
    ex = read_report(body, report_year=2012, donor="Anhe", recipient="Baishan")
    found = {f.mention: f.indicator for f in ex.facts}
    return [(m.text, m.unit, m.noun, found.get(i)) for i, m in enumerate(ex.mentions)]


def test_a_statistical_summary_s_labels_say_what_their_figures_count() -> None:
    body = (
        "Summary of the year\n\n"
        "Works completed: 310. Dwellings repaired for poor families: 4,210.\n"
        "Officials seconded: 27 persons. Nurses, engineers and veterinarians sent: 140 persons.\n"
        "- Doctors / nurses / vets sent: 120\n"
        "- Employed in village workshops: 6,300\n"
    )
    assert _bound(body) == [
        ("310", "count", "work", None),
        ("4,210", "count", "dwelling", "houses"),
        ("27 persons", "person", "official", "cadres_seconded"),
        ("140 persons", "person", "nurse", "professionals_sent"),
        ("120", "person", "doctor", "professionals_sent"),
        ("6,300", "person", "person", "jobs"),
    ]


def test_a_label_is_read_from_its_line_s_start_not_from_a_word_cut_in_two() -> None:
    body = "Summary of the year\n\nRoads paved in the county. Hamlets covered by the upgrading scheme: 95.\n"
    assert _bound(body)[0][:3] == ("95", "count", "hamlet")


def test_a_counted_noun_written_just_before_its_number_is_what_it_counts() -> None:
    body = (
        "Anhe Aid to Baishan\n\n"
        "That year Anhe completed aid projects 46, among them road projects 21 and school projects 13. "
        "Anhe held training classes 57. The aid totals 5 and grows.\n"
    )
    assert _bound(body) == [
        ("46", "count", "project", "aid_projects"),
        ("21", "count", "project", "aid_projects"),
        ("13", "count", "project", "aid_projects"),
        ("57", "count", "class", "training_courses"),
        ("5", "count", None, None),
    ]


def test_a_slide_s_numbers_its_bullets_and_its_labels_words_of_people_before_things() -> None:
    body = (
        "Anhe Aid to Baishan\nReview of 2012 | Slide 3\n\n"
        "- Poor townships covered: 14\n"
        "- Houses repaired for poor households: 2,100\n"
        "- Registered poor villagers hired by Anhe-funded plants in the county seat: 640\n"
        "Slide 4 -- NEXT YEAR\n"
        "* Labour transfer 9,000\n"
    )
    ex = read_report(body, report_year=2012, donor="Anhe", recipient="Baishan")
    assert [(m.text, m.unit, m.noun) for m in ex.mentions] == [
        ("14", "count", "township"),
        ("2,100", "count", "house"),
        ("640", "person", "poor"),
        ("9,000", "count", None),
    ]


@pytest.mark.parametrize("more", ["more", "further", "additional"])
def test_people_counted_after_more_are_people(more: str) -> None:
    ex = read_report(TITLE + f"Anhe helped 900 {more} villagers out of poverty.", report_year=2012)
    assert [(m.unit, m.noun) for m in ex.mentions] == [("person", "villager")]
