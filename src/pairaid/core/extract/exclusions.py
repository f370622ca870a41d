"""Step 4: numbers that are not quantities (gold-format.md Layer 1 "Not mentions", M1).

:func:`exclusion_rule` returns the name of the first rule that rejects a
number, or ``None`` when the number is a quantity.  The rules, in order:

``footer``            a page footer line (address, a short line with a street address, postcode, telephone, register;
                      in a line with a Chinese full stop, only a marker used as a label: "电话:", "邮编 100010")
``quoted``            inside a quoted slogan or title (“three ten thousand Yuan”, "7.5")
``list_number``       list numbering ("1.", "2、", "(3)", "2." run into a paragraph, "Notes: 1.")
``section_number``    a heading's number at a line's start ("3.2 The scale of aid")
``grade``             a digit glued to a capital letter ("3A hospitals", "5G")
``truncated``         the text ends inside the phrase (a page cut after ~2,000 characters), unless the number is
                      a table row's cell ("Total | 45", "Total<tab>45") or the complement of a verb that
                      states a count ("the number of wells was 45", "wells numbered 45")
``telephone``         a telephone number with its area code read as a range ("021-23110000")
``year``              a calendar year (1900-2100 written plain, no unit or plural noun after it; a plural
                      noun too after "since", "from" ..., after "In"/"By" opening a sentence, or after
                      "in"/"by" when a name follows it)
``year_range``        a range of years ("1997~1999", "2011-2020")
``date``              a day of a month or a range of days ("April 5", "5 April", "9-14 June", "from 9 to 14 June")
``age``               an age in apposition to a name ("Li Na, 38, a teacher")
``before:<name>``     a pattern of ``exclusions.yaml`` ``before`` (document number, phase, telephone)
``after:<name>``      a pattern of ``exclusions.yaml`` ``after`` (ordinal, duration, multiplier, "1+1")
``word:<name>``       a number word after a word of ``exclusions.yaml`` ``word_before`` ("the two sides")
``word:<name>``       a number word before a pattern of ``word_after`` ("one of")
``name``              a capitalised number word inside a sentence ("Three Gorges")
``compound_word``     a number word in a hyphenated word ("one-for-one", "three-dimensional")
``bare_word_number``  a number word with no counted noun or unit after it

Chinese numbers (gold-format.md Z4) go through :func:`chinese_exclusion_rule`
and the ``zh`` section of ``exclusions.yaml``: ``footer`` and ``quoted`` as
above (a quotation that holds a clause of its own is speech, not a slogan),
then ``span:<name>`` (inside a date, a time, a plan period, a fraction or a
slogan found once in the whole text), ``before:<name>`` and ``after:<name>``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pairaid.core.extract.regex_leads import led_pattern
from pairaid.core.extract.rules import word_list
from pairaid.core.extract.street_addresses import address_lines
from pairaid.core.numbers import NumberMatch
from pairaid.core.records import quick_init

__all__ = ["ChinesePatterns", "ExclusionContext", "TextIndex", "chinese_exclusion_rule", "exclusion_rule", "index_text"]


@dataclass(frozen=True)
class ExclusionPatterns:
    """``data/exclusions.yaml``, compiled."""

    before: tuple[tuple[str, re.Pattern[str]], ...]
    after: tuple[tuple[str, re.Pattern[str]], ...]
    before_any: re.Pattern[str]  # all of ``before`` in one pass: the loop runs only when one matches
    after_any: re.Pattern[str]
    word_before: tuple[tuple[str, str, frozenset[str]], ...]
    word_after: tuple[tuple[str, str, re.Pattern[str]], ...]
    months: re.Pattern[str]
    months_after: re.Pattern[str]
    footer: re.Pattern[str]
    year_before: re.Pattern[str]  # a year-like number after these is a year, a plural noun after it or not
    year_before_name: re.Pattern[str]  # the same when a name follows it
    telephone_number: re.Pattern[str]
    age_before: re.Pattern[str]  # with ``age_after``: an age in apposition ("Li Na, 38, a teacher")
    age_after: re.Pattern[str]
    note_opening: re.Pattern[str]  # "Notes: 1. ...": a note's number
    section_number: re.Pattern[str]  # "3.2 The scale of aid" at a line's start: a heading's number


@dataclass(frozen=True)
class TextIndex:
    """Facts about the whole text computed once: quoted spans and footer lines."""

    quoted: tuple[tuple[int, int], ...]
    footer_lines: tuple[tuple[int, int], ...]


@quick_init
@dataclass(frozen=True)
class ExclusionContext:
    """What the mention step knows about the words after a number."""

    has_unit: bool
    plural_noun: bool
    has_noun: bool
    at_text_end: bool


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(resources.files("pairaid.core.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def patterns() -> ExclusionPatterns:
    """Load and compile ``data/exclusions.yaml`` (cached)."""
    raw = _load_yaml("exclusions.yaml")
    months = "|".join(word_list("months"))
    before = tuple((str(k), re.compile(str(v), re.I)) for k, v in raw["before"].items())
    # each rule led by the characters it starts with: tried at every character of the words before each number
    before_any = "|".join(f"(?:{led_pattern(pat).pattern})" for _, pat in before)
    after_any = "|".join(f"(?:{v})" for v in raw["after"].values())
    return ExclusionPatterns(
        before_any=re.compile(before_any, re.I),
        after_any=re.compile(after_any, re.I),
        before=before,
        after=tuple((str(k), re.compile(str(v), re.I)) for k, v in raw["after"].items()),
        word_before=tuple(
            (str(k), str(v["number"]), frozenset(str(w) for w in v["words"])) for k, v in raw["word_before"].items()
        ),
        word_after=tuple(
            (str(k), str(v["number"]), re.compile(str(v["pattern"]), re.I)) for k, v in raw["word_after"].items()
        ),
        months=re.compile(rf"\b(?:{months})\.?\s*$"),
        months_after=re.compile(rf"^\s*(?:(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{months})\b"),  # 8-9 May
        footer=re.compile("|".join(re.escape(str(m)) for m in raw["footer_markers"])),
        year_before=re.compile(str(raw["year_before"]), re.I),
        year_before_name=re.compile(str(raw["year_before_name"]), re.I),
        telephone_number=re.compile(str(raw["telephone_number"])),
        age_before=re.compile(str(raw["age_apposition"]["before"]), re.I),
        age_after=re.compile(str(raw["age_apposition"]["after"]), re.I),
        note_opening=re.compile(str(raw["note_opening"]), re.I),
        section_number=re.compile(str(raw["section_number"]), re.I),
    )


_CURLY_QUOTES = re.compile(r"[“”]")
_STRAIGHT_QUOTE = re.compile('"')
_LINE = re.compile(r"[^\n]+")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _CURLY_QUOTES.finditer(text):
        if m.group() == "“":
            open_at = m.start()
        elif open_at is not None:
            if m.start() - open_at <= 300 and "\n" not in text[open_at : m.start()]:
                spans.append((open_at, m.end()))
            open_at = None
    for line in _LINE.finditer(text) if '"' in text else ():
        quotes = [q.start() + line.start() for q in _STRAIGHT_QUOTE.finditer(line.group())]
        for a, b in zip(quotes[::2], quotes[1::2], strict=False):
            if b - a <= 300:
                spans.append((a, b + 1))
    spans.sort()
    return spans


_WORD = re.compile(r"[A-Za-z0-9][\w,.'’-]*")
SPEECH_WORDS = 10  # a quotation of this many words or more is what someone said, not a slogan or a title


def _speech(text: str, quoted: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether the quotation around ``start``..``end`` is speech ("“Since 2016 we have sent 300 doctors to
    Baishan,” said an official"): ``SPEECH_WORDS`` words or more, where a slogan or a title is a few."""
    i = bisect.bisect_left(quoted, (start, -1)) - 1
    while i >= 0:
        a, b = quoted[i]
        if a < start and end <= b:
            return len(_WORD.findall(text, a, b)) >= SPEECH_WORDS
        i -= 1
    return False


