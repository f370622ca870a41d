"""Period phrases of English sentences (gold-format.md F5): "in 2009", "since 1996", "over the past 14
years", "by the end of 2009", "during the 10th Five-Year Plan", and the year a pairing began.

:mod:`pairaid.core.extract.mention_periods` gives each mention the period these phrases say.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pairaid.core.extract.model import Sentence
from pairaid.core.extract.regex_leads import compile_led, led_pattern
from pairaid.core.extract.rule_anchors import needles_of
from pairaid.core.extract.rules import word_list
from pairaid.core.records import quick_init

__all__ = [
    "DATED", "NEW_SCENE", "PeriodPhrase", "began_here", "find_period_phrases", "pairing_start_year",
    "sentences_naming_a_period", "written_year",
]

_YEAR = r"((?:19|20)\d\d)"
_MONTH = rf"(?:{'|'.join(word_list('months'))})\.?"
# what a span of years is of ("24 years of pairing", "of counterpart support"): words of the pairing and its aid
_AID_WORDS = "|".join(word_list("pairing_words"))
_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, compile_led(pattern, re.I))
    for kind, pattern in (
        # "in the 18 years to 2015", "over the 21 years up to the end of 2019": the N years ending in that year
        (
            "years_to",
            rf"\b(?:over|in|during|throughout)\s+the\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+years\s+(?:up\s+)?(?:to|until|till)"
            rf"\s+(?:the\s+end\s+of\s+)?{_YEAR}\b",
        ),
        ("as_of", rf"\b(?:as\s+of|by|until|till|up\s+to|to|at)\s+(?:the\s+)?end\s+of\s+(?:{_MONTH}\s+)?{_YEAR}"),
        ("as_of", rf"\bas\s+of\s+(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}"),
        ("year_end", r"\b(?:as\s+of|by|until|till|up\s+to|to|at)\s+the\s+end\s+of\s+(?:the|this)\s+year\b"),
        ("year_end", r"\b(?:as\s+of|by|at)\s+(?:the\s+)?year[\s-]end\b"),  # "settled there at year end"
        # "by the end of September", "by Dec. 31" with no year: a stock at that day of the report year
        (
            "year_end",
            rf"\b(?:as\s+of|by|until|till|up\s+to|at)\s+(?:the\s+end\s+of\s+{_MONTH}|(?:Dec\.?|December)\s+31|"
            rf"(?:June|Jun\.?)\s+30)(?!\s*,?\s*(?:19|20)\d\d)",
        ),
        ("span", rf"\b(?:from|between)\s+{_YEAR}\s+(?:to|and|through|till|until)\s+{_YEAR}\b"),
        # "over the period 2016-2020", "during 2011–2015": a range of years after a preposition
        (
            "span",
            rf"\b(?:over|during|in|throughout|across|for)\s+(?:the\s+(?:period|years)\s+(?:of\s+)?)?{_YEAR}\s*[-–—~]\s*{_YEAR}\b",
        ),
        # "during the same five years", "in those five years", "over the same period": the span told earlier
        (
            "same_period",
            r"\b(?:over|during|in|within|throughout|across|for)\s+(?:(?:the\s+same|those|that|this)\s+(?:(\d+|[a-z]+)\s+)?"
            r"(?:years|period)|the\s+period(?!\s+(?:of|from|to|between|\d)))\b",
        ),
        # "The pairing dates back to 2004. Since then, ...": from the year the sentence before names
        ("since_then", r"\bsince\s+then\b"),
        ("since", rf"\bsince\s+(?:{_MONTH}\s+)?{_YEAR}"),
        ("since", rf"\b(?:count(?:ing|ed)|reckoning|starting)\s+from\s+(?:{_MONTH}\s+)?{_YEAR}"),  # "Counted from 1996"
        ("since", rf"\bsince\s+[^.;,]{{0,80}}?\b(?:in|of)\s+(?:{_MONTH}\s+)?{_YEAR}"),
        (
            "since_pairing",
            r"\bsince\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){0,2}?(?:pairing|twinning|partnership|cooperation|assistance)"
            r"(?:[\s-]+(?:off|relationship|programme|program|mechanism))?\s+(?:began|started|was\s+(?:launched|established))\b",
        ),
        # "began helping B in 2003. ... Over the years it has provided N in all": from the pairing's start
        (
            "since_pairing",
            r"\b(?:over|in|during|throughout)\s+(?:the|these|all\s+these)\s+(?:past\s+|last\s+)?(?:years|(?:two\s+|three\s+)?decades)\b"
            r"(?!\s+(?:of|before|after|to))",
        ),
        ("past_years", r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+years\b"),
        # "during the 10th Five-Year Plan": the plan's five years (from the 4th plan, 1971-1975, on)
        (
            "plan_years",
            r"\b(?:during|in|throughout|over)\s+the\s+(?:period\s+of\s+the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+Five[\s-]Year"
            r"\s+Plan\b",
        ),
        ("whole_year", r"\b(?:throughout|in|during|over)\s+the\s+(?:whole|entire)?\s*year\b(?!\s+(?:before|earlier))"),
        (
            "in_year",
            rf"\b(?:in|during|throughout|for)\s+(?:(?:early|mid|late)[\s-]+)?(?:{_MONTH}\s+)?{_YEAR}\b(?!\s*[-~–])",
        ),
        ("in_year", rf"^\W*{_YEAR}\s*,"),
        # "in the five years we sent ...", "over these eight years": the N years up to the report year, as "the
        # past N years" (a span
        # told after it, "the five years to 2015", "those five years", was read above)
        (
            "past_years",
            r"\b(?:over|in|during)\s+(?:the|these)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+years\b"
            r"(?!\s+(?:to|until|till|up|before|after|of|from|since|between|ending|ahead|earlier|later)\b)",
        ),
        # "so far this year", "this year's money", "last year": the year the text was written in, or the one before
        ("this_year", r"\b(?:this|the\s+current)\s+year\b"),
        ("last_year", r"\blast\s+year\b"),
        # "At present, 50 teachers are working there", "the park now has 19 firms", "the park currently hosts 19
        # firms": a stock at the report year's end (not "now employs 300 people": the jobs it gave in the year)
        (
            "now",
            r"\bat\s+present\b|\bnow\s+(?:has|have|houses?|hosts?|numbers?|counts?|stands?)\b"
            r"|\bcurrently\s+(?:has|have|houses?|hosts?|numbers?|counts?)\b",
        ),
        # "in the 10 years from 2010": the N years starting in that year (up to the report year)
        (
            "years_from",
            rf"\b(?:over|in|during|throughout|within)\s+the\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+years\s+"
            rf"(?:from|since|starting\s+(?:in|from)|beginning\s+(?:in|from))\s+{_YEAR}\b",
        ),
        # "Over 24 years, ...", "in 24 years of pairing", "Total 24 years of aid": a span of years a figure is summed
        # over with no "the past" (that is read above), ending in the report year
        (
            "past_years",
            rf"\b(?:over|in|during|throughout|across|after|total(?:ling)?|in\s+total)\s+(?:the\s+|these\s+|its\s+|their\s+)?"
            rf"(\d+|[a-z]+(?:-[a-z]+)?)\s+years\b(?=\s*,|\s+of\s+(?:[\w-]+\s+){{0,2}}?(?:{_AID_WORDS})\b)",
        ),
    )
)
# a word (lower case) every match of the pattern of _PHRASES at the same place contains
# ("a|b": one of them)
_PHRASE_WORDS = (
    "years", "end", "as", "end", "year", "end|31|30", "", "-|–|—|~", "same|those|that|period",
    "since", "since", "from", "since", "since", "years|decades", "years", "plan", "year", "", "", "years", "year",
    "last",
    "present|now|currently", "years from|years since|years start|years begin", "years,|years of",
)
# and the literals one of which every match of it holds (rule_anchors.needles_of: "19" or "20" of a year), tested
# in lower case in a sentence without the letters that the patterns, ignoring case, match to ASCII letters
# lower() does not give (ſ, ı, İ)
_PHRASE_NEEDLES = tuple(needles_of(pat) for _, pat in _PHRASES)
_NEEDLES = frozenset().union(*(n for n in _PHRASE_NEEDLES if n))
_NOT_LOWERED = ("ſ", "ı", "İ")
_BASE_BEFORE = compile_led(  # "more than in 2010", "compared with 2009", "2.4 times the amount sold in 2019": a base
    r"\b(?:than|over|compared\s+(?:with|to)|against|versus)\s+(?:that\s+|the\s+level\s+)?$"
    # "up 18.3% from last year": the base of a rate
    r"|\b(?:up|down|rose|fell|rising|falling|increased?|decreased?|grew|growth|higher|lower)\b(?:[^,;.]|\.\d){0,25}\bfrom\s+$"
    r"|\btimes\s+(?:that|the\s+(?:amount|level|figure|number|total|sum))(?:\s+[a-z]+)?\s+$", re.I
)
_DATING = ("in_year", "this_year", "last_year")
# "a year or a year word": two scans, each fast (a digit prefix; a letter lead), in place of one slow one
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_PERIOD_WORD = compile_led(
    r"\byears?\b|\bdecades?\b|\bsince\b|\bperiod\b|\bend\s+of\b|\b(?:Dec\.?|December)\s+31\b|\b(?:June|Jun\.?)\s+30\b"
    r"|\bat\s+present\b|\bnow\b|\bcurrently\b",
    re.I,
)  # "since the pairing began" names no year


def _names_a_period(body: str) -> bool:
    return bool(_YEAR_DIGITS.search(body) or _PERIOD_WORD.search(body))


# "the seventeenth year since", "the 10th anniversary since": how long, not since when the figures count
_COUNTED_SINCE = re.compile(r"(?<!every\s)(?<!each\s)\b(?:year|anniversary)\s*$", re.I)  # not "every year since"
DATED = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b(?:on|in)\s+{_MONTH}\b")
# a sentence opening on a place ("In County B, ...") starts a new scene: carried periods stop
NEW_SCENE = re.compile(rf"\s*In\s+(?!{_MONTH}\b|(?:19|20)\d\d\b)[A-Z]")
_SINCE = compile_led(rf"\bsince\s+(?:{_MONTH}\s+)?{_YEAR}|\bsince\b[^.]{{0,120}}?\bin\s+{_YEAR}", re.I)
_IN_A_YEAR = re.compile(rf"\bin\s+(?:{_MONTH}\s+)?{_YEAR}\b", re.I)
_OPENS_IN_YEAR = re.compile(rf"\W*in\s+(?:{_MONTH}\s+)?{_YEAR}\s*,", re.I)
_PAIRING_VERBS = compile_led(
    r"\b(?:assign|twin|pair|counterpart|partnership|designat|undertak|support|aid|help|cooperat)", re.I
)
_PAIRING_BEGAN = compile_led(
    r"\b(?:assign(?:ed|s)?|designat\w*|undert(?:ook|aken|akes)|start(?:ed|s)|beg(?:an|un)|launch(?:ed|es)?|establish(?:ed|es)?|built|set\s+up"
    r"|took\s+(?:up|on)|held\s+(?:their|its|the)\s+first)"
    r"\b[^.]{0,80}\b(?:twinn?\w*|pair\w*|partner\w*|counterpart|support\w*|assist\w*|aid\w*|help\w*)\b"
    r"|\bpair\w*\b[^.]{0,80}\b(?:decision|arrangement)\s+(?:taken|made)\b"  # "Pairing A with B is a decision taken in"
    r"|\btwinned\s+with\b|\bpaired\s+with\b|\b(?:were|was)\s+(?:first\s+)?(?:paired|twinned)(?:\s+up)?\b"
    # "the pairing between A and B started in 2003"
    r"|\b(?:pairing|twinning|partnership|counterpart\s+(?:support|assistance|aid))\b[^.]{0,60}"
    r"\b(?:start(?:ed|s)|beg(?:an|un)|was\s+(?:launched|established|set\s+up))\b",
    re.I,
)
_NUMBER_WORDS: tuple[str, ...] = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_NUMBER_WORDS += ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_WORD_NUMBERS = {word: n for n, word in enumerate(_NUMBER_WORDS, start=2)}


@quick_init
@dataclass(frozen=True)
class PeriodPhrase:
    """A period phrase at ``start``..``end``: its kind and year (or number of years for ``past_years``)."""

    kind: str
    start: int
    end: int
    year: int
    opens_sentence: bool
    start_year: int | None = None  # the first year of a ``span`` (``same_period``: 0 when a year may be meant)
    carries: bool = True  # carried to the next sentences when it opens its sentence


def _years_count(raw: str) -> int:
    """How many years "24", "five" or "twenty-four" says (0 when no number)."""
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    tens, _, units = raw.partition("-")
    if units and _WORD_NUMBERS.get(tens, 0) % 10 == 0 and 0 < _WORD_NUMBERS.get(units, 0) < 10:
        return _WORD_NUMBERS[tens] + _WORD_NUMBERS[units]
    return _WORD_NUMBERS.get(raw, 0)


def find_period_phrases(
    text: str, sentence: Sentence, report_year: int, *, written: int | None = None
) -> tuple[PeriodPhrase, ...]:
    """Period phrases inside one sentence, in order, overlapping phrases dropped.  ``written`` is the year
    the text was written in ("this year", "last year"; :func:`written_year`), the report year when not given."""
    found: list[PeriodPhrase] = []
    body = text[sentence.start : sentence.end]
    if not _names_a_period(body):
        return ()
    low = body.lower()
    plain = body.isascii() or not any(c in body for c in _NOT_LOWERED)
    standing = {n for n in _NEEDLES if n in low} if plain else None
    for (kind, pat), needs, needles in zip(_PHRASES, _PHRASE_WORDS, _PHRASE_NEEDLES, strict=True):
        if needs not in low and ("|" not in needs or not any(w in low for w in needs.split("|"))):
            continue  # a word every match of the pattern has is missing: no scan
        if standing is not None and needles and standing.isdisjoint(needles):
            continue  # so are the literals every match holds
        for m in pat.finditer(body):
            if any(p.start < sentence.start + m.end() and sentence.start + m.start() < p.end for p in found):
                continue
            if kind in _DATING and _BASE_BEFORE.search(body, max(0, m.start() - 30), m.start()):
                continue  # "more than in 2010", "against last year": a base of comparison
            if kind == "since" and _COUNTED_SINCE.search(body, max(0, m.start() - 30), m.start()):
                continue  # "2013 was the 17th year since ...": an age, not the period of the figures
            if kind in ("whole_year", "year_end", "since_pairing", "now"):
                year = report_year  # "since the pairing began": from the pairing's start year, when known
            elif kind == "past_years":
                year = _years_count(m.group(1))
                if not year:
                    continue
            elif kind == "years_from":
                years = _years_count(m.group(1))
                first = int(m.group(2))
                if not 1 < years < 80 or first >= report_year:
                    continue
                at = (sentence.start + m.start(), sentence.start + m.end())
                last = min(first + years - 1, report_year)
                found.append(PeriodPhrase("span", *at, last, m.start() <= 45, start_year=first))
                continue
            elif kind == "years_to":
                raw = m.group(1).lower()
                years = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw, 0)
                year = int(m.group(2))
                if not 1 < years < 80:
                    continue
                at = (sentence.start + m.start(), sentence.start + m.end())
                found.append(PeriodPhrase("span", *at, year, m.start() <= 45, start_year=year - years + 1))
                continue
            elif kind == "span":
                year = int(m.group(2))
                if year <= int(m.group(1)):
                    continue
            elif kind == "same_period":
                raw = (m.group(1) or "").lower()
                year = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw, 0)  # how many years, 0 unsaid
                if raw and not year:
                    continue
                # "the same period", "that period": whatever period came before, a year too; else years summed
                at = (sentence.start + m.start(), sentence.start + m.end())
                one = bool(re.search(r"(?:same|that)\s+period$", m.group(0), re.I))
                found.append(PeriodPhrase(kind, *at, year, m.start() <= 45, start_year=0 if one else None))
                continue
            elif kind in ("this_year", "last_year"):
                # dated: the year of writing or the one before; undated: the report year (a review written
                # after its year says "last year" of it, a release of the year "this year")
                now = written if written is not None else report_year + (kind == "last_year")
                year = now if kind == "this_year" else now - 1
                if year > report_year:
                    continue
                kind = "in_year"
            elif kind == "since_then":
                year = 0  # the year of the sentence before: periods.mention_periods
            elif kind == "plan_years":
                first = 1971 + 5 * (int(m.group(1)) - 4)
                if int(m.group(1)) < 4 or first > report_year:
                    continue
                kind, year = "span", min(first + 4, report_year)
                at = (sentence.start + m.start(), sentence.start + m.end())
                found.append(PeriodPhrase(kind, *at, year, m.start() <= 45, start_year=first))
                continue
            else:
                year = int(m.group(1))
            opens = m.start() <= 45
            kind_of = "as_of" if kind == "year_end" else kind  # "by the end of the year": the report year's end
            found.append(
                PeriodPhrase(
                    kind_of,
                    sentence.start + m.start(),
                    sentence.start + m.end(),
                    year,
                    opens,
                    start_year=int(m.group(1)) if kind == "span" else None,
                    carries=kind not in ("year_end", "since", "since_pairing", "since_then", "now"),
                )
            )
    found.sort(key=lambda p: p.start)
    return tuple(found)


# a full date in the opening: a dateline's or a speech's ("Anhe, May 3, 2031"), an interview's ("recorded on
# December 15, 2031"), a web page's ("Updated: 2031-01-20")
_FULL_DATE = led_pattern(
    re.compile(
        rf"\b{_MONTH}\s+\d{{1,2}},?\s+{_YEAR}\b|\b{_YEAR}-[01]\d-[0-3]\d\b|\b\d{{1,2}}\s+{_MONTH}\s+{_YEAR}\b"
    )
)
_OPENING = 600
# a news release's dateline with no year ("ANHE, April 6 (Agency) --"): the month it was written in
_DATELINE_MONTH = re.compile(
    rf"^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*,\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s*)?"
    rf"({_MONTH})\s+\d{{1,2}}\b[^\n,]{{0,60}}?(?:--|—|–)",
    re.M,
)
_SPRING = 3  # a release of March or later is written in the year it reports on; one of January or February after it
# in every full date and dateline: a month's first letters, or "-MM-" (the engine scans for each quickly); an opening
# without one is not searched (the patterns above are tried at each capital and digit: 2 % of English reading)
_MONTH_STEMS = re.compile("|".join(sorted({re.escape(w[:3]) for w in word_list("months")})))
_ISO_MONTH = re.compile(r"\d-[01]\d-")


def written_year(text: str, report_year: int) -> int | None:
    """The year a text was written in: that of a full date in its opening when it is the report year or the
    year after (a speech of January reviewing the year before); for a release whose dateline gives no year,
    the report year when it is of March or later, the year after when of January or February; else ``None``."""
    if _MONTH_STEMS.search(text, 0, _OPENING) is None and _ISO_MONTH.search(text, 0, _OPENING) is None:
        return None
    m = _FULL_DATE.search(text, 0, _OPENING)
    if m is not None:
        year = int(m.group(1) or m.group(2) or m.group(3))
        return year if year in (report_year, report_year + 1) else None
    dateline = _DATELINE_MONTH.search(text, 0, _OPENING)
    if dateline is not None:
        month = [w[:3].lower() for w in word_list("months")[:12]].index(dateline.group(1)[:3].lower()) + 1
        return report_year if month >= _SPRING else report_year + 1
    return None


def sentences_naming_a_period(text: str, sentences: tuple[Sentence, ...]) -> list[bool]:
    """For each sentence, whether it names a year or says "year(s)": the years in one pass over the text (the
    engine skips to digits), the words only in the sentences that name no year, up to the first."""
    starts = [s.start for s in sentences]
    out = [False] * len(sentences)
    for m in _YEAR_DIGITS.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= sentences[i].end:
            out[i] = True
    search = _PERIOD_WORD.search
    for i, s in enumerate(sentences):
        if not out[i] and search(text, s.start, s.end) is not None:
            out[i] = True
    return out


def pairing_start_year(
    text: str, sentences: tuple[Sentence, ...], report_year: int, *, naming: list[bool] | None = None
) -> int | None:
    """The year the pairing began, when a sentence says so ("Since 1996, A has supported B"), else ``None``.

    ``naming`` (from ``sentences_naming_a_period``) spares reading sentences that name no year.
    """
    for k, s in enumerate(sentences):
        if naming is not None and not naming[k]:
            continue
        body = text[s.start : s.end]
        if (naming is None and not _names_a_period(body)) or not _PAIRING_VERBS.search(body):
            continue
        m = _SINCE.search(body) if "since" in body.lower() else None
        if m is None and _PAIRING_BEGAN.search(body):
            # "In September 1996, ... assigned B to support C"; "A was paired with B in 2013"
            m = _OPENS_IN_YEAR.match(body) or _IN_A_YEAR.search(body)
        if m is not None:
            year = int(next(g for g in m.groups() if g))
            if year < report_year:
                return year
    return None


def began_here(text: str, sentence: Sentence) -> bool:
    """Whether ``sentence`` says when the pairing began ("The pairing started in 2012")."""
    return bool(_PAIRING_BEGAN.search(text, sentence.start, sentence.end))
