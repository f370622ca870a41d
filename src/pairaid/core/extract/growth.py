"""Step: growth rates (gold-format.md F6), read by the ``growth`` rules of ``data/rules/<lang>/growth.yaml``.

* ``growth.rate``: a percentage after "up", "rose", "growth of" ... is the change of the bound figure
  before it in its sentence, with the base year written after it ("up 28.2% over 2008"); in a run of
  rates ("respectively up a%, b% ... compared with 2008") each goes to its figure, and a later rate
  without a base year takes the last one written;
* ``growth.multiplier``: "3.9 times that of 2010" is a change of 290% on the figure before it.

A language whose base year stands before the rate (Chinese "比2010年增长83.5%") names it in the rate
rule's pattern ``base_before``; one that says "over the year before" (``同比``, ``较上年``) in
``previous_year``, which gives the year before the figure's period.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from pairaid.core.errors import CodelistError
from pairaid.core.extract.model import Context, Mention, Period, Sentence
from pairaid.core.extract.rule_anchors import prescreened
from pairaid.core.extract.rules import Rule, rule_set

__all__ = ["PriorValue", "Rate", "find_rates", "prior_values"]


@dataclass(frozen=True)
class Rate:
    """A growth rate for the figure ``mention``: percent change, base year (``None`` if not stated), rule id."""

    mention: int
    percent: Decimal
    base_year: int | None
    rule: str


@dataclass(frozen=True)
class PriorValue:
    """A figure given for an earlier ``year`` beside the figure ``compared`` (an index of the mentions, or
    ``None`` when its sentence has no figure of its unit before it) it is compared with (F5); ``end`` is where
    its own words end (its year after it: "against 29 million yuan in 2011"), ``rule`` the rule's id."""

    mention: int
    compared: int | None
    year: int
    end: int
    rule: str


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _prior_rule(lang: str) -> Rule | None:
    try:
        return rule_set(lang).link_rule("prior_value")
    except CodelistError:  # a language without the rule reads its earlier years elsewhere (mention_periods_zh)
        return None


@cache
def _prior_tail(lang: str) -> re.Pattern[str] | None:
    """The rule's optional ``tail`` pattern: what the words right before an earlier year's figure end with
    ("的" in Chinese), tested on their last eight characters before the other patterns run (speed)."""
    rule = _prior_rule(lang)
    try:
        return rule.pattern("tail") if rule is not None else None
    except CodelistError:
        return None


@cache
def _bracketed(lang: str) -> Callable[[str], re.Match[str] | None]:
    """The search of the rule's ``bracketed`` pattern, tried only where its year's digits stand (speed)."""
    rule = _prior_rule(lang)
    assert rule is not None  # asked only for a language with the rule
    return prescreened(rule.pattern("bracketed"))


# a sentence that opens on the figure before it ("That was up from N in 2018")
_ANAPHOR = re.compile(
    r"\W*(?:that|this|it|the\s+(?:figure|amount|number)|the\s+(sum|total))\s+(?:was|is|were|marked)\b", re.I
)


_TO_LEVEL = re.compile(r"\s+to\s+(?:(?:about|some|nearly|almost|over|around)\s+)?$")


def prior_values(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], report_year: int | None = None
) -> dict[int, PriorValue]:
    """The figures given for an earlier year, by mention, read by the ``prior_value`` rule of their
    sentence's language: "11% more than in 2011 (61 million yuan)" (pattern ``bracketed``), "against
    29 million yuan in 2011" (``lead`` before the figure, ``year_after`` after it); "against N a year
    earlier" and "over the previous year's N" are of the year before the last one the sentence names, else
    of the year before ``report_year``."""
    out: dict[int, PriorValue] = {}
    for i, m in enumerate(mentions):
        if m.unit == "percent":
            continue
        sent = sentences[m.sentence]
        rule = _prior_rule(sent.lang)
        if rule is None:
            continue
        lead = text[max(sent.start, m.start - 60) : m.start]
        tail = _prior_tail(sent.lang)
        if tail is not None and not tail.search(lead, max(0, len(lead) - 8)):
            continue
        found = _bracketed(sent.lang)(lead)
        year, end = (int(found.group("year")), m.end) if found is not None else (None, m.end)
        led = rule.pattern("lead").search(lead) if year is None else None
        if led is not None:
            after = rule.pattern("year_after").match(text[m.end : min(sent.end, m.end + 45)])
            back = after is not None and "back" in after.groupdict() and after.group("back")
            if after is not None and after.group("year"):
                year, end = int(after.group("year")), m.end + after.end()
            elif back or ("prev" in led.groupdict() and led.group("prev")):
                named = _YEARS.findall(text, sent.start, m.start)  # "in 2018, against N a year earlier"
                before = int(named[-1]) if named else report_year
                year = before - 1 if before is not None else None
                end = m.end + after.end() if after is not None and back else m.end
        if year is None:
            continue
        compared = next(
            (j for j in range(i - 1, -1, -1) if mentions[j].sentence == m.sentence and mentions[j].unit == m.unit),
            None,
        )
        if (
            i + 1 < len(mentions)
            and mentions[i + 1].sentence == m.sentence
            and mentions[i + 1].unit == m.unit
            and _TO_LEVEL.match(text, end, mentions[i + 1].start)
        ):
            compared = i + 1  # "rose from M in 2018 to N": the new level after it
        if compared is None and m.sentence > 0 and (anaphor := _ANAPHOR.match(text, sent.start)) is not None:
            # "A gave N. That was up from M in 2018": the last figure of the sentence before, of the same unit;
            # "The sum was ... (M)": its first, the whole its parts follow
            same = [j for j in range(i) if mentions[j].sentence == m.sentence - 1 and mentions[j].unit == m.unit]
            if same:
                compared = same[0] if anaphor.group(1) else same[-1]
        out[i] = PriorValue(i, compared, year, end, rule.id)
    return out


