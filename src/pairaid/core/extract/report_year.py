"""Which year a report covers, from its text and, where it has one, its file name.

The rule, for every file: the text's year; a year that opens the file name can come first (below);
a text naming no year takes the year its file name holds anywhere ("shandong-2009.txt"); a file
naming none anywhere is refused (:func:`report_year_required`: give ``--year``).

Yearbooks are named for the year they appear in and report on the year before: a
file named ``2010_…`` from the 2010 yearbook covers 2009 (shared/corpus/index.csv,
``yearbook_year`` against ``report_year``).  A news release (a dateline opens its text:
"ANHE, Oct. 22 --") is named for the year it appeared in, which is the year it reports on.
A page written mainly in Chinese is a news or government page, named for the year it appeared in, which is the year it
reports on (shared/corpus/index-zh.csv): see :func:`chinese_report_year`.
"""

from __future__ import annotations

import re
from collections import Counter

from pairaid.core.errors import InputError
from pairaid.core.extract.chinese_text import main_language
from pairaid.core.extract.regex_leads import compile_led, led_pattern
from pairaid.core.extract.rules import word_list

_YEARBOOK_FILE = re.compile(r"^((?:19|20)\d\d)[_-]")
# a yearbook's edition and its year, in the opening lines ("Anhe Yearbook 2031", "2031 Yearbook", "Yearbook (2031)",
# "the 2031 edition") or in a file name ("anhe-yearbook-2031.txt"): its chapters report on the year before
_EDITION = "|".join(word_list("edition_words"))
_EDITION_YEAR = re.compile(
    rf"\b(?:{_EDITION})\b[\s(,:]{{0,3}}((?:19|20)\d\d)\b(?!\s*[-~–年])"
    rf"|(?<![\d-])((?:19|20)\d\d)\s+(?:(?-i:[A-Z])[\w-]*\s+){{0,5}}(?:{_EDITION})\b",
    re.I,
)
_EDITION_FILE = re.compile(
    rf"(?:{_EDITION})[_ .-]?((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)[_ .-]?(?:{_EDITION})", re.I
)
_EDITION_WITHIN = 3  # the opening lines a yearbook names its edition in
# "in the past year", "last year": a chapter looking back on the year before its edition
_PAST_YEAR = re.compile(rf"\b(?:{'|'.join(word_list('past_year_words'))})\b", re.I)
# a heading that is a year alone ("2030年", "2030", "Work in 2030", "2030: a review"): the year its figures are for
_YEAR_HEADING = re.compile(
    r"^[ \t]*(?:(?:work|review|achievements?|results?)\s+(?:in|of)\s+)?((?:19|20)\d\d)\s*年?"
    r"(?:\s*[:：]?\s*(?:work|review|in\s+review|achievements?|results?|round-?up))?[ \t]*$",
    re.I | re.M,
)
# a news release's dateline opening its first paragraph: "ANHE, Oct. 22 --", "ANHE CITY, May 3 (Reporter) —",
# its province or region after the city in ordinary case ("ANHE, Eastshire, Oct. 22, 2031 --")
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*,\s*(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s*)?"
    rf"(?:{'|'.join(word_list('months'))})\.?\s+\d{{1,2}}\b(?:,\s*((?:19|20)\d\d)\b)?"
    r"[^\n]{0,60}?(?:--|—|–)",
    re.M,
)
_DATELINE_WITHIN = 600
# a sentence of a plan or forecast, and an earlier year a figure is compared with: neither is the year reported on
_FUTURE_SENTENCE = re.compile(rf"[^.!?\n]*\b(?:{'|'.join(word_list('future_words'))})\b[^.!?\n]*", re.I)
_COMPARED_YEAR = re.compile(
    rf"\b(?:{'|'.join(word_list('comparison_words'))})\s[^,;.\n]{{0,40}}?\b(?:19|20)\d\d\b", re.I
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CHINESE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?!\s*[-~–至到])")
# a date with a time: when the page was published ("2031年3月9日08:15", "2029-07-21 16:42")
_DATED = re.compile(
    r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}\s*[:：]\s*\d\d|\d{1,2}\s*时)"
)
# a line that is only a date, perhaps after a paper's name ("某某日报 2029年07月21日")
_DATE_LINE = re.compile(r"^\s*(?:\S{0,8}\s+)?((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*\d{1,2}\s*日?\s*$", re.M)
# a span of years that ends in a year ("2026至2030年", "2026-2030年")
_SPAN_END = re.compile(r"(?:19|20)\d\d\s*年?\s*[-~–—至到]\s*((?:19|20)\d\d)\s*年")
# a year the text reports on: "in (June) 2009", "2009, ..." opening a sentence
_MONTHS = rf"(?:{'|'.join(word_list('months'))})"
_IN_YEAR = compile_led(rf"\b(?:in|during|throughout)\s+(?:{_MONTHS}\s+)?((?:19|20)\d\d)\b(?!\s*[-~–])", re.I)
_OPENING_YEAR = re.compile(r"(?:^|[】\n.])\s*(?:In\s+)?((?:19|20)\d\d)\s*,", re.M)


