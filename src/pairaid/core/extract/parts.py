"""Links between figures: parts of a whole (F3, F4), growth rates (F6) and repeats (F10).

Parts (gold-format.md F3):

* ``marker``: figures after "of which" / "including" in a sentence are parts
  of the last figure of the same unit before the marker; when the later parts
  add up to the first part, they are parts of that first part ("19 million, of
  which 11 million from the city, 6.5 million for B and 4.5 million for C");
* ``of_them``: "65 of them" is a part of the count before it;
* ``of_the``: a sentence opening "Of the 19 projects ..., 11 were ...";
* ``breakdown``: money figures that follow a money figure, in the same
  paragraph, and add up exactly to it, are its parts (a breakdown after a total);
* ``shared``: "9.6 million yuan, 3.2 million yuan respectively to A, B and C":
  a figure given to each of N listed places is a part of the figure before it
  in its sentence when N times it makes that figure (F4).

Only figures of the same unit are linked; counts only when they count the same
thing (same indicator or same noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pairaid.core.extract.cues import Context, lexicon
from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.places import respectively_recipients

__all__ = ["Candidate", "find_parts", "find_rates", "repeated"]

_CLAUSE_END = re.compile(r"[;；]")
_OF_THE = re.compile(r"\W*of\s+the\b", re.I)


@dataclass(frozen=True)
class Candidate:
    """A mention's binding before links: indicator (``None`` = unbound), rule, and whether the cue was generic."""

    mention: int
    indicator: str | None
    rule: str
    generic: bool


def _family(unit: str) -> str:
    return "person" if unit in ("person", "person_time") else unit


def _same_kind(a: Mention, ca: Candidate, b: Mention, cb: Candidate) -> bool:
    if _family(a.unit) != _family(b.unit):
        return False
    if a.unit in ("count",):
        return a.noun == b.noun or (ca.indicator is not None and ca.indicator == cb.indicator)
    return True


def find_parts(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    cands: tuple[Candidate, ...],
    contexts: tuple[Context, ...],
) -> dict[int, int]:
    """``{part mention index: whole mention index}`` by the rules of the module docstring."""
    lex = lexicon()
    parts: dict[int, int] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(i)
    for s_idx, idxs in by_sentence.items():
        sent = sentences[s_idx]
        if lex.opening_parts.match(text, sent.start) and idxs and idxs[0] > 0:
            # "Of the total, 56 million yuan ... and 24 million yuan ...": parts of the sentence before
            _link_members(mentions, cands, parts, _earlier_in_paragraph(sentences, mentions, idxs[0], s_idx), idxs)
        # "Of the 19 key projects ..., 11 were ..."
        elif len(idxs) >= 2 and _OF_THE.match(text, sent.start, sent.end):
            whole = idxs[0]
            for j in idxs[1:]:
                if _same_kind(mentions[whole], cands[whole], mentions[j], cands[j]) and cands[whole].indicator:
                    parts[j] = whole
                    break
        for marker in lex.part_markers.finditer(text, sent.start, sent.end):
            before = [i for i in idxs if mentions[i].end <= marker.start()]
            after = [i for i in idxs if mentions[i].start >= marker.end()]
            nxt = lex.part_markers.search(text, marker.end(), sent.end)
            if nxt is not None:
                after = [i for i in after if mentions[i].start < nxt.start()]
            # a list of parts ends with its clause ("of which A sent 21 cadres; A held 37 courses ...")
            semi = _CLAUSE_END.search(text, marker.end(), sent.end)
            if semi is not None:
                after = [i for i in after if mentions[i].start < semi.start()]
            _link_members(mentions, cands, parts, before, after)
        for k, i in enumerate(idxs):
            if k and i not in parts and "respectively" in contexts[i].rest[:20]:
                places = respectively_recipients(contexts[i].rest)
                whole = idxs[k - 1]
                shared = len(places) > 1 and mentions[whole].unit == mentions[i].unit
                if shared and cands[whole].indicator and mentions[i].value * len(places) == mentions[whole].value:
                    parts[i] = whole
            if lex.of_them.match(contexts[i].right) and i not in parts:
                prev = [j for j in idxs if j < i and mentions[j].unit == mentions[i].unit]
                if prev:
                    parts[i] = prev[-1]
    _breakdowns(sentences, mentions, cands, parts)
    return parts


def _earlier_in_paragraph(
    sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], first: int, s_idx: int
) -> list[int]:
    """Mentions of the sentences before ``s_idx`` in its paragraph (``first`` is the sentence's first mention)."""
    para = sentences[s_idx].paragraph
    out = [j for j in range(first) if sentences[mentions[j].sentence].paragraph == para]
    return out


