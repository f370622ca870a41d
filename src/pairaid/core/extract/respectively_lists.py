"""Places listed with "respectively" (F4): "N1, N2 and N3 respectively to B1, B2 and B3" pairs each figure
with a recipient; "the governments of A, B and C respectively arranged N1, N2 and N3" with a donor; places
listed before "each" ("B1, B2 and B3 each received N", "and B1 and B2 N each") each receive the figure."""

from __future__ import annotations

import re
from collections.abc import Collection, Container
from typing import TypeVar

from pairaid.core.extract.contexts import mention_run
from pairaid.core.extract.model import Context, Mention, Sentence
from pairaid.core.extract.places import NOT_PLACE

__all__ = [
    "each_recipients",
    "listed_before",
    "listed_before_run",
    "received_each",
    "receivers_listed",
    "respective_pairs",
    "respectively_donors",
    "respectively_recipients",
    "run_from",
    "shared_readings",
]

T = TypeVar("T")

_PLACE = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
_RESPECTIVELY = re.compile(
    rf"^[^.;,]{{0,40}}?\b(?:respectively|each)\s+(?:to|for|in)\s+(?:the\s+)?(?P<list>{_PLACE}(?:\s*(?:,|and|,\s*and)\s*{_PLACE})+)"
)


_SPLIT = re.compile(r"\s*(?:,\s*and|,|\band\b)\s*")


def _names(listed: str) -> tuple[str, ...]:
    """The names of a list "A, B and C"."""
    return tuple(p.strip() for p in _SPLIT.split(listed) if p.strip())


def _places(listed: str) -> tuple[str, ...]:
    """The names of a list, or ``()`` when one of them is no place."""
    out = _names(listed)
    return () if any(NOT_PLACE.search(p) for p in out) else out


def respectively_recipients(right: str) -> tuple[str, ...]:
    """Places listed after "respectively to/for/in" (or "each to") at the start of ``right`` (F4), else ``()``."""
    m = _RESPECTIVELY.match(right)
    return () if m is None else _names(m.group("list"))


_RESPECTIVELY_DONORS = re.compile(
    rf"\b(?:governments?|departments?|cities|counties|districts|provinces)\s+of\s+(?:the\s+)?"
    rf"(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE})"
    rf"(?:\s+(?:cities|counties|districts|provinces|municipalities))?"
    rf"\s+(?:each\s+)?respectively\s+(?:[a-z]+\s+){{1,3}}$"
    rf"|(?:^|[,;]\s*|\band\s+)(?P<bare>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE})"
    rf"(?:\s+(?:cities|counties|districts|provinces|municipalities))?\s+respectively\s+(?:[a-z]+\s+){{1,3}}$"
)


def respectively_donors(before: str) -> tuple[str, ...]:
    """Places listed as the actors of "respectively" just before a figure (F4), else ``()``.

    ``before`` is the text of the figure's sentence up to the figure: "the governments of A, B
    and C respectively arranged " gives ``("A", "B", "C")``.
    """
    if "respectively" not in before[-60:]:
        return ()
    m = _RESPECTIVELY_DONORS.search(before[-200:])
    return () if m is None else _places(m.group("list") or m.group("bare"))


_LIST = rf"{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE}"
_KINDS = r"(?:\s+(?:counties|cities|districts|prefectures|townships|towns|villages))?"
_EACH_BEFORE = re.compile(rf"(?:^\s*|[,;:]\s*|\band\s+)(?P<list>{_LIST}){_KINDS}\s+each\s+(?:[a-z]+\s+){{1,3}}$")
# "gave B1 and B2 N each": the places a sum went to each of (F4)
_GAVE_EACH = re.compile(
    rf"\b(?:gave|granted|allocated|allotted|provided|offered|awarded|sent)\s+(?:the\s+)?(?P<list>{_LIST}){_KINDS}\s+$"
)
_EACH_AFTER = re.compile(rf"^\W*(?:and\s+)?(?P<list>{_LIST})\s*$")


def each_recipients(left: str, right: str) -> tuple[str, ...]:
    """Places listed as each receiving a figure (F4): "B1, B2 and B3 each received " in ``left``, or
    "and B1 and B2 " in ``left`` with "each" opening ``right``; else ``()``."""
    m = _EACH_BEFORE.search(left[-200:]) if "each" in left[-60:] else None
    if m is None and re.match(r"^\s*each\b", right):
        m = _EACH_AFTER.match(left)
    return () if m is None else _places(m.group("list"))


