"""The binding rules (``data/rules/<lang>/*.yaml``): named, documented, with their examples.

One format for every language and every concept (the format is described in
``core/extract/README.md``).  Each rule has an ``id`` (``<file>.<name>``), a
one-line ``purpose``, what it ``votes`` (one of ``indicator``, ``plan``,
``unbound``, ``channel``, ``part``, ``growth``), its match fields, a ``weight``
and ``examples`` (``positive`` and ``negative``, made up for the rule), which
``tests/core/test_rule_examples.py`` runs through the real pipeline.

This module loads the rules and the word lists; a rule, the rules of a language and
whether a rule matches a figure's context are :mod:`pairaid.core.extract.rule_matching`'s
(its names are read from here too); :mod:`pairaid.core.extract.readings` ranks what the rules vote.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from pairaid.core.errors import CodelistError
from pairaid.core.extract.regex_leads import alternation, led
from pairaid.core.extract.rule_matching import MATCH_FIELDS, VOTES, Rule, RuleSet, compiled, rule_matches

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

_RULES = "pairaid.core.data.rules"


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
    return compiled(alternation([str(p) for p in patterns], ignore_case=True))


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
        head=compiled(raw["head"]) if raw.get("head") else None,
        not_head=compiled(raw["not_head"]) if raw.get("not_head") else None,
        np=compiled(raw["np"]) if raw.get("np") else None,
        fields=fields,
        requires=tuple(compiled(p) for p in raw.get("requires") or ()),
        not_=_one(raw.get("not"), where),
        also=tuple(str(a) for a in raw.get("also") or ()),
        generic=bool(raw.get("generic", False)),
        patterns=tuple(
            (str(k), compiled(led(str(v), ignore_case=True))) for k, v in (raw.get("patterns") or {}).items()
        ),
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
