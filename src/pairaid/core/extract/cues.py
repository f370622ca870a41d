"""The cue lexicon (``data/cues.yaml``) compiled into rules that bind mentions to indicators.

The lexicon is data: general English phrasing of the domain taken from the
cues of spec/indicators.csv and the conventions F1-F10 of gold-format.md.
This module only loads it and says whether a rule matches a mention's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from pairaid.core.errors import CodelistError
from pairaid.core.extract.regex_leads import alternation

__all__ = ["Context", "CueLexicon", "CueRule", "lexicon", "rule_matches"]


@dataclass(frozen=True)
class Context:
    """The words around one mention (see the header of ``data/cues.yaml``)."""

    left: str
    right: str
    clause: str
    np: str
    head: str
    plan_left: bool = False
    plan_clause: bool = False
    plan_sentence: bool = False
    rest: str = ""
    tail: str = ""

    @cached_property
    def any(self) -> str:
        return f"{self.left} | {self.np} | {self.right} | {self.clause} | {self.tail}"


@dataclass(frozen=True)
class CueRule:
    """One rule of the lexicon: which indicator, for which units and nouns, on which words."""

    indicator: str
    units: frozenset[str]
    head: re.Pattern[str] | None
    not_head: re.Pattern[str] | None
    np: re.Pattern[str] | None
    left: re.Pattern[str] | None
    right: re.Pattern[str] | None
    rest: re.Pattern[str] | None
    clause: re.Pattern[str] | None
    any: re.Pattern[str] | None
    requires: tuple[re.Pattern[str], ...]
    not_: re.Pattern[str] | None
    also: tuple[str, ...]
    generic: bool = False


@dataclass(frozen=True)
class CueLexicon:
    """The whole of ``data/cues.yaml``, compiled."""

    plan: re.Pattern[str]
    plan_sentence: re.Pattern[str]
    unbound_right: tuple[tuple[str, re.Pattern[str]], ...]
    money: tuple[CueRule, ...]
    counts: tuple[CueRule, ...]
    part_markers: re.Pattern[str]
    opening_parts: re.Pattern[str]
    of_them: re.Pattern[str]
    rate_left: re.Pattern[str]
    base_year: re.Pattern[str]
    multiplier: re.Pattern[str]
    respectively: re.Pattern[str]

    @cached_property
    def counts_by_unit(self) -> dict[str, tuple[CueRule, ...]]:
        """The count rules that can bind a mention of each unit, in order."""
        units = {u for r in self.counts for u in r.units}
        return {u: tuple(r for r in self.counts if u in r.units) for u in units}


def _c(p: object) -> re.Pattern[str]:
    return re.compile(str(p), re.I)


def _many(raw: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_c(p) for p in raw.get(key) or ())


def _one(patterns: object) -> re.Pattern[str] | None:
    """The patterns of a list as one alternation (one pass of the regex engine instead of many)."""
    items = [str(p) for p in patterns or ()] if isinstance(patterns, list) else []
    if not items:
        return None
    return _c(alternation(items, ignore_case=True))


def _one_required(patterns: object) -> re.Pattern[str]:
    one = _one(patterns)
    if one is None:
        raise CodelistError("cues.yaml: an empty pattern list")
    return one


def _rule(raw: dict[str, Any], indicators: frozenset[str]) -> CueRule:
    indicator = str(raw["indicator"])
    if indicators and indicator not in indicators:
        raise CodelistError(f"cues.yaml: unknown indicator {indicator!r}")
    return CueRule(
        indicator=indicator,
        units=frozenset(str(u) for u in raw.get("units") or ("CNY",)),
        head=_c(raw["head"]) if raw.get("head") else None,
        not_head=_c(raw["not_head"]) if raw.get("not_head") else None,
        np=_c(raw["np"]) if raw.get("np") else None,
        left=_one(raw.get("left")),
        right=_one(raw.get("right")),
        rest=_one(raw.get("rest")),
        clause=_one(raw.get("clause")),
        any=_one(raw.get("any")),
        requires=_many(raw, "requires"),
        not_=_one(raw.get("not")),
        also=tuple(str(a) for a in raw.get("also") or ()),
        generic=bool(raw.get("generic", False)),
    )


def _indicator_codes() -> frozenset[str]:
    data = resources.files("pairaid.core.data").joinpath("indicators.csv")
    try:
        lines = data.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:  # pragma: no cover - the codelist ships with the package
        return frozenset()
    return frozenset(line.split(",", 1)[0] for line in lines[1:] if line.strip())


@cache
def lexicon() -> CueLexicon:
    """Load and compile ``data/cues.yaml`` (cached).

    Raises :class:`~pairaid.core.errors.CodelistError` when a rule names an
    indicator missing from the codelist ``data/indicators.csv``.
    """
    raw = yaml.safe_load(resources.files("pairaid.core.data").joinpath("cues.yaml").read_text(encoding="utf-8"))
    codes = _indicator_codes()
    return CueLexicon(
        plan=_one_required(raw["plan"]),
        plan_sentence=_one_required(raw["plan_sentence"]),
        unbound_right=tuple((str(k), _c(v)) for k, v in raw["unbound_right"].items()),
        money=tuple(_rule(r, codes) for r in raw["money"]),
        counts=tuple(_rule(r, codes) for r in raw["counts"]),
        part_markers=_c(alternation([str(p) for p in raw["part_markers"]], ignore_case=True)),
        opening_parts=_c(raw["opening_parts"]),
        of_them=_c(raw["of_them"]),
        rate_left=_c(raw["rate_left"]),
        base_year=_c(raw["base_year"]),
        multiplier=_c(raw["multiplier"]),
        respectively=_c(raw["respectively"]),
    )


def rule_matches(rule: CueRule, unit: str, ctx: Context) -> bool:
    """True when ``rule`` binds a mention of ``unit`` in context ``ctx`` (semantics: ``data/cues.yaml`` header)."""
    if unit not in rule.units:
        return False
    if rule.head is not None and not rule.head.search(ctx.head):
        return False
    if rule.not_head is not None and rule.not_head.search(ctx.head):
        return False
    if rule.np is not None and not rule.np.search(ctx.np):
        return False
    if rule.left or rule.right or rule.rest or rule.clause or rule.any:
        hit = (
            (rule.left is not None and rule.left.search(ctx.left))
            or (rule.right is not None and rule.right.search(ctx.right))
            or (rule.rest is not None and (rule.rest.search(ctx.rest) or bool(ctx.tail and rule.rest.search(ctx.tail))))
            or (rule.clause is not None and rule.clause.search(ctx.clause))
            or (rule.any is not None and rule.any.search(ctx.any))
        )
        if not hit:
            return False
    if any(not p.search(ctx.clause) for p in rule.requires):
        return False
    return rule.not_ is None or not (rule.not_.search(ctx.left) or rule.not_.search(ctx.right))
