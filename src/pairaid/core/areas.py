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
"""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from pairaid.core.area_names import (
    Level,
    english_name,
    format_pinyin,
    pinyin_syllables,
    read_data_yaml,
    split_area_name,
)
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
    ``data/area_aliases.yaml``; ``established`` and ``abolished``: the years
    the area began and ceased to exist, None when before 1949 or not at all.
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
    abolished: int | None = None


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
    """All areas of cpca's table, in code order (cached; about 3,200 records).

    34 province-level divisions (including Taiwan, Hong Kong and Macao), about
    330 prefecture-level and 2,850 county-level ones. Raises :class:`DataError`
    when cpca is missing or a data file contradicts its table.
    """
    rows = _read_cpca(cpca_table_path())
    codes = {r.code for r in rows}
    curated = load_aliases(codes)
    records = []
    for row in rows:
        level = level_of(row.code)
        parts = split_area_name(row.name)
        base_syllables = pinyin_syllables(row.name)[: len(parts.base)]
        pinyin = format_pinyin(base_syllables)
        own = [parts.base] if parts.base != row.name and len(parts.base) >= 2 else []
        aliases = tuple(dict.fromkeys(a for a in (*own, *curated.get(row.code, ())) if a))
        records.append(
            AreaRecord(
                code=row.code,
                name_zh=row.name,
                name_pinyin=pinyin,
                name_en=english_name(row.code, parts, base_syllables),
                level=level,
                parent_code=_parent(row.code, level, codes),
                longitude=row.longitude,
                latitude=row.latitude,
                aliases=aliases,
            )
        )
    return tuple(records)


@cache
def area_index() -> Mapping[str, AreaRecord]:
    """The records of :func:`load_area_records` by code."""
    return {r.code: r for r in load_area_records()}
