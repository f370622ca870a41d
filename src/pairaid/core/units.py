"""Units of the quantities in reports, and the nouns that count people.

* :func:`match_unit` reads a unit word right after a number ("Yuan", "%",
  "person-times", "-hectare", "square meters") and returns the gold-format unit
  code (gold-format.md ``unit``: ``CNY``, ``percent``, ``person``,
  ``person_time``, ``household``, ``ha``, ``mu``, ``km``, ``m``, ``m2``, ``m3``,
  ``t``, ``kg``; ``count`` is the default for other counted nouns).
* :func:`unit_before` reads a currency word right before a number ("RMB", "CNY", "¥": the
  ``before`` list of the data file) and returns its code and where it starts.
* :func:`is_plural`, :func:`singular` and :func:`is_person_noun` decide whether a
  counted noun counts people (unit ``person``) or things (``count``).
* :func:`match_chinese_unit` reads a Chinese unit or counter right after a
  Chinese number (``元``, ``人次``, ``亩``, ``所``, ``个``, ``县``: gold-format.md Z2), and
  :func:`is_chinese_person_noun` whether a Chinese noun counts people.
* :func:`unit_registry` and :func:`convert` put the codes on pint, with the
  units pint lacks (``mu`` = 1/15 ha, ``person``, ``person_time``,
  ``household``, ``yuan``) defined, so callers can convert exactly in Decimal.

Word lists live in ``data/unit_words.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pint

from pairaid.core.data_files import read_yaml
from pairaid.core.errors import CodelistError
from pairaid.core.records import quick_init

__all__ = [
    "UNIT_CODES",
    "ChineseUnitMatch",
    "ChineseUnits",
    "UnitMatch",
    "chinese_units",
    "convert",
    "is_chinese_person_noun",
    "is_person_noun",
    "is_plural",
    "match_chinese_unit",
    "match_unit",
    "short_length_at",
    "singular",
    "unit_before",
    "unit_registry",
]

UNIT_CODES: tuple[str, ...] = (
    "CNY",
    "percent",
    "person",
    "person_time",
    "household",
    "ha",
    "mu",
    "km",
    "m",
    "m2",
    "m3",
    "t",
    "kg",
    "count",
)

_PINT_NAMES: dict[str, str] = {
    "CNY": "yuan",
    "percent": "percent",
    "person": "person",
    "person_time": "person_time",
    "household": "household",
    "ha": "hectare",
    "mu": "mu",
    "km": "kilometer",
    "m": "meter",
    "m2": "meter ** 2",
    "m3": "meter ** 3",
    "t": "metric_ton",
    "kg": "kilogram",
    "count": "count",
}


@quick_init
@dataclass(frozen=True)
class UnitMatch:
    """A unit word found right after a number: gold unit code and the span of the word."""

    unit: str
    start: int
    end: int
    scale: Decimal = Decimal(1)


@dataclass(frozen=True)
class UnitWords:
    """``data/unit_words.yaml``, compiled."""

    pattern: re.Pattern[str]
    group_units: dict[str, str]
    group_scales: dict[str, Decimal]
    person_nouns: frozenset[str]
    irregular: dict[str, str]
    not_plural: frozenset[str]
    before: re.Pattern[str]
    before_units: dict[str, str]


@cache
def unit_words() -> UnitWords:
    """Load and compile ``data/unit_words.yaml`` (cached)."""
    raw = read_yaml("unit_words.yaml")
    alts: list[str] = []
    group_units: dict[str, str] = {}
    group_scales: dict[str, Decimal] = {}
    for i, entry in enumerate(raw["units"]):
        unit = str(entry["unit"])
        if unit not in UNIT_CODES:
            raise CodelistError(f"unit_words.yaml: unknown unit {unit!r}")
        pat = str(entry["pattern"])
        latin = bool(re.search(r"[A-Za-z]", pat))
        name = f"u{i}"
        group_units[name] = unit
        if entry.get("scale") is not None:
            group_scales[name] = Decimal(str(entry["scale"]))
        alts.append(f"(?P<{name}>{pat})" + (r"(?![A-Za-z])" if latin else ""))
    # a unit may follow the number directly ("28%"), after spaces, or after a hyphen ("1333-hectare")
    pattern = re.compile(r"(?:[ \t]*-[ \t]*|[ \t]*)(?:" + "|".join(alts) + ")", re.I)
    before_units: dict[str, str] = {}
    before_alts: list[str] = []
    for i, entry in enumerate(raw["before"]):
        if str(entry["unit"]) not in UNIT_CODES:
            raise CodelistError(f"unit_words.yaml: unknown unit {entry['unit']!r}")
        before_units[f"b{i}"] = str(entry["unit"])
        before_alts.append(f"(?P<b{i}>{entry['pattern']})")
    # as written, not glued to a letter before it, a few spaces at most between it and the number
    before = re.compile(r"(?<![A-Za-z])(?:" + "|".join(before_alts) + r")\s{0,2}\Z")
    return UnitWords(
        pattern=pattern,
        group_units=group_units,
        group_scales=group_scales,
        person_nouns=frozenset(str(w) for w in raw["person_nouns"]),
        irregular={str(k): str(v) for k, v in raw["irregular_plurals"].items()},
        not_plural=frozenset(str(w) for w in raw["not_plural"]),
        before=before,
        before_units=before_units,
    )


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit word starting at ``pos`` (after optional spaces or one hyphen), or ``None``.

    ``UnitMatch.start``/``end`` cover the unit word itself, not the spaces before it.
    """
    uw = unit_words()
    m = uw.pattern.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    name = m.lastgroup
    return UnitMatch(uw.group_units[name], m.start(name), m.end(name), uw.group_scales.get(name, Decimal(1)))


