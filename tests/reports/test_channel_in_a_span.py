"""A parent pairing's government funds of one year, recorded as part of its own total over several years, are
that year's statement (issue 12): they count in the year's all-channels total beside a county's all-channels
figure of the pairing's tree, each figure once; and a change on last year compares only like with like (a
county's all-channels figure is no province's government funds). Made-up figures."""

from __future__ import annotations

import pytest

from pairaid.indicators.rollups import rollup_by_pairing
from pairaid.indicators.totals import scope_totals
from pairaid.reports.labels import labels
from pairaid.reports.selectors import overview_context
from tests.checks.factories import area, pairing, value

pytestmark = pytest.mark.django_db


def _aid(year: int) -> tuple[object, ...]:
    (aid,) = [t for t in scope_totals(year=year) if t.indicator.code == "aid_funds"]
    return aid.value, aid.change, aid.change_withheld


def test_a_year_s_channel_figure_inside_a_span_total_counts_and_holds_the_county_s() -> None:
    top = pairing("370000", "650000", name="Anhe – Xinjiang")
    span = value("government_aid_funds", "5000", pairing=top, unit="CNY", kind="cumulative", start_year=2016, year=2020)
    value("government_aid_funds", "1900", pairing=top, unit="CNY", year=2020, part_of=span)
    value("aid_funds", "200", pairing=top, subject_area=area("653122"), unit="CNY", year=2020)

    assert _aid(2020)[0] == 1900  # the province's 1,900 holds the county's 200: each figure once
    (gov,) = [t for t in scope_totals(year=2020) if t.indicator.code == "government_aid_funds"]
    assert gov.value == 1900
    (row,) = rollup_by_pairing(indicator="aid_funds", year=2020)[("CNY", "year")]
    assert row.value == 1900


def test_the_change_compares_like_with_like_else_says_why_not() -> None:
    top = pairing("370000", "650000", name="Anhe – Xinjiang")
    value("government_aid_funds", "300", pairing=top, unit="CNY", year=2019)
    value("aid_funds", "200", pairing=top, subject_area=area("653122"), unit="CNY", year=2020)

    # a county's all-channels 200 against the province's government funds 300: no change (it gave -33.3%)
    assert _aid(2020) == (200, None, True)
    context = overview_context(year=2020, with_charts=False)
    (row,) = context.pairings
    assert row.change is None and row.change_note == labels("en")["change_withheld"]

    value("government_aid_funds", "600", pairing=top, unit="CNY", year=2020)  # now the province's, as in 2019
    assert _aid(2020) == (600, 100, False)
    context = overview_context(year=2020, with_charts=False)
    (row,) = context.pairings
    assert (row.value, row.change) == (600, 100)
