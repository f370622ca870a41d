"""Text of a web page that is not the report: navigation, bylines, footers, addresses, markup,
advertisements and paragraphs on other subjects (gold-format.md Z4), by the rules of
``data/boilerplate.yaml``.

:func:`find_boilerplate` returns the stretches to skip, each with the id of the rule that
found it; the document step blanks them, so they yield no mentions and no sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from pairaid.core.extract.rule_anchors import Needles, needles_of

__all__ = ["BoilerplateRule", "boilerplate_rules", "find_boilerplate", "off_topic"]

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class BoilerplateRule:
    """One rule of ``data/boilerplate.yaml``: ``scope`` is ``line`` or ``inline``."""

    id: str
    scope: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    not_: tuple[str, ...]


@dataclass(frozen=True)
class _OffTopic:
    min_hits: int
    other: Needles
    programme: re.Pattern[str]
    examples: tuple[str, ...]
    not_: tuple[str, ...]
    words: frozenset[str]  # the words of other subjects, in lower case as :class:`Needles` finds them


def _raw() -> Any:
    return yaml.safe_load(resources.files("pairaid.core.data").joinpath("boilerplate.yaml").read_text("utf-8"))


@cache
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """The rules of ``data/boilerplate.yaml``, compiled (cached)."""
    return tuple(
        BoilerplateRule(
            id=str(r["id"]),
            scope=str(r["scope"]),
            pattern=re.compile("|".join(f"(?:{p})" for p in r["patterns"]), re.I | re.M),
            examples=tuple(str(e) for e in r.get("examples") or ()),
            not_=tuple(str(e) for e in r.get("not") or ()),
        )
        for r in _raw()["rules"]
    )


@cache
def _off_topic() -> _OffTopic:
    raw = _raw()["off_topic"]
    return _OffTopic(
        min_hits=int(raw["min_hits"]),
        other=Needles(str(w) for w in raw["other_subjects"]),
        programme=re.compile("|".join(re.escape(str(w)) for w in raw["programme_words"])),
        examples=tuple(str(e) for e in raw.get("examples") or ()),
        not_=tuple(str(e) for e in raw.get("not") or ()),
        words=frozenset(str(w).lower() for w in raw["other_subjects"] if str(w)),
    )


@dataclass(frozen=True)
class _Tested:
    """The rules of one scope, each with the strings one of which stands in any line it finds something in
    (:func:`~pairaid.core.extract.rule_anchors.needles_of`; ``None``: no such strings known): a line is
    searched only by the rules whose strings stand in it."""

    rules: tuple[tuple[BoilerplateRule, frozenset[str] | None], ...]
    needles: Needles

    def candidates(self, line: str, found: set[str] | None = None) -> list[BoilerplateRule]:
        """The rules that may find something in ``line``, in order; ``found``: the strings of :func:`_needles`
        standing in it, when known (one scan of a line for every scope)."""
        if found is None:
            found = self.needles.found(line)
        return [r for r, needles in self.rules if needles is None or not needles.isdisjoint(found)]


@cache
def _needles() -> Needles:
    """The strings of the line and inline rules and the words of other subjects, found in one scan of a line
    (each scope's strings standing in it are those of this scan that are its own)."""
    words = [n for scope in ("line", "inline") for _, needles in _tested(scope).rules for n in needles or ()]
    return Needles([*words, *_off_topic().words])


@cache
def _tested(scope: str) -> _Tested:
    rules = tuple((r, needles_of(r.pattern)) for r in boilerplate_rules() if r.scope == scope)
    return _Tested(rules, Needles(n for _, needles in rules for n in needles or ()))


def _line_rule(line: str, found: set[str] | None = None) -> str | None:
    """The id of the first ``line`` rule that finds something in ``line``, or ``None``."""
    for rule in _tested("line").candidates(line, found):
        if rule.pattern.search(line):
            return rule.id
    return None


@cache
def _related_heading() -> re.Pattern[str]:
    return re.compile(str(_raw()["related_heading"]))


def _block_end(text: str, pos: int) -> int:
    """Where the block of lines from ``pos`` ends: at the first empty line, or the text's end."""
    blank = re.compile(r"\n[ \t]*\n").search(text, pos)
    return blank.start() if blank is not None else len(text)


def off_topic(paragraph: str, found: set[str] | None = None) -> bool:
    """True when a paragraph is on another subject: enough words of other subjects, none of the programme's
    (``found``: the strings of :func:`_needles` standing in it, when known)."""
    rule = _off_topic()
    hits = len(rule.other.found(paragraph)) if found is None else len(rule.words & found)
    return hits >= rule.min_hits and rule.programme.search(paragraph) is None


def find_boilerplate(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, rule id)`` of what is not the report in ``text[start:end]``, in order (module docstring)."""
    stop = len(text) if end is None else end
    heading = _related_heading()
    needles = _needles()
    found: list[tuple[int, int, str]] = []
    related_until = -1  # the lines under a heading of related articles, up to an empty line
    for line in _LINE.finditer(text, start, stop):
        body = line.group()
        if heading.match(body):
            related_until = _block_end(text, line.end())
            found.append((line.start(), line.end(), "related_articles"))
            continue
        if line.start() < related_until and "。" not in body:
            found.append((line.start(), line.end(), "related_articles"))
            continue
        standing = needles.found(body)
        hit = _line_rule(body, standing)
        if hit is None and off_topic(body, standing):
            hit = "off_topic"
        if hit == "navigation" and _table_row_follows(text, line.end(), stop):
            hit = None  # "县市 | 资金 | 项目数" over "甲县 | 5200 | 9": the header of a table of bars, not navigation
        if hit is not None:
            found.append((line.start(), line.end(), hit))
            continue
        at = line.start()
        for rule in _tested("inline").candidates(body, standing):
            found.extend((at + m.start(), at + m.end(), rule.id) for m in rule.pattern.finditer(body))
    found.sort()
    return found


_NUMBER_CELL = re.compile(r"\|\s*\d[\d.,]*\s*(?:\||$)")


def _table_row_follows(text: str, end: int, stop: int) -> bool:
    """Whether the line after ``end`` is a row of a table of bars (a cell that is a number: "甲县 | 5200 | 9")."""
    nxt = _LINE.search(text, end + 1, stop) if end < stop else None
    if nxt is None or nxt.start() != end + 1:
        return False
    body = nxt.group()
    return body.count("|") >= 2 and _NUMBER_CELL.search(body) is not None and _line_rule(body) is None
