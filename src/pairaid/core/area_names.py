"""Names of administrative areas: splitting, romanising and writing them in English.

A Chinese area name is a base name, sometimes the ethnic groups of an autonomous
area, and a suffix: 巴里坤 + 哈萨克 + 自治县. This module splits names that way,
romanises the base with pypinyin corrected by ``data/place_readings.yaml``
(伽师 Jiashi, 长治 Changzhi, 六安 Lu'an) and writes the English name as pinyin +
English suffix ("Shule County") unless ``data/area_names.yaml`` gives the usual
one ("Xinjiang Uygur Autonomous Region").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from pairaid.core.data_files import read_data_yaml
from pairaid.core.errors import DataError

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")


@dataclass(frozen=True)
class NameParts:
    """A Chinese area name split into ``base`` + ``ethnic_groups`` + ``suffix``.

    ``suffix`` is "" for a name without one (西沙群岛); ``ethnic_groups`` is
    empty except in the names of autonomous areas and ethnic districts.
    """

    base: str
    ethnic_groups: tuple[str, ...]
    suffix: str


@dataclass(frozen=True)
class Suffix:
    """A Chinese name suffix: its English form, the fewest base characters it needs, the levels it names."""

    zh: str
    en: str
    min_base: int
    levels: frozenset[Level]


@dataclass(frozen=True)
class SuffixHint:
    """What a suffix written in a query says: the table's suffixes it fits, or at least the levels."""

    text: str
    zh: frozenset[str]
    levels: frozenset[Level]


@dataclass(frozen=True)
class EthnicGroup:
    """An ethnic group as it appears in area names: 柯尔克孜族 (short form 柯尔克孜), English Kirgiz."""

    zh: str
    short: str | None
    en: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class NameRules:
    """Everything in ``area_names.yaml`` and ``place_readings.yaml``, parsed and checked."""

    suffixes: tuple[Suffix, ...]
    query_suffixes: tuple[tuple[Suffix, frozenset[str]], ...]
    english_suffixes: tuple[SuffixHint, ...]
    ethnic_groups: tuple[EthnicGroup, ...]
    english_names: Mapping[str, str]
    ethnic_forms: tuple[tuple[str, str], ...]
    ethnic_forms_autonomous: tuple[tuple[str, str], ...]
    ethnic_last_chars: frozenset[str]
    banner_positions: tuple[tuple[str, str], ...]
    char_readings: Mapping[str, str]
    phrase_readings: tuple[tuple[str, tuple[str, ...]], ...]


def _levels(raw: Any, where: str) -> frozenset[Level]:
    levels: frozenset[Level] = frozenset(raw or ())
    unknown = levels - set(LEVELS)
    if unknown:
        raise DataError(f"area_names.yaml: {where}: unknown level(s) {sorted(unknown)}")
    return levels


@cache
def name_rules() -> NameRules:
    """The naming rules from ``data/area_names.yaml`` and ``data/place_readings.yaml`` (cached).

    Raises :class:`DataError` when a file is malformed (an unknown level, a
    phrase reading whose syllable count differs from its length).
    """
    names = read_data_yaml("area_names.yaml")
    readings = read_data_yaml("place_readings.yaml")
    suffixes = tuple(
        Suffix(zh=zh, en=str(v["en"]), min_base=int(v["min_base"]), levels=_levels(v["levels"], zh))
        for zh, v in sorted(names["suffixes"].items(), key=lambda kv: -len(kv[0]))
    )
    query_suffixes = tuple(
        (Suffix(zh=zh, en="", min_base=int(v["min_base"]), levels=_levels(v["levels"], zh)), frozenset(v["zh"]))
        for zh, v in names["query_suffixes"].items()
    )
    english_suffixes = tuple(
        SuffixHint(text=text, zh=frozenset(v["zh"]), levels=_levels(v["levels"], text))
        for text, v in sorted(names["english_suffixes"].items(), key=lambda kv: -len(kv[0]))
    )
    ethnic = tuple(
        EthnicGroup(
            zh=zh,
            short=zh[:-1] if zh.endswith("族") and len(zh) >= 3 else None,
            en=str(v["en"]),
            variants=tuple(str(x) for x in v.get("variants", ())),
        )
        for zh, v in names["ethnic_groups"].items()
    )
    phrases: list[tuple[str, tuple[str, ...]]] = []
    for phrase, reading in readings["phrases"].items():
        syllables = tuple(str(reading).split())
        if len(syllables) != len(phrase):
            raise DataError(f"place_readings.yaml: {phrase}: {len(syllables)} syllables for {len(phrase)} characters")
        phrases.append((phrase, syllables))
    phrases.sort(key=lambda p: len(p[0]))  # longer phrases applied last, so they win
    long_forms = [(g.zh, g.zh) for g in ethnic]
    short_forms = [(g.short, g.zh) for g in ethnic if g.short]
    return NameRules(
        suffixes=suffixes,
        query_suffixes=query_suffixes,
        english_suffixes=english_suffixes,
        ethnic_groups=ethnic,
        english_names={str(k): str(v) for k, v in names["english_names"].items()},
        ethnic_forms=tuple(sorted(long_forms, key=lambda f: -len(f[0]))),
        ethnic_forms_autonomous=tuple(sorted(long_forms + short_forms, key=lambda f: -len(f[0]))),
        ethnic_last_chars=frozenset(form[-1] for form, _ in long_forms + short_forms),
        banner_positions=tuple(
            sorted(((str(k), str(v)) for k, v in names["banner_positions"].items()), key=lambda kv: -len(kv[0]))
        ),
        char_readings={str(k): str(v) for k, v in readings["characters"].items()},
        phrase_readings=tuple(phrases),
    )


