"""A report's donor and recipient from the pairing its opening names, when its title names none (F9).

Headlines ("Coastal Anhe helps a mountain city"), titles of one side only ("Aid to Region B",
"Cooperation with Baishan"), work reports and communiqués name no donor in the title, yet their opening
names both sides of a pairing: "Anhe carried on its support to the counties of Baishan Prefecture",
"Baishan is aided by Anhe".  The capitalised names of the title and opening that the gazetteer knows
(exact, alias and pinyin matches) are read in order; the donor is the first of them that gives aid, in
the report year, to an area the opening names too (by the shipped registry of pairings,
:func:`pairaid.core.extract.pairing_places.recipient_places`), and the recipient the area it aids that
the opening names, a prefecture or county before a province ("Region B" holds every county aided), and
a prefecture before the counties within it ("the counties of B1 and B2 in Baishan Prefecture").

Made-up names and places the registry pairs with no one give nothing: the report stays as its title
and text make it.
"""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.areas import holds
from pairaid.core.errors import PairaidError
from pairaid.core.extract.pairing_places import recipient_places
from pairaid.core.extract.rule_anchors import may_match

__all__ = ["OPENING_CHARS", "dashed_pairing", "known_codes", "known_names", "opening_pairing", "paired_within"]

# how far into a report its opening reaches: a headline, a dateline and the first paragraph or two
OPENING_CHARS = 1200

# capitalised words; a hyphen only inside a word ("Ping-an"): "Anhe-Baishan" is two names, never "Anhe-"
_RUN = re.compile(r"[A-Z](?:[a-z’']|-(?=[a-z]))+(?:\s+[A-Z](?:[a-z’']|-(?=[a-z]))+)*")
_WORD = re.compile(r"\S+")
_POSSESSIVE = ("’s", "'s")  # "Anhe's": the name without them


@cache
def known_codes(name: str) -> frozenset[str]:
    """The area codes of the areas ``name`` may be: exact, alias and pinyin matches of the gazetteer (a fuzzy
    match is no evidence); empty when unknown or without a gazetteer."""
    from pairaid.core.gazetteer_store import default_gazetteer  # loaded on first use only

    try:
        return frozenset(c.area.code for c in default_gazetteer().resolve(name, limit=5) if c.match != "fuzzy")
    except (PairaidError, OSError):
        return frozenset()


def known_names(text: str) -> list[tuple[int, str, frozenset[str]]]:
    """(offset, name as written, area codes) of each name the gazetteer knows in ``text``, in order: the
    longest known run of capitalised words at each word ("Coastal Anhe" gives "Anhe")."""
    found = []
    for run in _RUN.finditer(text):
        words = [(w.start(), w.group(0)) for w in _WORD.finditer(run.group(0))]
        written = [w for _, w in words]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                name = " ".join(written[i:j])
                name = name[:-2] if name.endswith(_POSSESSIVE) else name
                codes = known_codes(name)
                if codes:
                    found.append((run.start() + words[i][0], name, codes))
                    i = j
                    break
            else:
                i += 1
    return found


def _holds(outer: str, code: str) -> bool:
    """``outer`` is the area ``code`` or holds it."""
    return outer == code or holds(outer, code)


def _rank(codes: frozenset[str], aided: frozenset[str]) -> int | None:
    """How good a recipient an area named is: 0 a prefecture, 1 a county, 2 a province; ``None`` when it
    neither is nor holds an area the donor aids."""
    hits = [c for c in codes if any(_holds(c, a) for a in aided)]
    if not hits:
        return None
    return min(2 if c.endswith("0000") else 0 if c.endswith("00") else 1 for c in hits)


def opening_pairing(text: str, year: int | None) -> tuple[str, str | None] | None:
    """(donor, recipient) as written in the first ``OPENING_CHARS`` of ``text`` (title included), or ``None``."""
    if year is None:
        return None
    names = known_names(text[:OPENING_CHARS])
    for _, donor, donor_codes in names:
        aided = recipient_places(donor, year).codes
        if not aided:
            continue
        ranked = [
            (rank, pos, name)
            for pos, name, codes in names
            if not codes & donor_codes and (rank := _rank(codes, aided)) is not None
        ]
        if ranked:
            _, _, recipient = best = min(ranked)
            codes = next(c for _, n, c in names if n == recipient)
            donors = _with_co_donors(names, donor, donor_codes, codes, best[0], year)
            return donors, None if _several_regions(names, ranked) else recipient
    return None


