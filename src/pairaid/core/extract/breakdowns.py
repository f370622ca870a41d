"""Breakdowns of a sum of money into the sums that add up to it (F3: structure and arithmetic).

* ``parts.breakdown`` (:func:`breakdowns`): sums after a sum in its paragraph that add up to it exactly;
* ``parts.breakdown_later`` (:func:`later_breakdowns`): a later paragraph whose sums no rule reads as anything but
  aid money ("Linxi County: N1; Heping County: N2, including M for its hospital; ...", "Of the N, Linxi received N1,
  Heping N2 and Anle N3") and which add up exactly to a sum read before the paragraph: they are its parts, and a sum
  after a part marker ("including") inside the list is a part of the sum before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pairaid.core.extract.model import Mention, Reading, Sentence
from pairaid.core.extract.rules import rule_set, word_list

__all__ = ["Link", "breakdowns", "later_breakdowns"]

Best = tuple[Reading | None, ...]


@dataclass(frozen=True)
class Link:
    """The mention ``whole`` that a part belongs to, and the id of the rule that linked them."""

    whole: int
    rule: str


def _indicator(best: Best, i: int) -> str | None:
    r = best[i]
    return r.indicator if r is not None else None


_PEERS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_RESPECTIVELY = re.compile(r"\s*(?:[a-z]+\s+){0,3}?respectively\b")


def _told_respectively(text: str, mentions: tuple[Mention, ...], run: list[int]) -> bool:
    """Whether the figure ``run[0]`` opens a list of figures ("N1, N2 and N3") told "respectively"."""
    k = 0
    while k + 1 < len(run) and mentions[run[k + 1]].sentence == mentions[run[0]].sentence:
        if not _PEERS.fullmatch(text, mentions[run[k]].end, mentions[run[k + 1]].start):
            break
        k += 1
    return k > 0 and bool(_RESPECTIVELY.match(text, mentions[run[k]].end))


def _money(best: Best, mentions: tuple[Mention, ...]) -> list[int]:
    plans = {i for i, r in enumerate(best) if r is not None and r.kind == "plan"}
    return [i for i, m in enumerate(mentions) if m.unit == "CNY" and i not in plans]


def breakdowns(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], best: Best, parts: dict[int, Link]
) -> None:
    """Sums of money after a bound sum in its paragraph that add up to it exactly are its parts (``breakdown``)."""
    money = _money(best, mentions)
    for pos, w in enumerate(money):
        if _indicator(best, w) is None:
            continue
        if _told_respectively(text, mentions, money[pos:]):
            continue  # "B1, B2 and B3 received N1, N2 and N3 respectively": a list of peers, no sum and its parts
        whole = mentions[w]
        para = sentences[whole.sentence].paragraph
        after = []
        for j in money[pos + 1 :]:
            if sentences[mentions[j].sentence].paragraph != para:
                break
            after.append(j)
        # the run may start after other figures ("N of aid, to which the districts added M. B1, B2 and B3
        # received N1, N2 and N3"): each run of figures in a row that adds up to the sum exactly (by channel "其中…",
        # then by county "分县看…": two breakdowns of one sum)
        first = 0
        while first < len(after) - 1:
            total = Decimal(0)
            run: list[int] = []
            for j in after[first:]:
                total += mentions[j].value
                run.append(j)
                if total >= whole.value:
                    break
            if len(run) >= 2 and total == whole.value and not any(_whole(parts, j) not in (None, w) for j in run[1:]):
                rule = rule_set(sentences[whole.sentence].lang).link_rule("breakdown").id
                for j in run:
                    if _whole(parts, j) is None:
                        parts[j] = Link(w, rule)
                first += len(run)
                continue
            first += 1


def _whole(parts: dict[int, Link], i: int) -> int | None:
    link = parts.get(i)
    return link.whole if link is not None else None


def later_breakdowns(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], best: Best, parts: dict[int, Link]
) -> None:
    """The sums of an English paragraph that add up exactly to a bound sum before the paragraph are its parts
    (``parts.breakdown_later``, module docstring): two or more, none a part already, none read as anything but aid
    money; a first sum that the others add up to and that repeats a sum read before ("Of the N, ...") is that sum
    told again, and a sum after a part marker ("including M") a part of the sum before it."""
    aid = frozenset(word_list("aid_money"))
    money = _money(best, mentions)
    paragraphs: dict[int, list[int]] = {}
    for i in money:
        if sentences[mentions[i].sentence].lang == "en":
            paragraphs.setdefault(sentences[mentions[i].sentence].paragraph, []).append(i)
    rule = rule_set("en").link_rule("breakdown_later")
    marker = rule_set("en").link("marker")
    for figures in paragraphs.values():
        if len(figures) < 2 or any(i in parts for i in figures):
            continue
        if any((r := best[i]) is not None and not r.generic and r.indicator not in aid for i in figures):
            continue  # a paragraph of other money (investment, sales) or of plans
        members: list[int] = []
        inner: dict[int, int] = {}  # a sum after "including" -> the member it is a part of
        for k, i in enumerate(figures):
            if members and marker.search(text, mentions[figures[k - 1]].end, mentions[i].start):
                inner[i] = members[-1]
            else:
                members.append(i)
        total = sum((mentions[i].value for i in members), Decimal(0))
        first = mentions[members[0]]
        told_again = len(members) >= 3 and total - first.value == first.value
        if told_again:  # "Of the N, B1 received N1, ...": the sum before, told again
            total = first.value
            members = members[1:]
        if len(members) < 2:
            continue
        before = [
            j
            for j in money
            if mentions[j].end <= first.start
            and sentences[mentions[j].sentence].paragraph != sentences[first.sentence].paragraph
            and mentions[j].value == total
            and _indicator(best, j)
        ]
        if not before:
            continue
        for i in members:
            parts[i] = Link(before[-1], rule.id)
        for i, member in inner.items():
            parts[i] = Link(member, rule.id)
