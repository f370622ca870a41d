"""A binding rule and the rules of one language: what each votes, and whether it matches a figure's context.

:mod:`pairaid.core.extract.rules` reads the rules from their files (``data/rules/<lang>/*.yaml``,
described in ``core/extract/README.md``); :mod:`pairaid.core.extract.readings` ranks what they vote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Literal

from pairaid.core.errors import CodelistError
from pairaid.core.extract.model import Context
from pairaid.core.extract.regex_leads import alternation
from pairaid.core.extract.rule_anchors import AnchorBits, Gate, Present, Screen, anchors_of

__all__ = ["MATCH_FIELDS", "VOTES", "Rule", "RuleSet", "VoteKind", "compiled", "rule_matches"]

VoteKind = Literal["indicator", "plan", "unbound", "channel", "part", "growth"]
VOTES: tuple[VoteKind, ...] = ("indicator", "plan", "unbound", "channel", "part", "growth")
# the context fields a rule's patterns may test (model.Context)
MATCH_FIELDS = ("left", "right", "rest", "clause", "any", "subject", "source", "column")


def compiled(p: object) -> re.Pattern[str]:
    """``p`` compiled as a pattern that ignores case."""
    return re.compile(str(p), re.I)


@dataclass(frozen=True)
class Rule:
    """One named rule: what it votes for a figure whose context it matches, and how strongly.

    ``vote`` is the kind (``indicator`` binds a figure to ``value``, an indicator
    code; ``plan`` and ``unbound`` leave it unbound; ``channel`` says whose money
    an aid figure is; ``part`` and ``growth`` name a link pattern read by code).
    ``fields`` hold the compiled patterns of :data:`MATCH_FIELDS` (one alternation
    per field); ``patterns`` the named patterns of a link rule.
    """

    id: str
    lang: str
    purpose: str
    vote: VoteKind
    value: str
    weight: float
    units: frozenset[str]
    head: re.Pattern[str] | None
    not_head: re.Pattern[str] | None
    np: re.Pattern[str] | None
    fields: tuple[tuple[str, re.Pattern[str]], ...]
    requires: tuple[re.Pattern[str], ...]
    not_: re.Pattern[str] | None
    also: tuple[str, ...]
    generic: bool
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    order: int
    written: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def written_patterns(self, name: str) -> tuple[str, ...]:
        """The patterns of match field ``name`` as written in the rule's file."""
        return next((p for key, p in self.written if key == name), ())

    @cached_property
    def gate(self) -> tuple[tuple[tuple[str, frozenset[str]], ...] | None, tuple[frozenset[str], ...]]:
        """The words the rule cannot match without (:mod:`~pairaid.core.extract.rule_anchors`): for each
        match field its anchors (``None`` when a field has none: no test), and the anchors of each
        ``requires`` pattern that has some."""
        fields = tuple((name, anchors_of(pat)) for name, pat in self.fields)
        gate = None if not fields or any(a is None for _, a in fields) else tuple((n, a) for n, a in fields if a)
        required = tuple(a for p in self.requires if (a := anchors_of(p)))
        return gate, required

    @cached_property
    def fits_words(self) -> Callable[[Context], bool]:
        """Whether the words of a context fit the rule: its noun phrase, match fields, ``requires`` and ``not``
        (:func:`rule_matches` less its units and head noun, which :meth:`RuleSet.candidates` has tested)."""
        return _words_test(self)

    def pattern(self, name: str) -> re.Pattern[str]:
        """The named pattern ``name`` of a link rule; raises :class:`CodelistError` when it has none."""
        for key, pat in self.patterns:
            if key == name:
                return pat
        raise CodelistError(f"rule {self.id}: no pattern {name!r}")


