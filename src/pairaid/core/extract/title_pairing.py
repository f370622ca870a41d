"""A pairing read from the need of the two areas a headline names, when neither its form nor the shipped
registry of pairings gives one (gold-format.md F9).

Headlines of news and reconstruction reports name both sides in words of their own ("Anhe aid brings
water to Baishan", "Anhe Completes Task of Rebuilding Baishan"), and a pairing the registry does not list
(a disaster-reconstruction pairing, a prefecture's aid to a county) names no pairing by
:func:`pairaid.core.extract.opening_parties.opening_pairing`.  Each area of the headline the gazetteer knows
has its province's level of need (``need`` of ``data/pairing_sides.yaml``, 0 for the eastern provinces): when
the headline names an area of an eastern province and an area of a needier province, the first eastern one
is the donor (the aiding partner) and the first needier one the recipient, both as written.  A headline of
one side, or of areas of equal need ("Anhe and Linxi"), names no pairing.
"""

from __future__ import annotations

from pairaid.core.extract.opening_parties import known_names
from pairaid.core.extract.places_zh import area_need

__all__ = ["title_pairing"]


def _need(codes: frozenset[str]) -> int | None:
    """The level of need of the areas ``codes`` may be, when they agree (a name of two provinces: ``None``)."""
    levels = {area_need(c) for c in codes}
    return levels.pop() if len(levels) == 1 else None


def title_pairing(title: str) -> tuple[str, str] | None:
    """(donor, recipient) as written in ``title`` by their areas' need, or ``None`` (module docstring)."""
    named = [(name, level) for _, name, codes in known_names(title) if (level := _need(codes)) is not None]
    donor = next((name for name, level in named if level == 0), None)
    recipient = next((name for name, level in named if level > 0), None)
    return (donor, recipient) if donor is not None and recipient is not None else None
