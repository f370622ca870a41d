"""Donor and recipient of figures in Chinese, as written (gold-format.md F9, Z8), through the area table.

* :func:`find_places` finds the area names a text writes (Traditional ones in the normalised text): full names
  (``喀什地区``), aliases and short forms (``喀什``, ``阿坝州``); a county's short form only in a list, before an
  area word (``疏勒、英吉沙等四县``), once the page has written its full name or named it as what is aided
  (``援建汶川``); in a list only beside another place (``安居、饮水``: no 安居区); not on a word's end (``其中山东``).
* Each place has its province's level of need, or its prefecture's where one is given (恩施州, 湘西州;
  ``data/pairing_sides.yaml``): a place gives to places of a higher level (eastern provinces to western
  ones; Shaanxi also to Tibet).
* :func:`chinese_parties`: the report's donor and recipient are the giving and receiving places of
  its headline (its title, or the first short line of its opening naming both sides, with provinces
  named by abbreviation: :mod:`~pairaid.core.extract.headline_zh`), else the ones its opening names
  most (the neediest receive; Xinjiang, Tibet and Qinghai, aided prefecture by prefecture, only when
  the opening names no area within them, also in a headline); the recipient as written in full, or the areas within
  it the opening lists after a verb of pairing (``对口支援疏勒、英吉沙四县``: those counties).
* :func:`chinese_sides`: a figure's recipient is the last place needier than the donor named before
  it in its sentence (a place is not carried over 。 or ;, unless the sentence points back to the
  paragraph's places: ``当地``, ``该县``, ``local_words`` of ``data/pairing_sides.yaml``), or right after
  it in its clause, else the report's; a list of counties after their prefecture stands for the
  prefecture (``凉山州昭觉、布拖、美姑``), another list for its first name, areas written one within the
  other for the innermost (``昆明市宜良县``; a giving place written against a receiving one,
  ``青岛安顺产业园``, is none of them), a county within it where the sentence says the work was done
  after the figure for the county (``在伽师县建设``; not after ``其中``), and a bare name
  is written as the page writes it in full (``和田``: ``和田地区``); a sentence that names no place
  but counties by their count (``对口四县``) gives the list the page wrote with that count
  (:mod:`~pairaid.core.extract.county_lists_zh`).  Its donor is the last giving place
  named before it in its sentence (not where people go, ``到广东就业``, ``向江苏、浙江等地输出``, nor the place
  served, ``为厦门企业招聘``: ``not_givers`` of ``data/pairing_sides.yaml``; nor a name in quotes,
  ``“广东工匠”``, nor the last of some of the donor's own areas, ``甲市、乙市等对口市``), else the report's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from pairaid.core.areas import holds
from pairaid.core.extract.county_lists_zh import aided_list, counted_counties
from pairaid.core.extract.givers_zh import giver_list, named_only, no_taker, some_of
from pairaid.core.extract.headline_zh import abbreviated_provinces, headline, verb_giver, verb_needs
from pairaid.core.extract.place_forms_zh import fullest, in_full
from pairaid.core.extract.place_index_zh import Place, place_index
from pairaid.core.extract.places import Parties

__all__ = ["Place", "chinese_parties", "chinese_sides", "find_places", "in_full", "pairing_sides"]

_LIST_NEXT = "、和与及等县市区旗"
_AREA_NEXT = "等县市区旗"
_LIST_JOIN = "、和与及"
# provinces aided area by area (Xinjiang, Tibet, Qinghai: each donor aids its prefectures), not as a whole
_BY_AREA = 2
_LEVELS = {"province": 0, "prefecture": 1, "county": 2}
_CLAUSE = re.compile(r"[,;:。!?]")


@dataclass(frozen=True)
class _Names:
    names: dict[str, tuple[str, int, bool]]  # written -> code, level, short county form
    lengths: dict[str, tuple[int, ...]]  # first character -> the lengths of the names it opens, longest first
    starts: re.Pattern[str]  # a character that opens a name
    opens: re.Pattern[str]  # a character that opens a name before one that may follow it in one
    pairs: dict[str, tuple[int, ...]]  # the first two characters of a name (each has two or more) -> the lengths
    # of the names they open, longest first
    need: dict[str, int]
    aided: re.Pattern[str]  # the verbs of aid a short name of what is aided follows, at the end of a text
    local: re.Pattern[str]  # words that point back to a place named before ("当地", "该县")
    word_ends: frozenset[str]  # words whose last character opens no name ("其中": 其中山东 is no 中山)


def pairing_sides() -> Any:
    return yaml.safe_load(resources.files("pairaid.core.data").joinpath("pairing_sides.yaml").read_text("utf-8"))


@cache
def _national() -> tuple[re.Pattern[str], str, str]:
    """The words of a national East-West overview's opening, and the donor and recipient it names (F9)."""
    raw = pairing_sides()["national"]
    return re.compile(str(raw["opening"])), str(raw["donor"]), str(raw["recipient"])


