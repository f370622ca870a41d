"""Donor and recipient of a report's figures, as written (gold-format.md F9).

* A pairing chapter's title names both sides: "Province A – Region B Pairing-off
  ..." (any dash): the donor is the aiding (first) side, the recipient the other.
* A national East-West overview (no pairing title, "eastern provinces" in the
  text) uses donor "eastern provinces and municipalities" and recipient
  "western poor areas".
* A provincial chapter (no pairing title) has donor ``None`` and the province
  reported on as recipient.
* "granted N respectively to County B and County C" gives one recipient per
  listed place (F4); "the governments of A, B and C respectively arranged N" one
  donor per listed place (both in ``respectively_lists``).
* A place named after a figure in its sentence ("... of funds to County B") is
  that figure's recipient; a part of a total without one goes where the total
  went, else to the last place named before it (:func:`sentence_places`).  The
  report's recipient is the place its opening says the donor supports ("support
  for County B and County C"), unless that is only the province around the
  title's recipient, else the title's (:func:`supported_place`).
* A place of the donor's province acting in the sentence ("Suzhou City's
  hospitals donated N" in a Jiangsu chapter) is the donor as written
  (:func:`sentence_actors`, :func:`sentence_donor`).

Place-name resolution (codes, aliases) belongs to ``pairaid.core.gazetteer``;
here names stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pairaid.core.areas import holds
from pairaid.core.errors import PairaidError
from pairaid.core.extract.regex_leads import compile_led, led_pattern
from pairaid.core.extract.rule_anchors import may_match
from pairaid.core.extract.rules import rule_set, word_list

if TYPE_CHECKING:
    from pairaid.core.gazetteer import Candidate

__all__ = [
    "NOT_PLACE", "PART_MARKER", "Parties", "named_area", "place_side", "place_words_end", "report_parties",
    "sentence_actor_spans", "sentence_actors", "sentence_donor", "sentence_places", "sentence_recipient",
    "supported_place",
]

NATIONAL_DONOR = "eastern provinces and municipalities"
NATIONAL_RECIPIENT = "western poor areas"

# "Anhe - Baishan Pairing-off ...", "City A - Baishan (Baishan Shi) Prefecture of Region B Counterpart Assistance",
# "Anhe City (Lumen, Province A) - Baishan Tujia Autonomous County (Heping, Province B) East-West ...": each side
# as written, a name of capitalised words with "of"/"and" and bracketed aliases, up to the title's subject words
_TITLE_SIDE = r"[A-Z][\w’'.]*(?:\s*\([^()\n]{1,40}\)|\s+(?:of|and)\s+[A-Z][\w’'.]*|\s+[A-Z][\w’'.]*)*"
_TITLE = re.compile(
    rf"^\s*(?P<donor>{_TITLE_SIDE})\s*(?:[–—]|\s-\s|(?<=[a-z)])-(?=[A-Z]))\s*(?P<recipient>{_TITLE_SIDE}?)\s*:?\s+"
    r"(?i:Pairing|Counterpart|East|Poverty|Cooperation|Twinning|Pair|Partner)",  # "Anhe-Baishan cooperation keeps pace"
)
# "Anhe's Pairing-off Aid to Baishan, Region B", "Anhe's Cooperation with Baishan Prefecture", "Anhe's Counterpart
# Support for the Baishan Reservoir Area"
_TITLE_TO = re.compile(
    r"^\s*(?P<donor>[A-Z][\w.()]*(?:\s+[A-Z][\w.()]*)*)[’']s\s+(?:[A-Z][\w-]*\s+){1,4}(?:to|for|with)\s+(?:the\s+)?"
    r"(?P<recipient>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
# "Anhe Province Counterpart Support for Baishan County, Region B", "Anhe Aid to Baishan", "Anhe Municipality:
# Counterpart Support to Baishan Prefecture": the donor (one name and its area word, then "'s" or a colon), the
# title's words of aid (``title_aid_words``), then "to"/"for" and the recipient up to a comma, or a verb of aid
# whose object is the recipient ("Anhe Province Counterpart Helping Baishan", ``title_aiding_verbs``);
# "Anhe's Counterpart Assistance in 2014": a donor's chapter on several fronts, no one recipient
_AID_WORDS = rf"(?:{'|'.join(word_list('title_aid_words'))})"
# "Anhe Province Counterpart Helping Baishan": a title's verb of aid that takes the recipient as its object
_AIDING = rf"(?:{'|'.join(word_list('title_aiding_verbs'))})"
# the donor: one name and its area word, or two joined by "and" ("Anhe and Linxi: Aid to Baishan")
_TITLE_DONOR = r"(?P<donor>[A-Z][\w.]*(?:\s+(?:Province|City|Municipality))?(?:\s+and\s+[A-Z][\w.]*(?=\s*:))?)"
_TITLE_AID = re.compile(
    rf"^\s*{_TITLE_DONOR}(?:[’']s|\s*:)?\s+(?:(?:{_AID_WORDS}\s+){{1,5}}(?:to|for)|(?:{_AID_WORDS}\s+){{0,4}}{_AIDING})\s+"
    r"(?P<recipient>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
# "Evaluating Anhe's assistance to Baishan, 2029-2031": a title in sentence case, the giver's aid in lower case
_TITLE_POSSESSIVE = re.compile(
    r"^\s*(?:[A-Z][a-z]+\s+)?(?P<donor>[A-Z][\w.]*)[’']s\s+(?i:(?:counterpart\s+|pairing\s+|paired\s+)?"
    r"(?:aid|assistance|support|help))\s+(?:to|for)\s+(?P<recipient>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
# "East-West Poverty Alleviation Cooperation between Anhe and Baishan": the aiding side named first
_TITLE_BETWEEN = re.compile(
    rf"^\s*(?:{_AID_WORDS}\s+){{1,5}}between\s+(?P<donor>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+and\s+"
    r"(?P<recipient>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s*$"
)
_TITLE_FRONTS = re.compile(rf"^\s*{_TITLE_DONOR}[’']s\s+(?:{_AID_WORDS}\s*){{1,5}}(?:in\s+(?:19|20)\d\d)?\s*$")
_PROVINCE = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Province|Zhuang\s+Autonomous\s+Region|Uygur\s+Autonomous\s+Region"
    r"|Hui\s+Autonomous\s+Region|Autonomous\s+Region|Municipality))\b"
)
_CAPTION_LABEL = re.compile(r"^\s*(?:Table|Figure|Chart|Annex|Appendix|Schedule)\s+[\dA-Z][\d.-]*[.:]?\s+")
_IN_PLACE = compile_led(r"\bin\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s*$")


@dataclass(frozen=True)
class Parties:
    """Who gives and who receives in a report: ``kind`` is ``pairing``, ``national`` or ``provincial``."""

    donor: str | None
    recipient: str | None
    kind: str


def report_parties(text: str, title: str | None, *, donor: str | None = None, recipient: str | None = None) -> Parties:
    """The report's donor and recipient from its title and text; ``donor``/``recipient`` given by the caller win.
    A caption's label before the title's words is none of them ("Table 3  Anhe Aid to Baishan by County")."""
    title = _CAPTION_LABEL.sub("", title) if title else title
    if title and (fronts := _TITLE_FRONTS.match(title)) is not None and not _TITLE.match(title):
        return Parties(donor or fronts.group("donor").strip(), recipient, "pairing")
    if title:
        m = _TITLE_BETWEEN.match(title) or _TITLE.match(title) or _TITLE_TO.match(title) or _TITLE_AID.match(title)
        m = m or _TITLE_POSSESSIVE.match(title)
        sides = (m.group("donor").strip().lower(), m.group("recipient").strip().lower()) if m is not None else ("", "")
        if sides[1].startswith("west") and (sides[0].startswith("east") or sides[0].endswith(" east")):
            m = None  # "East-West Pairing-off Cooperation", "Eastern Provinces - Western Areas", "A and B East-West"
        if m is not None and m.re is _TITLE and title[m.end("donor") : m.start("recipient")] == "-":
            word = title[title.rfind(" ", 0, m.end("donor")) + 1 : m.end("recipient")].split()[0]  # "Anhe-Baishan"
            m = None if NOT_PLACE.search(word) else m  # "Development-Oriented": one word, no two sides
        if m is not None and not donor and re.fullmatch(rf"(?:{_AID_WORDS}\s*)+", m.group("donor").strip()):
            return Parties(None, recipient or m.group("recipient").strip(), "provincial")  # "Pairing Aid to B"
        if m is not None:
            title_donor = donor or m.group("donor").strip()
            title_recipient = m.group("recipient").strip()
            opening = text[len(title) : len(title) + 1500]
            named = supported_place(opening, title_donor) if not recipient else None
            if named is not None and _is_province(named) and not _is_province(title_recipient):
                named = None  # "Enshi ... of Hubei Province": the province around the title's recipient is not it
            if named is not None and _all_within(named, title_recipient):
                named = None  # "its support to B1, B2 and B3 counties of B": the areas of the title's B are B
            if named is None and not recipient and _is_province(title_recipient):
                named = _areas_within(text[len(title) :], title_donor, title_recipient)
            return Parties(title_donor, recipient or named or title_recipient, "pairing")
    if may_match(_EASTERN, text) and _EASTERN.search(text) and _WESTERN.search(text):  # (the words first: speed)
        return Parties(donor or NATIONAL_DONOR, recipient or NATIONAL_RECIPIENT, "national")
    place = None
    if title:
        t = _IN_PLACE.search(title)
        place = t.group("name") if t is not None else None
    if place is None:
        p = _PROVINCE.search(text)
        place = p.group("name") if p is not None else None
    return Parties(donor, recipient or place, "pairing" if donor else "provincial")


_EASTERN = re.compile(r"\beastern\s+provinces\b", re.I)
_WESTERN = re.compile(r"\bwestern\b", re.I)
_AID_TO = re.compile(r"\b(?:to|for)\b[^.;]{0,40}$", re.I)


def _areas_within(text: str, donor: str, province: str) -> str | None:
    """The places the donor of a chapter titled with a province first gives aid to or for, when they lie
    within the province ("Zhejiang donated N to 12 counties of Guangyuan and Nanchong" in a Zhejiang -
    Sichuan chapter); ``None`` when the first place aid goes to is the province itself ("N for Gansu")."""
    for m in _SENTENCE_PLACE.finditer(text):
        place = _recipient(m, donor, where=False)
        aided = m.group(0)[:2].lower() != "of" or _AID_TO.search(text, max(0, m.start() - 40), m.start())
        if place is None or not aided:
            continue
        names = [p for p in _LIST_GAP.split(place) if p.strip()]
        if any(_province_codes(p) == _province_codes(province) and _is_province(p) for p in names):
            return None
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        actors = sentence_actors(text[start : m.start()])
        if actors and donor.split()[0].lower() not in actors[-1][1].lower():
            continue  # a city of the donor's province acting: its own pairing, not the chapter's
        if names and all(within(p, province) for p in names):
            return place
    return None


_NAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){0,3}"
_UNIT = r"\d{1,2}(?:st|nd|rd|th)\s+Division"  # a division of the Production and Construction Corps ("the 1st Division")
# "to B", "into Linxi district", "of Heping area": names, maybe an area word in lower case after them, or a division
_SENTENCE_PLACE = compile_led(
    rf"\b(?:to|into|for|[Ii]n|of)\s+(?:the\s+)?(?P<place>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?|{_UNIT})"
    rf"(?P<lower>\s+(?:{'|'.join(word_list('area_words_lower'))})\b)?"
)
# "of which", "including", "among them" (parts.yaml): the places after one are its parts'
PART_MARKER = rule_set("en").link("marker")
NOT_PLACE = compile_led(rf"\b(?:{'|'.join(word_list('no_place_words'))})\b")


# "Liupanshui's GDP": a place named as the owner of what follows (the look-behind after the first capital: speed)
_POSSESSIVE_PLACE = re.compile(rf"(?P<place>[A-Z](?<![\w’'-].){_NAME[5:]})[’']s\s+[A-Za-z]")


def sentence_places(sentence: str, donor: str | None) -> tuple[tuple[int, int, str], ...]:
    """The places a sentence names that can be a figure's recipient, each as (start, end, name) in
    ``sentence``, in order: the places of :func:`sentence_recipient` ("to County B", "in Baishan") and
    areas of another province than the donor's named as owners ("Liupanshui's GDP")."""
    found = [(m.start(), m.end(), p) for m in _SENTENCE_PLACE.finditer(sentence) if (p := _recipient(m, donor))]
    for m in _POSSESSIVE_PLACE.finditer(sentence):
        name = m.group("place")
        if not NOT_PLACE.search(name) and place_side(name, donor) == "other":
            found.append((m.start(), m.start() + len(name), name))
    return tuple(sorted(found))


