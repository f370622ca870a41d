"""The year a Chinese page's figures are of when they name no period of their own (gold-format.md F5, Z6), read by
:mod:`~pairaid.core.extract.mention_periods_zh`: the year before the report year for a work report on "the past year"
delivered early in the report year (:func:`reviewed_year`), or for a page whose report text opens on that year
(:func:`opening_year`); or the years of the plan period its title sums up ("“十三五”成效综述": 2016-2020,
:func:`title_plan_years`).  The words are ``past_year_review``, ``review_date``, ``source_lead`` and
``plan_summary_titles`` of ``data/period_words.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Protocol

from pairaid.core.chinese_numbers import numeral_value
from pairaid.core.data_files import read_yaml
from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.sections import title_line

__all__ = ["opening_year", "reviewed_year", "source_lead", "title_plan_years"]


class _Opening(Protocol):
    """A period phrase of a sentence, as :mod:`~pairaid.core.extract.mention_periods_zh` reads it."""

    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def first(self) -> int: ...
    @property
    def opens(self) -> bool: ...


@cache
def _raw() -> Any:
    return read_yaml("period_words.yaml")


@cache
def _review_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = _raw()
    heading = re.compile(str(raw["past_year_heading"]["pattern"]))
    return re.compile(str(raw["review_date"])), re.compile(str(raw["past_year_review"])), heading


@cache
def source_lead() -> re.Pattern[str]:
    """A reporter's lead before the report text ("记者从…获悉,"): ``source_lead`` of ``period_words.yaml``."""
    return re.compile(str(_raw()["source_lead"]))


_OPENING = 300  # the opening lines of a page, where a work report gives the date it was delivered


def reviewed_year(text: str, report_year: int) -> int:
    """The year a page's figures are of: the year before ``report_year`` for a work report delivered early
    in ``report_year`` on "the past year" (``past_year_review`` and ``review_date`` of ``period_words.yaml``), or
    that heads its review with the year before ("一、2030年工作回顾": ``past_year_heading``),
    else ``report_year``."""
    review_date, past_year_review, heading = _review_words()
    dated = review_date.search(text, 0, _OPENING)
    if dated is None or int(dated.group(1)) != report_year:
        return report_year
    # ("一、2030年工作回顾": a heading of the review of the year before, ``past_year_heading``)
    if past_year_review.search(text) is None and not any(
        int(m.group(1)) == report_year - 1 for m in heading.finditer(text)
    ):
        return report_year
    return report_year - 1


_CLAUSE_AFTER = re.compile(r"\s*,")


def opening_year(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    phrases: Mapping[int, Sequence[_Opening]],
    report_year: int,
) -> int:
    """The year a page's figures with no period of their own are of: the year before ``report_year`` when the
    first sentence of its report text holding a figure (below its title) opens on that year as a clause of its
    own ("2019年,甲省向乙省投入…", "记者从…获悉,2019年,…": ``source_lead`` of ``period_words.yaml``), a page
    published early in a year on the year before; else ``report_year``."""
    title = title_line(text)
    below = title[1] if title is not None else 0
    first = next((m.sentence for m in mentions if m.start >= below and sentences[m.sentence].lang == "zh"), None)
    if first is None or not phrases.get(first):
        return report_year
    phrase = phrases[first][0]
    if phrase.kind != "in_year" or phrase.first != report_year - 1 or not _CLAUSE_AFTER.match(text, phrase.end):
        return report_year
    lead = text[sentences[first].start : phrase.start]
    if not (phrase.opens or source_lead().search(lead)):
        return report_year
    return phrase.first


_TITLE_LINES = 6  # the opening lines a page's title may stand on, below its navigation and site lines


def title_plan_years(text: str, report_year: int) -> tuple[int, int] | None:
    """The first and last year of the plan period a page's title sums up ("“十三五”成效综述", "“十二五”援疆工作回顾":
    ``plan_summary_titles``), when it has ended by the report year; else ``None``."""
    summary = re.compile(str(_raw()["plan_summary_titles"]))
    for line in [line for line in text[:_OPENING].split("\n") if line.strip()][:_TITLE_LINES]:
        found = summary.search(line) if "。" not in line else None
        if found is not None and (nth := numeral_value(found.group(1))) is not None:
            start = 1981 + 5 * (int(nth) - 6)  # the sixth plan was 1981-1985
            return (start, start + 4) if start + 4 <= report_year else None
    return None
