"""The places a pairing report's figures can go to: the recipients of its donor's pairings in the report year.

The donor as written in the report ("Shandong", "Jiangsu Province", "Suzhou City") is read by the
gazetteer (exact, alias and pinyin matches; a name several areas share gives them all); the
shipped registry (:func:`pairaid.core.registry.shipped_registry`) gives the pairings in force in the
report year whose donor is one of those areas or an area within one of them (a Jiangsu chapter
covers the pairings of Suzhou and Wuxi).  Their recipients, with every name the gazetteer knows for
them in Latin letters ("Kashi Prefecture", "Kashi", "Kashgar"), are the report's **recipient
places**: a name of one found anywhere in a sentence ("visit Kashi", "Shule County's projects") is
a place figures went to, before any fuzzy reading of other capitalised words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pairaid.core.areas import holds
from pairaid.core.errors import PairaidError

__all__ = ["RecipientPlaces", "recipient_places"]

_LATIN = re.compile(r"^[A-Za-z][A-Za-z’'\- ]+$")


@dataclass(frozen=True)
class RecipientPlaces:
    """The recipient areas of a report's pairings (area codes) and a pattern of their names as written."""

    codes: frozenset[str]
    names: re.Pattern[str] | None
    by_name: dict[str, str] = field(default_factory=dict)

    def area_of(self, name: str) -> str | None:
        """The code of the recipient area ``name`` (as written in the report) stands for, or ``None``:
        in a 2009 Shandong chapter "Kashi" is the prefecture Shandong helped (653100), not Kashi City."""
        key = re.sub(r"[’']s$", "", name.strip()).lower()
        return self.by_name.get(re.sub(r"\s+", " ", key))

    def find(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """(start, end, name as written) of every recipient name in ``text``, in order."""
        if self.names is None:
            return ()
        return tuple((m.start(), m.end(), m.group(0)) for m in self.names.finditer(text))


NONE = RecipientPlaces(frozenset(), None)


def _name_pattern(names: set[str]) -> re.Pattern[str] | None:
    forms = sorted({n.strip() for n in names if _LATIN.match(n.strip()) and len(n.strip()) >= 3}, key=len, reverse=True)
    if not forms:
        return None
    # a name starts with a capital and stands alone ("Yulin", not "Yulinian"); a possessive may follow.  The
    # look back for a letter before the name comes after its first letter ("Y(?<![\w’'-].)ulin"), so that the
    # regex engine scans for the first letters of the names instead of trying every name at every character
    alts = "|".join(
        f[0] + r"(?<![\w’'-].)" + re.escape(f[1:]).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
        for f in forms
    )
    return re.compile(rf"(?:{alts})(?![\w-])")


@cache
def recipient_places(donor: str | None, year: int) -> RecipientPlaces:
    """The recipient places of the pairings of ``donor`` (as written) in force in ``year`` (cached).

    Empty when the donor is unknown to the gazetteer or the registry cannot be read.
    """
    if not donor:
        return NONE
    from pairaid.core.gazetteer_store import default_gazetteer  # loaded on first use only
    from pairaid.core.registry import shipped_registry

    try:
        gazetteer = default_gazetteer()
        donors = {c.area.code for c in gazetteer.resolve(donor, limit=5) if c.match != "fuzzy"}
        pairings = shipped_registry()
    except (PairaidError, OSError):
        return NONE
    if not donors:
        return NONE
    codes: set[str] = set()
    for p in pairings:
        if p.donor_code is None or p.recipient_code is None or not p.in_force(year):
            continue
        if any(p.donor_code == d or holds(d, p.donor_code) for d in donors):
            codes.add(p.recipient_code)
    names: set[str] = set()
    by_name: dict[str, str] = {}
    for code in sorted(codes, key=lambda c: (c.endswith("00"), c), reverse=True):  # the larger area wins a name
        area = gazetteer.area(code)
        if area is not None:
            for n in (area.name_en, area.name_pinyin, *area.aliases):
                names.add(n)
                by_name[re.sub(r"\s+", " ", n.strip().lower())] = code
    return RecipientPlaces(frozenset(codes), _name_pattern(names), by_name)