def place_words_end(end: int, after: str, rest: str) -> tuple[int, bool]:
    """Where the words after a figure (ending at ``end``) that can name its place end: the longer of
    ``after`` (to its clause's end) and ``rest`` (to the next figure), cut at a part marker ("N yuan, of
    which M yuan went to B1": B1 is the part's place, not the whole's); and whether a marker cut them."""
    words = after if len(after) >= len(rest) else rest
    marker = PART_MARKER.search(words)
    return (end + marker.start(), True) if marker is not None else (end + len(words), False)


def _all_within(listed: str, outer: str) -> bool:
    """Whether ``listed`` names several areas ("B1, B2 and B3", "B1 and B2 counties") and each lies within
    the area ``outer`` by the gazetteer: the opening names the parts of the title's recipient."""
    names = [n for n in _LIST_SPLIT.split(listed) if n.strip()]
    return len(names) >= 2 and all(within(n, outer) for n in names)


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def within(inner: str, outer: str) -> bool:
    """Whether the area ``inner`` may lie within the area ``outer`` ("Zunyi City" within "Guizhou Province"),
    by the gazetteer (:func:`_known_areas`)."""
    outers = [c.area.code for c in _known_areas(outer)]
    return any(holds(o, c.area.code) for c in _known_areas(inner) for o in outers)


