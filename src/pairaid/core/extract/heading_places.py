"""The place each section heading names, which its section's figures go to (gold-format.md F9)."""

from __future__ import annotations

import re

from pairaid.core.extract.model import Section
from pairaid.core.extract.named_places import named_places
from pairaid.core.extract.pairing_places import RecipientPlaces
from pairaid.core.extract.places import named_area, place_side, within
from pairaid.core.extract.rules import word_list

__all__ = ["heading_places"]

_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"


def heading_places(sections: tuple[Section, ...], donor: str | None, recipients: RecipientPlaces) -> list[str | None]:
    """The last place each section heading names (the title's is the report's own: none), or the place before it
    when that lies within it by the gazetteer ("Linxi County (Baishan)": Linxi County, the most specific)."""
    out: list[str | None] = []
    for s in sections:
        named = named_places(s.heading, donor, recipients) if s.rule != "title" else ()
        k = len(named) - 1
        while k > 0 and within(named[k - 1][2], named[k][2]):
            k -= 1
        place = named[k][2] if named else named_area(s.heading, donor) if s.rule != "title" else None
        out.append(_listed_heading(s.heading, donor) or place if s.rule != "title" else None)
    return out


_HEADING_LIST = re.compile(
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME})(?:\s+(?:{'|'.join(word_list('area_words_lower'))}))?"
)


def _listed_heading(heading: str, donor: str | None) -> str | None:
    """The places a heading lists, as written, when it is nothing but a list of places the gazetteer knows of
    another side than the donor's ("B1 and B2", "B1, B2 and B3 Counties"): its section's figures go to them (F9)."""
    text = heading.strip()
    m = _HEADING_LIST.fullmatch(text)
    if m is None:
        return None
    members = [n.strip() for n in re.split(r",|\band\b", m.group("names")) if n.strip()]
    known = [place_side(n, donor) for n in members]
    return text if "other" in known and "donor" not in known else None