_OPENING = 800  # the opening of a page, whose places say who gives and who receives


@cache
def _names() -> _Names:
    from pairaid.core.area_names import split_area_name
    from pairaid.core.areas import load_area_records

    raw = pairing_sides()
    skip = frozenset(str(w) for w in raw["not_places"])
    direct_suffixes = {str(k): str(v) for k, v in raw["direct_areas"]["suffixes"].items()}
    names: dict[str, tuple[str, int, bool]] = {}

    def add(name: str, code: str, level: int, short: bool) -> None:
        if len(name) < 2 or name in skip:
            return
        held = names.get(name)
        if held is None or (level, short) < (held[1], held[2]):
            names[name] = (code, level, short)

    for r in load_area_records():
        level = _LEVELS.get(r.level, 2)
        add(r.name_zh, r.code, level, False)
        parts = split_area_name(r.name_zh)
        for alias in (*r.aliases, parts.base):
            add(alias, r.code, level, level == 2)
        if parts.suffix.endswith("州") and parts.suffix != "州":  # 阿坝藏族羌族自治州: 阿坝州
            add(parts.base + "州", r.code, level, False)
        if level == 1:  # the area under the prefecture directly: 伊犁州直, 阿克苏地直 (direct_areas)
            for suffix, direct in direct_suffixes.items():
                if parts.suffix.endswith(suffix):
                    add(parts.base + direct, r.code, level, False)
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[0], set()).add(len(name))
    by_first = {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}
    starts = re.compile("[" + "".join(sorted(by_first)) + "]")
    aided = re.compile("(?:" + "|".join(re.escape(str(w)) for w in raw["aid_verbs"]) + ")$")
    by_pair: dict[str, set[int]] = {}
    for name in names:
        by_pair.setdefault(name[:2], set()).add(len(name))
    pairs = {p: tuple(sorted(ls, reverse=True)) for p, ls in by_pair.items()}
    seconds = "".join(re.escape(c) for c in sorted({name[1] for name in names}))
    opens = re.compile(f"{starts.pattern}(?=[{seconds}])")
    local = re.compile("|".join(str(w) for w in raw["local_words"]))
    need = {str(k): int(v) for k, v in raw["need"].items()}
    return _Names(names, by_first, starts, opens, pairs, need, aided, local, frozenset(map(str, raw["word_ends"])))


def area_need(code: str) -> int:
    """The level of need of the area ``code``: its prefecture's or its province's (``need`` of
    ``data/pairing_sides.yaml``), 0 for an area of an eastern province."""
    need = _names().need
    return need.get(code[:4], need.get(code[:2], 0))


_Found = tuple[int, int, str, bool]  # start, end, area code, short county form


