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
from typing import Literal, TypeVar

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


_Coded = TypeVar("_Coded", Indicator, Sector)


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("pairaid.core.data").joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def codelist_digest(filename: str = "indicators.csv") -> str:
    """The SHA-256 of a codelist file of ``pairaid/core/data`` (hex)."""
    import hashlib

    return hashlib.sha256(resources.files("pairaid.core.data").joinpath(filename).read_bytes()).hexdigest()


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
    return _of_code(indicators(), code, "indicator")


def sector(code: str) -> Sector:
    """The sector with this code.

    Raises:
        CodelistError: the code is not in the codelist.
    """
    return _of_code(sectors(), code, "sector")


def _of_code(items: tuple[_Coded, ...], code: str, what: str) -> _Coded:
    """The item of ``items`` with this code; raises :class:`CodelistError` naming ``what`` when none has it."""
    for item in items:
        if item.code == code:
            return item
    raise CodelistError(f"unknown {what} code {code!r}")


@dataclass(frozen=True)
class Unit:
    """A unit as readers see it (``units.csv``): English singular and plural, Chinese measure word."""

    code: str
    singular_en: str
    plural_en: str
    name_zh: str


@dataclass(frozen=True)
class QualifierWords:
    """How a qualifier is written (``qualifier_words.csv``): its label, and a figure with it, where
    ``{n}`` is the number and ``{unit}`` the unit ("more than {n} {unit}", "{n}余{unit}")."""

    code: str
    label_en: str
    label_zh: str
    written_en: str
    written_zh: str


@dataclass(frozen=True)
class Disaggregation:
    """A disaggregation code (``dimension:value``) with its names (``disaggregations.csv``)."""

    code: str
    name_en: str
    name_zh: str


@cache
def units() -> dict[str, Unit]:
    """The units readers see, by code."""
    return {r["code"]: Unit(r["code"], r["singular_en"], r["plural_en"], r["name_zh"]) for r in _rows("units.csv")}


@cache
def qualifier_words() -> dict[str, QualifierWords]:
    """How each qualifier is written, by code."""
    return {
        r["code"]: QualifierWords(r["code"], r["label_en"], r["label_zh"], r["written_en"], r["written_zh"])
        for r in _rows("qualifier_words.csv")
    }


@cache
def disaggregations() -> dict[str, Disaggregation]:
    """The named disaggregations, by code."""
    return {r["code"]: Disaggregation(r["code"], r["name_en"], r["name_zh"]) for r in _rows("disaggregations.csv")}


def disaggregation_name(code: str, language: str) -> str:
    """A disaggregation in words: its codelist name, else the code's value in words
    (``kind:medical_exchange`` → "medical exchange"); "" for no disaggregation."""
    if not code:
        return ""
    found = disaggregations().get(code)
    if found is not None:
        return found.name_zh if language.lower().startswith("zh") else found.name_en
    return code.partition(":")[2].replace("_", " ") or code.replace("_", " ")