def find_rates(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    contexts: tuple[Context, ...],
    bound: set[int],
    periods: tuple[Period, ...] = (),
) -> tuple[Rate, ...]:
    """Growth rates of the ``bound`` mentions (rules in the module docstring); ``periods`` are the
    mentions' periods, for a base year said as "the year before"."""
    rates: list[Rate] = []
    last_base: int | None = None
    i = 0
    while i < len(mentions):
        m = mentions[i]
        rate = rule_set(sentences[m.sentence].lang if sentences else "en").link_rule("rate")
        rate_left, base_year_pat, respectively_pat = (
            rate.pattern("rate_left"),
            rate.pattern("base_year"),
            rate.pattern("respectively"),
        )
        if m.unit != "percent" or not rate_left.search(contexts[i].left + " " + _left_words(text, m, 25)):
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(mentions):
            nxt = mentions[run[-1] + 1]
            if nxt.unit != "percent" or nxt.sentence != m.sentence:
                break
            run.append(run[-1] + 1)
        tail = text[mentions[run[-1]].end : mentions[run[-1]].end + 80]
        base = base_year_pat.match(tail)
        figures = [j for j in range(i - 1, -1, -1) if mentions[j].sentence == m.sentence and j in bound]
        said = _base_before(rate, text, m, figures[0] if figures else None, periods)
        base_year = int(base.group("year")) if base is not None else said if said is not None else last_base
        if base is not None or said is not None:
            last_base = base_year
        respectively = respectively_pat.search(text, max(0, m.start - 40), m.start) is not None
        targets = sorted(figures[: len(run)]) if respectively and len(run) > 1 else figures[:1]
        for pct_idx, fig in zip(run, targets, strict=False):
            rates.append(Rate(fig, mentions[pct_idx].value, base_year, rate.id))
        i = run[-1] + 1
    for lang in sorted({s.lang for s in sentences} or {"en"}):
        multiplier = rule_set(lang).link_rule("multiplier")
        for mm in multiplier.pattern("multiplier").finditer(text):
            before = [j for j, x in enumerate(mentions) if x.end <= mm.start() and j in bound]
            if before and (not sentences or sentences[mentions[before[-1]].sentence].lang == lang):
                j = before[-1]
                if text.count(".", mentions[j].end, mm.start()) == 0 and "。" not in text[mentions[j].end : mm.start()]:
                    times = _times(mm.group("n"))
                    since = _multiplier_base(mm, j, periods)
                    if times is not None and since is not None and all(r.mention != j for r in rates):
                        # a figure whose rate was written first keeps it ("同比增长10%,是2015年的3倍")
                        rates.append(Rate(j, (times - 1) * 100, since, multiplier.id))
    return tuple(rates)


def _times(n: str) -> Decimal | None:
    """The multiplier ``n`` written in digits ("2.5") or in a Chinese numeral ("两")."""
    if n[:1].isdigit():
        return Decimal(n)
    from pairaid.core.chinese_numbers import numeral_value

    return numeral_value(n)


def _multiplier_base(mm: re.Match[str], figure: int, periods: tuple[Period, ...]) -> int | None:
    """The year a multiplier compares with: the one written ("是2010年的"), else, for "the year before"
    ("是上年的", group ``prev`` of the pattern), the year before the figure's period."""
    groups = mm.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if not groups.get("prev") or figure >= len(periods):
        return None
    period = periods[figure]
    year = period.year if period.kind != "cumulative" else period.end_year
    return year - 1 if year is not None else None


def _base_before(rate: Rule, text: str, m: Mention, figure: int | None, periods: tuple[Period, ...]) -> int | None:
    """The base year written before the rate ("比2010年增长"), or the year before the figure's period
    ("同比增长"), by the rate rule's patterns ``base_before`` and ``previous_year`` when it has them."""
    names = {name for name, _ in rate.patterns}
    lead = text[max(0, m.start - 40) : m.start]
    if "base_before" in names:
        found = rate.pattern("base_before").search(lead)
        if found is not None:
            return int(found.group("year"))
    said = "previous_year" in names and rate.pattern("previous_year").search(lead) is not None
    if said and figure is not None and figure < len(periods):
        period = periods[figure]
        year = period.year if period.kind != "cumulative" else period.end_year
        return year - 1 if year is not None else None
    return None


def _left_words(text: str, m: Mention, width: int) -> str:
    return text[max(0, m.start - width) : m.start]
