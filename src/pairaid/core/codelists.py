"""The indicator and sector codelists, kept as data files in ``pairaid/core/data``.

Source: the programme's codelists in ``shared/spec/indicators.csv`` and
``shared/spec/sectors.csv`` (a test checks the copies agree). Codes are stable
identifiers; names come in English and Simplified Chinese.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from pairaid.core.errors import CodelistError

IndicatorKind = Literal["flow", "stock"]


@dataclass(frozen=True)
class Indicator:
    """One row of the indicator codelist.

    ``unit`` is a unit code (``CNY``, ``person``, ``person_time``, ``ha``, ``km``,
    ``m2``, ``CNY/person``) or the counted noun of a count (``project``,
    ``school``…); ``aggregation`` is ``sum`` or ``none`` (a per-capita figure is
    never summed).
    """

    code: str
    group: str
    name_en: str
    name_zh: str
    unit: str
    value_type: str
    default_kind: IndicatorKind
    aggregation: str
    cues: str


@dataclass(frozen=True)
class Sector:
    """One row of the activity sector codelist."""

    code: str
    name_en: str
    name_zh: str
    examples: str


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("pairaid.core.data").joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def indicators() -> tuple[Indicator, ...]:
    """All indicators, in codelist order."""
    return tuple(
        Indicator(
            code=r["code"],
            group=r["group"],
            name_en=r["name_en"],
            name_zh=r["name_zh"],
            unit=r["unit"],
            value_type=r["value_type"],
            default_kind="stock" if r["default_kind"] == "stock" else "flow",
            aggregation=r["aggregation"],
            cues=r["cues"],
        )
        for r in _rows("indicators.csv")
    )


@cache
def sectors() -> tuple[Sector, ...]:
    """All activity sectors, in codelist order."""
    return tuple(Sector(r["code"], r["name_en"], r["name_zh"], r["examples"]) for r in _rows("sectors.csv"))


def indicator(code: str) -> Indicator:
    """The indicator with this code.

    Raises:
        CodelistError: the code is not in the codelist.
    """
    for item in indicators():
        if item.code == code:
            return item
    raise CodelistError(f"unknown indicator code {code!r}")


def sector(code: str) -> Sector:
    """The sector with this code.

    Raises:
        CodelistError: the code is not in the codelist.
    """
    for item in sectors():
        if item.code == code:
            return item
    raise CodelistError(f"unknown sector code {code!r}")