def sentence_recipient(right: str, donor: str | None, *, where: bool = True) -> str | None:
    """The place a figure went to, named after it in its sentence ("... of funds to County B"), or ``None``.

    ``where=False`` takes only a place aid goes to, is for or belongs to ("to B", "for B", "counties of B"), not one
    where something happens ("a meeting in City C").

    Names that are the donor, or that name an office, plan or company rather than
    a place, are skipped (F9: places as written); so are areas of the donor's own
    province ("trained in Nanjing" in a Jiangsu chapter) and, when the donor is
    known, names the gazetteer does not know unless they end in an area word
    ("Pearl River Delta" is no recipient, "Liuzhi Special Zone" is).
    """
    return next((p for m in _SENTENCE_PLACE.finditer(right) if (p := _recipient(m, donor, where=where))), None)


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed_places(place: str, donor: str | None) -> str:
    """The places of a list up to the first name that is the donor, of its province or no place: "Sichuan Province,
    Liaoning" in a Liaoning chapter is Sichuan Province, "Linxi County and Anhe's Heping District" Linxi County;
    "Jiashi County Industrial Park" is Jiashi County (an area word before an office, park or plan's words)."""
    donor_words = set(donor.lower().split()) if donor else set()
    end, pos = 0, 0
    for gap in [*_LIST_GAP.finditer(place), None]:
        item = place[pos : gap.start() if gap is not None else len(place)]
        if donor_words & {re.sub(r"[’']s$", "", w) for w in re.split(r"[\s\-–]+", item.lower())}:
            break
        if pos and place_side(item, donor) == "donor":
            break
        other = NOT_PLACE.search(item)
        if other is not None:
            head = _AREA_WORD_END.search(item, 0, other.start())
            end = pos + head.end() if head is not None else end
            break
        end = pos + len(item)
        if gap is None:
            break
        pos = gap.end()
    return place[:end].strip()


