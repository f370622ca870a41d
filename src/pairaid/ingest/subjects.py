"""Who a figure is about: the pairing, else the recipient area, resolved from the names as written.

A fact names its donor and recipient as the report writes them ("Shandong",
"Shule County"); where it names none, the report's own donor and recipient
stand in. Each name goes through the gazetteer with the report's donor and
recipient as context; a fuzzy or ambiguous match resolves to nothing rather than
to a guess. The subject is the pairing in force that year between the two areas
when both resolve and one is registered, else the recipient area, else none.
"""

from __future__ import annotations

from dataclasses import dataclass

from pairaid.core.gazetteer import Gazetteer
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_find


@dataclass(frozen=True)
class Subject:
    """A resolved subject: a pairing, an area, or neither (both ``None``)."""

    pairing: Pairing | None = None
    area: Area | None = None


class SubjectResolver:
    """Resolves (donor, recipient, year) to a :class:`Subject`, remembering each answer for one report."""

    def __init__(self, *, gazetteer: Gazetteer, context: tuple[str, ...]) -> None:
        self._gazetteer = gazetteer
        self._context = tuple(name for name in context if name)
        self._areas: dict[str, Area | None] = {}
        self._subjects: dict[tuple[str, str, int], Subject] = {}

    def subject(self, *, donor: str, recipient: str, year: int) -> Subject:
        """The subject of a figure given for ``year`` between ``donor`` and ``recipient`` (names as written)."""
        key = (donor, recipient, year)
        if key not in self._subjects:
            self._subjects[key] = self._resolve(donor=donor, recipient=recipient, year=year)
        return self._subjects[key]

    def _resolve(self, *, donor: str, recipient: str, year: int) -> Subject:
        donor_area = self.area(donor)
        recipient_area = self.area(recipient)
        if donor_area is not None and recipient_area is not None:
            pairing = pairing_find(donor_area=donor_area, recipient_area=recipient_area, year=year)
            if pairing is not None:
                return Subject(pairing=pairing)
        return Subject(area=recipient_area)

    def area(self, name: str) -> Area | None:
        """The area ``name`` certainly refers to, or ``None`` (unknown, ambiguous, or only a fuzzy match)."""
        name = name.strip()
        if not name:
            return None
        if name not in self._areas:
            found = self._gazetteer.best(name, context=self._context or None)
            certain = found is not None and found.match != "fuzzy"
            self._areas[name] = Area.objects.filter(code=found.area.code).first() if certain and found else None
        return self._areas[name]