def report_year_candidates(text: str) -> Counter[int]:
    """Years the text reports on, with how often: "In 2009", "in June 2009", "2009, ...", "2010 is the last year".

    A year after "since" is history, not a candidate.
    """
    years = Counter(int(m.group(1)) for m in _IN_YEAR.finditer(text))
    years.update(int(m.group(1)) for m in _OPENING_YEAR.finditer(text))
    years.update(int(m.group(1)) for m in re.finditer(r"\b((?:19|20)\d\d)\s+(?:is|was)\s+(?:the|a)\b", text))
    years.update(int(m.group(1)) for m in re.finditer(r"\bend\s+of\s+((?:19|20)\d\d)\b", text, re.I))
    years.update(int(m.group(1)) for m in _YEAR_HEADING.finditer(text))
    for m in re.finditer(r"\bsince\s+(?:\w+\s+)?((?:19|20)\d\d)\b", text, re.I):
        years.pop(int(m.group(1)), None)
    for m in _BEGAN_IN.finditer(text):
        years[int(m.group(1))] -= 1
    return +years


# when something began ("the pairing began in 2018"): history, not a candidate
_BEGAN_IN = re.compile(
    rf"\b(?:{'|'.join(word_list('history_verbs'))})\s+in\s+(?:{_MONTHS}\s+)?((?:19|20)\d\d)\b(?!\s*[-~–])", re.I
)


def report_year_from_text(text: str) -> int | None:
    """The year a report reports on, read from its text, or ``None`` when it names no year.

    The most frequent of :func:`report_year_candidates`, ties broken by the later year.
    """
    years = report_year_candidates(text)
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


_MONTH = rf"(?:{'|'.join(word_list('months'))})\.?"
# a full date: "2031-09-19", "19 September 2031", "Sept. 19, 2031"
_FULL_DATE = led_pattern(
    re.compile(
        rf"\b((?:19|20)\d\d)-(\d{{1,2}})-\d{{1,2}}\b|\b\d{{1,2}}\s+({_MONTH})\s+((?:19|20)\d\d)\b"
        rf"|\b({_MONTH})\s+\d{{1,2}},?\s+((?:19|20)\d\d)\b"
    )
)
# a line of the opening that is a date, perhaps with the paper or the page's words around it
# ("Anhe Daily, 19 September 2031", "Updated: 2031-09-19  Source: ...", "(Baishan, 26 May 2031; excerpt)")
_DATE_LINE_WITHIN = 10
_DATE_LINE_LENGTH = 90


def _month(name: str) -> int:
    return [w[:3].lower() for w in word_list("months")[:12]].index(name[:3].lower()) + 1


