"""Pairings that headings name in a Chinese page (issue 9).

A heading of a giving and a receiving place (``【山东·喀什】``, ``【江苏—伊犁】``, ``三、广东与喀什``; the
``section_headings`` rules of ``data/pairing_sides.yaml``) sets the donor and recipient of the figures under it,
until the next heading of its form that names another pairing or none; read by
:func:`pairaid.core.extract.fact_places.fact_places` as the sides a figure's own sentence may override
(:func:`pairaid.core.extract.places_zh.chinese_sides`).
"""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.extract.places import Parties
from pairaid.core.extract.places_zh import Place, find_places, in_full, pairing_sides

__all__ = ["heading_pairing", "section_sides"]


@cache
def _heading_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((str(r["id"]), re.compile(str(r["pattern"]))) for r in pairing_sides()["section_headings"])


def heading_pairing(heading: str) -> tuple[str, str, str] | None:
    """``(giver, taker, rule id)`` of a heading that names a pairing (``section_headings`` of
    ``data/pairing_sides.yaml``: 【山东·喀什】, 【江苏—伊犁】), else ``None``."""
    places = [p for p in find_places(heading) if p.start >= 0]
    if len(places) != 2 or places[0].need == places[1].need or len(heading) > 40:
        return None
    giver, taker = sorted(places, key=lambda p: p.need)
    skeleton = "".join(
        (
            heading[: places[0].start],
            "甲" if places[0] is giver else "乙",
            heading[places[0].end : places[1].start],
            "甲" if places[1] is giver else "乙",
            heading[places[1].end :],
        )
    )
    rule = next((rule_id for rule_id, pattern in _heading_rules() if pattern.search(skeleton)), None)
    return (giver.name, taker.name, rule) if rule is not None else None


_HEADING_LINE = re.compile(r"^[^\S\n]*([^\n,;。!?:]{2,40}?)[^\S\n]*$", re.M)
# the form of a heading: its brackets or its numbering (一、, (一), 1.), else none
_HEADING_FORM = re.compile(
    r"^\W*?(?:(【)|([一二三四五六七八九十]+\s*[、.])|([(（][一二三四五六七八九十]+[)）])|(\d{1,2}\s*[、.]))"
)


def _form(line: str) -> int:
    m = _HEADING_FORM.match(line)
    return next((k for k in range(1, 5) if m.group(k)), 0) if m is not None else 0


@cache
def _inline() -> re.Pattern[str]:
    """A bracket heading inline before the text it heads (``inline_headings`` of ``data/pairing_sides.yaml``)."""
    return re.compile(str(pairing_sides()["inline_headings"]["pattern"]), re.M)


def _headings(text: str) -> list[tuple[str, int]]:
    """The candidate headings of ``text`` in order, each with where the text under it starts: lines of their own,
    and bracket headings standing inline before the text they head."""
    found = [(m.group(1), m.end()) for m in _HEADING_LINE.finditer(text)]
    if "【" in text:
        found += [(m.group(1), m.end()) for m in _inline().finditer(text)]
        found.sort(key=lambda h: h[1])
    return found


def section_sides(text: str) -> tuple[list[int], list[Parties | None]]:
    """The lines that open a pairing's part of the page (where each ends, in order) and the donor and recipient each
    sets: a heading that names a pairing (:func:`heading_pairing`: 【山东·喀什】, 三、江苏与伊犁) sets its pairing,
    held until the next heading of its form (brackets, the numbering 一、, (一), 1.) that names another pairing or
    none (``None``: the report's).  The recipient is written as the page writes it in full (伊犁州 where it has it)."""
    ends: list[int] = []
    sides: list[Parties | None] = []
    if "\n" not in text:
        return ends, sides
    written: list[Place] | None = None
    form = -1
    for line, end in _headings(text):
        pairing = heading_pairing(line)
        if pairing is not None:
            written = written if written is not None else find_places(text)
            taker = next((p for p in written if p.name == pairing[1]), None)
            recipient = in_full(taker, written) if taker is not None else pairing[1]
            ends.append(end)
            sides.append(Parties(pairing[0], recipient, "pairing"))
            form = _form(line)
        elif sides and sides[-1] is not None and form and _form(line) == form and len(line) <= 20:
            ends.append(end)  # "三、其他工作": a heading of the same form that names no pairing ends it
            sides.append(None)
    return ends, sides
