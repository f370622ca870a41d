"""Report reading never raises on messy text, and its spans always index the text it was given.

Hypothesis draws texts from the characters and pieces that break number readers (huge
numbers, "10^30", "1,2,3", "..", a lone "%", "万万", empty 【】 sections, stray quotes);
small Chinese sentences check the Chinese units (万元, 亿元, 人次, 公顷, 亩, 公里).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pairaid.core.errors import InputError
from pairaid.core.extract import Extraction, read_report
from pairaid.core.numbers import find_numbers

_PIECES = st.sampled_from(
    [
        "10^30",
        "1,2,3",
        "..",
        "%",
        " % ",
        "万万",
        "【】",
        "【Overview】",
        "\n\n",
        "“",
        "”",
        '"',
        "(",
        ")",
        "1,000,000,000,000,000,000,000 yuan",
        "99999999999999999999999999999 million yuan",
        "0.0.0",
        "-",
        "–",
        "3-",
        "-5",
        "~",
        " to ",
        "ten thousand",
        "hundred million",
        "one hundred and",
        "person-times",
        "mu",
        "In 2010, ",
        "since 1996",
        "as of the end of 2009",
        "of which",
        "including",
        "respectively",
        "more than",
        "up 12.5% over 2009",
        "3.9 times that of 2010",
        "亿元",
        "人次",
        "公顷",
        "亩",
        "公里",
        "1200万元",
        "¥",
        "RMB",
        "Tel: 010-6500",
        "No. 32",
        "12th",
        "1.",
        " and ",
        ", ",
        "; ",
        ". ",
        "of them",
        "of whom",
        "Of the total, ",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _check(text: str, extraction: Extraction) -> None:
    for m in extraction.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.value.is_finite()
    for f in extraction.facts:
        assert 0 <= f.mention < len(extraction.mentions)
        assert f.part_of is None or 0 <= f.part_of < len(extraction.facts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_read_report_never_raises_and_spans_index_the_text(text: str) -> None:
    try:
        extraction = read_report(text, report_year=2010)
    except InputError:
        assert not text.strip()
        return
    _check(text, extraction)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_find_numbers_on_any_unicode(text: str) -> None:
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text
        assert n.value_high is None or n.value_high > n.value


def test_huge_numbers_keep_every_digit() -> None:
    (n,) = find_numbers("99999999999999999999999999999 million yuan")
    assert n.value == Decimal("99999999999999999999999999999000000")


def test_empty_sections_and_only_a_footer() -> None:
    text = "【Overview】\n【Education】\n\n地址:北京朝阳区太阳宫北街1号 邮编100028\n"
    extraction = read_report(text, report_year=2010)
    assert extraction.mentions == ()


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("2010年，投入援助资金1200万元。", "1200万元", "12000000", "CNY"),
        ("累计投入1.5亿元。", "1.5亿元", "150000000", "CNY"),
        ("培训农民3500人次。", "3500人次", "3500", "person_time"),
        ("新增耕地120公顷。", "120公顷", "120", "ha"),
        ("种植中药材2000亩。", "2000亩", "2000", "mu"),
        ("修建公路35.5公里。", "35.5公里", "35.5", "km"),
        ("帮助贫困户860户。", "860户", "860", "household"),
    ],
)
def test_chinese_units(sentence: str, text: str, value: str, unit: str) -> None:
    extraction = read_report(sentence, report_year=2010)
    (m,) = [m for m in extraction.mentions if m.unit != "count"]
    assert (m.text, m.value, m.unit) == (text, Decimal(value), unit)
    assert sentence[m.start : m.end] == text