def _publication_date(text: str, file_year: int | None) -> tuple[int | None, int, bool] | None:
    """(year or ``None``, month, written on its own line or as a dateline) of the date the report was
    published, from its opening: a news release's dateline ("ANHE, Oct. 22 --"), a line that is a date
    ("Anhe Daily, 19 September 2031"), else the first full date of its opening's prose, when that is
    the file name's year or the year before (an interview "recorded on 9 July 2031"); else ``None``."""
    dateline = _DATELINE.search(text[:_DATELINE_WITHIN])
    if dateline is not None:
        month = re.search(_MONTH, dateline.group(0))
        assert month is not None
        return (int(dateline.group(1)) if dateline.group(1) else None), _month(month.group(0)), True
    lines = text.splitlines()
    for line in lines[1:_DATE_LINE_WITHIN]:
        found = _FULL_DATE.search(line)
        if found is not None and len(line.strip()) <= _DATE_LINE_LENGTH:
            return (*_year_month(found), True)
    found = _FULL_DATE.search(text[:_DATELINE_WITHIN])
    if found is not None and file_year is not None and _year_month(found)[0] in (file_year - 1, file_year):
        return (*_year_month(found), False)
    return None


def _year_month(found: re.Match[str]) -> tuple[int, int]:
    if found.group(1):
        return int(found.group(1)), int(found.group(2))
    if found.group(3):
        return int(found.group(4)), _month(found.group(3))
    return int(found.group(6)), _month(found.group(5))


def _title_years(text: str) -> set[int]:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return {int(y) for y in _YEAR_IN_NAME.findall(first)}


# a span of years the text's figures cover ("2027–2031", "2027 to 2031"): its figures reach its end
_SPAN_EN = re.compile(r"(?<!\d)(?:19|20)\d\d\s*(?:[-–—~]|to)\s*((?:19|20)\d\d)(?!\d)")


