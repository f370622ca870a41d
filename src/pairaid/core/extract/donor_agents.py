"""Who gives a figure when a province's chapter names its cities (gold-format.md F9).

In a province's chapter the places of that province that act are the givers of what their sentences tell: a
list of them opening a clause and acting ("Linzhou and Anyang supported B1 with N", "Linzhou and Anyang, the
aiding cities of B1, appropriated N", "Anhe's Linzhou and Anyang districts provided N", "Linzhou's aid of N"),
the places after "from" or "by" ("B1 received N from Linzhou and Anyang", "teachers sent by Linzhou"), a place
named before its people or bodies ("Linzhou hospitals sent", "a Linzhou medical team treated"; ``agent_nouns`` of
``words.yaml``), or before the figure it gives in a clause without a verb of its own ("of which Linzhou provided N
and Anyang M").  A section under a heading carries the last of them to its later figures until another acts: the
cities paired with a county give what its section tells (:mod:`pairaid.core.extract.fact_places`).

A list whose places the gazetteer puts in another province, or that ends "and six other cities" (not all
named), is no giver.
"""

from __future__ import annotations

import re

from pairaid.core.extract.places import NOT_PLACE, place_side
from pairaid.core.extract.regex_leads import led_pattern
from pairaid.core.extract.rules import word_list

__all__ = ["donor_agents", "figure_givers"]

_NAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,2}"
_AREA = rf"(?:\s+(?:{'|'.join(word_list('area_words_lower'))})\b)?"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?"
_OWNER = r"(?:[A-Z][a-z’'-]+[’']s\s+)?"
_NOUNS = "|".join(word_list("agent_nouns"))
_VERBS = "|".join(word_list("agent_verbs"))
_ACTS = (
    rf"(?:[’']s\s+(?:[a-z-]+\s+){{0,2}}?(?:aid|assistance|support|help|money|funds?)\b"  # "Linzhou's aid of N"
    rf"|(?:\s*,\s*the\s+[^,.;]{{1,60}},)?\s+(?:(?:also|together|jointly|further|each)\s+)?(?:[a-z]+ed|{_VERBS})\b"
    rf"|(?:\s+[a-z-]+){{0,2}}?\s+(?:{_NOUNS})\b"  # "Linzhou hospitals", "Linzhou textile firms"
    r"|-(?:funded|financed|built|run)\b"  # "the Linzhou-funded base"
    r"|\s+(?=(?:about\s+|some\s+|over\s+)?\d))"  # "and Anyang 43 million yuan": the verb said before
)
_AGENT = led_pattern(
    re.compile(
        rf"(?:(?:^|[,;:】]\s*|\b(?:and|while|whereas|with|which|In\s+\w+,)\s+)(?:(?i:an?|the)\s+)?{_OWNER}(?P<names>{_LIST}){_AREA}(?={_ACTS})"
        rf"|\b(?:from|by)\s+(?:the\s+)?{_OWNER}(?P<from>{_LIST}){_AREA})"
    )
)
_MEMBERS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AREA_WORDS = re.compile(_AREA + r"$")
_POSSESSIVE = re.compile(r"[’']s$")
_LISTED = re.compile(r"[A-Z][\w’'-]*\s*$")
_INCOMPLETE = re.compile(r"\s*,?\s+and\s+(?:\w+\s+)?other\b")


def donor_agents(sentence: str, donor: str | None) -> list[tuple[int, int, str]]:
    """(start, end, givers as written) of each list of places of the ``donor``'s province acting in ``sentence``
    (module docstring), in order; the donor itself acting is one too ("Anhe hospitals sent")."""
    if not donor:
        return []
    out = []
    for m in _AGENT.finditer(sentence):
        group = "names" if m.group("names") else "from"
        names = _POSSESSIVE.sub("", m.group(group))
        if NOT_PLACE.search(names) or _INCOMPLETE.match(sentence, m.end(group)):
            continue
        if m.group(0)[0] == "," and _LISTED.search(sentence, 0, m.start()):
            continue  # "firms in B1, B2 and B3 took": the end of a list, not a clause's subject
        members = [_AREA_WORDS.sub("", n).strip() for n in _MEMBERS.split(names) if n.strip()]
        sides = [place_side(n, donor) for n in members]
        if "donor" in sides and "other" not in sides:
            out.append((m.start(group), m.end(), names))
    return out


_FROM_AFTER = re.compile(r"[^,;.\d]{0,40}$")  # its own words: no other figure between
_FROM = ("from", "by")


def figure_givers(agents: list[tuple[int, int, str]], start: int, end: int, body: str) -> str | None:
    """The givers of a figure from ``start`` to ``end`` of its sentence ``body``: the last of the sentence's
    :func:`donor_agents` in a "from"/"by" phrase of its own words after it ("N yuan from Linzhou", "N teachers
    from Anhe"), else the last before it; ``None`` when none."""
    after = next(((a, names) for a, _, names in agents if a >= end), None)
    if after is not None and _FROM_AFTER.match(body, end, after[0]) and body[end : after[0]].rstrip().endswith(_FROM):
        return after[1]
    before = [names for a, _, names in agents if a < start]
    return before[-1] if before else None
