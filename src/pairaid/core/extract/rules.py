"""The binding rules (``data/rules/<lang>/*.yaml``): named, documented, with their examples.

One format for every language and every concept (the format is described in
``core/extract/README.md``).  Each rule has an ``id`` (``<file>.<name>``), a
one-line ``purpose``, what it ``votes`` (one of ``indicator``, ``plan``,
``unbound``, ``channel``, ``part``, ``growth``), its match fields, a ``weight``
and ``examples`` (``positive`` and ``negative``, made up for the rule), which
``tests/core/test_rule_examples.py`` runs through the real pipeline.

This module only loads the rules and says whether one matches a figure's
context; :mod:`pairaid.core.extract.readings` ranks what the rules vote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from operator import attrgetter
from typing import Any, Literal

import yaml

from pairaid.core.errors import CodelistError
from pairaid.core.extract.model import Context
from pairaid.core.extract.regex_leads import alternation, led
from pairaid.core.extract.rule_anchors import AnchorBits, Gate, Present, anchors_of

__all__ = [
    "VOTES",
    "Rule",
    "RuleSet",
    "all_rules",
    "languages",
    "load_rule",
    "rule_matches",
    "rule_set",
    "undocumented",
    "word_list",
]

VoteKind = Literal["indicator", "plan", "unbound", "channel", "part", "growth"]
VOTES: tuple[VoteKind, ...] = ("indicator", "plan", "unbound", "channel", "part", "growth")
# the context fields a rule's patterns may test (model.Context)
MATCH_FIELDS = ("left", "right", "rest", "clause", "any", "subject", "source", "column")
_RULES = "pairaid.core.data.rules"


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
    def gated(self) -> bool:
        """True when :meth:`could_match` can say no: the rule has anchors (:attr:`gate`)."""
        gate, required = self.gate
        return gate is not None or bool(required)

    def could_match(self, present: Present) -> bool:
        """False when a word the rule cannot match without is missing from ``present``'s context."""
        fields, required = present.gate(self)
        if fields is not None:
            for name, mask in fields:
                if mask & present.get(name):
                    break
            else:
                return False
        if required:
            clause = present.get("clause")
            for mask in required:
                if not mask & clause:
                    return False
        return True

    @cached_property
    def tests(self) -> tuple[Callable[[Context], bool], ...]:
        """A test of each match field the rule has (cheapest first)."""
        return tuple(_tester(name, pat) for name, pat in self.fields)

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
            found = tuple(
                r
                for r in self.binding.get(unit, ())
                if (r.head is None or r.head.search(head)) and (r.not_head is None or not r.not_head.search(head))
            )
            self._candidates[key] = found
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
    def _bits(self) -> AnchorBits:
        return AnchorBits(self.anchors, self._gates)

    def _gates(self, rule: Rule) -> Gate:
        bits = self._bits
        gate, required = rule.gate
        fields = None if gate is None else tuple((name, bits.mask(anchors)) for name, anchors in gate)
        return fields, tuple(bits.mask(anchors) for anchors in required)

    def present(self, ctx: Context) -> Present:
        """The anchors of the rules standing in each part of ``ctx`` (found lazily)."""
        return Present(self._bits, ctx)

    @cached_property
    def plan_words(self) -> re.Pattern[str]:
        """The words of every ``plan`` rule of scope ``words``, as one alternation."""
        items = [p for r in self.voting("plan") if r.value == "words" for p in r.written_patterns("left")]
        return _c(alternation(items, ignore_case=True))

    @cached_property
    def _links(self) -> dict[str, Rule]:
        index: dict[str, Rule] = {}
        for r in self.rules:
            if r.vote in ("part", "growth"):
                for name in (r.value, *(k for k, _ in r.patterns)):
                    index.setdefault(name, r)
        return index

    def link(self, name: str) -> re.Pattern[str]:
        """The named pattern ``name`` of the first ``part`` or ``growth`` rule that has one."""
        return self.link_rule(name).pattern(name)

    def link_rule(self, name: str) -> Rule:
        """The ``part`` or ``growth`` rule that holds the named pattern ``name``, or votes ``name``."""
        rule = self._links.get(name)
        if rule is None:
            raise CodelistError(f"no link rule {name!r} for language {self.lang}")
        return rule


def _c(p: object) -> re.Pattern[str]:
    return re.compile(str(p), re.I)


def _listed(patterns: object) -> tuple[str, ...]:
    if isinstance(patterns, list):
        return tuple(str(p) for p in patterns)
    return (str(patterns),) if patterns else ()


def _one(patterns: object, where: str) -> re.Pattern[str] | None:
    """A list of patterns as one alternation (one pass of the regex engine instead of many)."""
    if patterns is None:
        return None
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns:
        raise CodelistError(f"{where}: a pattern field holds a non-empty list")
    return _c(alternation([str(p) for p in patterns], ignore_case=True))


