"""What cpca's code table lacks: areas added since (or never coded), and areas' other codes and names.

Read from ``data/area_history.yaml`` (its header says what each part holds):
the Xinjiang Production and Construction Corps, its divisions and its cities;
the Corps' cities placed under their divisions; and the codes and names areas
had before a renaming or re-coding (日喀则地区 542300 until 2014, now 日喀则市
540200), or have had since (那曲地区 542400 is 那曲市 540600 since 2017).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pairaid.core.data_files import read_data_yaml
from pairaid.core.errors import DataError

HISTORY_FILE = "area_history.yaml"


@dataclass(frozen=True)
class OtherCode:
    """Another code of an area, with its name then and the years it was in use.

    ``until``: the year it was replaced (in use up to and in that year), None
    when it is still in use; ``since``: the year it came in, None when before
    1994. 542300 日喀则地区 until 2014 is the former code of 540200 日喀则市.
    """

    code: str
    name_zh: str
    since: int | None
    until: int | None

    def in_use(self, start: int, end: int | None) -> bool:
        """Whether the code was in use in every year from ``start`` to ``end`` (None: to now)."""
        if self.since is not None and start < self.since:
            return False
        return self.until is None or (end is not None and end <= self.until)


@dataclass(frozen=True)
class AddedArea:
    """An area cpca's table lacks: its names (pinyin and English when not derived), parent, the year it began."""

    code: str
    name_zh: str
    name_pinyin: str | None
    name_en: str | None
    parent_code: str
    established: int | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class AreaHistory:
    """Everything in ``area_history.yaml``, checked: added areas, new parents and years, other codes."""

    added: tuple[AddedArea, ...]
    parents: Mapping[str, str]
    established: Mapping[str, int]
    other_codes: Mapping[str, tuple[OtherCode, ...]]


def _code(raw: object, where: str) -> str:
    code = str(raw)
    if len(code) != 6 or not code.isdigit():
        raise DataError(f"{HISTORY_FILE}: {where}: {code!r} is not a 6-digit code")
    return code


def _year(raw: Any, where: str) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int) or not 1949 <= raw <= 2100:
        raise DataError(f"{HISTORY_FILE}: {where}: {raw!r} is not a year")
    return raw


def _source(entry: Mapping[str, Any], sources: Mapping[str, Any], where: str) -> None:
    if entry.get("source") not in sources:
        raise DataError(f"{HISTORY_FILE}: {where}: source {entry.get('source')!r} is not a key of sources")


@cache
def load_area_history() -> AreaHistory:
    """The parsed ``data/area_history.yaml`` (cached).

    Raises :class:`DataError` on a malformed code or year, or an entry whose
    source is not listed. Whether its codes fit cpca's table is checked by
    :func:`pairaid.core.areas.load_area_records`.
    """
    data = read_data_yaml(HISTORY_FILE)
    sources = data.get("sources") or {}
    for key, source in sources.items():
        if not str(source.get("url", "")).startswith(("http://", "https://")) or not source.get("title"):
            raise DataError(f"{HISTORY_FILE}: source {key} needs an http(s) url and a title")
    added = []
    for raw_code, entry in (data.get("added") or {}).items():
        code = _code(raw_code, "added")
        _source(entry, sources, code)
        added.append(
            AddedArea(
                code=code,
                name_zh=str(entry["name_zh"]),
                name_pinyin=entry.get("name_pinyin"),
                name_en=entry.get("name_en"),
                parent_code=_code(entry["parent"], f"{code} parent"),
                established=_year(entry.get("established"), f"{code} established"),
                aliases=tuple(str(a) for a in entry.get("aliases", ())),
            )
        )
    parents: dict[str, str] = {}
    established: dict[str, int] = {a.code: a.established for a in added if a.established is not None}
    for raw_code, entry in (data.get("parents") or {}).items():
        code = _code(raw_code, "parents")
        _source(entry, sources, code)
        parents[code] = _code(entry["parent"], f"{code} parent")
        year = _year(entry.get("established"), f"{code} established")
        if year is not None:
            established[code] = year
    other_codes: dict[str, tuple[OtherCode, ...]] = {}
    for raw_code, entries in (data.get("changes") or {}).items():
        code = _code(raw_code, "changes")
        found = []
        for entry in entries:
            _source(entry, sources, code)
            other = OtherCode(
                code=_code(entry["code"], f"{code} other code"),
                name_zh=str(entry["name_zh"]),
                since=_year(entry.get("since"), f"{code} since"),
                until=_year(entry.get("until"), f"{code} until"),
            )
            if other.since is None and other.until is None:
                raise DataError(f"{HISTORY_FILE}: {code}: other code {other.code} needs since or until")
            found.append(other)
        other_codes[code] = tuple(found)
    return AreaHistory(tuple(added), parents, established, other_codes)