def _scan(text: str, start: int, stop: int) -> list[_Found]:
    """The names written in ``text[start:stop]``, left to right, the longest where several open at one place."""
    n = _names()
    names, pairs = n.names, n.pairs
    found: list[_Found] = []
    i = start
    # a name can open only where the two characters there open one: most characters are looked at once
    for m in n.opens.finditer(text, start, stop):
        k = m.start()
        if k < i or (lengths := pairs.get(text[k : k + 2])) is None or text[k - 1 : k + 1] in n.word_ends:
            continue  # inside the name found before, no name opens here, or a word ends here (其中山东: no 中山)
        for length in lengths:
            if k + length <= stop and (entry := names.get(text[k : k + length])) is not None:
                found.append((k, k + length, entry[0], entry[2]))
                i = k + length
                break
    return found


@lru_cache(maxsize=8)
def _page_scan(text: str) -> tuple[list[int], list[_Found]]:
    """The names of the whole of ``text`` with where each opens: scanned once per page, for every span asked."""
    found = _scan(text, 0, len(text))
    return [f[0] for f in found], found


def _found(text: str, start: int, stop: int) -> list[_Found]:
    """The names of ``text[start:stop]`` as :func:`_scan` finds them, taken from the page's one scan where no
    name of the page runs across either end of the span (a name found there would differ), else scanned."""
    if start == 0 and stop == len(text):
        return _page_scan(text)[1]
    opens, found = _page_scan(text)
    lo, hi = bisect_left(opens, start), bisect_left(opens, stop)
    if (lo and found[lo - 1][1] > start) or (hi and found[hi - 1][1] > stop):
        return _scan(text, start, stop)
    return found[lo:hi]


@lru_cache(maxsize=16)
def find_places(text: str, start: int = 0, end: int | None = None) -> list[Place]:
    """The area names written in ``text[start:end]``, in order, longest first where they overlap
    (cached: the steps ask for a text's places more than once)."""
    n = _names()
    found = _found(text, start, len(text) if end is None else end)
    # a county named in full, or by its short name as what is aided ("援建青川"), is a place page-wide
    written_in_full = {code for a, _, code, short in found if not short or n.aided.search(text, max(0, a - 4), a)}
    ends = {b for _, b, _, _ in found}
    begins = {a for a, _, _, _ in found}
    out: list[Place] = []
    for a, b, code, short in found:
        # in a list, beside another place ("疏勒、英吉沙等四县"), not beside other words ("安居、饮水")
        listed = text[b : b + 1] in _AREA_NEXT or (
            (text[b : b + 1] in _LIST_JOIN and b + 1 in begins) or (text[a - 1 : a] in _LIST_JOIN and a - 1 in ends)
        )
        if short and not listed and code not in written_in_full:
            continue
        out.append(Place(a, b, text[a:b], code, area_need(code)))
    return out


def chinese_parties(text: str, title: str | None, *, donor: str | None, recipient: str | None) -> Parties:
    """The report's donor and recipient as written (module docstring); those given by the caller win."""
    written = find_places(text)
    at = text.find(title) if title else -1
    span = headline(text, (at, at + len(title)) if title and at >= 0 else None, find_places)
    head = verb_needs(text, [p for p in written if span[0] <= p.start <= p.end <= span[1]]) if span else []
    if span is not None:  # "浙川协作", "在川实施": the province aided as a whole, by its abbreviation
        abbreviated = abbreviated_provinces(text, span[0], span[1], head)
        head = sorted([*head, *(Place(a, b, name, code, 1) for a, b, name, code in abbreviated)], key=lambda p: p.start)
    opening = [p for p in written if p.end <= _OPENING]
    places = [*head, *opening]
    if not places:
        overview, east, west = _national()
        if overview.search(text, 0, _OPENING):  # F9: an East-West overview naming no place
            return Parties(donor or east, recipient or west, "national")
        return Parties(donor, recipient, "pairing" if donor else "provincial")
    low = min(p.need for p in places)
    high = max(p.need for p in places)
    # the title's last receiving place is its most particular ("浙江省对口支援新疆阿克苏地区": 阿克苏地区)
    by_verb = verb_giver(text, opening, low)  # "甲市继续对口支援乙区和丙州": 甲市, however often 乙区 is named
    givers = [p.name for p in head if p.need == low] or ([by_verb.name] if by_verb else [])
    givers = givers or _most(p.name for p in opening if p.need == low)
    top = [p for p in head if p.need == high][-1:]
    takers = [in_full(p, written) for p in top] or _most_particular([p for p in opening if p.need == high], written)
    if top and (region := top[0]).need >= _BY_AREA and region.code.endswith("0000"):  # 新疆: its areas
        takers = _most_particular([p for p in opening if holds(region.code, p.code)], written) or takers
    found_donor = donor or (givers[0] if givers and (low < high or low == 0) else None)
    found_recipient = recipient or (takers[0] if takers and high > 0 else None)
    if not recipient and found_recipient is not None:
        found_recipient = aided_list(text, opening, low, found_recipient) or found_recipient
    return Parties(found_donor, found_recipient, "pairing" if found_donor else "provincial")