_FOOTER_LABEL = re.compile(r"\s*[:：]|\s*[\d(+]")


def index_text(text: str) -> TextIndex:
    """Quoted spans (“…” and "…" pairs within a line, at most 300 characters) and footer lines of ``text``."""
    pats = patterns()
    lines: set[tuple[int, int]] = set()
    for f in pats.footer.finditer(text):
        start, end = text.rfind("\n", 0, f.start()) + 1, (text.find("\n", f.end()) + 1 or len(text) + 1) - 1
        if "。" in text[start:end] and not _FOOTER_LABEL.match(text, f.end()):
            continue  # a word of a Chinese sentence ("一个电话就有人上门收。"), not a footer's label ("电话:0998-…")
        lines.add((start, end))
    footers = tuple(sorted(lines | address_lines(text)))
    return TextIndex(tuple(_quoted_spans(text)), footers)


def _inside(spans: tuple[tuple[int, int], ...], start: int, end: int, reach: int = 301) -> bool:
    """True when ``start..end`` lies within one of ``spans`` (sorted, each at most ``reach`` long)."""
    i = bisect.bisect_left(spans, (start, -1)) - 1
    while i >= 0 and spans[i][0] >= start - reach:
        a, b = spans[i]
        if a < start and end <= b:
            return True
        i -= 1
    return False


