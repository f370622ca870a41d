"""Periods of facts (gold-format.md F5).

Period phrases found in a sentence:

``as_of``        "as of / by / until the end of 2009" -> a stock at the end of 2009,
                 or cumulative from the pairing's start year when the text states it
``since``        "since 1996" -> cumulative 1996 to the report year; "since the pairing began", "over
                 the years" -> from the pairing's start year, when the text gives it ("began helping B in
                 2003")
``past_years``   "over the past 14 years" -> cumulative over the 14 years ending in the report year
``years_to``     "in the 18 years to 2015" -> cumulative over the 18 years ending in 2015
``in_year``      "in 2009", "in June 2009", "throughout 2009" -> that year
``whole_year``   "throughout the year", "in the whole year", "over the year" -> the report year
``prior_year``   "(2.7 million yuan)" after "than in 2009" -> a fact of 2009
``span``         "from 2002 to 2012", "between 2010 and 2013", "over the period 2016-2020" -> cumulative
                 over those years; "during the 10th Five-Year Plan" -> 2001 to 2005 (to the report year
                 while the plan runs)
``same_period``  "during the same five years", "in those years", "during the period" -> the period of
                 the latest figure before that sums years, as many as it says; "the same period",
                 "that period" -> the latest figure's period, a year too
``since_then``   "since then" -> cumulative from the year the sentence before names ("dates back to 2013")

A sentence opening "Of the total, ..." with no period of its own tells the parts of the latest sum of money
before it (a few paragraphs back at most in its section): its figures cover that sum's period (``of_the_whole``).

A phrase applies to the mentions after it in its sentence (else to the first mentions before it); a phrase that opens
a sentence carries on to the next sentences of the same paragraph until another phrase, except "by the end of the
year" (a stock of that sentence only) and "since YEAR" (a sum told in its own sentence: "Since 2010, A has invested N
in all. It trained M people" gives M to the report year); a stock "by the end of 2009" carries only to the next
sentences that still count it (a perfect tense, a total, a stock verb or the park, or a figure named again: "By the
end of 2009, 35 firms had settled in the park. It trained 420 herders" gives the 420 to the report year). Without any
phrase, the report year.  The pairing's start year is taken from a sentence that says when the pairing began ("Since
1996, Province A has undertaken ...", "In September 1996, ... decided to assign City B to support ...", "the pairing
between A and B started in 2003"); a figure of a sentence that sums up to now in a perfect tense ("A has provided a
total of N", "M teachers have been sent in all", "to date") with no period phrase of its own (or only a year carried
from an earlier sentence) is cumulative from that start to the report year.  Figures in Chinese sentences take the
periods of :mod:`pairaid.core.extract.mention_periods_zh`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal

from pairaid.core.extract.growth import PriorValue, prior_values
from pairaid.core.extract.mention_periods_zh import chinese_periods
from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.period_clauses import OTHER_CLAUSE, OWN_YEAR, clause_break
from pairaid.core.extract.period_phrases import (
    DATED,
    NEW_SCENE,
    PeriodPhrase,
    began_here,
    find_period_phrases,
    pairing_start_year,
    sentences_naming_a_period,
    written_year,
)
from pairaid.core.extract.regex_leads import compile_led
from pairaid.core.extract.respective_years import respective_years
from pairaid.core.extract.rules import word_list

__all__ = ["mention_periods"]

# F5: "by the end of 2010, 318 enterprises had settled in the park" is a stock, whatever the pairing's start
_STOCK = compile_led(rf"\b(?:{'|'.join(word_list('stock_words'))})\b|\bparks?\b|\bthere\s+(?:were|was)\b", re.I)


def _stock_sentence(text: str, sentence: Sentence, seen: dict[Sentence, bool]) -> bool:
    """Whether ``sentence`` speaks of a stock (:data:`_STOCK`), read once per sentence into ``seen``."""
    found = seen.get(sentence)
    if found is None:
        found = seen[sentence] = _STOCK.search(text, sentence.start, sentence.end) is not None
    return found


# a later sentence still counts the stock opened by "by the end of YEAR": a perfect tense, a total, a stock verb
_STILL_STOCK = compile_led(
    r"\b(?:had|have|has)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|t|wn|un|ung|ught|ade|eld|ilt|ent|id)\b"
    r"|\b(?:in\s+total|a\s+total\s+of|in\s+all|altogether|cumulative(?:ly)?|so\s+far|to\s+date)\b"
    r"|\b(?:over|during|in|within)\s+(?:the\s+same|this|that)\s+(?:period|time)\b"
    r"|\b(?:settled|stationed|located|registered|in(?:to)?\s+operation|operating|in\s+production|serving)\b"
    r"|\bparks?\b",
    re.I,
)


# "accumulated investment of N": a sum, though its sentence counts a stock
_SUMMED = compile_led(r"\b(?:accumulated|cumulative(?:ly)?|aggregate)\b[^,;.]{0,30}$", re.I)

# F5: "Anhe has provided a total of N" when the text states the pairing's start: a sum since then
_TOTAL_WORDS = compile_led(
    r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|all\s+told|cumulative(?:ly)?|to\s+date|so\s+far)\b", re.I
)
_PERFECT = compile_led(
    r"\b(?:has|have|had)\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|t|wn|un|ung|ught|ade|eld|ilt|ent|id)\b", re.I
)


def _total_so_far(text: str, sentence: Sentence) -> bool:
    """Whether a sentence sums up to now: a total ("a total of", "in all", "to date") told in a perfect tense
    ("Anhe has provided a total of N", "N teachers have been sent in all")."""
    return bool(
        _TOTAL_WORDS.search(text, sentence.start, sentence.end) and _PERFECT.search(text, sentence.start, sentence.end)
    )


def _still_stock(
    text: str, sentence: Sentence, figures: dict[int, set[tuple[Decimal, str]]], i: int, opened: int
) -> bool:
    """Whether sentence ``i`` still counts the stock that sentence ``opened`` dated "by the end of YEAR": it
    speaks of a stock (:data:`_STILL_STOCK`) or names again a figure of the sentences since ("... built
    280 villages. The 280 villages benefited 18,000 farmers")."""
    if _STILL_STOCK.search(text, sentence.start, sentence.end):
        return True
    own = figures.get(i, set())
    return any(not own.isdisjoint(figures.get(k, ())) for k in range(opened, i))


def _period(
    phrase: PeriodPhrase | None,
    report_year: int,
    start_year: int | None,
    *,
    since: int | None = None,
    stock: bool = False,
) -> Period:
    if phrase is None:
        return Period("year", year=report_year)
    if phrase.kind == "as_of":
        if stock:  # "since 2001 ...; by the end of 2008 the base covered 6,500 mu": a stock, whatever the start
            return Period("as_of", year=phrase.year, rule="as_of")
        if since is not None and since < phrase.year:
            return Period("cumulative", start_year=since, end_year=phrase.year, rule="as_of+since")
        if start_year is not None and start_year < phrase.year and not stock:
            return Period("cumulative", start_year=start_year, end_year=phrase.year, rule="as_of+pairing_start")
        return Period("as_of", year=phrase.year, rule="as_of")
    if phrase.kind == "since":
        return Period("cumulative", start_year=phrase.year, end_year=report_year, rule="since")
    if phrase.kind == "now":  # "At present, N teachers are working there": what stands at the report year's end
        return Period("as_of", year=phrase.year, rule="now")
    if phrase.kind == "since_pairing":
        if start_year is not None and start_year < report_year:
            return Period("cumulative", start_year=start_year, end_year=report_year, rule="since_pairing")
        return Period("year", year=report_year, rule="since_pairing")
    if phrase.kind == "span" and phrase.start_year is not None:
        return Period("cumulative", start_year=phrase.start_year, end_year=phrase.year, rule="span")
    if phrase.kind == "past_years":
        return Period("cumulative", start_year=report_year - phrase.year + 1, end_year=report_year, rule="past_years")
    return Period("year", year=phrase.year, rule=phrase.kind)


def mention_periods(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    report_year: int,
    priors: Mapping[int, PriorValue] | None = None,
    published: int | None = None,
) -> tuple[Period, ...]:
    """The period of each mention (rules in the module docstring; in a Chinese sentence, those of
    :mod:`pairaid.core.extract.mention_periods_zh`), in mention order.  ``priors`` are the figures given for an
    earlier year (:func:`~pairaid.core.extract.growth.prior_values`; read here when not given): each
    is a fact of its year, and the year after one ("against 29 million yuan in 2011") dates no other."""
    if priors is None:
        priors = prior_values(text, sentences, mentions, report_year)
    taken = [(mentions[p.mention].start, p.end) for p in priors.values()]
    chinese = chinese_periods(text, sentences, mentions, report_year, published=published)
    if len(chinese) == len(mentions):  # every figure in a Chinese sentence: the English phrases date none
        priors_dated = {i: Period("year", year=prior.year, rule="prior_year") for i, prior in priors.items()}
        dated = {**chinese, **respective_years(text, sentences, mentions), **priors_dated}  # the loop's order below
        return tuple(dated[i] for i in range(len(mentions)))
    if chinese and all(s.lang == "zh" for s in sentences):
        naming = [False] * len(sentences)  # no English sentence: no English period phrase
    else:
        naming = sentences_naming_a_period(text, sentences)
    if chinese:
        naming = [named and s.lang != "zh" for named, s in zip(naming, sentences, strict=True)]
    start_year = pairing_start_year(text, sentences, report_year, naming=naming)
    # phrases are read only in sentences whose paragraph run has a mention at or after them:
    # the carried state starts afresh at each paragraph or section, so the rest cannot matter
    with_mention = {m.sentence for m in mentions}
    needed = [False] * len(sentences)
    need = False
    for i in range(len(sentences) - 1, -1, -1):
        s, nxt = sentences[i], sentences[i + 1] if i + 1 < len(sentences) else None
        if nxt is None or (s.paragraph, s.section) != (nxt.paragraph, nxt.section):
            need = False
        need = need or i in with_mention
        needed[i] = need
    written = written_year(text, report_year)
    phrases = [
        find_period_phrases(text, s, report_year, written=written) if n and named else ()
        for s, n, named in zip(sentences, needed, naming, strict=True)
    ]
    if any(p.kind in _BACK_REFERENCES for found in phrases for p in found):
        phrases = _resolve_back_references(text, sentences, phrases, report_year)
    carried: dict[int, PeriodPhrase | None] = {}
    # the latest "since YEAR" of the sentences before in the paragraph, wherever it stands in its sentence ("A has
    # helped B since 2004. Altogether N teachers have been sent": N since 2004)
    since_before: dict[int, int] = {}
    last_since: int | None = None
    figures: dict[int, set[tuple[Decimal, str]]] = {}
    for m in mentions:
        figures.setdefault(m.sentence, set()).add((m.value, m.unit))
    state: PeriodPhrase | None = None
    opened = 0
    paragraph = -1
    section = -1
    for i, s in enumerate(sentences):
        if s.paragraph != paragraph or s.section != section:
            last_since = None
        elif last_since is not None:
            since_before[i] = last_since
        last_since = next((p.year for p in reversed(phrases[i]) if p.kind == "since"), last_since)
        if s.paragraph != paragraph or s.section != section:
            state, paragraph, section = None, s.paragraph, s.section
        elif NEW_SCENE.match(text, s.start):
            state = None
        elif state is not None and state.kind == "as_of" and DATED.search(text, s.start, s.end):
            state = None  # a stock at a year's end does not date an event of a day ("a fair held on May 8")
        elif state is not None and state.kind == "as_of" and not _still_stock(text, s, figures, i, opened):
            state = None  # nor the year's events told after it ("... were operating. 420 herders were trained")
        carried[i] = state
        for p in phrases[i]:
            if p.opens_sentence and not any(a <= p.start and p.end <= b for a, b in taken):
                # (the year of a figure given for an earlier year, "up from N in 2011", dates nothing after it)
                state = p if p.carries else None
                opened = i
                if p.kind == "in_year" and p.year == start_year and began_here(text, s):
                    state = None  # "The pairing started in 2012.": the year it began dates none of what follows
    out: list[Period] = []
    stock_sentences: dict[Sentence, bool] = {}
    respective = respective_years(text, sentences, mentions)
    for i, m in enumerate(mentions):
        prior = priors.get(i)
        if prior is not None:  # in either language: "against 29 million yuan in 2011", "较2010年的4600万元"
            out.append(Period("year", year=prior.year, rule="prior_year"))
            continue
        if i in respective:  # "for 2030 and 2031 were 4 and 5 million yuan respectively"
            out.append(respective[i])
            continue
        if i in chinese:
            out.append(chinese[i])
            continue
        own = phrases[m.sentence]
        if taken:
            own = tuple(p for p in own if not any(a <= p.start and p.end <= b for a, b in taken))
        before = [p for p in own if p.end <= m.start]
        after = [p for p in own if p.start >= m.end]
        phrase = before[-1] if before else None
        if (
            after
            and not clause_break(text, m.end, after[0].start)
            and (phrase is None or (after[0].kind in OWN_YEAR and OTHER_CLAUSE.search(text, phrase.end, m.start)))
        ):
            # a year of the figure's own clause, after it, wins over a period of a clause before ("firms had set up by
            # the end of May, while Anhe attracted N this year": N of the year)
            phrase = after[0]
        carried_only = phrase is None
        if phrase is None:
            phrase = carried.get(m.sentence)
        since = next((p.year for p in own if p.kind == "since"), None)
        sent = sentences[m.sentence]
        begun = since_before.get(m.sentence)
        if (
            carried_only
            and (phrase is None or phrase.kind == "in_year")
            and (begun or start_year or report_year) < report_year
            and _total_so_far(text, sent)
        ):
            # "began helping B in 2003. ... In 2012 it built N. It has sent M teachers in all": M since 2003;
            # "A has helped B since 2004. Altogether M teachers have been sent": M since 2004
            first, rule = (begun, "total+since_before") if begun else (start_year, "total+pairing_start")
            out.append(Period("cumulative", start_year=first, end_year=report_year, rule=rule))
            continue
        if carried_only and phrase is None and _OF_THE_WHOLE.match(text, sent.start):
            whole = _whole_period(mentions, out, i, sentences)
            if whole is not None:
                out.append(whole)
                continue
        if phrase is not None and phrase.kind == "same_period":
            same = _same_period(phrase, out)
            if begun is not None and begun < report_year and phrase.start_year != 0:  # "since 2006. Over this period"
                same = Period("cumulative", start_year=begun, end_year=report_year, rule="same_period+since_before")
            out.append(same if same is not None else Period("year", year=report_year))
            continue
        stock = phrase is not None and phrase.kind == "as_of" and _stock_sentence(text, sent, stock_sentences)
        if stock and _SUMMED.search(text, max(sent.start, m.start - 60), m.start):
            stock = False  # "N firms were doing business there, with accumulated investment of M": M a sum
        if (
            phrase is not None
            and phrase.kind == "as_of"
            and not stock
            and since is None
            and _THE_YEAR_END.search(text, phrase.start, phrase.end)
        ):
            # "by the end of the year Anhe had disbursed N": the year's sum, not one since the pairing began; and so are
            # the money figures after it under the same phrase ("..., of which M came from the city's budget")
            flowed = i and out[-1].rule == "year_end_flow" and mentions[i - 1].sentence == m.sentence
            if _FLOW_BEFORE.search(text, max(phrase.end, m.start - 40), m.start) or (flowed and m.unit == "CNY"):
                out.append(Period("year", year=report_year, rule="year_end_flow"))
                continue
            start_year_here = None
        else:
            start_year_here = start_year
        out.append(_period(phrase, report_year, start_year_here, since=since, stock=stock))
    return tuple(out)


# F5 with F3: a sentence opening "Of the total, ..." tells parts of the sum before it, and so its figures that
# name no period of their own cover that sum's ("Since 2010 A has given N. ... Of the total, N1 went to build
# M1 schools": N1 and M1 since 2010, as N)
_OF_THE_WHOLE = compile_led(
    r"\W*(?:of\s+(?:this|that|it|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:total|funds?|money|amount|sum)))\s*,", re.I
)
_WHOLE_WITHIN = 3  # paragraphs back to the sum a sentence "Of the total, ..." tells the parts of


def _whole_period(
    mentions: tuple[Mention, ...], periods: list[Period], i: int, sentences: tuple[Sentence, ...]
) -> Period | None:
    """The period of the sum of money a sentence "Of the total, ..." speaks of: the latest figure of money before
    mention ``i``'s sentence in its section, a few paragraphs back at most, when a period phrase dated it."""
    sent = sentences[mentions[i].sentence]
    for j in range(i - 1, -1, -1):
        other = sentences[mentions[j].sentence]
        if other.section != sent.section or sent.paragraph - other.paragraph > _WHOLE_WITHIN:
            return None
        if mentions[j].sentence == mentions[i].sentence:
            continue
        if mentions[j].unit == "CNY" and periods[j].rule != "prior_year":
            return replace(periods[j], rule="of_the_whole") if periods[j].rule != "report_year" else None
    return None


_FLOW_BEFORE = re.compile(
    r"\b(?:disbursed|paid\s+out|allocated|spent|delivered)\s+(?:a\s+total\s+of\s+|some\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
_THE_YEAR_END = re.compile(r"\bend\s+of\s+(?:the|this)\s+year\b", re.I)
_BACK_REFERENCES = ("since_then",)
_SAME_LIMIT = 80  # figures read back for the period "the same five years" refers to
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _same_period(phrase: PeriodPhrase, earlier: list[Period]) -> Period | None:
    """The period "during the same five years" (or "in those years", "during the period") points back to:
    that of the latest figure before it whose period sums years (as many as it says, when it says);
    "the same period" and "that period" may also mean one year, the latest figure's."""
    for p in reversed(earlier[-_SAME_LIMIT:]):
        if p.kind == "cumulative" and p.start_year is not None and p.end_year is not None:
            if phrase.year in (0, p.end_year - p.start_year + 1):
                return replace(p, rule="same_period")
        elif phrase.start_year == 0 and p.rule != "prior_year":
            return replace(p, rule="same_period")
    return None


def _resolve_back_references(
    text: str, sentences: tuple[Sentence, ...], phrases: list[tuple[PeriodPhrase, ...]], report_year: int
) -> list[tuple[PeriodPhrase, ...]]:
    """ "Since then" given the year the sentence before names (else the pairing's start, as "since the
    pairing began")."""
    out = list(phrases)
    for i, found in enumerate(phrases):
        if not any(p.kind in _BACK_REFERENCES for p in found):
            continue
        resolved: list[PeriodPhrase] = []
        for p in found:
            if p.kind == "since_then":
                before = sentences[i - 1] if i else None
                found_years = _A_YEAR.findall(text, before.start, before.end) if before is not None else []
                years = [int(y) for y in found_years if int(y) < report_year]
                if years:
                    resolved.append(replace(p, kind="since", year=years[-1]))
                else:
                    resolved.append(replace(p, kind="since_pairing", year=report_year))
            else:
                resolved.append(p)
        out[i] = tuple(resolved)
    return out