def _most_particular(places: list[Place], written: list[Place]) -> list[str]:
    """The area the opening names most; a province aided area by area only when the opening names no area
    within it ("对口支援新疆工作" frames a report on 阿克苏地区; "对口帮扶甘肃" is about Gansu), written in the
    fullest form the page gives it (阿克苏: 阿克苏地区)."""
    codes = {p.code for p in places}
    within = [
        p
        for p in places
        if not (
            p.need >= _BY_AREA and p.code.endswith("0000") and any(c[:2] == p.code[:2] and c != p.code for c in codes)
        )
    ]
    best = _most(p.code for p in within)
    if not best:
        return []
    names = [p.name for p in written if p.code == best[0]]
    return [fullest(names)]


def _most(names: Any) -> list[str]:
    return [name for name, _ in Counter(names).most_common(1)]


def _list_head(places: list[Place], k: int, text: str, donor_need: int) -> Place:
    """The place that stands for the list ``places[k]`` closes (``、``, the last name also after 及, 和 or 与):
    the prefecture written before a list of its counties ("凉山州昭觉、布拖、美姑": 凉山州), else the list's
    first name ("广西甲县、乙县": 甲县); of areas written one within the other, the innermost ("昆明市甲县",
    "新疆喀什地区").  A giving place written
    against it is no part of it ("青岛安顺产业园", "甲乙两地": 乙)."""

    def joined(j: int, by: str) -> bool:
        return j > 0 and text[places[j - 1].end : places[j].start] == by and places[j - 1].need > donor_need

    first = k
    if any(joined(k, by) for by in ("及", "和", "与")) and joined(k - 1, "、"):
        first -= 1  # the last of a list "甲、乙及丙"
    while joined(first, "、"):
        first -= 1
    holder = first - 1 if joined(first, "") and holds(places[first - 1].code, places[first].code) else None
    if first < k and holder is not None and not places[holder].code.endswith("0000"):
        return places[holder]
    return places[first]


def chinese_sides(
    text: str,
    places: list[Place],
    paragraph: tuple[int, int],
    sentence: tuple[int, int],
    figure: tuple[int, int],
    parties: Parties,
) -> tuple[str | None, str | None]:
    """(donor, recipient) of the figure at ``figure`` in its ``sentence`` and ``paragraph`` (module docstring)."""
    index = place_index(places)
    donor_need = index.needs.get(parties.donor)
    if donor_need is None:
        donor_need = index.needs[parties.donor] = min((p.need for p in places if p.name == parties.donor), default=0)
    # the places of the paragraph so far when the sentence points back to them ("当地", "该县"), else its own
    local = index.local.get(sentence)
    if local is None:
        local = index.local[sentence] = _names().local.search(text, sentence[0], sentence[1]) is not None
    since = paragraph[0] if local else sentence[0]
    before = index.within(since, figure[0])
    clause_end = _CLAUSE.search(text, figure[1], sentence[1])
    upto = clause_end.start() if clause_end is not None else sentence[1]
    after = index.within(figure[1], upto)
    taker = next((k for k in reversed(before) if places[k].need > donor_need and not no_taker(text, places[k])), None)
    taker = taker if taker is not None else next((k for k in after if places[k].need > donor_need), None)
    taker = _done_in(text, places, taker, figure[1], sentence[1]) if taker is not None else None
    recipient: str | None
    if taker is not None:
        recipient = in_full(_list_head(places, taker, text, donor_need), places, index.names)
    else:  # no place of its own: the counties its sentence names by their count ("对口四县"), else the report's
        recipient = counted_counties(text, places, sentence) or parties.recipient
    givers = (  # those of its sentence
        places[k]
        for k in reversed(index.within(sentence[0], figure[0]))
        if places[k].need <= donor_need and not named_only(text, places, k)
    )
    giver = next(givers, None)
    if giver is None or some_of(text, giver, places, parties.donor, sentence[0]):
        return parties.donor, recipient
    return giver_list(text, places, giver, donor_need), recipient