@dataclass(frozen=True)
class RuleSet:
    """The rules of one language, by what they vote, in file order."""

    lang: str
    rules: tuple[Rule, ...]

    @cached_property
    def _by_vote(self) -> dict[tuple[str, str | None], tuple[Rule, ...]]:
        index: dict[tuple[str, str | None], list[Rule]] = {}
        for r in self.rules:
            index.setdefault((r.vote, None), []).append(r)
            index.setdefault((r.vote, r.value), []).append(r)
        return {k: tuple(v) for k, v in index.items()}

    def voting(self, vote: VoteKind, value: str | None = None) -> tuple[Rule, ...]:
        """The rules that vote ``vote`` (and ``value``, when given), in file order."""
        return self._by_vote.get((vote, value), ())

    @cached_property
    def _ids(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def by_id(self, rule_id: str) -> Rule:
        """The rule ``rule_id``; raises :class:`CodelistError` when the language has none of that id."""
        rule = self._ids.get(rule_id)
        if rule is None:
            raise CodelistError(f"no rule {rule_id!r} for language {self.lang}")
        return rule

    @cached_property
    def binding(self) -> dict[str, tuple[Rule, ...]]:
        """The indicator and channel rules that can vote on a figure of each unit, in file order."""
        rules = [r for r in self.rules if r.vote in ("indicator", "channel")]
        units = {u for r in rules for u in r.units}
        return {u: tuple(r for r in rules if u in r.units) for u in units}

    @cached_property
    def _candidates(self) -> dict[tuple[str, str], tuple[Rule, ...]]:
        return {}

    def candidates(self, unit: str, head: str) -> tuple[Rule, ...]:
        """The indicator and channel rules whose units and head nouns fit a figure (cached by unit and head)."""
        key = (unit, head)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = tuple(r for r in self.binding.get(unit, ()) if _fits_head(r, head))
        return found

    @cached_property
    def _unbound(self) -> dict[tuple[str, str], tuple[Rule, ...]]:
        return {}

    def unbound(self, unit: str, head: str) -> tuple[Rule, ...]:
        """The ``unbound`` rules whose units and head nouns fit a figure, in file order (cached by unit and head)."""
        key = (unit, head)
        found = self._unbound.get(key)
        if found is None:
            fitting = (r for r in self.voting("unbound") if (not r.units or unit in r.units) and _fits_head(r, head))
            found = self._unbound[key] = tuple(fitting)
        return found

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Every anchor of every rule (:attr:`Rule.gate`)."""
        words: set[str] = set()
        for r in self.rules:
            gate, required = r.gate
            for _, anchors in gate or ():
                words |= anchors
            for anchors in required:
                words |= anchors
        return frozenset(words)

    @cached_property
    def tests_anchors(self) -> bool:
        """Whether a figure's rules are tried only when their anchors stand in its context (:meth:`present`):
        when every anchor is a word of spaced text (ASCII), looked at once per word and kept.  A Chinese
        "word" is a clause, read afresh for each figure: the test costs more than the rules it spares (the
        Chinese rules have few anchors), so they are simply tried.  Either way the readings are the same."""
        return bool(self.anchors) and all(a.isascii() for a in self.anchors)

    @cached_property
    def _bits(self) -> AnchorBits:
        return AnchorBits(self.anchors, self._gates)

    def _gates(self, rule: Rule) -> Gate:
        bits = self._bits
        gate, required = rule.gate
        fields = None if gate is None else tuple((name, bits.mask(anchors)) for name, anchors in gate)
        return fields, tuple(bits.mask(anchors) for anchors in required)

    def present(self, ctx: Context, seen: dict[str, int] | None = None) -> Present:
        """The anchors of the rules standing in each part of ``ctx`` (found lazily); ``seen`` keeps the anchors of
        each string read, for the contexts of one text (:class:`Present`)."""
        return Present(self._bits, ctx, seen)

    @cached_property
    def _screens(self) -> dict[int, tuple[tuple[Rule, ...], Screen]]:
        return {}

    def admitted(self, rules: tuple[Rule, ...], present: Present | None) -> list[Rule] | tuple[Rule, ...]:
        """Those of ``rules`` whose anchors stand in the context ``present`` reads, in order (all of them when
        ``present`` is ``None``); ``rules`` is one of the tuples this set keeps (:meth:`candidates`,
        :meth:`unbound`), whose :class:`Screen` is made once."""
        if present is None:
            return rules
        kept = self._screens.get(id(rules))
        if kept is None or kept[0] is not rules:
            kept = self._screens[id(rules)] = (rules, Screen(self._bits, rules))
        found = kept[1].admitted(present)
        out = []
        while found:
            low = found & -found
            out.append(rules[low.bit_length() - 1])
            found ^= low
        return out

    @cached_property
    def plan_right(self) -> tuple[tuple[Rule, Callable[[str], re.Match[str] | None]], ...]:
        """Each ``plan`` rule of scope ``right`` with the match of its named pattern ``right``, in file order."""
        return tuple((r, r.pattern("right").match) for r in self.voting("plan", "right"))

    @cached_property
    def plan_words(self) -> re.Pattern[str]:
        """The words of every ``plan`` rule of scope ``words``, as one alternation."""
        items = [p for r in self.voting("plan") if r.value == "words" for p in r.written_patterns("left")]
        return compiled(alternation(items, ignore_case=True))

    @cached_property
    def _links(self) -> dict[str, Rule]:
        index: dict[str, Rule] = {}
        for r in self.rules:
            if r.vote in ("part", "growth"):
                for name in (r.value, *(k for k, _ in r.patterns)):
                    index.setdefault(name, r)
        return index

    @cached_property
    def _link_patterns(self) -> dict[str, re.Pattern[str]]:
        return {}

    def link(self, name: str) -> re.Pattern[str]:
        """The named pattern ``name`` of the first ``part`` or ``growth`` rule that has one (kept once found)."""
        found = self._link_patterns.get(name)
        if found is None:
            found = self._link_patterns[name] = self.link_rule(name).pattern(name)
        return found

    def link_rule(self, name: str) -> Rule:
        """The ``part`` or ``growth`` rule that holds the named pattern ``name``, or votes ``name``."""
        rule = self._links.get(name)
        if rule is None:
            raise CodelistError(f"no link rule {name!r} for language {self.lang}")
        return rule


def _fits_head(rule: Rule, head: str) -> bool:
    """Whether the head noun of a figure fits ``rule``'s ``head`` and ``not_head`` patterns."""
    return (rule.head is None or rule.head.search(head) is not None) and (
        rule.not_head is None or rule.not_head.search(head) is None
    )


def rule_matches(rule: Rule, unit: str, ctx: Context) -> bool:
    """True when ``rule`` votes on a figure of ``unit`` in context ``ctx`` (semantics: ``core/extract/README.md``)."""
    if rule.units and unit not in rule.units:
        return False
    if rule.head is not None and not rule.head.search(ctx.head):
        return False
    if rule.not_head is not None and rule.not_head.search(ctx.head):
        return False
    return rule.fits_words(ctx)


# the match fields that are a context's field of the same name, searched as they are
_PLAIN_FIELDS = frozenset({"left", "right", "clause", "subject"})


def _words_test(rule: Rule) -> Callable[[Context], bool]:
    """The test of :meth:`Rule.fits_words`, its patterns bound once (a figure tries a dozen rules): the match
    fields hold when one of them matches, the plain ones (searched in place) tried before the others."""
    np = rule.np.search if rule.np is not None else None
    plain = tuple((name, pat.search) for name, pat in rule.fields if name in _PLAIN_FIELDS)
    others = tuple(_tester(name, pat) for name, pat in rule.fields if name not in _PLAIN_FIELDS)
    requires = tuple(p.search for p in rule.requires)
    not_ = rule.not_.search if rule.not_ is not None else None

    def test(ctx: Context) -> bool:
        if np is not None and not np(ctx.np):
            return False
        if plain or others:
            matched = False
            for name, search in plain:
                if search(getattr(ctx, name)) is not None:
                    matched = True
                    break
            if not matched:
                for other in others:
                    if other(ctx):
                        matched = True
                        break
            if not matched:
                return False
        for required in requires:
            if not required(ctx.clause):
                return False
        return not_ is None or not (not_(ctx.left) or not_(ctx.right))

    return test


def _tester(name: str, pat: re.Pattern[str]) -> Callable[[Context], bool]:
    """A test of one match field: whether ``pat`` matches its part of a context."""
    search = pat.search
    if name == "rest":
        return lambda c: search(c.rest) is not None or bool(c.tail and search(c.tail))
    if name == "any":
        return lambda c: search(c.any) is not None
    if name == "source":
        return lambda c: any(search(s) for s in c.sources)
    if name == "column":
        return lambda c: bool(c.column) and search(c.column) is not None
    get = attrgetter(name)
    return lambda c: search(get(c)) is not None  # a plain field (_PLAIN_FIELDS) or one added since