def _recipient(m: re.Match[str], donor: str | None, *, where: bool = True) -> str | None:
    """The place of one match of ``_SENTENCE_PLACE`` when it passes the tests of :func:`sentence_recipient`."""
    if not where and m.group(0)[:3].rstrip().lower() == "in":
        return None
    place = _listed_places(m.group("place").strip(), donor)
    if not place or place.endswith("-"):
        return None
    place = re.sub(r"[’']s$", "", place)
    side = place_side(place, donor)
    if side == "donor" or (side is None and donor and not _AREA_WORD.search(place) and not m.group("lower")):
        return None
    # "of Linxi area": a name the gazetteer does not know is a place by its area word, and keeps it
    return place + m.group("lower") if side is None and m.group("lower") and place == m.group("place") else place


# an area word at the end of a name ("Wuxi County", "Liuzhi Special Zone", "Xilingol League")
_AREA_WORD = compile_led(rf"\b(?:{'|'.join(word_list('area_words'))})\b")
_AREA_SPLIT = re.compile(r"\s*(?:,|\band\b|\bof\b|\()\s*")
_AREA_WORD_END = re.compile(
    r"\b(?:County|City|Prefecture|District|League|Banner|Zone|Township|Town|Village|Province|Region)\s*$"
)


@cache
def _known_areas(name: str) -> tuple[Candidate, ...]:
    """The areas ``name`` (its first listed name) may be, best first: exact, alias and pinyin matches of
    the gazetteer only (a fuzzy match is no evidence); empty when unknown or without a gazetteer."""
    first = _AREA_SPLIT.split(name.strip())[0]
    if not first:
        return ()
    from pairaid.core.gazetteer_store import default_gazetteer  # loaded on first use only

    try:
        return tuple(c for c in default_gazetteer().resolve(first) if c.match != "fuzzy")
    except (PairaidError, OSError):
        return ()


_HEADING_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")


