"""The places a sentence names, as :mod:`pairaid.core.extract.fact_places` reads them (gold-format.md F9).

The places of :func:`~pairaid.core.extract.places.sentence_places` ("to County B", "in Baishan") and the
names of the report's recipient places (:mod:`pairaid.core.extract.pairing_places`), and an area named with
its area word anywhere in the sentence ("Anhe helped Linxi County build", "Linxi County's farmers") when it is
of another province than the donor's: a named county or prefecture within a province-level pairing is where
its sentence's figures go.  A place followed by the area that holds it is one place as written ("Linxi County
of Province B"); a place's name followed by a word of ``place_as_modifier`` (``words.yaml``) names a product
or a thing, not a place ("Sichuan pepper", "the Linxi County boarding school").
"""

from __future__ import annotations

import re

from pairaid.core.extract.opening_parties import known_codes
from pairaid.core.extract.pairing_places import RecipientPlaces
from pairaid.core.extract.places import NOT_PLACE, place_side, sentence_places, within
from pairaid.core.extract.rule_anchors import may_match
from pairaid.core.extract.rules import word_list

__all__ = ["Named", "named_places"]

Named = tuple[tuple[int, int, str], ...]

_OF = re.compile(r"\s*,?\s*(?:of|in)\s+(?:the\s+)?")
_MODIFIER = re.compile(rf"\s+(?:{'|'.join(word_list('place_as_modifier'))})\b")
# the words before a name that make it the tail of a longer one: a capitalised word, "Miao and", "Prefecture of", "-"
# (not "... 5 million Yuan and Linxi County", "the people of Linxi County": a currency or a lower-case word before)
_NAME_GOES_ON = re.compile(r"(?:(?!Yuan\b|RMB\b)[A-Z][\w’'-]*(?:\s+(?:and|of))?|-)\s*$")
_AREA_NAMED_LEAD = re.compile(r" (?:County|Prefecture|City|District|Banner|League)\b")
_AREA_NAMED = re.compile(
    r"(?P<place>[A-Z](?<![\w’'-].)[a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}\s+(?:County|Prefecture|City|District|Banner|League))"
    r"(?![\w-])"
)


# "the 12 paired counties, such as Linxi, Heping and Anhe": the places listed are examples of a group (example_markers)
_EXAMPLES = re.compile(
    rf"\b(?i:{'|'.join(word_list('example_markers'))}),?\s+(?:[A-Z][\w’'-]*(?:\s*,\s*|\s*,?\s+(?:and|or)\s+|\s+|(?=\W)))+"
)


def _areas_named(text: str, donor: str | None, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Areas named with their area word anywhere in ``text``, of another province than the donor's, that
    ``found`` does not hold ("Anhe helped Linxi County build", "Anhe and Heping City signed")."""
    if not _AREA_NAMED_LEAD.search(text):
        return []
    out = []
    for m in _AREA_NAMED.finditer(text):
        name = m.group("place")
        if any(a <= m.start() < b for a, b, _ in found) or NOT_PLACE.search(name):
            continue
        if _NAME_GOES_ON.search(text, max(0, m.start() - 20), m.start()):
            continue  # the tail of a longer name: "Dong Autonomous Prefecture" of "Miao and Dong ..."
        if place_side(name, donor) == "other":
            out.append((m.start(), m.end(), name))
    return out


# "in the prefecture", "to the county": the report's recipient, when it is an area of that kind
_ANAPHOR = re.compile(r"\b(?:in|to|for|into|across)\s+the\s+(?P<kind>prefecture|league|region|province|county)\b")
_LEVELS = {"prefecture": "p", "league": "p", "region": "r", "province": "r", "county": "c"}


def _anaphors(text: str, home: str | None, upto: int) -> list[tuple[int, int, str]]:
    """Where ``text`` names the report's recipient ``home`` by its kind of area alone ("invested N in the
    prefecture" in a chapter on Baishan Prefecture), before ``upto`` (where it first names a place: "the
    prefecture" is that one then): its kind as its name's last word says, else as the gazetteer's areas of
    that name all are (none when they are of several levels: Kashgar, city or prefecture)."""
    if not home or "the " not in text[:upto]:
        return []
    kind = home.split()[-1].lower()
    if kind not in _LEVELS:
        levels = {"r" if c.endswith("0000") else "p" if c.endswith("00") else "c" for c in known_codes(home)}
        kind = next((k for k, level in _LEVELS.items() if {level} == levels), "")
    return [(m.start(), m.end(), home) for m in _ANAPHOR.finditer(text, 0, upto) if m.group("kind") == kind]


def named_places(text: str, donor: str | None, recipients: RecipientPlaces, home: str | None = None) -> Named:
    """The places ``text`` names, in order; where two overlap the longer stays, and a place followed by the
    area that holds it ("Zunyi City of Guizhou Province", "Naqu of Tibet") is one place; with ``home`` (the
    report's recipient), "in the prefecture" names it when it is a prefecture (:func:`_anaphors`)."""
    found = [*sentence_places(text, donor), *recipients.find(text)]
    found += _anaphors(text, home, min((p[0] for p in found), default=len(text)))
    found = sorted([*found, *_areas_named(text, donor, found)], key=lambda p: (p[0], -(p[1] - p[0])))
    examples = [m.span() for m in _EXAMPLES.finditer(text)] if may_match(_EXAMPLES, text) else []
    found = [p for p in found if not any(a <= p[0] < b for a, b in examples)]
    out: list[tuple[int, int, str]] = []
    for p in found:
        if _MODIFIER.match(text, _name_end(text, p)):
            continue  # "Sichuan pepper", "the Linxi County boarding school": no place figures go to
        if out and p[0] < out[-1][1]:
            if p[1] - p[0] > out[-1][1] - out[-1][0]:
                out[-1] = p
            continue
        if out:
            inner_end, outer_start = _name_end(text, out[-1]), text.find(p[2], p[0], p[1])
            if outer_start >= 0 and _OF.fullmatch(text, inner_end, outer_start) and within(out[-1][2], p[2]):
                outer_end = outer_start + len(p[2])  # the one place as written: "Linxi County of Province B"
                out[-1] = (out[-1][0], outer_end, text[inner_end - len(out[-1][2]) : outer_end])
                continue
        out.append(p)
    return tuple(out)


def _name_end(text: str, place: tuple[int, int, str]) -> int:
    """Where the name of a place found at ``place[0]``..``place[1]`` ends (a phrase found may run past it)."""
    at = text.find(place[2], place[0], place[1])
    return at + len(place[2]) if at >= 0 else place[1]