def _title_or_span_year(text: str) -> int | None:
    """The one year a report's title names, not a plan's ("Work Summary for 2031", "2031 at a Glance",
    "Progress Report, January–June 2031"); else the latest end of a span of years its text's figures cover
    ("Table 1  Aid, 2027–2031"), plans left out, when it names no later year; else ``None``."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    titled = _title_years(text)
    if len(titled) == 1 and not _FUTURE_SENTENCE.search(first) and not re.search(r"\bplans?\b", first, re.I):
        return titled.pop()
    plain = _without_plans(text)
    ends = [int(m.group(1)) for m in _SPAN_EN.finditer(plain)]
    if ends and max(ends) >= max(report_year_candidates(plain), default=0):
        return max(ends)
    return None


def report_year_of(text: str, *, filename: str | None = None) -> int | None:
    """The year the report covers, or ``None`` when neither text nor file name tells.

    Order: the date the report was published (:func:`_publication_date`): a release of March to
    December reports on the year it is dated, or the year its file name holds when its dateline gives
    no year, unless its title names the year before alone (a statistical communiqué of March on the
    year before); one of January or February on the year before unless the text names its own year
    most; then the yearbook file name's year before (``2010_…`` → 2009) when the title names it alone; then the one
    year the text names most often (plans and compared years left out) when it is
    the file name's year or the year before (a yearbook names its chapter for the year after, a news
    release for the year it appeared); a yearbook file name
    (``2010_…`` → 2009) when the text names that year or
    only earlier ones (history such as "in 2002 the two cities were twinned"); else
    the year the English text reports on ("In 2009", :func:`report_year_from_text`);
    else the most frequent "2009年" (the later year on a tie); else the file name's year.
    """
    match = _YEARBOOK_FILE.match(filename or "")
    if main_language(text) == "zh":
        found = chinese_report_year(text, file_year=int(match.group(1)) if match is not None else None)
        return found if found is not None else _year_in_name(filename)
    from_name = int(match.group(1)) - 1 if match is not None else None
    edition = _edition_year(text, filename)
    if edition is not None:
        covered = _edition_covers(text, edition)
        if covered is not None:
            return covered
        from_name = edition - 1
    reported = _reported_year(text)
    published = _publication_date(text, from_name + 1 if from_name is not None else None)
    if published is not None:
        year, month, set_apart = published
        if year is None and from_name is not None and _SPRING <= month <= _AUTUMN:
            year = from_name + 1  # a dateline of the year the release is named for
        if year is not None and (set_apart or reported in (None, year)):
            if month < _SPRING:
                return year if reported == year else year - 1
            spring = published[0] is not None and month < _SUMMER
            if spring and reported == year - 1 and year not in report_year_candidates(text):
                return reported  # a review of the year before, released in its spring ("In 2030, ...")
            return year - 1 if _title_years(text) == {year - 1} else year
    latest = _title_or_span_year(text)
    if from_name is not None and latest == from_name + 1:
        return latest  # the title's one year ("Work Summary for 2031") or a span's end ("2027–2031") is its file name's
    if from_name is not None and _title_years(text) == {from_name}:
        return from_name  # a yearbook's chapter whose title names the year before its file's ("Round-up, 2030")
    if from_name is not None and reported in (from_name, from_name + 1):
        return reported  # the text's one year of the two a file name may mean (yearbook or news naming)
    if from_name is not None and published is not None and published[2]:
        # a news release, named for the year it appeared in, reports on that year; one of January or February
        # ("ANHE, Jan. 14 --") on the year before, unless its text names its own year more
        named = report_year_candidates(_without_plans(text))
        if published[1] >= _SPRING or named[from_name + 1] > named[from_name]:
            from_name += 1
    candidates = report_year_candidates(_without_plans(text))
    if from_name is not None and (from_name in candidates or all(year < from_name for year in candidates)):
        return from_name
    found = report_year_from_text(text)
    if found is not None:
        return found
    chinese = Counter(int(m.group(1)) for m in _CHINESE_YEAR.finditer(text))
    if chinese:
        return max(chinese, key=lambda year: (chinese[year], year))
    return from_name if from_name is not None else _year_in_name(filename)


# a release of March to November is dated in the year it is named for; one of December, January or February may be
# named for the year after or report on the year before
_SPRING = 3
_SUMMER = 7
_AUTUMN = 11


def _without_plans(text: str) -> str:
    """The text with its plans and forecasts, and the earlier years figures are compared with, blanked."""
    return _COMPARED_YEAR.sub(
        lambda m: " " * len(m.group(0)), _FUTURE_SENTENCE.sub(lambda m: " " * len(m.group(0)), text)
    )


def _edition_year(text: str, filename: str | None) -> int | None:
    """The year of the yearbook edition the text or its file name names ("Anhe Yearbook 2031" in its opening
    lines, "anhe-yearbook-2031.txt"), or ``None``."""
    opening = "\n".join(text.strip().splitlines()[:_EDITION_WITHIN])
    found = _EDITION_YEAR.search(opening) or _EDITION_FILE.search(filename or "")
    if found is None:
        return None
    return int(found.group(1) or found.group(2))


def _edition_covers(text: str, edition: int) -> int | None:
    """The year a chapter of the ``edition`` reports on, when its text says: the year before the edition when
    it looks back on "the past year" or names that year (its plans and compared years left out) at least as
    often as the edition's own; else ``None`` (the text's years decide, the year before the edition first)."""
    candidates = report_year_candidates(_without_plans(text))
    if _PAST_YEAR.search(text) or candidates[edition - 1] >= candidates[edition]:
        return edition - 1
    return None


def _reported_year(text: str) -> int | None:
    """The year the text names most often as the one it reports on, when one year leads alone; plans and
    forecasts, and the earlier years figures are compared with, left out (``None`` on a tie or no year)."""
    ranked = report_year_candidates(_without_plans(text)).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _year_in_name(filename: str | None) -> int | None:
    """The last year a file name holds as a number of its own ("report-2009.txt"), or ``None``."""
    years = _YEAR_IN_NAME.findall(filename or "")
    return int(years[-1]) if years else None


def report_year_required(text: str, *, filename: str) -> int:
    """:func:`report_year_of`, or :class:`InputError` saying how to give the year."""
    found = report_year_of(text, filename=filename)
    if found is None:
        raise InputError(f"{filename}: no year in the text nor in the file name; give --year")
    return found


def chinese_report_year(text: str, *, file_year: int | None = None) -> int | None:
    """The year a page written mainly in Chinese reports on, or ``None``.

    Order: a yearbook's (``某某年鉴(2031)`` in its opening lines) the year before its edition's, unless its text
    names the edition's year more; the one year its title names (``某市2030年国民经济和社会发展统计公报``,
    ``…2030年主要指标完成情况``; a plan's title aside) when that is the year before its file name's, or with no file
    name; else the year of its file name (``2020_…``), or the year before when the page's
    latest year is that one and ends a span (a summary of "2026至2030年" published in 2031);
    else the year of its publication date (a date with a time, else a line that is only
    a date), or the year before when it appeared in January or February and names that
    year more often (a summary of the year before); else the year the page names most
    often (the later on a tie).
    """
    named = Counter(int(m.group(1)) for m in _CHINESE_YEAR.finditer(text))
    opening = _opening_lines(text)
    edition = _yearbook_edition(opening)
    if edition is not None:
        return edition - 1 if named[edition - 1] >= named[edition] else edition
    titled = _title_year(opening)
    if titled is not None and (file_year is None or titled == file_year - 1):
        return titled
    if file_year is not None:
        spans = {int(m.group(1)) for m in _SPAN_END.finditer(text)}
        latest = max((*named, *spans), default=None)
        return file_year - 1 if latest == file_year - 1 and latest in spans else file_year
    dated = _DATED.search(text) or _DATE_LINE.search(text)
    if dated is not None:
        year = int(dated.group(1))
        early = int(dated.group(2)) <= 2
        return year - 1 if early and named[year - 1] > named[year] else year
    if named:
        return max(named, key=lambda year: (named[year], year))
    return None


# the lines that open a page, before its first sentence of prose: its breadcrumb, title, date and source lines
_OPENING_LINES = 6
_TITLE_LENGTH = 60
_YEARBOOK = re.compile(
    rf"(?:{'|'.join(word_list('yearbook_titles', 'zh'))})\s*[(（〔\[·・:：]?\s*((?:19|20)\d\d)(?!\d)"
    rf"|(?<!\d)((?:19|20)\d\d)\s*(?:年\s*)?(?:{'|'.join(word_list('yearbook_titles', 'zh'))})"
)
# a year a title reports on: "2030年" that is no date ("2030年5月"), no span ("2026至2030年", "2030年以来") and no
# yearbook's name ("2031年鉴")
_TITLE_YEAR = re.compile(
    r"(?<![\d至到~–—-])(?<![至到~–—-]\s)((?:19|20)\d\d)\s*年(?!\s*(?:\d|[-~–—至到]|以来|来|起|鉴|鑑))"
)
_PLAN_TITLE = re.compile("|".join(word_list("plan_titles", "zh")))


def _opening_lines(text: str) -> list[str]:
    """The short lines that open a page, up to its first line of prose (a line ending a sentence)."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > _TITLE_LENGTH or line.endswith(("。", "！", "？")) or len(lines) == _OPENING_LINES:
            break
        lines.append(line)
    return lines


def _yearbook_edition(opening: list[str]) -> int | None:
    """The edition year of a yearbook the opening lines name ("某某州年鉴(2031)", "某某年鉴2031", "2031年鉴")."""
    for line in opening:
        found = _YEARBOOK.search(line)
        if found is not None:
            return int(found.group(1) or found.group(2))
    return None


def _title_year(opening: list[str]) -> int | None:
    """The one year the opening's title lines name as the year reported on ("某市2030年…统计公报"), or ``None``
    (none, several, or a plan's title: "2031年工作要点")."""
    years = {int(m.group(1)) for line in opening if not _PLAN_TITLE.search(line) for m in _TITLE_YEAR.finditer(line)}
    return years.pop() if len(years) == 1 else None
