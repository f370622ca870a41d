"""Enterprises settled so far in a Chinese sentence (gold-format.md F5): "园区已入驻企业56家", "已有12家企业入驻" count
a stock at a date, not the year's flow; the words are ``settled_stock`` of ``data/period_words.yaml``, read by
:func:`pairaid.core.extract.mention_periods_zh.chinese_periods`."""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.data_files import read_yaml
from pairaid.core.extract.regex_leads import led_pattern

__all__ = ["settled"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rule = read_yaml("period_words.yaml")["settled_stock"]
    before = led_pattern(re.compile(str(rule["before"])))
    return before, re.compile(str(rule["have_before"])), re.compile(str(rule["after"]))


def settled(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` counts firms settled so far: settled words before it ("已入驻企业"),
    or "已有" right before it and the settling after it ("已有12家企业入驻")."""
    before, have, after = _patterns()
    if before.search(text, max(sentence_start, start - 16), start):
        return True
    if have.search(text, max(sentence_start, start - 4), start) is None:
        return False
    return after.match(text[end : end + 16]) is not None  # (its ^ is the slice's start)
