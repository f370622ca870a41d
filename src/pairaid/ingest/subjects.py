"""Who a figure is about: the pairing it belongs to (and the area within it), resolved from the names as written.

A fact names its donor and recipient as the report writes them ("Shandong",
"Shule County"); where it names none, the report's own donor and recipient
stand in. Each name goes through the gazetteer with the report's donor and
recipient as context, and through the registry: among the areas a name may
mean, the one that is a recipient (or donor) of a pairing in force that year
(with the figure's donor) is taken, so that "Kashi" in a 2009 Shandong report is
the prefecture Shandong helped. Otherwise a fuzzy or ambiguous match resolves to
nothing rather than to a guess. A list of places ("Yingjisha and Yuepuhu") is
the nearest area containing them all (Kashi).

The subject is the most specific pairing in force that year that fits both
(:func:`pairaid.registry.fitting.pairings_fitting`: a county pair before a
prefecture pair before a province pair), with the recipient area when it lies
below the pairing's own recipient ("Shule County" under a Shandong–Kashi
pairing); when no pairing fits, or several fit equally, the recipient area
alone, and the figure is counted as not attached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pairaid.core.gazetteer import CLEAR_LEAD, Gazetteer
from pairaid.geo.models import Area
from pairaid.registry.fitting import paired_areas, pairings_fitting
from pairaid.registry.models import Pairing


@dataclass(frozen=True)
class Subject:
    """A resolved subject: a pairing (with an area within it, or not), an area, or neither (both ``None``)."""

    pairing: Pairing | None = None
    area: Area | None = None


_LIST = re.compile(r"\s*(?:[,，、;；&]|\band\b)\s*")


def _common(areas: list[Area | None]) -> Area | None:
    """The nearest area that is or contains each of ``areas`` ("Yingjisha and Yuepuhu": Kashi), or ``None``."""
    lineages = []
    for area in areas:
        lineage: list[Area] = []
        while area is not None and len(lineage) < 5:
            lineage.append(area)
            area = area.parent
        lineages.append(lineage)
    return next((a for a in lineages[0] if all(a in other for other in lineages[1:])), None)


class SubjectResolver:
    """Resolves (donor, recipient, year) to a :class:`Subject`, remembering each answer for one report."""

    def __init__(self, *, gazetteer: Gazetteer, context: tuple[str, ...]) -> None:
        self._gazetteer = gazetteer
        self._context = tuple(name for name in context if name)
        self._areas: dict[tuple[str, str, int, int | None], Area | None] = {}
        self._paired: dict[tuple[str, int, int | None], frozenset[str]] = {}
        self._subjects: dict[tuple[str, str, int], Subject] = {}

    def subject(self, *, donor: str, recipient: str, year: int) -> Subject:
        """The subject of a figure given for ``year`` between ``donor`` and ``recipient`` (names as written)."""
        key = (donor, recipient, year)
        if key not in self._subjects:
            self._subjects[key] = self._resolve(donor=donor, recipient=recipient, year=year)
        return self._subjects[key]

    def _resolve(self, *, donor: str, recipient: str, year: int) -> Subject:
        donor_area = self.area(donor, side="donor", year=year)
        recipient_area = self.area(recipient, side="recipient", year=year, counterpart=donor_area)
        fitting = pairings_fitting(donor_area=donor_area, recipient_area=recipient_area, year=year)
        if len(fitting) != 1:
            return Subject(area=recipient_area)
        pairing = fitting[0]
        below = recipient_area is not None and pairing.recipient_area_id != recipient_area.pk
        return Subject(pairing=pairing, area=recipient_area if below else None)

    def area(
        self, name: str, *, side: str = "recipient", year: int = 0, counterpart: Area | None = None
    ) -> Area | None:
        """The area ``name`` refers to as the ``side`` of a figure of ``year``, or ``None`` (unknown, ambiguous,
        or only a fuzzy match): of the areas the name may mean, the one the registry pairs that year (with the
        ``counterpart``), else the gazetteer's clear best."""
        name = name.strip()
        if not name:
            return None
        key = (name, side, year, counterpart.pk if counterpart is not None else None)
        if key not in self._areas:
            self._areas[key] = self._read(name, side=side, year=year, counterpart=counterpart)
        return self._areas[key]

    def _read(self, name: str, *, side: str, year: int, counterpart: Area | None) -> Area | None:
        found = [c for c in self._gazetteer.resolve(name, context=self._context or None) if c.match != "fuzzy"]
        if not found:
            parts = [part for part in _LIST.split(name) if part.strip()]
            if len(parts) < 2:
                return None
            areas = [self.area(part, side=side, year=year, counterpart=counterpart) for part in parts]
            return _common(areas) if all(areas) else None
        # the registry decides only between readings too close to call (Kashi: the prefecture or the city)
        candidates = [c for c in found if round(found[0].score - c.score, 3) < CLEAR_LEAD]
        code = None
        if len(candidates) > 1 and year:
            paired = self._paired_codes(side, year, counterpart)
            in_registry = [c.area.code for c in candidates if c.area.code in paired]
            code = in_registry[0] if len(in_registry) == 1 else None
        if code is None:
            best = self._gazetteer.best(name, context=self._context or None)
            code = best.area.code if best is not None and best.match != "fuzzy" else None
        return Area.objects.filter(code=code).select_related("parent__parent").first() if code else None

    def _paired_codes(self, side: str, year: int, counterpart: Area | None) -> frozenset[str]:
        key = (side, year, counterpart.pk if counterpart is not None else None)
        if key not in self._paired:
            self._paired[key] = paired_areas(side=side, year=year, counterpart=counterpart)
        return self._paired[key]
