"""Issue 11, classes of error of a blind set's first reading, made-up examples: currency codes before or after a
number ("CNY 4.5 million", "RMB 800", "¥120", "70 million CNY": the ``before`` list of ``data/unit_words.yaml``) and in
the units of tables ("(CNY 10,000)", "(RMB million)"); tables of labels and values ("Item | Value"); craftspeople."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.mentions import find_mentions
from pairaid.core.extract.sections import find_sections
from pairaid.core.extract.sentences import find_sentences
from pairaid.core.units import unit_before


def money(text: str) -> list[tuple[str, Decimal, str]]:
    return [(m.text, m.value, m.unit) for m in find_mentions(text, find_sentences(text, find_sections(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anhe sent CNY 4.5 million to Baishan.", ("CNY 4.5 million", Decimal(4_500_000), "CNY")),
        ("Anhe sent CNY 1.7 billion in all.", ("CNY 1.7 billion", Decimal(1_700_000_000), "CNY")),
        ("Each family got CNY 800.", ("CNY 800", Decimal(800), "CNY")),
        ("Each family got CNY800.", ("CNY800", Decimal(800), "CNY")),
        ("The loan was Rmb 12 million.", ("Rmb 12 million", Decimal(12_000_000), "CNY")),
        ("A ticket costs ¥120.", ("¥120", Decimal(120), "CNY")),
        ("A ticket costs ￥ 95.", ("￥ 95", Decimal(95), "CNY")),
        ("It paid RMB 6 million to them.", ("RMB 6 million", Decimal(6_000_000), "CNY")),
        ("Anhe gave 70 million CNY to the county.", ("70 million CNY", Decimal(70_000_000), "CNY")),
    ],
)
def test_a_currency_code_before_or_after_a_number_makes_an_amount_of_yuan_spanned_from_the_code(
    text: str, expected: tuple[str, Decimal, str]
) -> None:
    assert money(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The ACNY 45 hall opened.",  # glued to a word: no code
        "The cny 45 hall opened.",  # written as no writer writes the code
        "CNY\n\n\n45 halls opened.",  # far from the number
    ],
)
def test_a_code_glued_to_a_word_or_far_from_the_number_is_no_currency(text: str) -> None:
    assert all(unit != "CNY" for _, _, unit in money(text))


def test_unit_before_says_where_the_code_starts() -> None:
    assert unit_before("of CNY 5", 7) == ("CNY", 3)
    assert unit_before("of XY 5", 6) is None


def test_a_table_unit_with_the_code_first_scales_its_column_and_is_no_mention() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Table 2  Anhe's aid by county, 2012\n"
        "County\tAid funds (CNY 10,000)\tInvestment (RMB million)\tVisits (person-times)\n"
        "Linxi\t1,250\t1.2\t40\n"
        "Heping\t830\t0.5\t25\n"
        "Source: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2012)
    assert [(m.text, m.value, m.unit) for m in ex.mentions] == [
        ("1,250", Decimal(12_500_000), "CNY"),
        ("1.2", Decimal(1_200_000), "CNY"),
        ("40", Decimal(40), "person_time"),
        ("830", Decimal(8_300_000), "CNY"),
        ("0.5", Decimal(500_000), "CNY"),
        ("25", Decimal(25), "person_time"),
    ]


def test_an_amount_with_its_code_in_a_caption_s_sentence_is_no_unit_of_the_table() -> None:
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "In 2012 Anhe gave CNY 3 million in all, as shown below.\n"
        "County\tAid funds\tVisits (person-times)\n"
        "Linxi\t1,250\t40\n"
        "Heping\t830\t25\n"
        "Source: Anhe's office.\n"
    )
    ex = read_report(text, report_year=2012)
    assert ("CNY 3 million", Decimal(3_000_000), "CNY") in [(m.text, m.value, m.unit) for m in ex.mentions]
    assert all(m.value < 10_000 for m in ex.mentions if m.text in ("1,250", "830"))


def test_a_table_of_labels_and_one_column_of_values_reads_each_cell_by_its_row_s_label() -> None:
    """Issue 11: "Item | Value": each row's label says what its figure is and in which unit."""
    text = (
        "Anhe - Baishan Pairing-off Poverty Alleviation\n"
        "Other figures of the pairing, 2012:\n"
        "| Item                          | Value |\n"
        "|-------------------------------|-------|\n"
        "| Aid funds (CNY million)       | 12.5  |\n"
        "| Firms that came to Baishan    | 31    |\n"
        "| Farmers trained (person-times)| 4,100 |\n"
        "\nAnhe also sent 30 teachers to Baishan.\n"
    )
    ex = read_report(text, report_year=2012)
    assert [(m.text, m.value, m.unit, m.noun) for m in ex.mentions][:3] == [
        ("12.5", Decimal(12_500_000), "CNY", None),
        ("31", Decimal(31), "count", "firm"),
        ("4,100", Decimal(4100), "person_time", None),
    ]


def test_two_columns_whose_second_names_a_kind_are_no_table() -> None:
    text = "Anhe - Baishan\nCounty   Wells\nLinxi   12\nHeping   9\n"
    assert all(m.unit == "count" and "+table" not in m.rule for m in read_report(text, report_year=2012).mentions)


def test_craftspeople_are_people() -> None:
    assert money("The workshop hired 45 carpet weavers and 12 tailors.") == [
        ("45 carpet weavers", Decimal(45), "person"),
        ("12 tailors", Decimal(12), "person"),
    ]
