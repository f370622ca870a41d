"""Who gives a figure in a Chinese sentence, as written (gold-format.md F9, Z8), for
:func:`pairaid.core.extract.places_zh.chinese_sides`: the giving places listed before it ("甲市、乙市等对口市",
"甲、乙两市": each a donor, joined as written), some of the donor's own areas counted as all of them ("甲、乙等11个市":
the donor), and the names that give nothing where they stand (in quotes; where people go or the place served:
``not_givers`` of ``data/pairing_sides.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.areas import holds
from pairaid.core.data_files import read_yaml
from pairaid.core.extract.place_index_zh import Place

__all__ = ["destination", "giver_list", "named_only", "no_taker", "some_of"]


def giver_list(text: str, places: list[Place], giver: Place, donor_need: int) -> str:
    """The giving places listed up to ``giver`` ("甲市、乙市等对口市", "甲、乙两市": each a donor), joined by 、 as
    written, else ``giver``'s name."""
    k = places.index(giver)
    first = k
    while first > 0 and places[first - 1].need <= donor_need and text[places[first - 1].end : places[first].start] in (
        "、",
        "和",
        "与",
        "及",
    ):
        first -= 1
    return giver.name if first == k else "、".join(p.name for p in places[first : k + 1])


def some_of(text: str, giver: Place, places: list[Place], donor: str | None, since: int = 0) -> bool:
    """Whether ``giver`` closes a list of some of the areas within the report's ``donor`` counted as all of them
    ("甲市、乙市等11个市", "甲区等五个区") or as a part of the donor's whole after ``since`` ("其中,省级资金N,甲、乙等
    对口市资金M"): the list stands for the donor, not for its last name; one with no count elsewhere
    ("甲市、乙市等对口市") names its donors (:func:`giver_list`)."""
    listed = _COUNTED_ALL.match(text, giver.end) is not None or (
        text.startswith("等", giver.end) and text.find("其中", since, giver.start) >= 0  # a part of the donor's whole
    )
    return listed and any(
        p.name == donor and holds(p.code, giver.code) for p in places
    )


_COUNTED_ALL = re.compile(r"等\s*(?:\d{1,2}|[两二三四五六七八九十]{1,3})\s*个?\s*(?:对口)?(?:市|区|县|地|城市|省市)")


def named_only(text: str, places: list[Place], k: int) -> bool:
    """Whether ``places[k]`` gives nothing where it is written: a name in quotes ("“广东工匠”" training), or one the
    ``not_givers`` rules of ``data/pairing_sides.yaml`` name by the words before it: where people go ("到广东省内就业",
    "向江苏输送劳动力"), the place served ("为厦门企业招聘"); so is a name listed after such a one or within it
    ("向江苏、浙江等地", "向福建省厦门市")."""
    place = places[k]
    if text[place.start - 1 : place.start] in _QUOTES:
        return True
    while k > 0 and _JOINED.fullmatch(text, places[k - 1].end, places[k].start):
        k -= 1  # the first of a list, or the outer of nested names
    return _not_giver().search(text, max(0, places[k].start - 6), places[k].start) is not None


@cache
def _not_giver() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r['before']})" for r in read_yaml("pairing_sides.yaml")["not_givers"]))


_JOINED = re.compile(r"[ \t\u3000]*(?:、|和|与|及|以及)?[ \t\u3000]*")  # (not over a line end)
_QUOTES = frozenset('“"「『‘')


# the two sides named as one scene ("在甲和乙两地举办"): where the work was done, no receiver of its own
_BOTH_PLACES = re.compile(r"\s*(?:[和与及、]\s*[^\s,;。、]{1,6}?)?\s*两地")


def no_taker(text: str, place: Place) -> bool:
    """Whether ``place`` receives nothing where it is written: a name inside a quoted name ("“甲企业乙行”活动"),
    or one of the two sides named as one scene ("在乙和甲两地举办培训班")."""
    opened = text.rfind("“", max(0, place.start - 12), place.start)
    if opened >= 0 and text.find("”", opened, place.start) < 0 and text.find("”", place.end, place.end + 12) >= 0:
        return True
    return _BOTH_PLACES.match(text, place.end) is not None


def destination(text: str, place: Place) -> bool:
    """Whether ``place`` is where people go ("到江苏就业", rule ``places.destination`` of the ``not_givers`` of
    ``data/pairing_sides.yaml``): a table row's label "其中:到江苏就业" names no receiver."""
    return _destination().search(text, max(0, place.start - 6), place.start) is not None


@cache
def _destination() -> re.Pattern[str]:
    rule = next(r for r in read_yaml("pairing_sides.yaml")["not_givers"] if r["id"] == "places.destination")
    return re.compile(str(rule["before"]))