@cache
def _short_lengths() -> tuple[re.Pattern[str], dict[str, str]]:
    raw = read_yaml("unit_words.yaml")
    units = {f"s{i}": str(e["unit"]) for i, e in enumerate(raw["short_lengths"])}
    alts = "|".join(f"(?P<s{i}>{e['pattern']})" for i, e in enumerate(raw["short_lengths"]))
    return re.compile(rf"(?:[ \t]*-[ \t]*|[ \t]*)(?:{alts})(?![A-Za-z0-9²³])", re.I), units


def short_length_at(text: str, pos: int) -> UnitMatch | None:
    """A one-letter unit of length at ``pos`` ("m" of "850 m", "120m"; ``short_lengths`` of unit_words.yaml), which
    :func:`match_unit` does not read: whether it is one depends on the words around it (a million of money)."""
    pat, units = _short_lengths()
    m = pat.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    return UnitMatch(units[m.lastgroup], m.start(m.lastgroup), m.end(m.lastgroup))


def unit_before(text: str, pos: int) -> tuple[str, int] | None:
    """The unit of a currency word ending right before ``pos`` ("RMB 6 million", "CNY 2.5 billion", "¥800")
    and where the word starts, or ``None``."""
    uw = unit_words()
    m = uw.before.search(text, max(0, pos - 6), pos)
    if m is None or m.lastgroup is None:
        return None
    return uw.before_units[m.lastgroup], m.start()


@quick_init
@dataclass(frozen=True)
class ChineseUnitMatch:
    """A Chinese unit or counter after a number: gold unit code, span, scale, and what the counter allows.

    ``takes_noun``: the counted noun may follow ("12所学校"); ``place``: an area counter ("8市", "33个贫困县").
    """

    unit: str
    start: int
    end: int
    word: str
    scale: Decimal = Decimal(1)
    takes_noun: bool = False
    place: bool = False


@dataclass(frozen=True)
class ChineseUnits:
    """The ``zh`` section of ``data/unit_words.yaml``, compiled."""

    pattern: re.Pattern[str]
    entries: dict[str, tuple[str, Decimal, bool, bool]]  # group -> unit, scale, takes_noun, place
    kinds: str
    person_endings: frozenset[str]
    person_nouns: frozenset[str]
    noun_stops: frozenset[str]
    verbs_after: re.Pattern[str]
    money_words: re.Pattern[str]
    currencies: re.Pattern[str]