def _link_members(
    mentions: tuple[Mention, ...],
    cands: tuple[Candidate, ...],
    parts: dict[int, int],
    before: list[int],
    after: list[int],
) -> None:
    """Link the figures ``after`` a part marker to the last bound figure of their kind ``before`` it (F3)."""
    for unit_family in {_family(mentions[i].unit) for i in after}:
        wholes = [i for i in before if _family(mentions[i].unit) == unit_family and cands[i].indicator]
        if not wholes:
            continue
        whole = wholes[-1]
        members = [
            i for i in after if _same_kind(mentions[whole], cands[whole], mentions[i], cands[i]) and i not in parts
        ]
        if not members:
            continue
        values = [mentions[i].value for i in members]
        if len(members) >= 3 and sum(values[1:], Decimal(0)) == values[0]:
            parts[members[0]] = whole
            for i in members[1:]:
                parts[i] = members[0]
        else:
            for i in members:
                parts[i] = whole


def _breakdowns(
    sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], cands: tuple[Candidate, ...], parts: dict[int, int]
) -> None:
    money = [i for i, m in enumerate(mentions) if m.unit == "CNY" and cands[i].rule != "plan"]
    for pos, w in enumerate(money):
        if cands[w].indicator is None:
            continue
        whole = mentions[w]
        para = sentences[whole.sentence].paragraph
        total = Decimal(0)
        run: list[int] = []
        for j in money[pos + 1 :]:
            if sentences[mentions[j].sentence].paragraph != para:
                break
            total += mentions[j].value
            run.append(j)
            if total >= whole.value:
                break
        if len(run) >= 2 and total == whole.value and not any(parts.get(j) not in (None, w) for j in run[1:]):
            for j in run:
                if parts.get(j) is None or parts.get(j) == w:
                    parts[j] = w


def repeated(mentions: tuple[Mention, ...], bound: dict[int, str]) -> set[int]:
    """Mentions that repeat verbatim an earlier bound figure of another sentence (F10): same text, unit, value, noun."""
    seen: dict[tuple[str, str, Decimal, str], int] = {}
    out: set[int] = set()
    for i, m in enumerate(mentions):
        if i not in bound:
            continue
        key = (m.text.lower(), m.unit, m.value, m.noun_phrase.lower())
        first = seen.get(key)
        if first is not None and mentions[first].sentence != m.sentence and bound[first] == bound[i]:
            out.add(i)
        elif first is None:
            seen[key] = i
    return out


@dataclass(frozen=True)
class Rate:
    """A growth rate for the figure ``mention``: percent change and base year (``None`` if not stated)."""

    mention: int
    percent: Decimal
    base_year: int | None


def find_rates(
    text: str, mentions: tuple[Mention, ...], contexts: tuple[Context, ...], bound: set[int]
) -> tuple[Rate, ...]:
    """Growth rates (F6): "up 28.2% over 2008", "respectively up a%, b% ... compared with 2008",
    "3.9 times that of 2010".

    A later rate without a base year takes the last base year written before it.
    """
    lex = lexicon()
    rates: list[Rate] = []
    last_base: int | None = None
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.unit != "percent" or not lex.rate_left.search(contexts[i].left + " " + _left_words(text, m, 25)):
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(mentions):
            nxt = mentions[run[-1] + 1]
            if nxt.unit != "percent" or nxt.sentence != m.sentence:
                break
            run.append(run[-1] + 1)
        tail = text[mentions[run[-1]].end : mentions[run[-1]].end + 80]
        base = lex.base_year.match(tail)
        base_year = int(base.group("year")) if base is not None else last_base
        if base is not None:
            last_base = base_year
        figures = [j for j in range(i - 1, -1, -1) if mentions[j].sentence == m.sentence and j in bound]
        respectively = lex.respectively.search(text, max(0, m.start - 40), m.start) is not None
        targets = sorted(figures[: len(run)]) if respectively and len(run) > 1 else figures[:1]
        for pct_idx, fig in zip(run, targets, strict=False):
            rates.append(Rate(fig, mentions[pct_idx].value, base_year))
        i = run[-1] + 1
    for mm in lex.multiplier.finditer(text):
        before = [j for j, x in enumerate(mentions) if x.end <= mm.start() and j in bound]
        if before:
            j = before[-1]
            if text.count(".", mentions[j].end, mm.start()) == 0:
                pct = (Decimal(mm.group("n")) - 1) * 100
                rates.append(Rate(j, pct, int(mm.group("year"))))
    return tuple(rates)


def _left_words(text: str, m: Mention, width: int) -> str:
    return text[max(0, m.start - width) : m.start]
