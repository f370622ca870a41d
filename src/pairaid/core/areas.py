"""The table of Chinese administrative areas: province, prefecture and county level.

Source: the code table shipped inside the ``cpca`` package (``cpca/resources/
adcodes.csv``: GB/T 2260 codes padded to 12 digits, names, WGS 84 coordinates),
read as a file without importing cpca. Pinyin comes from pypinyin with the
place readings of ``data/place_readings.yaml``; English names and suffix rules
from ``data/area_names.yaml``; exonyms and former names from
``data/area_aliases.yaml``.

cpca quirks handled here: codes are 12 digits (the first 6 are the area code);
市辖区, 县 and 省直辖县级行政区划 rows are placeholders of the code scheme, not areas,
and are dropped, so districts of Beijing, Tianjin, Shanghai and Chongqing and the
county-level cities under a province directly (仙桃, 石河子) have the province as
parent. The table predates some renamings (梁平县 became 梁平区 in 2016); the
alias file carries the newer and older names.

``data/area_history.yaml`` (:mod:`pairaid.core.area_history`) adds what the table
lacks: the Xinjiang Production and Construction Corps, its divisions and its
newer cities (the Corps' cities lie within their divisions, the divisions within
the Corps, the Corps within Xinjiang), the year an area began, and the codes and
names areas had before a renaming or re-coding, which become aliases too.
"""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from pairaid.core.area_history import AreaHistory, OtherCode, load_area_history
from pairaid.core.area_names import (
    Level,
    english_name,
    format_pinyin,
    pinyin_syllables,
    split_area_name,
)
from pairaid.core.data_files import read_data_yaml
from pairaid.core.errors import DataError

PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_COORDINATE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class AreaRecord:
    """One administrative area.

    ``code``: 6-digit GB/T 2260 code ("653122"); ``name_zh``: full Chinese name
    (疏勒县); ``name_pinyin``: romanised name without suffix ("Shule");
    ``name_en``: usual English name ("Shule County", "Xinjiang Uygur Autonomous
    Region"); ``parent_code``: the area one level up, None for a province (the
    province for municipal districts and province-administered cities);
    ``longitude``/``latitude``: degrees WGS 84 with 6 decimals, None when cpca
    has none; ``aliases``: other names — the Chinese name without its suffix
    (疏勒) and the curated exonyms, English forms and former names of
    ``data/area_aliases.yaml``, and its other names of ``other_codes``;
    ``established``: the year the area began, None when before 1994;
    ``other_codes``: the codes (and
    names) it had before or has had since, with their years
    (``data/area_history.yaml``).
    """

    code: str
    name_zh: str
    name_pinyin: str
    name_en: str
    level: Level
    parent_code: str | None
    longitude: Decimal | None
    latitude: Decimal | None
    aliases: tuple[str, ...]
    established: int | None = None
    other_codes: tuple[OtherCode, ...] = ()


@dataclass(frozen=True)
class _Row:
    code: str
    name: str
    longitude: Decimal | None
    latitude: Decimal | None


