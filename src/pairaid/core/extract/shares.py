"""Step (of :mod:`~pairaid.core.extract.parts`): money places received as their shares of a sum (F2, F3).

``parts.place_share`` of ``data/rules/en/parts.yaml``: a sum of money that a place received, got or had as
its share, or that went to it ("Linxi got N", "Heping's share was N", "N of it went to Anle"), with no kind
of its own, is a part of the sum of aid money before it (its nearest, in its paragraph or the one before,
that it and the shares before it do not exceed), and takes that sum's kind (``resolve_indicators``): the
fiscal money a province put up, shared among its counties, is fiscal money in each county.  A share that
names its whole ("of the total", "of it", "of this year's money") looks back over the whole report; the
next members of a list of shares ("Linxi got N1, Heping N2 and Anle N3") are shares too.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from pairaid.core.extract.model import Context, Mention, Period, Reading, Sentence
from pairaid.core.extract.places import NOT_PLACE
from pairaid.core.extract.rules import rule_set, word_list

__all__ = ["SHARE", "leads_figure", "place_shares", "share_place", "share_words"]

SHARE = "parts.place_share"  # the id of the link rule

_AID_MONEY = frozenset(word_list("aid_money"))
_RECEIVED = "funds.place_received"
_NAME = r"(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3}"
# the place a share's own words name before it: "Linxi got", "Heping's share in Anle was", "and Anle"
_SHARE_PLACE = (
    re.compile(rf"\b(?:share|allocation)\s+(?:in|to|for)\s+(?:the\s+)?(?P<p>{_NAME})\b[^;.\d]{{0,40}}$", re.I),
    re.compile(
        rf"(?:^|[,;:]\s*|\band\s+)(?:the\s+)?(?P<p>{_NAME})(?:\s*,[^;:]{{0,60}}?,)?\s+"
        r"(?:received|got|obtained|was\s+(?:allotted|allocated|given))\s+(?:about\s+|some\s+|nearly\s+)?$",
        re.I,
    ),
)
# the next member of a list of shares: "and Anle ", "Heping's in Anle "
_NEXT_PLACE = re.compile(rf"^[\s,]*(?:and\s+)?(?:the\s+)?(?P<p>{_NAME})(?:[’']s)?(?:\s*,[^,]{{0,40}},)?\s*$", re.I)


def place_shares(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    best: tuple[Reading | None, ...],
    contexts: tuple[Context, ...],
    periods: tuple[Period, ...],
    linked: Collection[int],
) -> dict[int, int]:
    """``{share: whole}`` for the shares of sums before them (module docstring), ``linked`` (parts already
    linked) left out; their link rule is :data:`SHARE`."""
    rules = rule_set("en")
    rule = rules.link_rule("place_share")
    # "The grants were shared out: B1 got N": the kind of money its sentence names (parts.opening's words)
    kinds = next((p for k, p in rules.link_rule("opening").patterns if k == "opening_kind"), None)
    left, right, named, nxt = (rule.pattern(k) for k in ("share_left", "share_right", "share_of", "share_next"))
    aid_to = rule.pattern("share_to")
    opening, received = rule.pattern("share_opening"), rule.pattern("share_received")
    used: dict[int, Decimal] = {}
    shares: set[int] = set()
    money = [
        i
        for i, m in enumerate(mentions)
        if m.unit == "CNY" and sentences[m.sentence].lang == "en" and _money_or_unread(best[i])
    ]
    out: dict[int, int] = {}
    for k, i in enumerate(money):
        r, c = best[i], contexts[i]
        if i in linked or (r is not None and not r.generic):
            continue
        sent = sentences[mentions[i].sentence]
        opens = opening.match(text, sent.start, sent.end) is not None and received.search(c.left) is not None
        # "A's aid to B1 amounted to N": B1's share of the aid told anywhere before
        whole_named = opens or named.match(c.right) is not None or aid_to.search(c.left) is not None
        listed = k > 0 and money[k - 1] in shares and mentions[money[k - 1]].sentence == mentions[i].sentence
        if not (
            whole_named
            or (r is not None and _RECEIVED in r.rules)
            or left.search(c.left)
            or right.match(c.right)
            or (listed and nxt.match(share_words(c.left, c.clause)))
        ):
            continue
        shares.add(i)
        before = text[sentences[mentions[i].sentence].start : mentions[i].start]
        kind = kinds.search(before) if kinds is not None else None
        named_kind = kind.lastgroup if kind is not None else None
        whole = _whole(
            sentences, mentions, best, periods, money[:k], shares, used, i, anywhere=whole_named, kind=named_kind
        )
        if whole is None and named_kind is not None:
            whole = _whole(sentences, mentions, best, periods, money[:k], shares, used, i, anywhere=whole_named)
        if whole is not None:
            used[whole] = used.get(whole, Decimal(0)) + mentions[i].value
            out[i] = whole
    return out


def _money_or_unread(r: Reading | None) -> bool:
    return r is None or r.kind == "indicator"


_FIGURE = re.compile(r"\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:yuan)?", re.I)
_LISTED = re.compile(r"(?-i:[A-Z])[\w’'-]*(?:\s*,|\s+and)\s*$")  # the last of a list of places: no one place


def share_words(left: str, clause: str) -> str:
    """A share's own words before it: its clause after the figure before it (``left`` words may stop at a
    comma: "and Mori, the smallest county, ")."""
    if len(left) >= len(clause.rstrip()):
        return clause
    ends = [m.end() for m in _FIGURE.finditer(clause)]
    return clause[ends[-1] :] if ends else clause


def share_place(left: str, clause: str) -> str | None:
    """The place a share's words name as receiving it ("Linxi got ", "Heping's share in Anle was " in its
    ``clause``; "and Anle " after the share before it), else ``None``."""
    found = [m for p in _SHARE_PLACE if (m := p.search(clause)) is not None]
    own = share_words(left, clause)
    if own is not clause and (m := _NEXT_PLACE.match(own)) is not None:
        found.append(m)
    for m in found:
        if not NOT_PLACE.search(m.group("p")) and not _LISTED.search(m.string, 0, m.start("p")):
            return m.group("p")
    return None


def _whole(
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    best: tuple[Reading | None, ...],
    periods: tuple[Period, ...],
    before: list[int],
    shares: set[int],
    used: dict[int, Decimal],
    i: int,
    *,
    anywhere: bool,
    kind: str | None = None,
) -> int | None:
    """The nearest sum of aid money before ``i``, of its period (and of the ``kind`` its sentence names), that
    ``i`` and the shares taken from it do not exceed."""
    para = sentences[mentions[i].sentence].paragraph
    value = mentions[i].value
    # the paragraph before: the last paragraph number of the sentences before this paragraph's first
    earlier = [s.paragraph for s in sentences if s.paragraph < para]
    nearest = max(earlier, default=para)
    for j in reversed(before):
        if not anywhere and sentences[mentions[j].sentence].paragraph < nearest:
            return None
        r = best[j]
        if j in shares or r is None or r.indicator not in _AID_MONEY or _RECEIVED in r.rules:
            continue
        if kind is not None and r.indicator != kind:
            continue
        if _span(periods[j]) == _span(periods[i]) and used.get(j, Decimal(0)) + value <= mentions[j].value:
            return j
    return None


def _span(p: Period) -> tuple[object, ...]:
    return (p.kind, p.year, p.start_year, p.end_year)


# the words after a place that lead straight to a figure: "B2 M", "B2 County got about M", "B2's share M" (not
# after a comma: "N was for B1, M for B2": B1 is N's)
_LEADS = re.compile(rf"(?:\s*(?:{'|'.join(word_list('figure_leads'))}))*\s*\d")


def leads_figure(after: str) -> bool:
    """Whether the words ``after`` a place named after a figure lead straight to the next figure ("Aid to B1 came
    to N and to B2 M", "B1 got N, B2 County M"): the place is that figure's (``figure_leads`` of ``words.yaml``)."""
    return _LEADS.match(after) is not None
