"""pairaid.core.units: unit words, person nouns and pint conversions. Made-up examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.errors import CodelistError
from pairaid.core.units import convert, is_person_noun, is_plural, match_unit, singular

UNIT_CASES = [
    ("12 Yuan", "CNY", "Yuan"),
    ("12 yuan RMB", "CNY", "yuan RMB"),
    ("12元", "CNY", "元"),
    ("12%", "percent", "%"),
    ("12 percent", "percent", "percent"),
    ("12 person-times", "person_time", "person-times"),
    ("12 person times", "person_time", "person times"),
    ("12 households", "household", "households"),
    ("12-hectare farm", "ha", "hectare"),
    ("12 ha", "ha", "ha"),
    ("12 mu", "mu", "mu"),
    ("12.5-kilometer canal", "km", "kilometer"),
    ("12 km", "km", "km"),
    ("12 linear meters", "m", "linear meters"),
    ("12 square meters", "m2", "square meters"),
    ("12-square meter hall", "m2", "square meter"),
    ("12 cubic meters", "m3", "cubic meters"),
    ("12 tons", "t", "tons"),
    ("12 kg", "kg", "kg"),
    ("12 kilograms", "kg", "kilograms"),
]


@pytest.mark.parametrize(("text", "unit", "word"), UNIT_CASES)
def test_it_reads_the_unit_after_the_number(text: str, unit: str, word: str) -> None:
    m = match_unit(text, 2 if text[2:3] != "." else 4)
    assert m is not None
    assert m.unit == unit
    assert text[m.start : m.end] == word


@pytest.mark.parametrize("text", ["12 hats", "12 mutual", "12 teachers", "12 m"])
def test_it_reads_no_unit_in_other_words(text: str) -> None:
    assert match_unit(text, 2) is None


@pytest.mark.parametrize(
    ("word", "plural", "single", "person"),
    [
        ("teachers", True, "teacher", True),
        ("people", True, "person", True),
        ("counties", True, "county", False),
        ("labours", True, "labour", True),
        ("livestock", True, "livestock", False),
        ("business", False, "business", False),
        ("medical workers", True, "medical worker", True),
        ("booths", True, "booth", False),
    ],
)
def test_it_knows_plurals_and_person_nouns(word: str, plural: bool, single: str, person: bool) -> None:
    assert is_plural(word.split()[-1]) is plural
    assert singular(word) == single
    assert is_person_noun(word) is person


def test_it_converts_mu_to_hectares_exactly() -> None:
    assert convert(Decimal(30), "mu", "ha") == Decimal(2)
    assert convert(Decimal("1.5"), "km", "m") == Decimal(1500)


def test_it_refuses_to_convert_persons_to_person_times() -> None:
    with pytest.raises(CodelistError):
        convert(Decimal(1), "person", "person_time")
    with pytest.raises(CodelistError):
        convert(Decimal(1), "furlong", "m")