def _rule(raw: dict[str, Any], *, lang: str, concept: str, order: int, indicators: frozenset[str]) -> Rule:
    rule_id = str(raw.get("id") or "")
    where = f"rules/{lang}/{concept}.yaml: {rule_id or '(no id)'}"
    if not rule_id.startswith(f"{concept}."):
        raise CodelistError(f"{where}: an id starts with its file's name ({concept}.)")
    votes = raw.get("votes")
    if not isinstance(votes, dict) or len(votes) != 1 or next(iter(votes)) not in VOTES:
        raise CodelistError(f"{where}: votes is one of {', '.join(VOTES)}")
    vote, value = next(iter(votes.items()))
    if vote == "indicator" and indicators and value not in indicators:
        raise CodelistError(f"{where}: unknown indicator {value!r}")
    examples = raw.get("examples") or {}
    fields = tuple((f, p) for f in MATCH_FIELDS if (p := _one(raw.get(f), where)) is not None)
    return Rule(
        id=rule_id,
        lang=str(raw.get("lang") or lang),
        purpose=str(raw.get("purpose") or ""),
        vote=vote,
        value=str(value),
        weight=float(raw.get("weight", 1)),
        units=frozenset(str(u) for u in raw.get("units") or (("CNY",) if vote in ("indicator", "channel") else ())),
        head=_c(raw["head"]) if raw.get("head") else None,
        not_head=_c(raw["not_head"]) if raw.get("not_head") else None,
        np=_c(raw["np"]) if raw.get("np") else None,
        fields=fields,
        requires=tuple(_c(p) for p in raw.get("requires") or ()),
        not_=_one(raw.get("not"), where),
        also=tuple(str(a) for a in raw.get("also") or ()),
        generic=bool(raw.get("generic", False)),
        patterns=tuple((str(k), _c(led(str(v), ignore_case=True))) for k, v in (raw.get("patterns") or {}).items()),
        positive=tuple(str(e) for e in examples.get("positive") or ()),
        negative=tuple(str(e) for e in examples.get("negative") or ()),
        order=order,
        written=tuple((f, _listed(raw[f])) for f in MATCH_FIELDS if raw.get(f)),
    )


def _indicator_codes() -> frozenset[str]:
    data = resources.files("pairaid.core.data").joinpath("indicators.csv")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split(",", 1)[0] for line in lines[1:] if line.strip())


def _folder(lang: str) -> Traversable:
    return resources.files(_RULES).joinpath(lang)


@cache
def languages() -> tuple[str, ...]:
    """The languages that have rules (the folders of ``data/rules``)."""
    root = resources.files(_RULES)
    return tuple(sorted(f.name for f in root.iterdir() if f.is_dir() and not f.name.startswith("_")))


def _rule_files(lang: str) -> list[Traversable]:
    return sorted((f for f in _folder(lang).iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


@cache
def rule_set(lang: str = "en") -> RuleSet:
    """Load and compile the rules of ``lang`` (cached); an unknown language has none.

    Raises :class:`~pairaid.core.errors.CodelistError` for a rule without an id of
    its file, with a vote that is not one of :data:`VOTES`, naming an indicator
    missing from ``data/indicators.csv``, or an id used twice.
    """
    if lang not in languages():
        return RuleSet(lang, ())
    codes = _indicator_codes()
    rules: list[Rule] = []
    for f in _rule_files(lang):
        raw = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        concept = f.name.removesuffix(".yaml")
        for item in raw.get("rules") or ():
            rules.append(_rule(item, lang=lang, concept=concept, order=len(rules), indicators=codes))
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise CodelistError(f"rules/{lang}: the id {r.id} is used twice")
        seen.add(r.id)
    return RuleSet(lang, tuple(rules))


def undocumented(rules: tuple[Rule, ...]) -> list[str]:
    """The ids of ``rules`` that lack a purpose, a positive example or a negative example (every rule needs
    all three: its examples are its tests)."""
    return [r.id for r in rules if not r.purpose.strip() or not r.positive or not r.negative]


def load_rule(raw: dict[str, Any], *, lang: str, concept: str) -> Rule:
    """One rule read from its YAML mapping ``raw`` as a file ``rules/<lang>/<concept>.yaml`` holds it
    (for tests and tools; :func:`rule_set` reads the files)."""
    return _rule(raw, lang=lang, concept=concept, order=0, indicators=_indicator_codes())


def all_rules() -> tuple[Rule, ...]:
    """Every rule of every language."""
    return tuple(r for lang in languages() for r in rule_set(lang).rules)


@cache
def word_list(name: str, lang: str = "en") -> tuple[str, ...]:
    """The word list ``name`` of ``data/rules/<lang>/words.yaml`` (``lists: {name: {purpose, words}}``)."""
    raw = yaml.safe_load(_folder(lang).joinpath("words.yaml").read_text(encoding="utf-8"))
    entry = (raw.get("lists") or {}).get(name)
    if not isinstance(entry, dict) or not entry.get("words"):
        raise CodelistError(f"rules/{lang}/words.yaml: no list {name!r}")
    return tuple(str(w) for w in entry["words"])


def rule_matches(rule: Rule, unit: str, ctx: Context) -> bool:
    """True when ``rule`` votes on a figure of ``unit`` in context ``ctx`` (semantics: ``core/extract/README.md``)."""
    if rule.units and unit not in rule.units:
        return False
    if rule.head is not None and not rule.head.search(ctx.head):
        return False
    if rule.not_head is not None and rule.not_head.search(ctx.head):
        return False
    if rule.np is not None and not rule.np.search(ctx.np):
        return False
    if rule.fields:
        for test in rule.tests:
            if test(ctx):
                break
        else:
            return False
    for p in rule.requires:
        if not p.search(ctx.clause):
            return False
    return rule.not_ is None or not (rule.not_.search(ctx.left) or rule.not_.search(ctx.right))


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
    return lambda c: search(get(c)) is not None
