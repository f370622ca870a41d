"""The words a rule cannot match without: a quick test that spares trying most rules on a figure.

Most rules do not hold for most figures (of the 36 money rules, one or two hold for a sum of
money).  Each pattern is read once (Python's own regular-expression parser, ``re._parser``) for
the letters every match of it contains within a word: ``\\bgrants?\\b[^,;.]{0,20}$`` cannot match
without "grant".  A rule whose every match field has such anchors is tried on a figure only when one
of them stands in a word of the part of the context that field reads; :class:`Present` reads the
words of a context once (each word's anchors are found once and kept).  The outcome is that of
trying every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import import_module
from typing import Any, Protocol

from pairaid.core.extract.model import Context

__all__ = [
    "MIN_ANCHOR",
    "AnchorBits",
    "Gate",
    "Needles",
    "Present",
    "Screen",
    "anchors_of",
    "may_match",
    "needles_of",
    "prescreened",
]

MIN_ANCHOR = 3  # shorter literals ("of", "in") are in nearly every context: no test
_P: Any = import_module("re._parser")
_C: Any = import_module("re._constants")


def _required(items: Iterable[tuple[Any, Any]], shortest: int = MIN_ANCHOR) -> frozenset[str] | None:
    """Literals one of which every match of the parsed sequence ``items`` contains, or ``None``: runs of
    letters and digits of at least ``shortest`` characters, or with ``shortest`` 1 runs of any characters
    but white space."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= shortest:
            candidates.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, av in items:
        if op is _C.LITERAL and (chr(av).isalnum() or (shortest == 1 and not chr(av).isspace())):
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            found = _required(av[-1], shortest)
        elif op is _C.BRANCH:
            subs = [_required(branch, shortest) for branch in av[1]]
            found = frozenset().union(*subs) if subs and all(s is not None for s in subs) else None  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2], shortest)
        if found:
            candidates.append(found)
    flush()
    if not candidates:
        return None
    # the most telling: the literals whose shortest is longest, then the fewest
    return max(candidates, key=lambda c: (min(len(w) for w in c), -len(c)))


def anchors_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case literals one of which every match of ``pattern`` contains, or ``None`` when unknown."""
    try:
        return _required(_P.parse(pattern.pattern, pattern.flags))
    except Exception:  # a pattern the parser reads differently is simply tried every time
        return None


def needles_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which stands in every text ``pattern`` finds something in (any literal
    characters, however short: "来源", "©"), or ``None`` when unknown: a quick test before a search."""
    try:
        return _required(_P.parse(pattern.pattern, pattern.flags), 1)
    except Exception:
        return None


_NOT_LOWERED = ("ſ", "ı", "İ")  # matched to ASCII letters by a pattern ignoring case, which lower() does not give