_LIST_DOT = re.compile(r"[.、)）]\s*\D")
_GRADE = re.compile(r"[A-Z](?=[\s,.;:)-]|$)")
_RUN_IN_ITEM = re.compile(r"\.\s+[A-Z][a-z]")
_WORDS = re.compile(r"[A-Za-z]+")
# a sentence opens at the text's start, after a stop or heading, or after list numbering ("(2) Forty-six ...")
# a sentence opens after a stop, a line break, a list number, or a dateline's dash ("BEIJING, May 3 -- Twenty ...")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;】\n]|\s(?:--|—|–)|(?:^|\s)(?:\(\d{1,2}\)|（\d{1,2}）|\d{1,2}\.))\s*$")
# a heading in title case: the number word opens a short line with no final stop and a capital follows it
# ("Eight Pairings, One Goal", "Three Thousand Teachers Trained"): part of a title, no mention (Layer 1)
_TITLE_CASE_NEXT = re.compile(r"[ \t]+(?:[A-Z][\w’'-]*)(?:[^\n.!?;:]{0,80})$", re.M)
_HYPHEN_WORD = re.compile(r"-[A-Za-z]")
_NAME_AFTER = re.compile(r"\s+[A-Z]")


# a line of cells: bars, tabs or a run of spaces between them; or a label's value after its colon ("Trained: 45")
# ... or a dotted leader, or another number (a row of a table whose cells single spaces split: "Linxi 420 12 8")
# ... or a bullet's line ("* Wells dug 40" ending a slide)
_CELL_BREAK = re.compile(
    r"\||\t|\S {2,}|[:：]\s*$|(?:[.·][ \t]?){3}[ \t]*$|……[ \t]*$|(?:^|\s)[\d.,]+%?[ \t]+$|^\s*[-*•·][ \t]"
)
# a figure stated as the complement of a count: nothing that could follow it (a unit, a noun) is missing
_COUNT_COMPLEMENT = re.compile(
    r"\b(?:the\s+(?:total\s+)?number\s+of\s+[^,;.]*?\s+(?:was|were|is|are|reached|totall?ed|stood\s+at)"
    r"|\bnumbered)\s*$",
    re.I,
)