_RECEIVERS = re.compile(
    rf"(?:^|[,;:]\s*)(?:the\s+)?(?P<list>{_LIST})(?:\s*[—–]+[^—–]{{0,80}}[—–]+)?\s+"
    r"(?:received|got|obtained|(?:were|was)\s+(?:allotted|allocated|given))\s+$"
)


def receivers_listed(before: str, after: str) -> tuple[str, ...]:
    """Places listed as receiving a run of figures "respectively" ("B1, B2 and B3 received N1, N2 and N3
    respectively"): ``before`` is the sentence up to the run, ``after`` the rest of it; else ``()``."""
    if "respectively" not in after:
        return ()
    m = _RECEIVERS.search(before[-200:])
    return () if m is None else _places(m.group("list"))


_NAMES = re.compile(
    rf"(?<![\w’'-])(?P<to>(?:In|To|For|Among|Between)\s+(?:the\s+)?)?"
    rf"(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE})"
)
# the words after the last figure of a run before "respectively": "N1, N2 and N3 villages were built respectively"
_THEN_RESPECTIVELY = re.compile(r"\s*(?:[a-z]+\s+){0,3}?respectively\b")
_CLAUSE_START = re.compile(r"[;:]|\bwhile\b")
# a list that is where the figures went: after "to", "in", "among", "paired with", or before "(which) received"
_TO_LIST = re.compile(r"\b(?:to|in|among|between|for|with)\s+(?:the\s+)?$", re.I)
_LIST_RECEIVED = re.compile(
    r"^(?:\s+(?:counties|cities|districts|prefectures|townships|villages))?\s*,?\s*(?:which\s+|that\s+)?"
    r"(?:each\s+)?(?:received|got|obtained|were\s+(?:allotted|allocated|given))\b"
)
_PAIRED_WITH = re.compile(r"\b(?:paired|twinned|partnered)\s+(?:up\s+)?with\s+(?:the\s+)?$", re.I)