@cache
def _screen(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """The needles of ``pattern`` (:func:`needles_of`) and whether none of them has a case (digits, marks,
    Chinese: tested against the text as written, with no lower-casing); ``None`` when unknown."""
    needles = needles_of(pattern)
    if needles is None:
        return None
    return needles, all(n.lower() == n.upper() for n in needles)


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """``False`` only when ``pattern`` can find nothing in ``text``: none of its needles (:func:`needles_of`, kept
    per pattern) stands in ``text`` in lower case.  A quick test before a scan of a sentence for a pattern whose
    words few sentences hold (an objective's "goal" or "target", a firm's "enterprises")."""
    screen = _screen(pattern)
    if screen is None:
        return True
    needles, caseless = screen
    if caseless:
        return any(n in text for n in needles)
    low = text.lower()
    return any(n in low for n in needles) or any(c in text for c in _NOT_LOWERED)


def prescreened(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """``pattern.search``, tried only on a text where :func:`may_match` finds one of its needles: the same
    matches, and no scan of a text that cannot hold one (a year's digits, say)."""
    if _screen(pattern) is None:
        return pattern.search

    def search(text: str) -> re.Match[str] | None:
        return pattern.search(text) if may_match(pattern, text) else None

    return search


class Needles:
    """Which of a set of strings stand in a text, found in one scan of the regex engine (an alternation of
    plain strings, which it scans for quickly) instead of one ``in`` test per string."""

    def __init__(self, words: Iterable[str]) -> None:
        ordered = sorted({w.lower() for w in words if w}, key=lambda w: (-len(w), w))
        self._pattern = re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None
        self._within = {w: frozenset(v for v in ordered if v in w) for w in ordered}

    def found(self, text: str) -> set[str]:
        """The strings standing in ``text`` (compared in lower case)."""
        found: set[str] = set()
        if self._pattern is None:
            return found
        low = text.lower()
        m = self._pattern.search(low)
        while m is not None:  # every start, not only non-overlapping matches: "责任编辑" holds "编辑"
            found |= self._within[m.group()]
            m = self._pattern.search(low, m.start() + 1)
        return found


_WORD = re.compile(r"[^\W_]+")


# a rule's gate as masks: for each match field the mask of its anchors (``None``: the rule has a field
# without anchors, so no test), and the mask of each ``requires`` pattern's anchors
Gate = tuple[tuple[tuple[str, int], ...] | None, tuple[int, ...]]


class _Named(Protocol):
    @property
    def id(self) -> str: ...


class AnchorBits:
    """One bit for each anchor of a rule set, the anchors of each word seen so far as a mask of them
    (shared by every context the rule set reads, so each word is looked at once), and each rule's gate
    as masks (``gate_of`` computes it once per rule)."""

    def __init__(self, anchors: Iterable[str], gate_of: Callable[[Any], Gate]) -> None:
        self.bits = {a: 1 << k for k, a in enumerate(sorted(set(anchors)))}
        self.words: dict[str, int] = {}
        self._gate_of = gate_of
        self.gates: dict[str, Gate] = {}  # by rule id, as computed

    def gate(self, rule: _Named) -> Gate:
        """``rule``'s gate as masks (computed once)."""
        found = self.gates.get(rule.id)
        if found is None:
            found = self.gates[rule.id] = self._gate_of(rule)
        return found

    def mask(self, anchors: Iterable[str]) -> int:
        """The mask of ``anchors`` (each one of the rule set's)."""
        out = 0
        for a in anchors:
            out |= self.bits[a]
        return out

    def of_word(self, word: str) -> int:
        """The mask of the anchors standing in ``word`` (lower case)."""
        found = 0
        for anchor, bit in self.bits.items():
            if anchor in word:
                found |= bit
        if word.isascii():  # Chinese runs words together: a "word" of it is a clause, seldom seen twice
            self.words[word] = found
        return found


class Present:
    """The anchors standing in each part of one context (as masks of :class:`AnchorBits`), found lazily,
    word by word."""

    __slots__ = ("_bits", "_ctx", "_found", "_seen")

    def __init__(self, bits: AnchorBits, ctx: Context, seen: dict[str, int] | None = None) -> None:
        self._bits = bits
        self._ctx = ctx
        self._found: dict[str, int] = {}
        # the mask of each part of a context read before (``seen``, shared by the contexts of one text): a
        # clause's tail, a figure's right words and the next one's left words are often the same string
        self._seen: dict[str, int] = {} if seen is None else seen

    def _in(self, *texts: str) -> int:
        found = 0
        words = self._bits.words
        seen = self._seen
        for text in texts:
            mask = seen.get(text)
            if mask is None:
                mask = 0
                for word in _WORD.findall(text.lower()):
                    got = words.get(word)
                    mask |= got if got is not None else self._bits.of_word(word)
                seen[text] = mask
            found |= mask
        return found

    def _read(self, field: str) -> int:
        ctx = self._ctx
        if field == "rest":
            return self._in(ctx.rest, ctx.tail)
        if field == "source":
            return self._in(*ctx.sources)
        if field == "any":  # the words of left, noun phrase, right, clause and tail: no word spans two
            return self.get("left") | self.get("right") | self.get("clause") | self._in(ctx.np, ctx.tail)
        text: str = getattr(ctx, field)
        return self._in(text)

    def get(self, field: str) -> int:
        """The mask of the anchors standing in the part of the context the match field ``field`` reads."""
        found = self._found.get(field)
        if found is None:
            found = self._found[field] = self._read(field)
        return found


class Screen:
    """Which of a fixed tuple of rules a context admits (:meth:`admitted`), all tested at once: a rule is
    admitted when one of its match fields' anchors stands in that field's part of the context (or it has a
    field without anchors: no test) and each of its ``requires`` patterns' anchors stands in the clause.
    Rule ``k`` of the tuple is bit ``k`` of the answer; for each field, each anchor's bit says which rules
    it admits, so a context's anchors are looked up once, not once per rule."""

    __slots__ = ("_always", "_fields", "_required")

    def __init__(self, bits: AnchorBits, rules: Iterable[_Named]) -> None:
        always = 0
        index: dict[str, dict[int, int]] = {}  # field -> anchor bit -> the rules it admits
        waiting: dict[str, int] = {}  # field -> the rules it can admit
        required: list[tuple[int, tuple[int, ...]]] = []
        for k, rule in enumerate(rules):
            fields, requires = bits.gate(rule)
            if fields is None:
                always |= 1 << k
            for name, mask in fields or ():
                waiting[name] = waiting.get(name, 0) | 1 << k
                admits = index.setdefault(name, {})
                while mask:
                    low = mask & -mask
                    admits[low] = admits.get(low, 0) | 1 << k
                    mask ^= low
            if requires:
                required.append((1 << k, requires))
        self._always = always
        # the fields of the most rules first: a rule one field admits needs no other field read
        self._fields = tuple(
            (name, waiting[name], sum(index[name]), index[name])  # the sum of the anchor bits: their union
            for name in sorted(waiting, key=lambda n: -waiting[n].bit_count())
        )
        self._required = tuple(required)

    def admitted(self, present: Present) -> int:
        """The rules ``present`` admits, as bits (bit ``k``: rule ``k`` of the tuple)."""
        found = self._always
        for name, rules, anchors, admits in self._fields:
            if not rules & ~found:
                continue  # every rule this field could admit is in already: its part is not read
            hit = anchors & present.get(name)
            while hit:
                low = hit & -hit
                found |= admits[low]
                hit ^= low
        for bit, masks in self._required:
            if found & bit:
                clause = present.get("clause")
                if not all(mask & clause for mask in masks):
                    found &= ~bit
        return found