def cpca_table_path() -> Path:
    """Where cpca's ``adcodes.csv`` is installed; raises :class:`DataError` when cpca is missing."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("the cpca package is not installed; its code table is the source of the area table")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    if not path.is_file():
        raise DataError(f"cpca's code table is missing: {path}")
    return path


def _coordinate(text: str) -> Decimal | None:
    try:
        return Decimal(text).quantize(_COORDINATE_PLACES) if text.strip() else None
    except InvalidOperation:
        return None


def _read_cpca(path: Path) -> list[_Row]:
    rows: dict[str, _Row] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            digits = (raw.get("adcode") or "").strip()
            name = (raw.get("name") or "").strip()
            if len(digits) < 6 or not digits[:6].isdigit() or digits[6:].strip("0") or not name:
                continue  # not an area code of the three levels (village codes, blanks)
            code = digits[:6]
            if name in PLACEHOLDER_NAMES or code in rows:
                continue
            rows[code] = _Row(code, name, _coordinate(raw.get("longitude", "")), _coordinate(raw.get("latitude", "")))
    return sorted(rows.values(), key=lambda r: r.code)


def level_of(code: str) -> Level:
    """The level a 6-digit code names (GB/T 2260): ``xx0000`` province, ``xxxx00`` prefecture, else county."""
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def holds(outer: str, code: str) -> bool:
    """Whether area code ``outer`` (a province's "520000", a prefecture's "520300") holds another area ``code``
    (GB/T 2260 prefixes); an area does not hold itself."""
    if outer == code:
        return False
    if outer.endswith("0000"):
        return code[:2] == outer[:2]
    return outer.endswith("00") and code[:4] == outer[:4]


def _parent(code: str, level: Level, codes: set[str]) -> str | None:
    if level == "province":
        return None
    prefecture = code[:4] + "00"
    if level == "county" and prefecture in codes:
        return prefecture
    province = code[:2] + "0000"
    if province not in codes:
        raise DataError(f"cpca table: area {code} has no province {province}")
    return province


def load_aliases(codes: set[str]) -> Mapping[str, tuple[str, ...]]:
    """Curated aliases by code from ``data/area_aliases.yaml``.

    Raises :class:`DataError` when the file names a code that is not in the table.
    """
    data = read_data_yaml("area_aliases.yaml")["aliases"]
    aliases: dict[str, tuple[str, ...]] = {}
    for code, names in data.items():
        code = str(code)
        if code not in codes:
            raise DataError(f"area_aliases.yaml: {code} is not an area code of cpca's table")
        aliases[code] = tuple(str(n).strip() for n in names)
    return aliases


@cache
def load_area_records() -> tuple[AreaRecord, ...]:
    """All areas of cpca's table and of ``area_history.yaml``, in code order (cached; about 3,200 records).

    34 province-level divisions (including Taiwan, Hong Kong and Macao), about
    330 prefecture-level and 2,850 county-level ones, and the Corps' divisions
    and cities. Raises :class:`DataError` when cpca is missing or a data file
    contradicts its table.
    """
    history = load_area_history()
    rows = _read_cpca(cpca_table_path())
    names: dict[str, tuple[str, str | None, str | None]] = {r.code: (r.name, None, None) for r in rows}
    for added in history.added:
        if added.code in names:
            raise DataError(f"area_history.yaml: {added.code} is already in cpca's table")
        names[added.code] = (added.name_zh, added.name_pinyin, added.name_en)
    codes = set(names)
    _check_history(history, codes)
    curated = load_aliases(codes)
    extra = {a.code: a.aliases for a in history.added}
    coordinates = {r.code: (r.longitude, r.latitude) for r in rows}
    parents = {a.code: a.parent_code for a in history.added} | dict(history.parents)
    records = []
    for code in sorted(codes):
        name, given_pinyin, given_english = names[code]
        level = level_of(code)
        parts = split_area_name(name)
        base_syllables = pinyin_syllables(name)[: len(parts.base)]
        others = history.other_codes.get(code, ())
        own = [parts.base] if parts.base != name and len(parts.base) >= 2 else []
        listed = (*own, *curated.get(code, ()), *extra.get(code, ()), *(o.name_zh for o in others))
        longitude, latitude = coordinates.get(code, (None, None))
        records.append(
            AreaRecord(
                code=code,
                name_zh=name,
                name_pinyin=given_pinyin or format_pinyin(base_syllables),
                name_en=given_english or english_name(code, parts, base_syllables),
                level=level,
                parent_code=parents[code] if code in parents else _parent(code, level, codes),
                longitude=longitude,
                latitude=latitude,
                aliases=tuple(dict.fromkeys(a for a in listed if a and a != name)),
                established=history.established.get(code),
                other_codes=others,
            )
        )
    return tuple(records)


def _check_history(history: AreaHistory, codes: set[str]) -> None:
    """Every code ``area_history.yaml`` places or changes is an area; no other code is an area's own."""
    for code, parent in history.parents.items():
        if code not in codes or parent not in codes:
            raise DataError(f"area_history.yaml: parents: {code} or {parent} is not an area code")
    for added in history.added:
        if added.parent_code not in codes:
            raise DataError(f"area_history.yaml: {added.code}'s parent {added.parent_code} is not an area code")
    for code, others in history.other_codes.items():
        if code not in codes:
            raise DataError(f"area_history.yaml: changes: {code} is not an area code")
        for other in others:
            if other.code in codes:
                raise DataError(f"area_history.yaml: {code}'s other code {other.code} is another area's code")


@cache
def area_codes() -> Mapping[str, AreaRecord]:
    """Every code an area has or had (its own and its ``other_codes``) to the area's record.

    542300 (日喀则地区 until 2014) gives the record of 540200 日喀则市; a record's
    own code is ``record.code``.
    """
    found: dict[str, AreaRecord] = {}
    for record in load_area_records():
        found[record.code] = record
        for other in record.other_codes:
            found.setdefault(other.code, record)
    return found
