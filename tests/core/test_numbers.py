"""pairaid.core.numbers: numbers in text (gold-format.md Layer 1 ``value`` / ``value_high``). Made-up examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.numbers import find_numbers, format_decimal

CASES = [
    # text, matched text, value, value_high, rule
    ("They spent 4,456 yuan.", "4,456", "4456", None, "digits"),
    ("A road of 7.05 km.", "7.05", "7.05", None, "digits"),
    ("Funds of 2.375 billion yuan.", "2.375 billion", "2375000000", None, "digits_scale"),
    ("Grants of 61.40 million yuan.", "61.40 million", "61400000", None, "digits_scale"),
    ("A typo: 12.5 millioin yuan.", "12.5 millioin", "12500000", None, "digits_scale"),
    ("About 3 thousand people.", "3 thousand", "3000", None, "digits_scale"),
    ("共投入6580万元", "6580万", "65800000", None, "cjk_scale"),
    ("资金2.4亿元", "2.4亿", "240000000", None, "cjk_scale"),
    ("nearly two million trees", "two million", "2000000", None, "words_scale"),
    ("seven clinics", "seven", "7", None, "words"),
    ("forty-two wells", "forty-two", "42", None, "words"),
    ("three hundred farmers", "three hundred", "300", None, "words"),
    ("a dozen of talks", "a dozen", "12", None, "fixed"),
    ("lanes 8-14 meters wide", "8-14", "8", "14", "range"),
    ("300-2,500 yuan a year", "300-2,500", "300", "2500", "range"),
    ("in 2003~2005", "2003~2005", "2003", "2005", "range"),
    ("between 2 and 4 and 4-6 million yuan", "4-6 million", "4000000", "6000000", "range"),
    ("four to six teams", "four to six", "4", "6", "range"),
    ("rose by3.5% in all", "3.5", "3.5", None, "digits"),
]


@pytest.mark.parametrize(("text", "matched", "value", "high", "rule"), CASES)
def test_it_reads_the_number(text: str, matched: str, value: str, high: str | None, rule: str) -> None:
    found = [n for n in find_numbers(text) if n.text == matched]
    assert found, [n.text for n in find_numbers(text)]
    n = found[0]
    assert format_decimal(n.value) == value
    assert (format_decimal(n.value_high) if n.value_high is not None else None) == high
    assert n.rule == rule
    assert text[n.start : n.end] == matched


def test_it_gives_qualifier_about_for_a_dozen() -> None:
    (n,) = find_numbers("a dozen visits")
    assert n.qualifier == "about"


def test_it_does_not_read_digits_after_a_full_stop_in_no_dot() -> None:
    assert [n.text for n in find_numbers("Document No.3 and No. 41")] == ["41"]


def test_it_reads_no_number_in_words_that_contain_number_words() -> None:
    assert find_numbers("someone often attends") == ()


@pytest.mark.parametrize(("value", "text"), [("1574000000", "1574000000"), ("7.010", "7.01"), ("0.5", "0.5")])
def test_format_decimal_never_uses_exponents(value: str, text: str) -> None:
    assert format_decimal(Decimal(value) * 1) == text


def test_it_reads_full_width_digits_beside_ascii_digits_and_words() -> None:
    found = [(n.text, n.value) for n in find_numbers("援助１２３万元, 5 projects and twelve schools")]
    assert found == [("１２３万", Decimal("1230000")), ("5", Decimal("5")), ("twelve", Decimal("12"))]
