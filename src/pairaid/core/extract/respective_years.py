"""Figures given "respectively" for a list of years (F5): "The amounts for 2029, 2030 and 2031 were 3, 4 and 5 million
yuan respectively" makes each figure a fact of its year, in order, when the sentence lists as many figures of one unit
after the years as it lists years."""

from __future__ import annotations

import re

from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.regex_leads import led_pattern

__all__ = ["respective_years"]

_YEAR = r"(?:19|20)\d\d"
# "2029, 2030 and 2031", "2030 and 2031": two or more years joined by commas and a final "and"
_YEAR_LIST = re.compile(rf"\b{_YEAR}(?:\s*,\s*{_YEAR})*\s*,?\s+and\s+{_YEAR}\b")
_RESPECTIVELY = led_pattern(re.compile(r"\brespectively\b", re.I))


def respective_years(text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]) -> dict[int, Period]:
    """``{mention index: the year's period}`` of the figures given "respectively" for a list of years before them."""
    out: dict[int, Period] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(i)
    for k, idxs in by_sentence.items():
        s = sentences[k]
        if len(idxs) < 2 or not _RESPECTIVELY.search(text, s.start, s.end):
            continue
        listed = _YEAR_LIST.search(text, s.start, s.end)
        if listed is None:
            continue
        years = [int(y) for y in re.findall(_YEAR, listed.group(0))]
        figures = [i for i in idxs if mentions[i].start >= listed.end()]
        if len(figures) == len(years) and len({mentions[i].unit for i in figures}) == 1:
            for i, year in zip(figures, years, strict=True):
                out[i] = Period("year", year=year, rule="respective_years")
    return out
