"""A year axis shows every year of its range, a year with nothing stored a gap (issue 12: the aid funds over the
years went from 2011 to 2014 with no tick for 2012 nor 2013). Made-up figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from pairaid.reports import charts
from pairaid.reports.labels import labels


@dataclass(frozen=True)
class Year:
    key: str
    value: Decimal


def test_the_ticks_are_every_year_of_the_range() -> None:
    assert charts.year_ticks([2010, 2011, 2014]) == [2010, 2011, 2012, 2013, 2014]
    assert charts.year_ticks([2009]) == [2009]
    assert charts.year_ticks([]) == []


def test_the_years_chart_draws_a_tick_for_a_year_with_nothing_stored(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks: list[list[str]] = []
    real = charts.render_chart

    def kept(name: str, title: str, draw: Any, **kwargs: Any) -> Any:
        def drawn(ax: Any) -> None:
            draw(ax)
            ticks.append([t.get_text() for t in ax.get_xticklabels()])

        return real(name, title, drawn, **kwargs)

    monkeypatch.setattr(charts, "render_chart", kept)
    monkeypatch.setattr(charts, "_stored", lambda key: lambda fmt, draw: draw())  # drawn here, never read kept
    monkeypatch.setattr(charts, "_DRAWN", type(charts._DRAWN)())
    years = [Year("2010", Decimal(5)), Year("2011", Decimal(7)), Year("2014", Decimal(9))]
    chart = charts.report_charts(sectors=[], years=years, recipients=[], labels=labels("en"), language="en")
    assert chart["years"].png.startswith(b"\x89PNG")
    assert ticks[-1] == ["2010", "2011", "2012", "2013", "2014"]