def named_area(words: str, donor: str | None, *, among_areas: bool = False) -> str | None:
    """``words`` (a section heading, a table row's label) when they are only the name of an area the gazetteer
    knows that is not of the donor's side ("Amdo County", "Hechi"), else ``None`` ("Education", "Funds");
    ``among_areas`` (a row of a table whose other rows name areas): a name the gazetteer does not know too."""
    name = words.strip()
    if not _HEADING_NAME.fullmatch(name) or NOT_PLACE.search(name):
        return None
    if not _known_areas(name):
        return name if among_areas else None
    return name if place_side(name, donor) != "donor" else None


@cache
def _province_codes(name: str) -> frozenset[str]:
    """Two-digit province codes of the areas ``name`` may be (:func:`_known_areas`, cached like it)."""
    return frozenset(c.area.code[:2] for c in _known_areas(name))


def _is_province(name: str) -> bool:
    """True when ``name`` is best read as a province-level area ("Hubei Province", "Xinjiang"): by the
    gazetteer (:func:`_known_areas`), else by how it is written."""
    known = _known_areas(name)
    return known[0].area.level == "province" if known else _PROVINCE.fullmatch(name.strip()) is not None


def place_side(name: str, donor: str | None) -> str | None:
    """``"donor"`` when ``name`` may be an area of the donor's province, ``"other"`` when it is an area
    elsewhere, ``None`` when either is unknown to the gazetteer (``pairaid.core.gazetteer``)."""
    if not donor:
        return None
    theirs = _province_codes(donor)
    codes = _province_codes(name)
    if not theirs or not codes:
        return None
    return "donor" if codes & theirs else "other"


# "Suzhou City's medical departments donated", "In 2011, Wuxi provided": a place acting in its sentence
_ACTOR = led_pattern(re.compile(
    rf"(?:^|[,;:】]\s*|\b(?:and|while|whereas|with)\s+)(?:the\s+)?(?P<name>{_NAME})(?:[’']s\s+(?:[a-z-]+\s+){{0,4}}?)?\s*"
    r"(?:(?:also|further|further\s+more|successively|accumulatively|altogether|jointly|respectively)\s+)?"
    rf"(?:had\s+|has\s+|have\s+)?(?:{'|'.join(word_list('actor_verbs'))})\b"
))


def sentence_actors(sentence: str) -> tuple[tuple[int, str], ...]:
    """Names acting in a sentence ("Suzhou City's hospitals donated", "In 2011, Wuxi provided"), as
    (offset in ``sentence`` where the act's verb ends, name as written), in order."""
    return tuple((m.end(), m.group("name").strip()) for m in _ACTOR.finditer(sentence))


def sentence_actor_spans(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """As :func:`sentence_actors`, with where each actor's name starts: (start, end of the act, name)."""
    return tuple((m.start("name"), m.end(), m.group("name").strip()) for m in _ACTOR.finditer(sentence))


def sentence_donor(actors: tuple[tuple[int, str], ...], upto: int, donor: str | None) -> str | None:
    """The aiding side as written when a place of the donor's province other than the donor is the last
    of ``actors`` (:func:`sentence_actors`) to act before offset ``upto`` of its sentence ("Suzhou City's
    hospitals donated N" in a Jiangsu chapter), else ``None`` (F9)."""
    if not donor:
        return None
    name = None
    for end, actor in actors:
        if end > upto:
            break
        name = actor
    if name is None or NOT_PLACE.search(name) or name.lower() in donor.lower() or donor.lower() in name.lower():
        return None
    return name if place_side(name, donor) == "donor" else None


_DIRECT_OBJECT = re.compile(rf"\s+(?:the\s+)?(?P<place>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?)")
_SUPPORTS = compile_led(r"\b(?:support\w*|assist\w*|aid\w*|help\w*|twinn\w*|pair\w*|lift\w*)\b", re.I)


def supported_place(opening: str, donor: str | None) -> str | None:
    """The place the donor supports, named in the report's opening ("support for County B and County C")."""
    for m in _SUPPORTS.finditer(opening):
        direct = _DIRECT_OBJECT.match(opening, m.end())
        named = direct.group("place") if direct is not None else None
        if named and not NOT_PLACE.search(named) and place_side(named, donor) == "other":
            return named  # "assisted Wanzhou District of Chongqing"
        words = opening[m.end() : m.end() + 120]
        marker = PART_MARKER.search(words)  # "aid of N, of which M went to B1": B1 is a part's place
        place = sentence_recipient(words[: marker.start()] if marker is not None else words, donor, where=False)
        if place is not None:
            return place
    return None
