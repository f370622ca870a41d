"""Lead look-aheads (pairaid.core.extract.regex_leads): which letters, and the same matches."""

from __future__ import annotations

import re

import pytest

from pairaid.core.extract.regex_leads import alternation, compile_led, first_chars, led


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
