"""The rules of a language that runs its words together (Chinese) screened by the strings they need, read once
per sentence.

A figure's rules are tried only when the strings they cannot match without stand in its sentence
(:func:`~pairaid.core.extract.rule_anchors.needles_of` of each match field and ``requires`` pattern: a rule of
``left: ['无偿[^,;。]{0,20}$']`` needs "无偿").  The parts of a context a rule reads are pieces of its sentence
(:func:`within`), so a string standing in one of them stands in the sentence: the outcome is that of trying
every rule.  A context with a part from elsewhere (a table cell's column, words put together) is not screened.
The English rules are screened word by word instead (:mod:`~pairaid.core.extract.rule_anchors`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pairaid.core.extract.model import Context
from pairaid.core.extract.rule_anchors import needles_of
from pairaid.core.extract.rule_matching import Rule
from pairaid.core.extract.rules import rule_set

__all__ = ["NeedleScreen", "needle_screen", "within"]


def _needles(rule: Rule) -> tuple[frozenset[str] | None, tuple[frozenset[str], ...]]:
    """The strings one of which each match of the rule's match fields holds, together (``None``: a field has
    none, or one holds the " | " that joins the parts of the field ``any``: no test), and those of each of
    its ``requires`` patterns that has some."""
    found: set[str] = set()
    for _, pattern in rule.fields:
        needles = needles_of(pattern)
        if needles is None or any("|" in n for n in needles):
            return None, ()
        found |= needles
    return frozenset(found) or None, tuple(n for p in rule.requires if (n := needles_of(p)))


class NeedleScreen:
    """The strings the rules of one language need, one bit each; :meth:`mask` finds those standing in a text
    (each string whose first character stands in it, tested whole) and :meth:`admitted` the rules they admit."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        needs = {r.id: _needles(r) for r in rules}
        words = {w for fields, required in needs.values() for w in (*(fields or ()), *(x for n in required for x in n))}
        self._bits = {w: 1 << k for k, w in enumerate(sorted(words))}
        by_first: dict[str, list[tuple[str, int]]] = {}
        for w, bit in self._bits.items():
            by_first.setdefault(w[0], []).append((w, bit))
        self._by_first = {c: tuple(found) for c, found in by_first.items()}
        self._firsts = frozenset(by_first)
        # per rule: the mask of its fields' strings (-1: every context) and of each ``requires`` pattern's
        self._gates = {
            rule_id: (-1 if fields is None else self._of(fields), tuple(self._of(n) for n in required))
            for rule_id, (fields, required) in needs.items()
        }
        self._kept: dict[int, tuple[tuple[Rule, ...], tuple[tuple[Rule, int, tuple[int, ...]], ...]]] = {}
        self._admitted: dict[tuple[int, int], tuple[tuple[Rule, ...], list[Rule]]] = {}  # by rules and strings

    def _of(self, strings: Iterable[str]) -> int:
        out = 0
        for w in strings:
            out |= self._bits[w]
        return out

    def mask(self, text: str) -> int:
        """The mask of the strings standing in ``text`` (lower case)."""
        found = 0
        for c in self._firsts.intersection(text):
            for w, bit in self._by_first[c]:
                if len(w) == 1 or w in text:
                    found |= bit
        return found

    def admitted(self, rules: tuple[Rule, ...], present: int) -> list[Rule]:
        """Those of ``rules`` (a tuple the rule set keeps) whose fields' strings (one of them) and each
        ``requires`` pattern's stand among ``present``, in order."""
        known = self._admitted.get((id(rules), present))
        if known is not None and known[0] is rules:
            return known[1]  # the figures of one sentence, or of sentences needing the same strings
        kept = self._kept.get(id(rules))
        if kept is None or kept[0] is not rules:
            gates = tuple((r, *self._gates[r.id]) for r in rules)
            kept = self._kept[id(rules)] = (rules, gates)
        found = [r for r, f, required in kept[1] if (f < 0 or f & present) and all(m & present for m in required)]
        if len(self._admitted) >= _KEEP:
            self._admitted.clear()
        self._admitted[(id(rules), present)] = (rules, found)
        return found


_KEEP = 4096  # the answers of admitted() kept at most


@cache
def needle_screen(lang: str) -> NeedleScreen:
    """The screen of the rules of ``lang`` (made once)."""
    return NeedleScreen(rule_set(lang).rules)


def within(ctx: Context, sentence: str) -> bool:
    """Whether every part of ``ctx`` a rule reads is a piece of ``sentence``."""
    return all(
        part in sentence
        for part in (ctx.left, ctx.right, ctx.rest, ctx.tail, ctx.clause, ctx.np, ctx.column, ctx.subject, *ctx.sources)
    )
