"""Counties a Chinese page refers to by their count (gold-format.md F9, Z8): "对口四县", "两县".

A page that lists the counties a donor aids with their count ("甲、乙、丙三县") may later name them by
the count alone ("对口三县的学校", "改善了三县农民的住房"): a figure of such a sentence, which names no
place of its own, goes to the list, written as the page wrote it ("甲、乙、丙").  A count joined to
another area ("地区和对口三县") names them beside that area, not the list alone: no list then.

A page whose title names a region and whose opening lists areas within it right after a verb of pairing
("对口支援甲、乙、丙三县") is about those areas: :func:`aided_list` gives them as the report's recipient.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from pairaid.core.areas import holds
from pairaid.core.extract.regex_leads import led_pattern

__all__ = ["aided_list", "counted_counties"]

_DIGITS = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# led by the characters a count opens on (regex_leads.led_pattern): not its three look-backs at every character
_COUNT = led_pattern(
    re.compile(
        r"(?<![和与及與])(?<![和与及與]对口)(?<![和与及與]對口)(?:对口|對口)?([两兩二三四五六七八九十]|\d{1,2})[个個]?[县縣]"
    )
)


class _Place(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def name(self) -> str: ...


class _Area(_Place, Protocol):
    @property
    def code(self) -> str: ...
    @property
    def need(self) -> int: ...


def _number(written: str) -> int:
    return int(written) if written.isdigit() else _DIGITS[written]


def counted_counties(text: str, places: Sequence[_Place], sentence: tuple[int, int]) -> str | None:
    """The counties the page listed with the count its ``sentence`` names them by, joined by 、 as written
    ("甲、乙、丙" for "对口三县"), else ``None``."""
    for ref in _COUNT.finditer(text, sentence[0], sentence[1]):
        listed = _listed(text, places, _number(ref.group(1)), sentence[0])
        if listed is not None:
            return listed
    return None


def _listed(text: str, places: Sequence[_Place], count: int, before: int) -> str | None:
    """The last list of ``count`` places joined by 、 and followed by that count of counties ("甲、乙、丙三县")
    that ends before ``before``."""
    found = None
    for m in _COUNT.finditer(text, 0, before):
        if _number(m.group(1)) != count or text[m.start() : m.start() + 2] in ("对口", "對口"):
            continue
        run = [p for p in places if p.end <= m.start()][-count:]
        joined = len(run) == count and run[-1].end == m.start()
        joined = joined and all(text[a.end : b.start] == "、" for a, b in pairwise(run))
        if joined:
            found = "、".join(p.name for p in run)
    return found


# the verb of a pairing right before the places it aids ("对口支援甲、乙、丙三县")
_AIDED_AFTER = re.compile(r"(?:对口支援|对口帮扶|结对帮扶|对口援助)\s*$")
_LIST_JOINS = ("、", "和", "及", "与")


_STOPS = re.compile(r"[。!?\n]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.])(?!\s*年)")


def _figured(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` states a figure (digits that are no year)."""
    start = max((m.end() for m in _STOPS.finditer(text, max(0, at - 200), at)), default=max(0, at - 200))
    stop = _STOPS.search(text, at)
    return _FIGURE.search(text, start, stop.start() if stop is not None else len(text)) is not None


def aided_list(text: str, opening: Sequence[_Area], donor_need: int, region: str) -> str | None:
    """The areas within ``region`` that the opening lists right after a verb of pairing, with no area holding them
    written before ("山东省对口支援疏勒、英吉沙、岳普湖、麦盖提四县…": the four counties, not 喀什地区 of the title;
    "对口支援喀什地区疏勒、英吉沙…" stays 喀什地区), joined by 、 as written; else ``None``."""
    codes = {p.code for p in opening if p.name == region}
    for k, first in enumerate(opening):
        verb = _AIDED_AFTER.search(text, max(0, first.start - 6), first.start) is not None
        after = text[opening[k - 1].end : first.start] if k > 0 else None
        if not verb and (after in _LIST_JOINS or (after == "" and holds(opening[k - 1].code, first.code))):
            continue  # within a list, or written within its area ("喀什地区甲、乙三县": the area's)
        run = [first]
        while k + len(run) < len(opening) and text[run[-1].end : opening[k + len(run)].start] in _LIST_JOINS:
            run.append(opening[k + len(run)])
        # after a verb of pairing, or closed by its own count in a sentence of no figure, one that frames the page
        # ("工作聚焦在甲、乙、丙三县": the three counties; not "其中N%投向甲、乙两县")
        counted = _COUNT.match(text, run[-1].end)
        if not verb and (counted is None or _number(counted.group(1)) != len(run) or _figured(text, first.start)):
            continue
        within = all(any(holds(c, p.code) for c in codes) for p in run) or any(p.code in codes for p in run)
        if len(run) >= 2 and within and all(p.need > donor_need for p in run):  # (the region may be one of them)
            return "、".join(p.name for p in run)
    return None
