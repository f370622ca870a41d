"""The place a later clause of a Chinese sentence says a figure is for (issue 9): "投入资金3000万元,帮助伽师县建设学校"
gives the 3000万元 to 伽师县 when the sentence names no receiving place before the figure nor in its own clause
(the ``served_after`` rules of ``data/pairing_sides.yaml``); read by
:func:`pairaid.core.extract.fact_places.fact_places` after :func:`pairaid.core.extract.places_zh.chinese_sides`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from pairaid.core.extract.places_zh import Place, in_full, pairing_sides

__all__ = ["served_place"]

_CLAUSE = re.compile(r"[,;:。!?]")


@cache
def _before() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r['before']})" for r in pairing_sides()["served_after"]))


def served_place(
    text: str, places: list[Place], sentence: tuple[int, int], figure: tuple[int, int], donor: str | None
) -> str | None:
    """The receiving place a later clause of ``sentence`` says the figure at ``figure`` is for, written in full as the
    page writes it; ``None`` where the sentence names a receiving place before the figure or in its clause, or no
    clause after says so."""
    clause_end = _CLAUSE.search(text, figure[1], sentence[1])
    if clause_end is None:
        return None
    first = bisect_left(places, sentence[0], key=lambda p: p.start)
    within = [p for p in places[first:] if p.start < sentence[1]] if first < len(places) else []
    if not within:
        return None
    donor_need = min((p.need for p in places if p.name == donor), default=0)
    for p in within:
        if p.need <= donor_need:
            continue
        if p.start < clause_end.start():
            return None  # a receiving place before the figure, or in its own clause: chinese_sides has it
        if _before().search(text, max(clause_end.end(), p.start - 4), p.start):
            return in_full(p, places)
        return None  # the first receiving place after the figure's clause is not one it is for
    return None
