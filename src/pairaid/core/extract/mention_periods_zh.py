"""Periods of figures in Chinese sentences (gold-format.md F5, Z6), from ``data/period_words.yaml``.

For each figure, the first that applies:

1. a period phrase before it in its sentence (the nearest; one right after ``其中`` governs
   its own clause only): ``2026至2030年`` and ``2018年、2019年`` are cumulative between the
   years, ``2017年以来`` from the year to the report year, ``截至2019年底`` a stock at the end
   of 2019 (or cumulative from the pairing's start year when the page states it, or from the year of a
   ``以来`` right before it when the figure is summed: ``2010年以来,截至2019年底,累计``), ``十三五``
   2016-2020 (``十四五以来`` from 2021 to the report year), ``今年`` the report year, ``去年`` the
   year before (before the year the page states it was published in, where it does: ``published_zh``),
   ``16年来`` the span of 16 years the page states (a plan period it names counts: "十三五…五年来" is
   2016-2020; else the 16 years to the report year), ``近3年`` the last three years,
   ``结对以来`` from the pairing's start year, ``每年`` the report year; but ``已完工`` right before
   it is a stock as of the report year;
2. ``目前``/``如今`` with ``有`` or ``在…工作的…共``, and ``现有`` (a stock: as of the report year),
   ``如今 ... 已`` (done so far: from the pairing's start year, when known);
3. a phrase that opened an earlier sentence of its paragraph (at its start, or after a topic lead:
   ``产业协作方面,``); a stock it states (``截至2021年底``) is the year's flow for a figure with its
   change on the year before (``同比增长``), and for one whose sentence says nothing of a stock or a sum
   before it (``carried_stock``: ``已``, ``达到``, ``累计``: "白山有800人赴安和务工" is that year's work);
4. a word that sums over a period (``累计``, ``共``, ``先后``, ``还``) before it in its sentence:
   the last cumulative period the page opened before it, else from the pairing's start year; but
   the report year when the page spoke of this year (``今年以来``) after that period and before it;
5. the report year, or the year before it when the page's report text opens on that year as a clause of its
   own ("2019年,…", "记者…获悉,2019年,…": :func:`~pairaid.core.extract.review_year_zh.opening_year`), a news
   page published early in a year.

The report year is the year before for a work report delivered early in the year on "the past year"
(:func:`~pairaid.core.extract.review_year_zh.reviewed_year`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pairaid.core.chinese_numbers import numeral_value
from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.period_context_zh import bracketed_span, clause_opening, listed_after, ordinal_starts, sum_cue
from pairaid.core.extract.regex_leads import led_pattern
from pairaid.core.extract.review_year_zh import opening_year, reviewed_year, source_lead, title_plan_years
from pairaid.core.extract.settled_zh import settled
from pairaid.core.extract.that_year_zh import that_year
from pairaid.core.records import quick_init

__all__ = ["chinese_periods"]

_CLAUSE = re.compile(r"[,;:!?。]")


@dataclass(frozen=True)
class _Words:
    phrases: tuple[tuple[str, str, re.Pattern[str]], ...]
    base_before: re.Pattern[str]
    parenthetical_before: re.Pattern[str]
    topic_before: re.Pattern[str]
    plan_since_after: re.Pattern[str]
    flow_after: re.Pattern[str]
    now_stock: re.Pattern[str]
    now_at_post: re.Pattern[str]
    at_post_before: re.Pattern[str]
    now_done: re.Pattern[str]
    completed_before: re.Pattern[str]
    cumulative: re.Pattern[str]
    since_start: re.Pattern[str]
    pairing_start: tuple[re.Pattern[str], ...]
    carried_stock: re.Pattern[str]


@quick_init
@dataclass(frozen=True)
class _Phrase:
    kind: str
    start: int
    end: int
    first: int  # a year, or a number of years
    last: int | None  # the end year of a span
    opens: bool  # opens its sentence
    clause_only: bool  # right after 其中: governs its own clause


@cache
def _words() -> _Words:
    raw: Any = yaml.safe_load(resources.files("pairaid.core.data").joinpath("period_words.yaml").read_text("utf-8"))
    return _Words(
        phrases=tuple(
            (str(p["id"]), str(p["kind"]), led_pattern(re.compile(str(p["pattern"])))) for p in raw["phrases"]
        ),
        base_before=led_pattern(re.compile(str(raw["base_before"]))),
        parenthetical_before=led_pattern(re.compile(str(raw["parenthetical_before"]))),
        topic_before=re.compile(str(raw["topic_before"])),
        plan_since_after=re.compile(str(raw["plan_since_after"])),
        flow_after=re.compile(str(raw["flow_after"])),
        now_stock=led_pattern(re.compile(str(raw["now_stock"]))),
        now_at_post=re.compile(str(raw["now_at_post"])),
        at_post_before=re.compile(str(raw["at_post_before"])),
        now_done=led_pattern(re.compile(str(raw["now_done"]))),
        completed_before=led_pattern(re.compile(str(raw["completed_before"]))),
        cumulative=led_pattern(re.compile(str(raw["cumulative_cues"]))),
        since_start=re.compile(str(raw["since_start_cues"])),
        pairing_start=tuple(led_pattern(re.compile(str(p))) for p in raw["pairing_start"]),
        carried_stock=re.compile(str(raw["carried_stock"])),
    )


def _number(raw: str) -> int:
    value = numeral_value(raw)
    return int(value) if value is not None else 0


def _phrases(text: str, sentences: tuple[Sentence, ...]) -> dict[int, list[_Phrase]]:
    """The period phrases of each Chinese sentence, by sentence index: each pattern is run once over
    the text, and a phrase overlapping one of an earlier pattern in the same sentence is dropped."""
    w = _words()
    chinese = [k for k, s in enumerate(sentences) if s.lang == "zh"]
    starts = [sentences[k].start for k in chinese]
    found: dict[int, list[_Phrase]] = {k: [] for k in chinese}
    if not chinese:
        return found
    lo, hi = sentences[chinese[0]].start, sentences[chinese[-1]].end
    for _, kind, pattern in w.phrases:
        for m in pattern.finditer(text, lo, hi):
            j = bisect.bisect_right(starts, m.start()) - 1
            if j < 0 or m.end() > sentences[chinese[j]].end:
                continue
            k = chinese[j]
            sentence = sentences[k]
            if any(p.start < m.end() and m.start() < p.end for p in found[k]):
                continue
            if kind in ("in_year", "last_year") and w.base_before.search(
                text, max(sentence.start, m.start() - 4), m.start()
            ):
                continue  # "比2010年增长", "比去年增长": a base year
            groups = [g for g in m.groups() if g]
            if kind in ("span", "since", "as_of", "in_year"):
                first, last = int(groups[0]), int(groups[-1]) if kind == "span" else None
                if kind == "span" and (last is None or last <= first):
                    continue
            elif kind in ("years", "recent"):
                first, last = _number(groups[0]), None
                if not 0 < first < 100:
                    continue
            elif kind == "plan_period":
                first, last = _number(groups[0]), None
                if w.plan_since_after.match(text[m.end() : m.end() + 4]):  # "十四五以来": since its first year
                    kind, first = "since", _plan_years(first)[0]
            else:
                first, last = 0, None
            lead = text[sentence.start : m.start()]
            # (after a topic lead, "产业方面,", or a reporter's, "记者…获悉,", it opens its sentence too)
            opens = m.start() - sentence.start <= 6 or len(lead.strip(" ,")) <= 2
            opens = opens or bool(w.topic_before.search(lead) or source_lead().search(lead))
            clause_only = bool(w.parenthetical_before.search(text, max(sentence.start, m.start() - 6), m.start()))
            # "其中2017年N元、2018年M元": each year listed in the clause after 其中 governs that clause only
            clause_only = clause_only or any(
                p.clause_only and p.end <= m.start() and not _CLAUSE.search(text, p.end, m.start()) for p in found[k]
            )
            found[k].append(_Phrase(kind, m.start(), m.end(), first, last, opens, clause_only))
    for phrases in found.values():
        phrases.sort(key=lambda p: p.start)
    that_year(found, sentences)
    return found


# the kinds of phrase that a clause's opening carries over ";" (sums over years and stocks)
_SUMS = frozenset({"span", "since", "plan_period", "years", "recent", "since_pairing", "as_of", "now"})


def _pairing_start(text: str, report_year: int) -> int | None:
    years = [int(m.group(1)) for p in _words().pairing_start for m in p.finditer(text)]
    years = [y for y in years if y < report_year] + ordinal_starts(text, report_year)
    return min(years) if years else None


def _spans(phrases: dict[int, list[_Phrase]], report_year: int, start_year: int | None) -> list[tuple[int, int]]:
    """The spans of years the page states: "2012年—2015年", "1996年以来" (to the report year), the
    year its pairing began and the plan periods it names ("十三五": 2016-2020); "N年来" takes the one
    that lasts N years (counted either way)."""
    every = [p for ps in phrases.values() for p in ps]
    spans = [(p.first, p.last) for p in every if p.kind == "span" and p.last is not None]
    spans += [(p.first, report_year) for p in every if p.kind == "since" and p.first < report_year]
    if start_year is not None:
        spans.append((start_year, report_year))
    spans += [_plan_years(p.first) for p in every if p.kind == "plan_period"]
    return spans


def _plan_years(nth: int) -> tuple[int, int]:
    """The years of the Nth five-year plan: 1981-1985 was the sixth."""
    start = 1981 + 5 * (nth - 6)
    return start, start + 4


def _period(
    phrase: _Phrase,
    report_year: int,
    start_year: int | None,
    spans: list[tuple[int, int]],
    summed: bool = True,
    whole_year: int | None = None,
    published: int | None = None,
) -> Period:
    """The period ``phrase`` gives a figure; ``summed``: the figure's clause sums it ("累计", "共"), so that
    "截至2009年底" after a pairing's start is a sum since that start, not a stock; ``whole_year``: the year "全年"
    means (:func:`~pairaid.core.extract.review_year_zh.opening_year`), else the report year."""
    kind = phrase.kind
    if kind == "span" and phrase.last is not None:
        return Period("cumulative", start_year=phrase.first, end_year=phrase.last, rule="zh:span")
    if kind == "since":
        if phrase.first >= report_year:
            return Period("year", year=report_year, rule="zh:since")
        return Period("cumulative", start_year=phrase.first, end_year=report_year, rule="zh:since")
    if kind == "as_of":
        if summed and start_year is not None and start_year < phrase.first:
            return Period("cumulative", start_year=start_year, end_year=phrase.first, rule="zh:as_of+pairing_start")
        return Period("as_of", year=phrase.first, rule="zh:as_of")
    if kind == "now":
        return Period("as_of", year=report_year, rule="zh:now")
    if kind == "plan_period":
        start, end = _plan_years(phrase.first)
        return Period("cumulative", start_year=start, end_year=end, rule="zh:plan_period")
    if kind in ("this_year", "every_year"):
        return Period("year", year=report_year, rule="zh:this_year")
    if kind == "whole_year":
        return Period("year", year=whole_year or report_year, rule="zh:whole_year")
    if kind == "last_year":
        return Period("year", year=(published or report_year) - 1, rule="zh:last_year")
    if kind == "years":
        n = phrase.first
        stated = next(((a, b) for a, b in spans if b - a + 1 == n or b - a == n), None)
        if stated is not None:
            return Period("cumulative", start_year=stated[0], end_year=stated[1], rule="zh:years+span")
        return Period("cumulative", start_year=report_year - n, end_year=report_year, rule="zh:years")
    if kind == "recent":
        return Period("cumulative", start_year=report_year - phrase.first + 1, end_year=report_year, rule="zh:recent")
    if kind == "since_pairing":
        if start_year is not None:
            return Period("cumulative", start_year=start_year, end_year=report_year, rule="zh:since_pairing")
        return Period("year", year=report_year, rule="zh:since_pairing")
    return Period("year", year=phrase.first, rule="zh:in_year")


def chinese_periods(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    report_year: int,
    *,
    published: int | None = None,
) -> dict[int, Period]:
    """The period of each mention in a Chinese sentence, by its index (rules in the module docstring); last year
    (去年, 上年) is the year before the one the page was ``published`` in where it states it (a page of January 2025
    on 2024: 2024), else the year before the report year.  This year (今年) stays the report year: a page published
    early in a year on the year before writes 今年 of the year it reports on."""
    w = _words()
    wanted = [i for i, m in enumerate(mentions) if sentences[m.sentence].lang == "zh"]
    if not wanted:
        return {}
    report_year = reviewed_year(text, report_year)
    phrases = _phrases(text, sentences)
    start_year = _pairing_start(text, report_year)
    spans = _spans(phrases, report_year, start_year)
    default_year = opening_year(text, sentences, mentions, phrases, report_year)
    frame = title_plan_years(text, report_year)  # "“十三五”成效综述": what names no period is of the plan's years
    # the phrases that open a sentence, carried to the next sentences of the same paragraph
    carried: dict[int, _Phrase | None] = {}
    state: _Phrase | None = None
    semi: _Phrase | None = None  # a phrase opening a clause, carried over ";" to the end of its sentence
    paragraph = -1
    cumulative_at: list[tuple[int, _Phrase]] = []  # cumulative phrases of the page, by offset
    this_year_at: list[int] = []  # where the page speaks of this year ("今年以来"), by offset
    for k, s in enumerate(sentences):
        if s.paragraph != paragraph:
            state, semi, paragraph = None, None, s.paragraph
        carried[k] = semi or state
        for p in phrases.get(k, ()):
            if p.opens:
                state, semi = p, None
            elif p.kind in _SUMS and clause_opening(text, s.start, p.start):
                semi = p
            if p.kind in ("span", "since", "plan_period", "years", "recent", "since_pairing"):
                cumulative_at.append((p.start, p))
            elif p.kind in ("this_year", "whole_year"):
                this_year_at.append(p.start)
        if not text[s.start : s.end].rstrip().endswith(";"):
            semi = None
    starts = [a for a, _ in cumulative_at]
    figure_starts = [m.start for m in mentions]
    out: dict[int, Period] = {}
    for i in wanted:
        m = mentions[i]
        sent = sentences[m.sentence]
        before = [p for p in phrases.get(m.sentence, ()) if p.end <= m.start]
        if before and before[-1].clause_only:
            clause_start = max((c.end() for c in _CLAUSE.finditer(text, sent.start, m.start)), default=sent.start)
            while before and before[-1].clause_only and before[-1].start < clause_start:
                before.pop()  # "其中,2031年度投入...": its clause is over
        cumulative = sum_cue(text, sent.start, m.start, figure_starts, w.cumulative)  # "累计", "共" before it
        summed = start_year is not None and cumulative
        if (span := bracketed_span(text, m.end)) is not None:  # "18亿元(2029—2031年)"
            out[i] = Period("cumulative", start_year=span[0], end_year=span[1], rule="zh:bracketed_span")
        elif w.completed_before.search(text, max(sent.start, m.start - 6), m.start):
            out[i] = Period("as_of", year=report_year, rule="zh:completed")
        elif settled(text, sent.start, m.start, m.end):
            # "2031年,园区已入驻企业56家": firms settled so far, a stock as of the year its sentence names
            dated = [p for p in before if p.kind in ("in_year", "as_of")]
            year = dated[-1].first if dated else report_year
            out[i] = Period("as_of", year=year, rule="zh:settled_stock")
        elif before and (since := _since_before_as_of(before)) is not None and cumulative:
            # "2010年新一轮援助以来,截至2022年底,甲市累计投入…": summed from the first year to the end of the second
            out[i] = Period("cumulative", start_year=since, end_year=before[-1].first, rule="zh:since+as_of")
        elif before:
            out[i] = _period(before[-1], report_year, start_year, spans, summed, default_year, published)
        elif (when := _dated_after(text, phrases.get(m.sentence, ()), m)) is not None:
            out[i] = Period("year", year=when.first, rule="zh:in_year_after")  # "干部26名于2029年7月进藏"
        elif w.now_stock.search(text, sent.start, m.start) or _now_at_post(text, sent.start, m, w):
            out[i] = Period("as_of", year=report_year, rule="zh:now_stock")
        elif w.now_done.search(text, sent.start, m.start) and start_year is not None:
            out[i] = Period("cumulative", start_year=start_year, end_year=report_year, rule="zh:now_done")
        elif carried.get(m.sentence) is not None:
            phrase = carried[m.sentence]
            assert phrase is not None
            # the stock words of its whole sentence, back over a ";" ("已开工卫生室20个;…修建村道75公里")
            back = max(0, sent.start - 200)
            whole = max(text.rfind("。", back, m.start), text.rfind("\n", back, m.start), back - 1) + 1
            # "截至2031年底,累计签订…;兴办企业25家": the sum of its sentence runs on over ";"
            summed = summed or (
                phrase.start >= whole and start_year is not None and bool(w.cumulative.search(text, whole, m.start))
            )
            flow = not (summed or w.carried_stock.search(text, min(whole, sent.start), m.start))
            if phrase.kind in ("as_of", "now") and (flow or w.flow_after.match(text[m.end : sent.end])):
                # "…2亿元,同比增长15%", "白山有800人赴安和务工" after "截至2019年底,…。" or "年末…。": a flow
                year = phrase.first if phrase.kind == "as_of" else default_year
                out[i] = Period("year", year=year, rule="zh:as_of+flow")
            else:
                out[i] = _period(phrase, report_year, start_year, spans, summed, default_year, published)
        elif cumulative:
            k = bisect.bisect_left(starts, m.start) - 1
            latest_year = bisect.bisect_left(this_year_at, m.start) - 1
            # (not where its sentence says the sum runs since the start, 累计, and this year was spoken of before it)
            spoken = this_year_at[latest_year] if latest_year >= 0 else -1
            since_start = spoken < sent.start and w.since_start.search(text, sent.start, m.start)
            if spoken > (starts[k] if k >= 0 else -1) and not since_start:
                # "今年以来…;甲市还选派…": this year's, not the sum since a start the page named earlier
                out[i] = Period("year", year=report_year, rule="zh:this_year+cumulative")
            elif k >= 0:
                out[i] = _period(cumulative_at[k][1], report_year, start_year, spans)
            elif start_year is not None:
                out[i] = Period("cumulative", start_year=start_year, end_year=report_year, rule="zh:cumulative")
            else:
                out[i] = _default_period(default_year, report_year, frame)
        else:
            out[i] = _default_period(default_year, report_year, frame)
        if out[i].rule == "report_year" and listed_after(text, mentions, i, out.get(i - 1)):
            out[i] = out[i - 1]  # "目前,甲市在乙县挂职干部96名,专业技术人才740名"
    return out


def _now_at_post(text: str, start: int, m: Mention, w: _Words) -> bool:
    """Whether a figure counts people at their posts now: "在乙县履职" after it, ``at_post_before`` before it."""
    if not w.now_at_post.match(text, m.end):
        return False
    clause = max((c.end() for c in _CLAUSE.finditer(text, start, m.start)), default=start)
    return w.at_post_before.match(text, clause, m.start) is not None


_WHEN_AFTER = re.compile(r"\s*于\s*$")


def _dated_after(text: str, phrases: Sequence[_Phrase], m: Mention) -> _Phrase | None:
    """The year right after a figure that says when it happened ("干部26名于2029年7月进藏"), else ``None``."""
    return next(
        (p for p in phrases if p.kind == "in_year" and p.start > m.end and _WHEN_AFTER.fullmatch(text, m.end, p.start)),
        None,
    )


def _since_before_as_of(before: list[_Phrase]) -> int | None:
    """The start year of a "since" phrase right before the "as of" phrase nearest a figure, when it is earlier."""
    if len(before) < 2 or before[-1].kind != "as_of" or before[-2].kind != "since":
        return None
    return before[-2].first if before[-2].first < before[-1].first else None


def _default_period(default_year: int, report_year: int, frame: tuple[int, int] | None = None) -> Period:
    if frame is not None:
        return Period("cumulative", start_year=frame[0], end_year=frame[1], rule="zh:title_plan")
    if default_year == report_year:
        return Period("year", year=report_year)
    return Period("year", year=default_year, rule="zh:opening_year")
