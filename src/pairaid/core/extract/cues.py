"""The cue lexicon (``data/cues.yaml``) compiled into rules that bind mentions to indicators.

The lexicon is data: general English phrasing of the domain taken from the
cues of spec/indicators.csv and the conventions F1-F10 of gold-format.md.
This module only loads it and says whether a rule matches a mention's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pairaid.core.errors import CodelistError

__all__ = ["Context", "CueLexicon", "CueRule", "lexicon", "rule_matches"]


@dataclass(frozen=True)
class Context:
    """The words around one mention (see the header of ``data/cues.yaml``)."""

    left: str
    right: str
    clause: str
    np: str
    head: str
    sentence: str = ""

    @property
    def any(self) -> str:
        return f"{self.left} | {self.np} | {self.right} | {self.clause}"


@dataclass(frozen=True)
class CueRule:
    """One rule of the lexicon: which indicator, for which units and nouns, on which words."""

    indicator: str
    units: frozenset[str]
    head: re.Pattern[str] | None
    np: re.Pattern[str] | None
    left: tuple[re.Pattern[str], ...]
    right: tuple[re.Pattern[str], ...]
    clause: tuple[re.Pattern[str], ...]
    any: tuple[re.Pattern[str], ...]
    requires: tuple[re.Pattern[str], ...]
    not_: tuple[re.Pattern[str], ...]
    also: tuple[str, ...]


@dataclass(frozen=True)
class CueLexicon:
    """The whole of ``data/cues.yaml``, compiled."""

    plan: tuple[re.Pattern[str], ...]
    plan_sentence: tuple[re.Pattern[str], ...]
    unbound_right: tuple[tuple[str, re.Pattern[str]], ...]
    money: tuple[CueRule, ...]
    counts: tuple[CueRule, ...]
    part_markers: re.Pattern[str]
    of_them: re.Pattern[str]
    rate_left: re.Pattern[str]
    base_year: re.Pattern[str]
    multiplier: re.Pattern[str]
    respectively: re.Pattern[str]


def _c(p: object) -> re.Pattern[str]:
    return re.compile(str(p), re.I)


def _many(raw: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_c(p) for p in raw.get(key) or ())


def _rule(raw: dict[str, Any], indicators: frozenset[str]) -> CueRule:
    indicator = str(raw["indicator"])
    if indicators and indicator not in indicators:
        raise CodelistError(f"cues.yaml: unknown indicator {indicator!r}")
    return CueRule(
        indicator=indicator,
        units=frozenset(str(u) for u in raw.get("units") or ("CNY",)),
        head=_c(raw["head"]) if raw.get("head") else None,
        np=_c(raw["np"]) if raw.get("np") else None,
        left=_many(raw, "left"),
        right=_many(raw, "right"),
        clause=_many(raw, "clause"),
        any=_many(raw, "any"),
        requires=_many(raw, "requires"),
        not_=_many(raw, "not"),
        also=tuple(str(a) for a in raw.get("also") or ()),
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
        plan=tuple(_c(p) for p in raw["plan"]),
        plan_sentence=tuple(_c(p) for p in raw["plan_sentence"]),
        unbound_right=tuple((str(k), _c(v)) for k, v in raw["unbound_right"].items()),
        money=tuple(_rule(r, codes) for r in raw["money"]),
        counts=tuple(_rule(r, codes) for r in raw["counts"]),
        part_markers=_c("|".join(f"(?:{p})" for p in raw["part_markers"])),
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
    if rule.np is not None and not rule.np.search(ctx.np):
        return False
    if rule.left or rule.right or rule.clause or rule.any:
        hit = (
            any(p.search(ctx.left) for p in rule.left)
            or any(p.search(ctx.right) for p in rule.right)
            or any(p.search(ctx.clause) for p in rule.clause)
            or any(p.search(ctx.any) for p in rule.any)
        )
        if not hit:
            return False
    if any(not p.search(ctx.clause) for p in rule.requires):
        return False
    return not any(p.search(ctx.left) or p.search(ctx.right) for p in rule.not_)
