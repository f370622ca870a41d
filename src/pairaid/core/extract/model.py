"""The immutable records passed between the steps of report reading.

Offsets are Python ``str`` indices into the report text, end exclusive
(gold-format.md).  Values are :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Qualifier = Literal["exact", "more_than", "nearly", "about", "less_than"]
PeriodKind = Literal["year", "as_of", "cumulative"]


@dataclass(frozen=True)
class Section:
    """A heading and the text under it.

    ``heading`` is the heading text ("" for text before the first heading);
    ``start``/``end`` cover the body; ``rule`` names how the heading was found
    (``title``, ``bracket``, ``own_line``, ``glued``, ``none``).
    """

    heading: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Sentence:
    """A sentence span, the index of its section and of its paragraph (counted from 0)."""

    start: int
    end: int
    section: int
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """A quantity in the text (gold-format.md Layer 1).

    ``noun`` is what a ``count`` or ``person`` counts, singular, or ``None``;
    ``rule`` names the rules that read it (number rule + unit rule).
    ``sentence`` is the index of the sentence it sits in.
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    qualifier: Qualifier
    rule: str
    sentence: int
    value_high: Decimal | None = None
    noun: str | None = None
    noun_phrase: str = ""


@dataclass(frozen=True)
class Period:
    """The time a figure covers: a ``year``, ``as_of`` the end of a year, or ``cumulative`` between years."""

    kind: PeriodKind
    year: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    rule: str = "report_year"


@dataclass(frozen=True)
class Fact:
    """A mention bound to an indicator (gold-format.md Layer 2).

    ``mention`` indexes :attr:`Extraction.mentions`; ``part_of`` indexes
    :attr:`Extraction.facts`; ``rule`` names the cue that bound it.
    """

    mention: int
    indicator: str
    period: Period
    donor: str | None
    recipient: str | None
    rule: str
    part_of: int | None = None
    change_percent: Decimal | None = None
    change_base_year: int | None = None


@dataclass(frozen=True)
class Extraction:
    """What :func:`pairaid.core.extract.read_report` found in one report.

    ``language`` is the language most of the report is written in (``en``, ``zh``).
    """

    report_year: int
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    donor: str | None = None
    recipient: str | None = None
    language: str = "en"
