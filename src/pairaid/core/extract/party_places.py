"""The report's parties applied to its figures' places once each figure has its own (gold-format.md F9).

A chapter of two donors gives each figure to the one named last before it; a figure given to the
province around the report's recipient goes to the recipient; a figure a group of givers gives ("the 19
provinces and cities provided", "Beijing, Tianjin and Shanghai together invested") has that group as
written for donor; a figure another donor of the registry gives in a round-up of pairings has that donor,
and the recipient of its own the sentence names.  :mod:`pairaid.core.extract.fact_places` gives each figure
its places first.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from pairaid.core.extract.fact_places import Sides
from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.opening_parties import known_codes, known_names
from pairaid.core.extract.pairing_places import recipient_places
from pairaid.core.extract.places import NOT_PLACE, place_side, sentence_actor_spans, within
from pairaid.core.extract.rules import word_list

__all__ = ["group_donors", "joint_donor_sides", "narrow_to_recipient", "other_donors"]


_JOINT = re.compile(r"\s+and\s+")


def joint_donor_sides(text: str, mentions: tuple[Mention, ...], places: dict[int, Sides], donor: str | None) -> None:
    """A chapter of two donors ("Anhe and Linxi: Aid to Baishan"): a figure given to the pair goes to the one
    of them named last before it ("Linxi, for its part, built 12 schools"), in place of the pair (F9)."""
    names = _JOINT.split(donor) if donor is not None else []
    if len(names) != 2:
        return
    found = sorted((m.start(), name) for name in names for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    starts = [at for at, _ in found]
    for i, (donors, recipients) in places.items():
        k = bisect.bisect_left(starts, mentions[i].start) - 1
        if k >= 0 and donor in donors:
            places[i] = (tuple(found[k][1] if d == donor else d for d in donors), recipients)


def narrow_to_recipient(places: dict[int, Sides], recipient: str | None, opening: str) -> None:
    """A figure given to the province around the report's recipient ("aid to Region B", "the aid-Region B
    cadres" in a Baishan chapter) goes to the report's recipient: the province is where it lies (F9).  Not
    when the report's ``opening`` names other areas of that province beside the recipient ("Baishan, Linxi
    and Anyang, Region B"): the province then stands for them all; a name of a product or thing ("Linxi cattle")
    is no area named."""
    if not recipient:
        return
    narrow: dict[str, bool] = {}

    @cache
    def others() -> list[str]:  # the opening's other areas: read only when a figure goes to a region around it
        found = known_names(opening)
        names = [name for at, name, _ in found if not _is_region(name) and not _THING.match(opening, at + len(name))]
        return [n for n in names if n != recipient and not within(n, recipient) and not within(recipient, n)]

    def around(place: str | None) -> bool:
        if not place or place == recipient:
            return False
        if place not in narrow:
            narrow[place] = (
                _is_region(place) and within(recipient, place) and not any(within(n, place) for n in others())
            )
        return narrow[place]

    for i, (donors, recipients) in places.items():
        if any(around(r) for r in recipients):
            places[i] = (donors, tuple(recipient if around(r) else r for r in recipients))


# a place's name before a word of a product or thing ("Linxi cattle", "the Linxi trade fair") names no area
_THING = re.compile(rf"\s+(?:{'|'.join(word_list('place_as_modifier'))})\b")


@cache
def _is_region(name: str) -> bool:
    """Whether ``name`` may be a province-level area (by the gazetteer: :func:`known_codes`, cached like it)."""
    return any(code.endswith("0000") for code in known_codes(name))


_GROUP_NOUNS = r"(?:provinces|cities|municipalities|prefectures)"
_NAME = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
# a clause whose subject is a group of givers, then its verb: "the 19 provinces and cities provided", "Five cities in
# the East have given", "Beijing, Tianjin and Shanghai together invested" (not "both cities", "the two sides")
_GROUP = re.compile(
    rf"(?:^|[,;:]\s*|\s(?:--|—|–)\s*|\b(?i:in)\s+(?:19|20)\d\d\s*,?\s*|(?<!\bby)(?<!\bfrom)(?<!\bof)(?<!\bto)(?<!\bin)(?<!\bfor)(?<!\bwith)(?<!\bamong)\s(?=(?i:the)\s))(?P<group>(?:(?i:the)\s+)?(?!(?i:both|two|the\s+two)\b)"
    rf"(?:(?:\d+|(?i:[a-z]+))\s+)?(?:(?i:aiding|eastern|partner|paired|coastal|donor)\s+)?(?i:{_GROUP_NOUNS})"
    rf"(?:\s*,?\s*(?i:and)\s+(?i:{_GROUP_NOUNS}))?(?:\s+(?i:in|of)\s+(?:the\s+)?{_NAME})?"
    rf"|{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME}(?=\s+(?i:together|jointly)\b))"
    r"(?:\s+(?i:together|jointly|also|have|has|had|all|each))*\s+(?i:[a-z]+ed|gave|given|sent|built|spent|put|paid)\b"
)
_GROUP_WORDS = ("provinces", "cities", "municipalities", "prefectures", "together", "jointly")


def group_donors(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], places: dict[int, Sides]
) -> None:
    """A figure whose clause's subject is a group of givers before it in its sentence ("the 19 provinces and
    cities provided N", "Beijing, Tianjin and Shanghai together invested N") has that group, as written, for
    donor (F9)."""
    groups: dict[int, list[tuple[int, str]]] = {}
    for i in places:
        k = mentions[i].sentence
        if k not in groups:
            s = sentences[k]
            body = text[s.start : s.end]
            low = body.lower()
            found = _GROUP.finditer(body) if any(w in low for w in _GROUP_WORDS) else ()
            groups[k] = [(s.start + m.end(), m.group("group")) for m in found]
        before = [(end, g) for end, g in groups[k] if end <= mentions[i].start]
        if before and ";" not in text[before[-1][0] : mentions[i].start]:
            donors, recipients = places[i]
            places[i] = ((before[-1][1],) * len(donors), recipients)


def other_donors(
    text: str,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    places: dict[int, Sides],
    donor: str | None,
    recipient: str | None,
    year: int,
) -> None:
    """A round-up of several pairings ("Anhe gave ... Linzhou invested N in Baishan. Dongcheng sent M doctors to
    Heping."): a figure given the report's donor whose sentence's last actor before it, in its clause, is another
    donor of the registry in ``year`` (not the report's donor nor a place of its province) has that actor for donor,
    and for recipient the first of that donor's recipients its sentence names after the actor, else the one it had
    (F9: each sentence's acting side is the donor of its figures); never the report's recipient acting, a donor
    elsewhere too ("Baishan sent N workers to Anhe")."""
    if not donor:
        return
    sides = (donor, *_JOINT.split(donor))  # a chapter of two donors: either
    actors_of: dict[int, tuple[tuple[int, int, str], ...]] = {}
    for i, (donors, recipients) in places.items():
        if len(donors) != 1 or donors[0] not in sides:
            continue
        k = mentions[i].sentence
        s = sentences[k]
        if k not in actors_of:
            actors_of[k] = tuple(
                (s.start + a, s.start + b, name) for a, b, name in sentence_actor_spans(text[s.start : s.end])
            )
        before = [a for a in actors_of[k] if a[1] <= mentions[i].start]
        if not before:
            continue
        start, end, name = before[-1]
        if ";" in text[end : mentions[i].start] or any(_same_side(name, side) for side in sides):
            continue
        if recipient and (_named_in(name, recipient) or within(name, recipient) or within(recipient, name)):
            continue
        theirs = recipient_places(name, year)
        if not theirs.codes:
            continue
        named = [n for a, _, n in theirs.find(text[start : s.end])]
        places[i] = ((name,), (named[0],) if named else recipients)


def _named_in(name: str, other: str) -> bool:
    low, theirs = name.lower(), other.lower()
    return low in theirs or theirs in low


def _same_side(name: str, donor: str) -> bool:
    return _named_in(name, donor) or NOT_PLACE.search(name) is not None or place_side(name, donor) != "other"