def _done_in(text: str, places: list[Place], taker: int, after: int, end: int) -> int:
    """The area within ``places[taker]`` where its sentence says the work was done, after the figure
    ("甲地区气候适宜,乙省用N万元资金在丙县建设…": 丙县), else ``taker``; not a part told after the whole
    ("其中", "分别")."""
    if _PARTS_AFTER.search(text, after, end):
        return taker
    return next(
        (
            k
            for k, p in enumerate(places)
            if after <= p.start < end and text[p.start - 1 : p.start] == "在" and holds(places[taker].code, p.code)
        ),
        taker,
    )


_PARTS_AFTER = re.compile(r"其中|分别|分別")


# places joined in a list, a suffix the short name leaves out before the join ("道真县、务川县": 道真, 务川)
_RESPECTIVE_JOIN = re.compile(r"\s*(?:县|区|市|州|旗)?\s*(?:、|和|与|及|以及)\s*")


def respective_recipients(
    text: str, places: list[Place], sentence: tuple[int, int], figure: tuple[int, int], parties: Parties
) -> list[str]:
    """F4: the receiving places listed before ``figure`` in its ``sentence`` when the clause says 分别
    ("分别向疏勒县、英吉沙县援助资金500万元", "向疏勒县和英吉沙县分别投入800万元和600万元"), in order;
    [] when it does not or lists fewer than two."""
    if text.find("分别", sentence[0], figure[0]) < 0:
        return []
    clause_start = max((c.end() for c in _CLAUSE.finditer(text, sentence[0], figure[0])), default=sentence[0])
    donor_need = min((p.need for p in places if p.name == parties.donor), default=0)
    before = [p for p in places if sentence[0] <= p.start and p.end <= figure[0] and p.need > donor_need]
    if not before or before[-1].start < clause_start - 40:
        return []
    listed = [before[-1]]
    for p in reversed(before[:-1]):
        if not _RESPECTIVE_JOIN.fullmatch(text, p.end, listed[0].start):
            break
        listed.insert(0, p)
    return [p.name for p in listed] if len(listed) > 1 else []


def respective_givers(text: str, places: list[Place], sentence: tuple[int, int], parties: Parties) -> list[str]:
    """F4: the giving places listed right before 分别 in ``sentence`` ("甲区、乙区和丙区分别向…"), in order, each
    the giver of the receiving place in the same place of the list after it; [] when fewer than two."""
    at = text.find("分别", sentence[0], sentence[1])
    donor_need = min((p.need for p in places if p.name == parties.donor), default=0)
    listed = [p for p in places if sentence[0] <= p.start and p.end <= at and p.need <= donor_need][-1:]
    if not listed or text[listed[0].end : at].strip():
        return []
    for p in reversed([p for p in places if sentence[0] <= p.start and p.end <= listed[0].start]):
        if p.need > donor_need or not _RESPECTIVE_JOIN.fullmatch(text, p.end, listed[0].start):
            break
        listed.insert(0, p)
    return [p.name for p in listed] if len(listed) > 1 else []
