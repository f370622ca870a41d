"""Which pairing a figure belongs to: the most specific pairing in force that fits its donor and recipient.

A figure of a report names its donor and recipient as written; once they are
read as areas, :func:`pairings_fitting` gives the pairings in force in the
figure's year whose recipient is that area or an area containing it, and whose
donor is that area, an area within it (Jinan for "Shandong") or an area
containing it; the most specific first: a county pair before a prefecture pair
before a province pair, then the named donor before one within or around it.
Only pairs count (not a pairing given only as a count of pairs).

:func:`paired_areas` gives the areas on one side of the pairings in force, for
reading an ambiguous name: in a 2009 Shandong report "Kashi" is the prefecture
Shandong helped, not the city of the same name.
"""

from __future__ import annotations

from django.db.models import Q

from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_list


def _lineage(area: Area) -> list[Area]:
    """``area`` and the areas containing it, nearest first."""
    found: list[Area] = []
    node: Area | None = area
    while node is not None and len(found) < 5:
        found.append(node)
        node = node.parent
    return found


def pairings_fitting(*, donor_area: Area | None, recipient_area: Area | None, year: int) -> list[Pairing]:
    """The most specific pairings in force in ``year`` that fit (see the module docstring): one when the figure
    belongs to one, several when they fit equally (the caller then attaches to none), ``[]`` when none fits."""
    if recipient_area is None and donor_area is None:
        return []
    qs = pairing_list(year=year).filter(pair_count=1).select_related("donor_area__parent__parent")
    recipients = _lineage(recipient_area) if recipient_area is not None else []
    donors = _lineage(donor_area) if donor_area is not None else []
    if recipient_area is not None:
        qs = qs.filter(recipient_area__in=recipients)
    if donor_area is not None:
        qs = qs.filter(
            Q(donor_area__in=donors) | Q(donor_area__parent=donor_area) | Q(donor_area__parent__parent=donor_area)
        )

    def rank(pairing: Pairing) -> tuple[int, int]:
        recipient_rank = recipients.index(pairing.recipient_area) if recipient_area is not None else 0
        if donor_area is None or pairing.donor_area == donor_area:
            donor_rank = 0
        elif pairing.donor_area in donors:
            donor_rank = 2  # a donor around the one named: the province for a city's figure
        else:
            donor_rank = 1  # a donor within the one named: a city of the province named
        return recipient_rank, donor_rank

    ranked = sorted(((rank(p), p) for p in qs), key=lambda item: (item[0], item[1].pk))
    if not ranked:
        return []
    best = ranked[0][0]
    return [p for r, p in ranked if r == best]


def paired_areas(*, side: str, year: int, counterpart: Area | None = None) -> frozenset[str]:
    """Codes of the areas on ``side`` ("donor" or "recipient") of the pairings in force in ``year``; with a
    ``counterpart``, only of the pairings whose other side is it or lies within it."""
    qs = pairing_list(year=year).filter(pair_count=1)
    other = "recipient" if side == "donor" else "donor"
    if counterpart is not None:
        qs = qs.filter(
            Q(**{f"{other}_area": counterpart})
            | Q(**{f"{other}_area__parent": counterpart})
            | Q(**{f"{other}_area__parent__parent": counterpart})
        )
    return frozenset(code for code in qs.values_list(f"{side}_area__code", flat=True) if code)
