"""What the checks read (:class:`CheckedValue`) and what they write (:class:`Finding`).

A checked value is one value as the checks see it, whether it came from a report
(an extracted fact) or from the database (a data value). Values are ``Decimal``
in the value's unit (yuan for money). Periods are in whole years: a ``year``
value has ``start_year == end_year``; a ``cumulative`` one spans
``start_year..end_year``; an ``as_of`` one is a stock at the end of ``end_year``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cached_property
from typing import Literal

from pairaid.core.checks.written_precision import precision_of
from pairaid.core.codelists import Indicator, indicators

PeriodKind = Literal["year", "cumulative", "as_of"]
Qualifier = Literal["exact", "more_than", "nearly", "about", "less_than", "up_to"]

INFINITY = Decimal("Infinity")


class Severity(str, Enum):
    """How bad a finding is: an error is a figure that cannot be right as stated."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class EvidenceRef:
    """Where a figure was read: a document and a character span (code points, end exclusive).

    ``document`` is whatever names the document to the caller (a file name, or a
    ``SourceDocument`` id as a string). ``sentence_start``/``sentence_end`` bound the
    sentence around the span where known.
    """

    document: str
    start: int
    end: int
    sentence_start: int | None = None
    sentence_end: int | None = None


@dataclass(frozen=True)
class CheckedValue:
    """One value to check: an extracted fact or a stored data value (glossary: checked value).

    * ``id``: unique among the values checked together (a fact index, a data value id).
    * ``indicator``: a code of the indicator codelist (``aid_funds``…).
    * ``value``/``value_high``: the value, and the upper bound of a range.
    * ``unit``: ``CNY``, ``person``, ``person_time``, ``count``, ``ha``… (the gold unit codes,
      or an indicator's unit such as ``project``).
    * ``qualifier``: exact, more_than, nearly, about, less_than, up_to.
    * ``subject``: a key that is equal for figures about the same donor/recipient or
      pairing/area (:func:`~pairaid.core.checks.subjects.subject_of` normalises it); ``""`` when
      unknown. Keys of pairings begin ``pairing:`` (``"pairing:12"``, ``"pairing:liaoning>qinghai"``),
      of areas ``area:``.
    * ``part_of``: the ``id`` of the figure this one is a part of.
    * ``change_percent``/``change_base_year``: a stated growth rate and its base year.
    * ``noun``: what a count counts ("project", "teacher"), where known.
    * ``text``: the figure as written ("46.9 million Yuan"); with ``decimals`` and ``scale``
      it gives the precision the figure was written in (see :attr:`tolerance`).
    * ``disaggregation``: a further key (sector, cash/kind) that separates figures.
    * ``breakdown_complete``: this figure is a whole whose parts are presented as complete
      ("consisting of", "namely", "respectively" with the list, an entered breakdown).
    """

    id: str
    indicator: str
    value: Decimal
    unit: str
    period_kind: PeriodKind
    start_year: int
    end_year: int
    subject: str = ""
    value_high: Decimal | None = None
    qualifier: Qualifier = "exact"
    part_of: str | None = None
    change_percent: Decimal | None = None
    change_base_year: int | None = None
    noun: str = ""
    text: str = ""
    decimals: int | None = None
    scale: Decimal | None = None
    disaggregation: str = ""
    breakdown_complete: bool = False
    evidence: EvidenceRef | None = None

    @property
    def tolerance(self) -> Decimal:
        """Half a unit of the last digit written: "46.9 million" gives 0.05 million (50,000).

        From ``decimals`` and ``scale`` when set, else from ``text``, else 0 (an exact value).
        A whole number written in full ("111", "4,456 yuan") is exact: 0.
        """
        decimals, scale = self.decimals, self.scale
        if decimals is None and self.text:
            written = precision_of(self.text)
            if written is not None:
                decimals, scale = written
        if decimals is None:
            return Decimal(0)
        scale = scale if scale is not None else Decimal(1)
        if decimals == 0 and scale == 1:
            return Decimal(0)  # a whole number written out in full ("4,456", "111") is exact
        return Decimal("0.5") * scale * Decimal(10) ** -decimals

    @property
    def label(self) -> str:
        """The figure as written, or its value and unit."""
        return self.text or f"{self.value:,f} {self.unit}"


@dataclass(frozen=True)
class Finding:
    """A problem the checks found.

    ``values`` maps a short label ("whole", "sum of parts", "stated rate"…) to the
    value involved; ``value_ids`` and ``evidence`` name the checked values it concerns.
    """

    rule: str
    severity: Severity
    message: str
    value_ids: tuple[str, ...]
    values: tuple[tuple[str, Decimal], ...] = ()
    evidence: tuple[EvidenceRef, ...] = field(default=())

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """Rule and sorted value ids: the same problem found twice has the same key."""
        return self.rule, tuple(sorted(self.value_ids))

    @classmethod
    def about(
        cls,
        checked_values: Sequence[CheckedValue],
        *,
        rule: str,
        severity: Severity,
        message: str,
        values: tuple[tuple[str, Decimal], ...] = (),
    ) -> Finding:
        """A finding about ``checked_values``: their ids and their evidence, in their order."""
        evidence = tuple(f.evidence for f in checked_values if f.evidence is not None)
        return cls(rule, severity, message, tuple(f.id for f in checked_values), values, evidence)


@dataclass(frozen=True)
class CheckConfig:
    """Settings of the rules (passed in; the core reads no settings).

    * ``approx_fraction``: how far "about"/"nearly" may stray (0.1 = 10%).
    * ``restatement_gap``: two figures for the same key more than this far apart
      (relative) are taken to be about different things, not one figure told twice.
    * ``same_sentence_chars``: without sentence bounds, figures this close are taken
      to be in one sentence.
    * ``codelist``: the indicators (group, flow or stock): the shipped CSV's by
      default; the database's when the checks run over stored data values, so that
      an indicator an administrator added is known.
    """

    approx_fraction: Decimal = Decimal("0.1")
    restatement_gap: Decimal = Decimal("0.15")
    same_sentence_chars: int = 200
    codelist: tuple[Indicator, ...] = field(default_factory=indicators)

    @cached_property
    def _by_code(self) -> dict[str, Indicator]:
        return {item.code: item for item in self.codelist}

    def group_of(self, code: str) -> str:
        """The indicator's group (funds, projects, economy…); a code not in the codelist is its own group."""
        item = self._by_code.get(code)
        return item.group if item else code

    def is_flow(self, code: str) -> bool:
        """Whether the indicator is a flow (summed over years); a code not in the codelist is taken to be one."""
        item = self._by_code.get(code)
        return item is None or item.default_kind == "flow"