def _whole_at_text_end(text: str, line_start: int, start: int) -> bool:
    """True when a number that ends the text is whole, not cut from its unit: a cell of a table row (the
    row's figure needs no words after it), a label's value ("Teachers sent: 45", "Wells dug ...... 45") or a count
    stated as a complement ("the number of wells was 45")."""
    line = text[line_start:start]
    return _CELL_BREAK.search(line) is not None or _COUNT_COMPLEMENT.search(line) is not None


def _is_year(value: int) -> bool:
    return 1900 <= value <= 2100


def exclusion_rule(text: str, number: NumberMatch, ctx: ExclusionContext, index: TextIndex) -> str | None:
    """The name of the rule that says ``number`` is not a quantity, or ``None`` if it is one.

    ``ctx`` says whether a unit or a (plural) counted noun follows; ``index``
    comes from :func:`index_text` over the same text.  Rules and their order
    are listed in the module docstring.
    """
    pats = patterns()
    start, end = number.start, number.end
    if _inside(index.footer_lines, start - 1, end, reach=len(text) + 1):
        return "footer"
    if _inside(index.quoted, start, end) and not _speech(text, index.quoted, start, end):
        return "quoted"
    line_start = text.rfind("\n", 0, start) + 1
    opening = text[line_start:start].rstrip()  # at a line's start or after a 【heading】
    at_line_open = not opening or opening.endswith("】")
    # the list dot first: the note test reads the whole line before the number
    if _LIST_DOT.match(text, end) and (at_line_open or pats.note_opening.search(opening)):
        return "list_number"
    if at_line_open and number.rule == "digits" and pats.section_number.match(text, start):
        return "section_number"
    run_in = opening.endswith((".", "。")) and _RUN_IN_ITEM.match(text, end)
    if run_in and number.rule == "digits" and number.value < 100:
        return "list_number"  # a list run into the paragraph: "... of the projects. 2. Promoting industry"
    if number.rule == "digits" and number.value <= 5 and _GRADE.match(text, end):
        return "grade"  # "3A hospitals", "4A scenic spots", "5G": a grade or a name, no count
    if text[start - 1 : start] in "(（" and text[end : end + 1] in ")）" and start > 0:
        return "list_number"
    if ctx.at_text_end and not _whole_at_text_end(text, line_start, start):
        return "truncated"
    if (
        number.rule == "range"
        and number.value_high is not None
        and number.plain
        and _is_year(int(number.value))
        and _is_year(int(number.value_high))
    ):
        return "year_range"
    if number.rule == "range" and pats.telephone_number.match(number.text):
        return "telephone"
    year_like = number.plain and number.rule == "digits" and len(number.text) == 4 and _is_year(int(number.value))
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    near = before[-16:]  # the before-patterns end at the number: the last words are enough
    if year_like and not ctx.has_unit:
        named = pats.year_before_name.search(near) and _NAME_AFTER.match(text, end)
        if not ctx.plural_noun or pats.year_before.search(near) or named:
            return "year"
    high = number.value_high if number.rule == "range" else None
    day_like = (number.rule in ("digits", "words") and number.value <= 31) or (high is not None and high <= 31)
    if day_like and (pats.months.search(near) or pats.months_after.match(after)):
        return "date"
    bare = not (ctx.has_unit or ctx.has_noun)
    if bare and pats.age_after.match(after) and pats.age_before.search(before):
        return "age"
    if pats.before_any.search(near):
        for name, pat in pats.before:
            if pat.search(near):
                return f"before:{name}"
    if pats.after_any.match(after):
        for name, pat in pats.after:
            if pat.match(after):
                return f"after:{name}"
    if number.words:
        word = number.text.split()[0].lower()
        prev = _WORDS.findall(before[-20:])
        for name, target, words in pats.word_before:
            if word == target and number.rule == "words" and prev and prev[-1].lower() in words:
                return f"word:{name}"
        for name, target, pat in pats.word_after:
            if word == target and number.rule == "words" and pat.match(after):
                return f"word:{name}"
        if number.text[:1].isupper() and not _SENTENCE_OPEN.search(before):
            return "name"
        if number.text[:1].isupper() and at_line_open and _TITLE_CASE_NEXT.match(text, end):
            return "name"
        if number.rule == "words" and _HYPHEN_WORD.match(after) and not ctx.has_unit and not ctx.has_noun:
            return "compound_word"
        if number.rule in ("words", "range") and not (ctx.has_unit or ctx.has_noun):
            return "bare_word_number"
    return None


