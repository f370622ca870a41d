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
from collections.abc import Iterable
from functools import cached_property
from importlib import import_module
from typing import Any

from pairaid.core.extract.model import Context

__all__ = ["MIN_ANCHOR", "Present", "anchors_of"]

MIN_ANCHOR = 3  # shorter literals ("of", "in") are in nearly every context: no test
_P: Any = import_module("re._parser")
_C: Any = import_module("re._constants")


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which every match of the parsed sequence ``items`` contains, or ``None``."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= MIN_ANCHOR:
            candidates.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, av in items:
        if op is _C.LITERAL and chr(av).isalnum():
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _C.SUBPATTERN:
            found = _required(av[-1])
        elif op is _C.BRANCH:
            subs = [_required(branch) for branch in av[1]]
            found = frozenset().union(*subs) if subs and all(s is not None for s in subs) else None  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            found = _required(av[2])
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


_WORD = re.compile(r"[^\W_]+")


class Present:
    """The anchors standing in each part of one context, found lazily, word by word.

    ``words`` maps each word (lower case) seen so far to the anchors it contains; it is shared by
    every context a rule set reads, so each word is looked at once.
    """

    def __init__(self, anchors: frozenset[str], words: dict[str, frozenset[str]], ctx: Context) -> None:
        self._anchors = anchors
        self._words = words
        self._ctx = ctx

    def _in(self, *texts: str) -> frozenset[str]:
        found: set[str] = set()
        words = self._words
        for text in texts:
            for word in _WORD.findall(text.lower()):
                got = words.get(word)
                if got is None:
                    got = words[word] = frozenset(a for a in self._anchors if a in word)
                found |= got
        return frozenset(found)

    @cached_property
    def left(self) -> frozenset[str]:
        return self._in(self._ctx.left)

    @cached_property
    def right(self) -> frozenset[str]:
        return self._in(self._ctx.right)

    @cached_property
    def rest(self) -> frozenset[str]:
        return self._in(self._ctx.rest, self._ctx.tail)

    @cached_property
    def clause(self) -> frozenset[str]:
        return self._in(self._ctx.clause)

    @cached_property
    def any(self) -> frozenset[str]:
        return self._in(self._ctx.any)

    @cached_property
    def subject(self) -> frozenset[str]:
        return self._in(self._ctx.subject)

    @cached_property
    def source(self) -> frozenset[str]:
        return self._in(*self._ctx.sources)

    @cached_property
    def column(self) -> frozenset[str]:
        return self._in(self._ctx.column)

    def get(self, field: str) -> frozenset[str]:
        found: frozenset[str] = getattr(self, field)
        return found