def _several_regions(names: list[tuple[int, str, frozenset[str]]], ranked: list[tuple[int, int, str]]) -> bool:
    """Whether the opening names, beside areas within one region, a whole other region the donor aids
    ("the paired counties of Region A and the prefectures B1 and B2 of Region C"): a donor's report on
    several pairings, whose totals go to no one recipient (F9)."""
    codes = {name: c for _, name, c in names}
    areas = [c for rank, _, name in ranked if rank < 2 for c in codes[name]]
    regions = [codes[name] for rank, _, name in ranked if rank == 2]
    return bool(areas) and any(not any(_holds(r, a) for r in region for a in areas) for region in regions)


def _with_co_donors(
    names: list[tuple[int, str, frozenset[str]]],
    donor: str,
    donor_codes: frozenset[str],
    aided: frozenset[str],
    rank: int,
    year: int,
) -> str:
    """The donor and the other names of the opening that aid the same recipient ("Baishan is aided by Anhe and
    Linxi"): "Anhe and Linxi", "Anhe, Linxi and Heping"; the donor alone when there is no other."""
    found = [donor]
    seen = set(donor_codes)
    for _, name, codes in names:
        if codes & seen or name in found or any(_holds(c, d) for c in codes for d in donor_codes):
            continue  # "Anhe's jobs in Province A": the donor's own province is the same giver, no other
        theirs = recipient_places(name, year).codes
        if theirs and _rank(aided, theirs) == rank:
            found.append(name)
            seen |= codes
    return found[0] if len(found) == 1 else f"{', '.join(found[:-1])} and {found[-1]}"


# "Linxi City, a county-level city under Anhe, was paired with Heping County in Baishan", "Linxi, the city of Anhe that
# has been paired with Heping District": the two sides named
_SIDE = r"(?<![\w’'-])[A-Z][\w’'-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w’'-]*){0,5}"
_PAIRED = re.compile(
    rf"(?P<donor>{_SIDE})(?:\s*,[^.;,]{{0,80}}(?:,|\s(?:that|which)))?\s+(?:was|is|has\s+been|had\s+been)\s+"
    r"(?:paired|twinned|partnered)"
    rf"\s+with\s+(?P<recipient>{_SIDE})"
)


def _codes_of(name: str) -> frozenset[str]:
    """The area codes of ``name`` or, when it is unknown, of its longest known lead ("Heping" of "Heping Yao
    Autonomous County")."""
    words = name.split()
    for n in range(len(words), 0, -1):
        if codes := known_codes(" ".join(words[:n])):
            return codes
    return frozenset()


def paired_within(text: str, donor: str | None, recipient: str | None) -> tuple[str, str] | None:
    """(donor, recipient) as written when the opening says an area within the report's ``donor`` "was paired
    with" an area within its ``recipient``, one of them narrower than the report's side (a county-level city
    of a prefecture paired with a county: "Linxi City, a county-level city under Anhe, was paired with Heping
    County in Baishan"): that pairing is the report's (F9); else ``None``."""
    opening = text[:OPENING_CHARS]  # searched only when it holds "paired", "twinned" or "partnered"
    m = _PAIRED.search(opening) if donor and recipient and may_match(_PAIRED, opening) else None
    if m is None or not donor or not recipient:
        return None
    ours, theirs = known_codes(donor), known_codes(recipient)
    a, b = _codes_of(m.group("donor")), _codes_of(m.group("recipient"))
    inside_a = any(_holds(o, c) for o in ours for c in a)
    inside_b = any(_holds(o, c) for o in theirs for c in b)
    if inside_a and inside_b and not (a & ours and b & theirs):
        return m.group("donor").strip(), m.group("recipient").strip()
    return None


# "the third joint meeting on Anhe–Baishan pairing assistance": two names joined by a dash before a word of pairing
_DASHED = re.compile(
    r"(?<![\w’'-])(?P<donor>[A-Z][a-z’'-]+)\s*[–—-]\s*(?P<recipient>[A-Z][a-z’'-]+)\s+"
    r"(?:pairing|paired|counterpart|cooperation|collaboration|partnership|twinning)\b"
)
_DIRECTIONS = frozenset({"East", "West", "North", "South", "Eastern", "Western"})


def dashed_pairing(text: str) -> tuple[str, str] | None:
    """(donor, recipient) of the first "A–B pairing" of the opening of ``text`` whose two names the gazetteer
    knows as two areas ("Anhe–Baishan cooperation"; never "East–West cooperation"), or ``None``: the sides of a
    news report whose headline names no pairing the registry knows (F9)."""
    for m in _DASHED.finditer(text, 0, OPENING_CHARS):
        donor, recipient = m["donor"], m["recipient"]
        if {donor, recipient} & _DIRECTIONS:
            continue
        codes = known_codes(donor), known_codes(recipient)
        if codes[0] and codes[1] and not codes[0] & codes[1]:
            return donor, recipient
    return None