@dataclass(frozen=True)
class ChinesePatterns:
    """The ``zh`` section of ``data/exclusions.yaml``, compiled."""

    spans: re.Pattern[str]
    before: tuple[tuple[str, re.Pattern[str]], ...]
    after: tuple[tuple[str, re.Pattern[str]], ...]
    before_any: re.Pattern[str]  # all of ``before`` in one pass: the loop runs only when one matches
    after_any: re.Pattern[str]


@cache
def chinese_patterns() -> ChinesePatterns:
    """Load and compile the Chinese exclusions of ``data/exclusions.yaml`` (cached)."""
    raw = _load_yaml("exclusions.yaml")["zh"]
    spans = "|".join(f"(?P<{k}>{v})" for k, v in raw["spans"].items())
    return ChinesePatterns(
        spans=re.compile(rf"(?=[\d{raw['span_starts']}])(?:{spans})", re.I),
        before=tuple((str(k), re.compile(f"(?:{v})$", re.I)) for k, v in raw["before"].items()),
        after=tuple((str(k), re.compile(str(v), re.I)) for k, v in raw["after"].items()),
        before_any=re.compile("|".join(f"(?:{v})$" for v in raw["before"].values()), re.I),
        after_any=re.compile("|".join(f"(?:{v})" for v in raw["after"].values()), re.I),
    )


def chinese_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Dates, times, plan periods, fractions and slogans in ``text[start:end]``: ``(start, end, name)``, in order."""
    return [(m.start(), m.end(), m.lastgroup or "") for m in chinese_patterns().spans.finditer(text, start, end)]


_CLAUSE_MARK = re.compile(r"[,.;:!?。、]")


def chinese_exclusion_rule(
    text: str, number: NumberMatch, end: int, index: TextIndex, spans: list[tuple[int, int, str]]
) -> str | None:
    """The name of the rule that says a Chinese ``number`` is no quantity, or ``None``.

    ``end`` is where the number's words end (its scale and inside qualifier read);
    ``spans`` come from :func:`chinese_spans`.
    """
    start = number.start
    if _inside(index.footer_lines, start - 1, end, reach=len(text) + 1):
        return "footer"
    if _inside(index.quoted, start, end):
        i = bisect.bisect_left(index.quoted, (start, -1)) - 1
        while i >= 0:
            a, b = index.quoted[i]
            if a < start and end <= b:
                emphasis = len(text[a + 1 : b - 1].strip()) - len(number.text) <= 2  # "“八成”": the figure itself
                if not _CLAUSE_MARK.search(text, a, b) and not emphasis:
                    return "quoted"  # a slogan or a title; a quotation with a clause of its own is speech
                break
            i -= 1
    k = bisect.bisect_right(spans, (start, len(text) + 1, "")) - 1
    while k >= 0 and spans[k][1] > start - 40:
        a, b, name = spans[k]
        if a <= start and number.end <= b:
            return f"span:{name}"
        k -= 1
    pats = chinese_patterns()
    # the words around a number are those of its line: "…| 12\n乙县 …" is no grade ("二甲医院")
    line_end = text.find("\n", end)
    stop = line_end if line_end >= 0 else len(text)
    since = max(text.rfind("\n", 0, start) + 1, start - 12)
    if pats.before_any.search(text, since, start):
        for name, pat in pats.before:
            if pat.search(text, since, start):
                return f"before:{name}"
    if pats.after_any.match(text, end, stop):
        for name, pat in pats.after:
            if pat.match(text, end, stop):
                return f"after:{name}"
    return None
