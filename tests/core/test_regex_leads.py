"""Lead look-aheads (pairaid.core.extract.regex_leads): which letters, and the same matches."""

from __future__ import annotations

import re

import pytest

from pairaid.core.extract.regex_leads import (
    alternation,
    compile_led,
    first_chars,
    led,
    led_pattern,
    opening_class,
    run_start,
)


@pytest.mark.parametrize(
    ("pattern", "chars"),
    [
        (r"\bwill\b", {"w"}),
        (r"\b(?:pledged|vowed)\s+to", {"p", "v"}),
        (r"\bby|\buntil\b", {"b", "u"}),
        (r"\b(?:as\s+of|(?:by|to))\s+the", {"a", "b", "t"}),
        (r"\bIn\s+[A-Z]", {"I"}),  # as written: the caller says whether case is ignored
        (r"will", {"w"}),
        (r"(?:\bNo|\]|〔)\s*$", {"N", "]", "〔"}),
        (r"\+|\btel\b", {"+", "t"}),
        (r"[;:]", None),
        (r"^\s*will", None),
        (r"(?i:will)", None),
        (r"\b(?:a|b)?c", None),  # the group may be skipped
        (r"\bs?ince", None),  # the first letter may be skipped
        (r"\b\w+ed\b", None),
        (r"\bby|\s+until", None),  # one branch without a lead
        (r"\bsince)", None),  # unbalanced: not read
    ],
)
def test_first_chars(pattern: str, chars: set[str] | None) -> None:
    assert first_chars(pattern) == chars


def test_led_wraps_branches_and_lowers_for_ignore_case() -> None:
    assert led(r"\bBy|\buntil", ignore_case=True) == r"(?=[bu])(?:\bBy|\buntil)"
    assert led(r"\bIn\s+X", ignore_case=False) == r"(?=[I])\bIn\s+X"
    assert led(r"[;:]", ignore_case=True) == r"[;:]"


@pytest.mark.parametrize(
    ("items", "unled"),
    [
        (["无偿[^,;。]{0,20}$"], True),  # a literal prefix: the regex engine scans for it itself
        (["(?:财政收入|预算收入)[^,;。]{0,12}$"], True),  # a set of first characters
        (["(?:地区生产总值|GDP)[^,;。]{0,12}$"], False),  # letters under re.I: no quick scan, so a lead
        (["培训", "讲座"], True),
        ([r"\bgrants?\b"], False),
    ],
)
def test_no_lead_where_the_engine_scans_itself(items: list[str], unled: bool) -> None:
    written = alternation(items, ignore_case=True)
    assert written.startswith("(?=") is not unled
    if len(items) == 1:
        assert (led(items[0], ignore_case=True) == items[0]) is unled
    text = "安和白山地区生产总值达32亿元,无偿援助资金800万元,新培训讲座,预算收入3亿元,grants of 5"
    assert [m.span() for m in re.finditer(written, text, re.I)] == [
        m.span() for m in re.finditer("|".join(f"(?:{p})" for p in items), text, re.I)
    ]
    assert led(r"\]|\bNo", ignore_case=True) == r"(?=[\]n])(?:\]|\bNo)"


def test_alternation_leads_only_when_every_item_has_letters() -> None:
    assert alternation([r"\bwill", r"\bplan"], ignore_case=True) == r"(?=[pw])(?:(?:\bwill)|(?:\bplan))"
    assert alternation([r"\bwill", r"\s+be"], ignore_case=True) == r"(?:\bwill)|(?:\s+be)"


TEXT = "Until 2010 it rose; by 2011, Tobyville stood by. [1] UNTIL the end, bygones stayed until 2012."


@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize(
    "pattern", [r"\b(?:by|until)\s+\d+", r"\bby\b|\buntil\b", r"\bUntil\b", r"(?:\]|;)\s*\w", r"\bbY\b|T\w+"]
)
def test_compile_led_finds_the_same_matches(pattern: str, flags: int) -> None:
    plain = [m.span() for m in re.finditer(pattern, TEXT, flags)]
    assert [m.span() for m in compile_led(pattern, flags).finditer(TEXT)] == plain
    assert plain  # the cases match something


ZH_TEXT = "自2016年以来,甲市5年累计投入3亿元;截至2019年底,共建成12所学校。近3年来,乙县(丙镇)新增就业1200人。"


@pytest.mark.parametrize(
    ("pattern", "opening"),
    [
        (r"(?:从|自)?((?:19|20)\d\d)\s*年", "[从自12]"),  # an optional group first: its characters and what follows
        (r"(?<![\d第])(\d{1,2}|[一二三])\s*年", r"[\d一二三]"),  # a look-behind is no character
        (r"近(\d)年", "[近]"),
        (r"(?:近)?\s*年", r"[近\s年]"),  # optional parts: each may open it
        (r"[^,]+年", None),  # a negated class: unknown
        (r"(?:近)?", None),  # matches nothing at all: no first character
    ],
)
def test_opening_class_holds_every_first_character(pattern: str, opening: str | None) -> None:
    found = opening_class(re.compile(pattern))
    assert (found.pattern if found is not None else None) == opening


def test_led_pattern_leads_only_patterns_the_engine_cannot_scan_for() -> None:
    assert led_pattern(re.compile(r"(?:从|自)?(20\d\d)年")).pattern == r"(?=[从自2])(?:(?:从|自)?(20\d\d)年)"
    assert led_pattern(re.compile(r"截至(20\d\d)年")).pattern == r"截至(20\d\d)年"  # a literal first: scanned
    assert led_pattern(re.compile(r"(?:截至|到)(20\d\d)年")).pattern == r"(?:截至|到)(20\d\d)年"  # branches of literals


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:从|自)?((?:19|20)\d\d)\s*年(?:[^,.;:!?。\d]{0,16}?以来)",
        r"(?<![\d第])(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年(?=[^,.;:!?。\d]{0,12}(?:\d|累计|共))",
        r"(?:这|过去)?(\d{1,3}|[一二两三])\s*(?:多|余)?\s*年(?:来|以来)",
        r"(?:截至|到)\s*((?:19|20)\d\d)\s*年(?:底|末)?|迄今",
    ],
)
def test_a_led_pattern_finds_the_same_matches_and_groups(pattern: str) -> None:
    plain = [(m.span(), m.groups()) for m in re.finditer(pattern, ZH_TEXT)]
    assert [(m.span(), m.groups()) for m in led_pattern(re.compile(pattern)).finditer(ZH_TEXT)] == plain
    assert plain


@pytest.mark.parametrize(
    ("pattern", "reach", "letters"),
    [
        (r"\b(?:in|at|throughout)\s+$", len("throughout"), ""),
        (r"(?:^|[,;:])\s*(?:the\s+)?$", 1, "the"),
    ],
)
def test_a_search_from_run_start_finds_what_one_from_the_start_finds(pattern: str, reach: int, letters: str) -> None:
    compiled = re.compile(pattern, re.I)
    text = "Trade grew in  Anle, the Baishan mills; throughout   the west Heping,  the\tDongfeng in"
    for end in range(len(text) + 1):
        whole = compiled.search(text, 0, end) is not None
        assert (compiled.search(text, run_start(text, end, reach, letters), end) is not None) == whole, end


def test_run_start_goes_back_over_white_space_and_the_letters_given() -> None:
    assert run_start("aid to  ", 8) == 6
    assert run_start("aid to  ", 8, 2) == 4
    assert run_start(", the ", 6, 1, "the") == 0
    assert run_start("  ", 2, 5) == 0