def _strip_ethnic(stem: str, suffix: str, rules: NameRules) -> tuple[str, tuple[str, ...]]:
    """Take ethnic group names off the end of ``stem``; short forms (哈萨克) only before 自治X."""
    forms = rules.ethnic_forms_autonomous if suffix.startswith("自治") else rules.ethnic_forms
    groups: list[str] = []
    while stem[-1:] in rules.ethnic_last_chars:
        for form, group in forms:
            if stem.endswith(form) and len(stem) - len(form) >= 2:
                stem = stem[: -len(form)]
                groups.insert(0, group)
                break
        else:
            break
    return stem, tuple(groups)


@lru_cache(maxsize=8192)
def split_area_name(name: str) -> NameParts:
    """Split a Chinese area name into base, ethnic groups and suffix.

    喀什地区 → (喀什, (), 地区); 塔什库尔干塔吉克自治县 → (塔什库尔干, (塔吉克族,), 自治县);
    碑林区 → (碑林, (), 区); 鄂伦春自治旗 → (鄂伦春, (), 自治旗). Suffixes and
    ethnic groups come from ``data/area_names.yaml``. Never raises on odd input:
    a name without a known suffix is all base.
    """
    rules = name_rules()
    for suffix in rules.suffixes:
        if name.endswith(suffix.zh) and len(name) - len(suffix.zh) >= suffix.min_base:
            stem = name[: -len(suffix.zh)]
            base, groups = _strip_ethnic(stem, suffix.zh, rules)
            if not groups:
                # 鄂温克族自治旗: the base is the group itself, without 族
                for g in rules.ethnic_groups:
                    if stem == g.zh and g.short:
                        base = g.short
            return NameParts(base=base, ethnic_groups=groups, suffix=suffix.zh)
    return NameParts(base=name, ethnic_groups=(), suffix="")


@lru_cache(maxsize=8192)
def pinyin_syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin of ``text``, one item per character, place readings applied.

    pypinyin's phrase dictionary reads the text first; then the character and
    phrase readings of ``data/place_readings.yaml`` overwrite it (伽师 → jia shi).
    A run of non-Han characters comes back as one item, as pypinyin gives it.
    """
    from pypinyin import Style, lazy_pinyin  # its phrase dictionary takes a second to load: only when romanising

    return _apply_readings(text, lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default"))


def _apply_readings(text: str, raw: list[str]) -> tuple[str, ...]:
    rules = name_rules()
    syllables = list(raw)
    if len(syllables) != len(text):  # pypinyin kept a run of non-Han characters together
        return tuple(syllables)
    for i, char in enumerate(text):
        if char in rules.char_readings:
            syllables[i] = rules.char_readings[char]
    for phrase, reading in rules.phrase_readings:
        start = text.find(phrase)
        while start >= 0:
            syllables[start : start + len(phrase)] = reading
            start = text.find(phrase, start + 1)
    return tuple(syllables)


def format_pinyin(syllables: tuple[str, ...]) -> str:
    """Syllables written as one place-name word: capitalised, apostrophe before a/o/e (Lu'an, Ga'er)."""
    word = ""
    for i, syllable in enumerate(syllables):
        if i and syllable[:1] in ("a", "o", "e"):
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def place_pinyin(text: str) -> str:
    """The pinyin place-name form of a Chinese text: 岳普湖 → "Yuepuhu", 六安 → "Lu'an"."""
    return format_pinyin(pinyin_syllables(text))


def english_name(code: str, parts: NameParts, syllables: tuple[str, ...]) -> str:
    """The English name of an area: the usual one from ``area_names.yaml``, else pinyin + suffix.

    ``syllables`` are the pinyin of the base (``("shu", "le")`` → "Shule County");
    ethnic groups take their English form ("Barkol Kazak Autonomous County");
    a banner's position is translated (阿拉善左旗 → "Alashan Left Banner"). A
    name without a suffix is its pinyin alone.
    """
    rules = name_rules()
    if code in rules.english_names:
        return rules.english_names[code]
    base, position = parts.base, ""
    if parts.suffix in ("旗", "自治旗"):
        for marker, english in rules.banner_positions:
            if base.endswith(marker) and len(base) - len(marker) >= 2:
                base, position = base[: -len(marker)], english
                break
    english_groups = {g.zh: g.en for g in rules.ethnic_groups}
    words = [format_pinyin(syllables[: len(base)]), position, *(english_groups[g] for g in parts.ethnic_groups)]
    words.append({s.zh: s.en for s in rules.suffixes}.get(parts.suffix, ""))
    return " ".join(w for w in words if w)


def fold(text: str) -> str:
    """Lower-case ``text`` and drop its accents (Ürümqi → urumqi); Han characters pass unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
