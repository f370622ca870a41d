"""A page's Chinese place names as the figures of its sentences read them (:mod:`pairaid.core.extract.places_zh`):
each :class:`Place`, and the list of them read once for all the figures of the page (:func:`place_index`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Place", "PlaceIndex", "place_index"]


class Place(NamedTuple):
    """An area name written at ``start``..``end``: as written, its area code, and its level of need (a named
    tuple: a page has hundreds, made faster than a dataclass's)."""

    start: int
    end: int
    name: str
    code: str
    need: int


class PlaceIndex(NamedTuple):
    """A page's list of places read once for its figures: where each starts and ends (``ordered``: left to right,
    none within another), the names written for each area code, and the donor's need (kept as read)."""

    places: list[Place]
    starts: list[int]
    ends: list[int]
    names: dict[str, list[str]]
    needs: dict[str | None, int]
    local: dict[tuple[int, int], bool]  # whether a sentence points back to its paragraph's places (kept as read)
    ordered: bool

    def within(self, start: int, end: int) -> Sequence[int]:
        """The indexes of the places written wholly within ``start``..``end``, in order."""
        if not self.ordered:
            return [k for k, p in enumerate(self.places) if start <= p.start and p.end <= end]
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))


_LAST_INDEX: list[PlaceIndex] = []  # the index of the list of places read last (one page's figures ask in turn)


def place_index(places: list[Place]) -> PlaceIndex:
    """The :class:`PlaceIndex` of ``places``, kept for the next figure of the same list."""
    last = _LAST_INDEX[-1] if _LAST_INDEX else None
    if last is not None and last.places is places:
        return last
    names: dict[str, list[str]] = {}
    for p in places:
        names.setdefault(p.code, []).append(p.name)
    starts, ends = [p.start for p in places], [p.end for p in places]
    ordered = all(a <= b for a, b in zip(ends, starts[1:], strict=False))  # each ends before the next starts
    index = PlaceIndex(places, starts, ends, names, {}, {}, ordered)
    _LAST_INDEX[:] = [index]
    return index
