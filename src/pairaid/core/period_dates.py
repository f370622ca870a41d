"""Periods of data values in dates: the first and last day a figure covers (the extraction finds a mention's
period in years, :mod:`pairaid.core.extract.mention_periods`).

Three kinds (``spec/gold-format.md`` F5):

* ``year`` Y: a flow for that calendar year, Y-01-01 to Y-12-31;
* ``cumulative`` A..B: a sum between two years, A-01-01 to B-12-31;
* ``as_of`` Y: a stock at the end of year Y, Y-12-31 to Y-12-31.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pairaid.core.errors import DataError

PeriodKindCode = Literal["year", "cumulative", "as_of"]
PERIOD_KINDS: tuple[PeriodKindCode, ...] = ("year", "cumulative", "as_of")


@dataclass(frozen=True)
class Period:
    """A period: its kind and first and last day (both inclusive)."""

    kind: PeriodKindCode
    start: date
    end: date

    @property
    def label(self) -> str:
        """A short label: ``2009``, ``1996–2009``, ``end of 2009`` (or the exact dates when not whole years)."""
        whole_years = (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)
        if self.kind == "as_of":
            if (self.end.month, self.end.day) == (12, 31):
                return f"end of {self.end.year}"
            return f"as of {self.end.isoformat()}"
        if not whole_years:
            return f"{self.start.isoformat()}–{self.end.isoformat()}"
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}–{self.end.year}"


def period_from_years(
    kind: str, *, year: int | None = None, start_year: int | None = None, end_year: int | None = None
) -> Period:
    """The period of ``kind`` given in years.

    ``year`` for ``year`` and ``as_of``; ``start_year`` and ``end_year`` for
    ``cumulative`` (``year`` is accepted there as the end year).

    Raises:
        DataError: an unknown kind, a missing year, or a start year after the end year.
    """
    if kind == "year" or kind == "as_of":
        if year is None:
            raise DataError(f"a {kind} period needs a year")
        _check_year(year)
        if kind == "year":
            return Period("year", date(year, 1, 1), date(year, 12, 31))
        return Period("as_of", date(year, 12, 31), date(year, 12, 31))
    if kind == "cumulative":
        end = end_year if end_year is not None else year
        if start_year is None or end is None:
            raise DataError("a cumulative period needs a start year and an end year")
        _check_year(start_year)
        _check_year(end)
        if start_year > end:
            raise DataError(f"a cumulative period cannot start in {start_year} after it ends in {end}")
        return Period("cumulative", date(start_year, 1, 1), date(end, 12, 31))
    raise DataError(f"unknown period kind {kind!r} (use one of {', '.join(PERIOD_KINDS)})")


def period_from_dates(kind: str, *, start: date, end: date) -> Period:
    """The period of ``kind`` between two days (inclusive).

    A ``year`` is one calendar year (1 January to 31 December); an ``as_of`` is one
    day; a ``cumulative`` period any span.

    Raises:
        DataError: an unknown kind, ``start`` after ``end``, a year that is not a
            calendar year, an as-of period of more than one day.
    """
    if kind not in PERIOD_KINDS:
        raise DataError(f"unknown period kind {kind!r} (use one of {', '.join(PERIOD_KINDS)})")
    if start > end:
        raise DataError(f"a period cannot start on {start.isoformat()} after it ends on {end.isoformat()}")
    if not spans_its_kind(kind, start, end):
        what = "one calendar year, 1 January to 31 December" if kind == "year" else "one day"
        raise DataError(f"a {kind} period is {what}, not {start.isoformat()} to {end.isoformat()}")
    checked: PeriodKindCode = "year" if kind == "year" else "cumulative" if kind == "cumulative" else "as_of"
    return Period(checked, start, end)


def spans_its_kind(kind: str, start: date, end: date) -> bool:
    """Whether ``start``..``end`` is a period of ``kind``: one calendar year, one day (as of), any span (cumulative)."""
    if kind == "year":
        return start == date(start.year, 1, 1) and end == date(start.year, 12, 31)
    if kind == "as_of":
        return start == end
    return start <= end


def _check_year(year: int) -> None:
    if not 1900 <= year <= 2100:
        raise DataError(f"year {year} is outside 1900–2100")
