"""The immutable records passed between the steps of report reading.

Offsets are Python ``str`` indices into the report text, end exclusive
(gold-format.md).  Values are :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pairaid.core.records import quick_init

# a fact whose reading leads the next best by less than this share of its score is uncertain
UNCERTAIN_BELOW = 0.3

Qualifier = Literal["exact", "more_than", "nearly", "about", "less_than"]
PeriodKind = Literal["year", "as_of", "cumulative"]


@quick_init
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


@quick_init
@dataclass(frozen=True)
class Sentence:
    """A sentence span, the index of its section and of its paragraph (counted from 0), and its language."""

    start: int
    end: int
    section: int
    paragraph: int
    lang: str = "en"


@quick_init
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


@quick_init
@dataclass(frozen=True)
class Context:
    """The words around one mention that the rules look at (fields: ``core/extract/README.md``).

    ``plan_left``, ``plan_clause`` and ``plan_sentence`` name the plan rule whose words stand in the
    figure's left words, govern its clause, or open an objective earlier in its sentence ("" if none);
    ``after`` holds the words after the figure to the end of its clause, over later figures ("invested
    5 million yuan for a hall and 2 km of pipes in County B, and ..."); ``column`` the caption and header
    of a table cell's column ("Aid funds in Region B (Unit: 10,000 yuan) | Funds").
    """

    left: str
    right: str
    clause: str
    np: str
    head: str
    plan_left: str = ""
    plan_clause: str = ""
    plan_sentence: str = ""
    rest: str = ""
    tail: str = ""
    after: str = ""
    column: str = ""
    subject: str = ""
    sources: tuple[str, ...] = ()

    @cached_property
    def any(self) -> str:
        return f"{self.left} | {self.np} | {self.right} | {self.clause} | {self.tail}"


ReadingKind = Literal["indicator", "plan", "unbound"]


@quick_init
@dataclass(frozen=True)
class Reading:
    """One way of reading a mention: bound to ``indicator`` (kind ``indicator``) or left unbound as a plan
    or a figure of no kind of its own, with the ``score`` of the rules that voted for it (``rules``,
    strongest first); ``generic`` when its rules only name the kind of thing counted; ``also`` the further
    indicators its strongest rule binds the same figure to ("trained and employed N people")."""

    kind: ReadingKind
    indicator: str | None
    score: float
    rules: tuple[str, ...]
    generic: bool = False
    also: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True)
class Period:
    """The time a figure covers: a ``year``, ``as_of`` the end of a year, or ``cumulative`` between years."""

    kind: PeriodKind
    year: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    rule: str = "report_year"


@quick_init
@dataclass(frozen=True)
class Fact:
    """A mention bound to an indicator (gold-format.md Layer 2).

    ``mention`` indexes :attr:`Extraction.mentions`; ``part_of`` indexes
    :attr:`Extraction.facts`; ``rule`` is the id of the rule that bound it (``data/rules``), ``rules``
    every rule that made it (binding, part link, growth); ``certainty`` (0-1) is how far its reading
    leads the next best one (1: no other reading), and a fact whose reading leads by little is
    :attr:`uncertain`.
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
    certainty: float = 1.0
    rules: tuple[str, ...] = ()

    @property
    def uncertain(self) -> bool:
        """True when a second reading came close (certainty below :data:`UNCERTAIN_BELOW`)."""
        return self.certainty < UNCERTAIN_BELOW


@quick_init
@dataclass(frozen=True)
class Extraction:
    """What :func:`pairaid.core.extract.read_report` found in one report.

    ``language`` is the language most of the report is written in (``en``, ``zh``); ``readings``
    holds each mention's readings, best first (empty for a mention no rule voted on).
    """

    report_year: int
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    facts: tuple[Fact, ...]
    donor: str | None = None
    recipient: str | None = None
    language: str = "en"
    readings: tuple[tuple[Reading, ...], ...] = ()
