"""core.periods: the first and last day of a period given in years (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from pairaid.core.errors import DataError
from pairaid.core.periods import Period, period_from_dates, period_from_years


@pytest.mark.parametrize(
    ("kind", "years", "start", "end", "label"),
    [
        ("year", {"year": 2009}, date(2009, 1, 1), date(2009, 12, 31), "2009"),
        ("cumulative", {"start_year": 1996, "end_year": 2009}, date(1996, 1, 1), date(2009, 12, 31), "1996–2009"),
        ("cumulative", {"start_year": 2009, "year": 2009}, date(2009, 1, 1), date(2009, 12, 31), "2009"),
        ("as_of", {"year": 2009}, date(2009, 12, 31), date(2009, 12, 31), "end of 2009"),
    ],
)
def test_years_give_the_first_and_last_day(
    kind: str, years: dict[str, int], start: date, end: date, label: str
) -> None:
    period = period_from_years(kind, **years)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


@pytest.mark.parametrize(
    ("kind", "years", "message"),
    [
        ("year", {}, "needs a year"),
        ("cumulative", {"start_year": 2009, "end_year": 1996}, "cannot start in 2009 after it ends in 1996"),
        ("cumulative", {"end_year": 2009}, "needs a start year and an end year"),
        ("quarter", {"year": 2009}, "unknown period kind 'quarter'"),
        ("year", {"year": 209}, "outside 1900–2100"),
    ],
)
def test_bad_years_are_refused(kind: str, years: dict[str, int], message: str) -> None:
    with pytest.raises(DataError, match=message):
        period_from_years(kind, **years)


def test_dates_must_be_in_order() -> None:
    assert period_from_dates("as_of", start=date(2010, 6, 30), end=date(2010, 6, 30)).label == "as of 2010-06-30"
    with pytest.raises(DataError, match="cannot start on 2009-12-31 after it ends on 2009-01-01"):
        period_from_dates("year", start=date(2009, 12, 31), end=date(2009, 1, 1))


def test_a_period_is_immutable() -> None:
    period = Period("year", date(2009, 1, 1), date(2009, 12, 31))
    with pytest.raises(AttributeError):
        period.kind = "as_of"  # type: ignore[misc]
