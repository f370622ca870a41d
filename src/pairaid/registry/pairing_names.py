"""Naming a pairing: by its id, its key, its name, or its donor and recipient as written.

:func:`pairing_matches` gives every pairing a text may name, in tree order;
:func:`pairing_resolve` gives the one it names, or raises: :class:`AmbiguousPairing`
lists the candidates when several fit, and nothing is ever picked silently.

A text is read, in order, as

1. an id ("12");
2. a registry key or a pairing's name ("xj-shandong-kashi", "Shandong – Kashi");
3. donor and recipient, split at any dash, ``/``, ``>``, ``→`` or " to "
   ("Shandong-Kashgar", "山东–喀什"), else at a space ("Shandong Xinjiang"), else,
   for Chinese without a separator, between two characters ("山东喀什");
4. one side alone ("Shandong": every pairing Shandong gives to or receives from).

Each side resolves like ``pairaid areas resolve`` (Chinese names, pinyin and
exonyms, with or without suffix; typos are not guessed), or names an
organisation. A pair matches the pairings between exactly those areas; failing
that, pairings between areas within them ("Shandong-Shule" finds Jinan–Shule).
Among pairings between exactly those areas, the pairing of the two areas
themselves (one pair, at the recipient's level) stands for them: "Shandong-Xinjiang"
is the province pairing, not the ten county pairs it lists as a count.
With a ``year``, pairings in force that year are kept when there are any.

:func:`pairing_resolve` then picks one only where the choice is plain: with a
``year``, the one in force that year; without, when every candidate twins the same two sides (one pair over several
periods or programmes), the one in force now, if the others have ended
("Shandong-Kashgar" is the Xinjiang scheme's pairing from 2010, not the East–West
one that ended that year). Otherwise it lists the
candidates with their keys, programmes and years and says how to choose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Literal

from django.db.models import Q, QuerySet

from pairaid.core.errors import InputError
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.registry.models import Organisation, Pairing, PairingLevel

_SEPARATOR = re.compile(r"\s*(?:[-‐‑‒–—―~〜>→/]+|\bto\b)\s*", re.IGNORECASE)
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_LEVEL_ORDER = {level: i for i, level in enumerate(PairingLevel.values)}
#: Candidates a refusal lists before "and N more": the message stays one line of a few hundred characters.
_SHOWN = 3


class AmbiguousPairing(InputError):
    """A name several pairings fit; ``candidates`` are all of them, in tree order."""

    def __init__(self, text: str, candidates: Sequence[Pairing], *, year: int | None = None) -> None:
        self.text = text
        self.candidates = list(candidates)
        shown = "; ".join(pairing_description(p) for p in self.candidates[:_SHOWN])
        more = f"; and {len(self.candidates) - _SHOWN} more" if len(self.candidates) > _SHOWN else ""
        how = "give its key or id"
        if year is None:
            how += ", or a year (--year) to take the one in force then"
        super().__init__(f"{text!r} names {len(self.candidates)} pairings: {shown}{more} ({how})")


def pairing_description(pairing: Pairing) -> str:
    """"12 Shandong – Kashi, key xj2010-shandong-kashi (prefecture, xinjiang, 2010–)": how a candidate is listed
    (a pairing entered without a key is named by its id alone)."""
    years = f"{pairing.start_year}–{pairing.end_year or ''}"
    key = f", key {pairing.key}" if pairing.key else ""
    return f"{pairing.pk} {pairing}{key} ({pairing.level}, {pairing.programme}, {years})"


def pairing_resolve(*, text: str, year: int | None = None, prefer_current: bool = True) -> Pairing:
    """The one pairing ``text`` names (see the module docstring): with ``year``, the one in force that year;
    without, when ``prefer_current`` and every candidate twins the same two sides, the one still in force
    (no end year, or one not yet reached) when the others have ended.

    Raises:
        InputError: an empty text, or no pairing matches.
        AmbiguousPairing: several remain (the message lists them with keys and programmes and says how to choose).
    """
    if not text.strip():
        raise InputError("a pairing name is empty (give its id, its key, or donor and recipient: 'Shandong-Kashgar')")
    found = pairing_matches(text=text, year=year)
    if not found:
        raise InputError(
            f"no pairing matches {text.strip()!r} "
            "(give its id, its key, or donor and recipient: 'Shandong-Kashgar', '山东-喀什')"
        )
    if len(found) > 1 and year is None and prefer_current and len({_sides(p) for p in found}) == 1:
        this_year = date.today().year
        current = [p for p in found if p.end_year is None or p.end_year >= this_year]
        found = current if len(current) == 1 else found
    if len(found) > 1:
        raise AmbiguousPairing(text.strip(), found, year=year)
    return found[0]


def _sides(pairing: Pairing) -> tuple[int | None, ...]:
    return (
        pairing.donor_area_id,
        pairing.donor_organisation_id,
        pairing.recipient_area_id,
        pairing.recipient_organisation_id,
    )


def pairing_matches(*, text: str, year: int | None = None) -> list[Pairing]:
    """Every pairing ``text`` may name (see the module docstring), in tree order; ``[]`` when none."""
    text = unicodedata.normalize("NFKC", text).replace("\x00", "").strip()
    if not text:
        return []
    if text.isdigit():
        return list(_pairings().filter(pk=int(text))) if len(text) < 16 else []
    found = list(_pairings().filter(Q(key__iexact=text) | Q(name__iexact=text)))
    if not found:
        found = _pair_matches(text)
    if not found:
        found = _side_matches(text)
    if year is not None:
        in_force = [p for p in found if p.in_force(year)]
        found = in_force or found
    return sorted(found, key=lambda p: (_LEVEL_ORDER.get(p.level, 9), p.start_year, str(p), p.pk))


def _pairings() -> QuerySet[Pairing]:
    return Pairing.objects.select_related(
        "donor_area", "recipient_area", "donor_organisation", "recipient_organisation", "parent"
    )


def _splits(text: str) -> Iterator[list[tuple[str, str]]]:
    """Ways to read ``text`` as donor and recipient, most explicit first: one list per kind of split."""
    parts = [p for p in _SEPARATOR.split(text) if p]
    if len(parts) == 2:
        yield [(parts[0], parts[1])]
        return
    if len(parts) > 2:
        return
    words = text.split()
    if len(words) > 1:
        yield [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    elif _HAN.match(text) and len(text) <= 24:
        yield [(text[:i], text[i:]) for i in range(2, len(text) - 1)]


def _side(name: str, prefix: str) -> Q | None:
    """The pairings whose ``prefix`` side (donor or recipient) is an area or organisation ``name`` names."""
    codes = [c.area.code for c in default_gazetteer().resolve(name, limit=10) if c.match != "fuzzy"]
    organisations = list(
        Organisation.objects.filter(Q(name__iexact=name) | Q(name_zh=name)).values_list("pk", flat=True)
    )
    if not codes and not organisations:
        return None
    return Q(**{f"{prefix}_area__code__in": codes}) | Q(**{f"{prefix}_organisation__in": organisations})


def _within(name: str, prefix: str) -> Q | None:
    """The pairings whose ``prefix`` side is an area within an area ``name`` names (up to two levels down)."""
    codes = [c.area.code for c in default_gazetteer().resolve(name, limit=10) if c.match != "fuzzy"]
    if not codes:
        return None
    return Q(**{f"{prefix}_area__parent__code__in": codes}) | Q(**{f"{prefix}_area__parent__parent__code__in": codes})


def side_filter(name: str, side: Literal["donor", "recipient"]) -> Q:
    """The pairings whose ``side`` is the area or organisation ``name`` names, or an area within it.

    Raises:
        InputError: ``name`` names no area and no organisation.
    """
    exact, within = _side(name.strip(), side), _within(name.strip(), side)
    if exact is None:
        raise InputError(f"no area or organisation is named {name.strip()!r}")
    return exact | within if within is not None else exact


def _pair_matches(text: str) -> list[Pairing]:
    for readings in _splits(text):
        exact: dict[int, Pairing] = {}
        within: dict[int, Pairing] = {}
        for donor, recipient in readings:
            donor_q, recipient_q = _side(donor, "donor"), _side(recipient, "recipient")
            if donor_q is None or recipient_q is None:
                continue
            exact.update((p.pk, p) for p in _pairings().filter(donor_q).filter(recipient_q))
            donor_in, recipient_in = _within(donor, "donor"), _within(recipient, "recipient")
            donor_wide = donor_q | donor_in if donor_in is not None else donor_q
            recipient_wide = recipient_q | recipient_in if recipient_in is not None else recipient_q
            within.update((p.pk, p) for p in _pairings().filter(donor_wide).filter(recipient_wide))
        if exact:
            themselves = [p for p in exact.values() if _of_the_areas_themselves(p)]
            return themselves or list(exact.values())
        if within:
            return list(within.values())
    return []


def _of_the_areas_themselves(pairing: Pairing) -> bool:
    """One pair (not a count of pairs) at the level of its recipient area."""
    if pairing.pair_count != 1:
        return False
    if pairing.recipient_area is None:
        return True
    return pairing.level == pairing.recipient_area.level


def _side_matches(text: str) -> list[Pairing]:
    donor_q, recipient_q = _side(text, "donor"), _side(text, "recipient")
    if donor_q is None or recipient_q is None:
        return []
    return list(_pairings().filter(donor_q | recipient_q))
