"""The headline of a Chinese page, and the provinces a headline names by their one-character abbreviation
(gold-format.md F9, Z8), read by :func:`pairaid.core.extract.places_zh.chinese_parties`.

* A page's first line is often no headline: a date (``2021-01-21``), a site's name or its navigation
  (``首页 > 要闻``).  Its headline is then the first short line of its opening, no sentence, that names a
  giving and a receiving place (``甲省援建乙县一周年``), read as the title is.
* A headline names the province aided as a whole by its abbreviation (``abbreviations`` of
  ``data/pairing_sides.yaml``) after the giver's own (``浙川协作``, ``闽宁``) or after a word of place
  (``在川实施项目``); it is written as the province's name (``四川``).  Xinjiang, Tibet and Qinghai,
  aided prefecture by prefecture, are not read so (``援疆`` names no recipient).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any, Protocol, TypeVar

import yaml

from pairaid.core.extract.place_index_zh import Place

__all__ = ["Abbreviated", "abbreviated_provinces", "headline", "verb_giver", "verb_needs", "verb_sides"]

# how far into a page and how many lines its headline may lie, and how long it may be
_OPENING = 600
_LINES = 8
_LONGEST = 80
# a line of navigation or of the byline, or a sentence (a headline has no stop nor comma), is none
_NOT_HEADLINE = re.compile(r"[|>＞。，,;；【]|来源|來源|发布|發布|首页|首頁|位置")


class _Place(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def need(self) -> int: ...


@cache
def _abbreviations() -> tuple[dict[str, tuple[str, str]], frozenset[str], re.Pattern[str], frozenset[str]]:
    raw: Any = yaml.safe_load(resources.files("pairaid.core.data").joinpath("pairing_sides.yaml").read_text("utf-8"))
    table = raw["abbreviations"]
    receiving = {str(c): (str(name), str(code)) for c, (name, code) in table["receiving"].items()}
    giving = frozenset(str(c) for c in table["giving"])
    before = re.compile("(?:" + "|".join(re.escape(str(w)) for w in table["place_words"]) + ")$")
    return receiving, giving, before, frozenset(str(c) for c in table["paired_only"])


_P = TypeVar("_P", bound=_Place)

Abbreviated = tuple[int, int, str, str]  # start, end, the province's name, its code


def abbreviated_provinces(text: str, start: int, end: int, places: Sequence[_Place]) -> list[Abbreviated]:
    """The receiving provinces ``text[start:end]`` names by abbreviation (module docstring), outside the
    area names ``places`` found there."""
    receiving, giving, before, paired_only = _abbreviations()
    taken = {i for p in places for i in range(p.start, p.end)}
    out: list[Abbreviated] = []
    for i in range(start, end):
        entry = receiving.get(text[i])
        if entry is None or i in taken:
            continue
        paired = i > start and text[i - 1] in giving and i - 1 not in taken
        placed = text[i] not in paired_only and before.search(text, max(start, i - 2), i) is not None
        if paired or placed:
            out.append((i, i + 1, entry[0], entry[1]))
    return out


def headline(
    text: str, title: tuple[int, int] | None, find: Callable[[str, int, int], Sequence[_Place]]
) -> tuple[int, int] | None:
    """The span of the page's headline: its title when that names a giving and a receiving place, else the
    first line of its opening that does (``find`` gives the area names of a span), else its title."""
    lines = [m for m in re.finditer(r"[^\n]+", text[:_OPENING]) if m.group().strip()][:_LINES]
    for m in lines:
        line = m.group()
        if len(line.strip()) > _LONGEST or _NOT_HEADLINE.search(line):
            continue
        places = find(text, m.start(), m.end())
        needs = {p.need for p in places} | {1 for _ in abbreviated_provinces(text, m.start(), m.end(), places)}
        if (min(needs, default=1) == 0 and max(needs, default=0) > 0) or verb_sides(text, places) is not None:
            return m.start(), m.end()
    return title


def verb_sides(text: str, places: Sequence[_P]) -> tuple[_P, _P] | None:
    """The giver and the receiver of a headline that writes a verb of pairing between two places ("甲市对口帮扶乙市…",
    ``pairing_verbs`` of ``data/pairing_sides.yaml``), whatever their levels of need; else ``None``."""
    verbs = _pairing_verbs()
    for a, b in pairwise(places):
        if verbs.fullmatch(text, a.end, b.start):
            return a, b
    return None


def verb_needs(text: str, places: list[Place]) -> list[Place]:
    """A headline's ``places`` with the one receiving after a verb of pairing (:func:`verb_sides`) made needier than its
    giver, when all are of one level of need ("天津市对口帮扶承德市…" of two places no province of need holds)."""
    if len({p.need for p in places}) != 1 or (sides := verb_sides(text, places)) is None:
        return places
    return [p._replace(need=p.need + 1) if p is sides[1] else p for p in places]


@cache
def _pairing_verbs() -> re.Pattern[str]:
    raw: Any = yaml.safe_load(resources.files("pairaid.core.data").joinpath("pairing_sides.yaml").read_text("utf-8"))
    return re.compile(r"\s*(?:" + "|".join(re.escape(str(w)) for w in raw["pairing_verbs"]) + r")\s*")


# a word that may stand between a giver and its verb of pairing ("甲市继续对口支援…")
_GIVER_ADVERB = r"(?:继续|持续|长期|全力|深入|先后|一直)?"


def verb_giver(text: str, places: Sequence[_P], need: int) -> _P | None:
    """The first of ``places`` of level of ``need`` written right before a verb of pairing ("甲市继续对口支援乙区…"):
    the giver of an opening whose receiving places are of its own level of need, or named more often than it."""
    verbs = _giver_verbs()
    return next((p for p in places if p.need == need and verbs.match(text, p.end)), None)


@cache
def _giver_verbs() -> re.Pattern[str]:
    return re.compile(_GIVER_ADVERB + _pairing_verbs().pattern.strip())