def listed_before_run(
    text: str, start: int, mentions: list[tuple[int, int]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(donors, recipients) listed in the clause before a run of figures told "respectively" (F4): "B1, B2 and B3,
    which received N1, N2 and N3 respectively", "In B1 and B2, N1 and N2 villages were built respectively"; the
    donors when a list of as many places is paired with the recipients' ("A1 and A2, paired with B1 and B2, gave
    N1 and N2 respectively").  ``start`` is the sentence's start, ``mentions`` the (start, end) of the run;
    ``((), ())`` when the clause lists no places as many as the figures."""
    first, last = mentions[0][0], mentions[-1][1]
    if not _THEN_RESPECTIVELY.match(text, last):
        return (), ()
    clause_start = start
    for m in _CLAUSE_START.finditer(text, start, first):
        clause_start = m.end()
    lists = []
    for m in _NAMES.finditer(text, clause_start, first):
        names = tuple(p.strip() for p in _JOIN.split(m.group("list")) if p.strip())
        if len(names) == len(mentions) and not any(NOT_PLACE.search(p) for p in names):
            lists.append((m, names))
    for k in range(len(lists) - 1, -1, -1):
        m, names = lists[k]
        before = text[max(clause_start, m.start() - 30) : m.start()]
        if m.group("to") or _TO_LIST.search(before) or _LIST_RECEIVED.match(text, m.end(), first):
            donors = lists[k - 1][1] if k and _PAIRED_WITH.search(before) else ()
            return donors, names
    return (), ()


_EACH_RECEIVED = re.compile(
    rf"(?:^\s*|[,;:]\s*|\bwhile\s+)(?:(?i:in|by|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*,?\s+)?(?:the\s+)?"
    rf"(?P<list>{_PLACE}(?:\s*,\s*{_PLACE})*\s*,?\s+and\s+{_PLACE}){_KINDS}\s+"
    r"(?:received|got|obtained|were\s+(?:allotted|allocated|given))\s+$"
)


def received_each(left: str, rest: str) -> tuple[str, ...]:
    """The places listed as receiving a sum "each" (F4): "B1 and B2 counties received N each" gives ``("B1",
    "B2")``, one fact each; else ``()``."""
    if not re.match(r"\s*each\b", rest):
        return ()
    m = _EACH_RECEIVED.search(left) or _GAVE_EACH.search(left[-200:])
    if m is None:
        return ()
    names = tuple(p.strip() for p in _JOIN.split(m.group("list")) if p.strip())
    return () if any(NOT_PLACE.search(p) for p in names) else names


_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def shared_readings(text: str, starts_ends: list[tuple[int, int, int, str]], readings: list[tuple[T, ...]]) -> None:
    """F4: a figure with no reading of its own, joined by "," / "and" to the figure of its unit before it in a run
    told "respectively" ("gave N1 and N2 respectively"), reads as that figure (in place).  ``starts_ends`` holds
    each mention's (start, end, sentence, unit)."""
    for i in range(1, len(readings)):
        if readings[i] or not readings[i - 1]:
            continue
        a, b = starts_ends[i - 1], starts_ends[i]
        if a[2] != b[2] or a[3] != b[3] or not _JOIN.fullmatch(text, a[1], b[0]):
            continue
        k = i
        while k + 1 < len(starts_ends) and _JOIN.fullmatch(text, starts_ends[k][1], starts_ends[k + 1][0]):
            k += 1
        if _THEN_RESPECTIVELY.match(text, starts_ends[k][1]):
            readings[i] = readings[i - 1]


def run_from(text: str, spans: list[tuple[int, int, int, str]], i: int, bound: Container[int]) -> list[int]:
    """The run of figures of ``i``'s unit joined by "," / "and" that ``i`` opens, when two or more; ``spans`` holds
    each mention's (start, end, sentence, unit), ``bound`` the figures read."""
    if i > 0 and i - 1 in bound and _joined(text, spans, i - 1, i):
        return []
    run = [i]
    while run[-1] + 1 < len(spans) and _joined(text, spans, run[-1], run[-1] + 1):
        run.append(run[-1] + 1)
    return run if len(run) > 1 else []


def _joined(text: str, spans: list[tuple[int, int, int, str]], a: int, b: int) -> bool:
    (_, end, sa, ua), (start, _, sb, ub) = spans[a], spans[b]
    return sa == sb and ua == ub and bool(_JOIN.fullmatch(text, end, start))


# "divided among B1, B2 and B3 respectively: N1, N2 and N3": the places listed before the figures (F4)
_LISTED_BEFORE = re.compile(
    r"\b(?:among|to|between|for)\s+(?:the\s+)?(?P<list>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
    r"(?:\s*,\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*\s*,?\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
    r"\s+respectively\s*:\s*$"
)


def listed_before(text: str, sentences: tuple[Sentence, ...], mention: Mention) -> tuple[str, ...]:
    """The places listed just before a figure and "respectively:" in its sentence, in order, else ``()``."""
    start = sentences[mention.sentence].start
    if text.find("respectively", start, mention.start) < 0:
        return ()  # the quick test: no match without the word
    m = _LISTED_BEFORE.search(text, start, mention.start)
    if m is None:
        return ()
    return tuple(p.strip() for p in _JOIN.split(m.group("list")) if p.strip())


def respective_pairs(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    contexts: tuple[Context, ...],
    bound: Collection[int],
) -> tuple[dict[int, str], dict[int, str]]:
    """F4: ({figure: recipient}, {figure: donor}) of the figures of runs that places listed "respectively" pair up
    with: "315 and 208 million yuan went respectively to A and B", "divided among A and B respectively: N and M",
    "A and B received N and M respectively", "A1 and A2, paired with B1 and B2, gave N1 and N2 respectively"."""
    paired: dict[int, str] = {}
    paired_donors: dict[int, str] = {}
    spans = [(m.start, m.end, m.sentence, m.unit) for m in mentions]  # once, not once per bound figure
    for i in bound:
        listed = respectively_recipients(contexts[i].rest)
        run = mention_run(text, mentions, i) if len(listed) > 1 else []
        sent = sentences[mentions[i].sentence]
        if not listed and (
            (listed := listed_before(text, sentences, mentions[i]))
            or (listed := receivers_listed(text[sent.start : mentions[i].start], text[mentions[i].end : sent.end]))
        ):
            run = [
                j for j in range(i, min(i + len(listed), len(mentions))) if mentions[j].sentence == mentions[i].sentence
            ]
        if not listed and (run := run_from(text, spans, i, bound)):
            givers, listed = listed_before_run(
                text, sentences[mentions[i].sentence].start, [(mentions[j].start, mentions[j].end) for j in run]
            )
            paired_donors.update(zip(run, givers, strict=False))
        if len(run) == len(listed) > 1:
            paired.update(zip(run, listed, strict=True))
    return paired, paired_donors