@cache
def chinese_units() -> ChineseUnits:
    """Load and compile the Chinese units and counters of ``data/unit_words.yaml`` (cached)."""
    raw = read_yaml("unit_words.yaml")["zh"]
    alts: list[str] = []
    entries: dict[str, tuple[str, Decimal, bool, bool]] = {}
    for i, entry in enumerate(raw["units"]):
        unit = str(entry["unit"])
        if unit not in UNIT_CODES:
            raise CodelistError(f"unit_words.yaml: unknown unit {unit!r}")
        name = f"z{i}"
        scale = Decimal(str(entry["scale"])) if entry.get("scale") is not None else Decimal(1)
        entries[name] = (unit, scale, bool(entry.get("noun")), bool(entry.get("place")))
        alts.append(f"(?P<{name}>{entry['pattern']})")
    return ChineseUnits(
        pattern=re.compile("(?:" + "|".join(alts) + ")"),  # glued to the number: "表二 人才" is no 2 persons
        entries=entries,
        kinds=str(raw["kinds"]),
        person_endings=frozenset(str(raw["person_endings"])),
        person_nouns=frozenset(str(w) for w in raw["person_nouns"]),
        noun_stops=frozenset(str(raw["noun_stops"])),
        verbs_after=re.compile("|".join(re.escape(str(w)) for w in raw["verbs_after"])),
        money_words=re.compile("|".join(re.escape(str(w)) for w in raw["money_words"])),
        currencies=re.compile("|".join(re.escape(str(w)) for w in raw["currencies"])),
    )


def match_chinese_unit(text: str, pos: int) -> ChineseUnitMatch | None:
    """The Chinese unit or counter starting at ``pos``, or ``None``."""
    cu = chinese_units()
    m = cu.pattern.match(text, pos)
    if m is None or m.lastgroup is None:
        return None
    unit, scale, takes_noun, place = cu.entries[m.lastgroup]
    return ChineseUnitMatch(unit, m.start(m.lastgroup), m.end(), m.group(m.lastgroup), scale, takes_noun, place)


def is_chinese_person_noun(noun: str) -> bool:
    """True when a Chinese noun counts people (``教师``, ``农民工``, ``老乡``; gold-format.md Z2)."""
    cu = chinese_units()
    return bool(noun) and (noun[-1] in cu.person_endings or any(noun.endswith(w) for w in cu.person_nouns))


def is_plural(word: str) -> bool:
    """True when an English noun is written in the plural ("schools", "people", "livestock")."""
    w = word.lower()
    uw = unit_words()
    if w in uw.irregular:
        return True
    if w in uw.not_plural or len(w) <= 3 or w.endswith(("'s", "’s")):
        return False  # a possessive ("Gansu's") is no plural
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def singular(word: str) -> str:
    """The singular of an English noun ("counties" -> "county", "people" -> "person")."""
    w = word.lower()
    uw = unit_words()
    if w in uw.irregular:
        return uw.irregular[w]
    if not is_plural(w):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    return w[:-1]


def is_person_noun(word: str) -> bool:
    """True when the noun (any number, any case) counts people: unit ``person`` in gold-format.md."""
    base = singular(word)
    last = re.split(r"[-\s]", base)[-1]
    return last in unit_words().person_nouns


@cache
def unit_registry() -> pint.UnitRegistry:
    """A pint registry in Decimal with mu, person, person_time, household and yuan defined."""
    reg: pint.UnitRegistry = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
    reg.define("mu = hectare / 15")
    reg.define("person = [person]")
    reg.define("person_time = [person_time]")
    reg.define("household = [household]")
    reg.define("yuan = [currency] = CNY")
    return reg


def convert(value: Decimal, unit: str, to: str) -> Decimal:
    """Convert ``value`` from one gold unit code to another (``convert(Decimal(15), "mu", "ha") == 1``).

    Raises :class:`~pairaid.core.errors.CodelistError` for an unknown code and
    for units of different dimensions (persons to person-times, money to area).
    """
    if unit not in _PINT_NAMES or to not in _PINT_NAMES:
        raise CodelistError(f"unknown unit code: {unit if unit not in _PINT_NAMES else to}")
    if unit == to:
        return value
    reg = unit_registry()
    try:
        q = reg.Quantity(value, _PINT_NAMES[unit]).to(_PINT_NAMES[to])
    except pint.DimensionalityError as exc:
        raise CodelistError(f"cannot convert {unit} to {to}") from exc
    return Decimal(q.magnitude)
