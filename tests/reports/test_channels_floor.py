"""An all-channels total below the sum of its channels is incomplete (issue 12): the headline, the summary and
the totals give the channels' sum, and "How the totals were counted" says so, in English and Chinese.
Made-up figures."""

from __future__ import annotations

import pytest

from pairaid.indicators.totals import scope_totals
from pairaid.reports.selectors import overview_context, report_context
from tests.checks.factories import pairing, value

pytestmark = pytest.mark.django_db


def test_an_all_channels_total_below_its_channels_gives_way_to_their_sum() -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("aid_funds", "10", pairing=top, unit="CNY")
    value("government_aid_funds", "30", pairing=top, unit="CNY")
    value("social_donations", "5", pairing=top, unit="CNY")

    (aid,) = [t for t in scope_totals(year=2009) if t.indicator.code == "aid_funds"]
    assert (aid.value, aid.stated) == (35, 10)
    context = report_context(pairing=top, year=2009, with_charts=False)
    (shown,) = [v for v in context.headline if v.code == "aid_funds"]
    assert shown.value == 35
    assert (
        "Aid funds provided (all channels): a pairing whose channels stated (government (fiscal) aid funds and "
        "social donations) add up to more than the all-channels total it states, which is incomplete, or that "
        "states none, counts the channels' sum: 35 yuan in all, against 10 yuan stated as all-channels totals"
    ) in context.counting
    zh = overview_context(year=2009, language="zh-hans", with_charts=False)
    assert any("大于所报总额" in line and "合计采用各渠道之和" in line for line in zh.counting)


def test_an_all_channels_total_not_below_its_channels_is_kept() -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("aid_funds", "40", pairing=top, unit="CNY")
    value("government_aid_funds", "30", pairing=top, unit="CNY")
    (aid,) = [t for t in scope_totals(year=2009) if t.indicator.code == "aid_funds"]
    assert (aid.value, aid.stated) == (40, None)


def test_the_years_chart_gives_the_channels_sum_as_the_headline_does() -> None:
    from pairaid.indicators.rollups import rollup_by_year

    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("aid_funds", "10", pairing=top, unit="CNY")
    value("government_aid_funds", "30", pairing=top, unit="CNY")
    (row,) = rollup_by_year(indicator="aid_funds", years=[2009]).get("CNY", [])
    assert row.value == 30
    (row,) = rollup_by_year(indicator="aid_funds", years=[2009], root=top).get("CNY", [])
    assert row.value == 30


def test_the_floor_is_each_pairing_s_so_the_nation_adds_the_pairings() -> None:
    """Issue 12: the floor was the nation's alone (the larger of the nation's all-channels total, 110, and its
    channels' sum, 105), while the pairings' table, their trees and the map added each pairing's statements
    as stated (100 + 10). Each pairing's aid funds are now the larger of its own: 100 + 55 = 155 everywhere."""
    from pairaid.indicators.rollups import rollup_by_pairing

    first = pairing("370000", "650000", name="Anhe – Xinjiang")
    second = pairing("110000", "150000", name="Linxi – Inner Mongolia")
    value("aid_funds", "100", pairing=first, unit="CNY")
    value("government_aid_funds", "30", pairing=first, unit="CNY")
    value("aid_funds", "10", pairing=second, unit="CNY")
    value("government_aid_funds", "50", pairing=second, unit="CNY")
    value("social_donations", "5", pairing=second, unit="CNY")

    (aid,) = [t for t in scope_totals(year=2009) if t.indicator.code == "aid_funds"]
    assert (aid.value, aid.stated) == (155, 110)
    rows = {r.label: r.value for r in rollup_by_pairing(indicator="aid_funds", year=2009)[("CNY", "year")]}
    assert sorted(rows.values()) == [55, 100] and sum(rows.values()) == aid.value
    (own,) = [t for t in scope_totals(year=2009, pairing=second) if t.indicator.code == "aid_funds"]
    assert (own.value, own.stated) == (55, 10)
    (other,) = [t for t in scope_totals(year=2009, pairing=first) if t.indicator.code == "aid_funds"]
    assert (other.value, other.stated) == (100, None)


def test_a_pairing_stating_only_channels_counts_their_sum_and_its_change_is_given() -> None:
    """A pairing that states no all-channels total gives its channels' sum, in both years alike, so the change
    on last year is given (it said "that year's total rests on other pairings' figures")."""
    from pairaid.reports.labels import labels

    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    value("government_aid_funds", "40", pairing=top, unit="CNY", year=2008)
    value("government_aid_funds", "50", pairing=top, unit="CNY")
    value("social_donations", "10", pairing=top, unit="CNY")
    (aid,) = [t for t in scope_totals(year=2009) if t.indicator.code == "aid_funds"]
    assert (aid.value, aid.previous, aid.change, aid.stated, aid.change_withheld) == (60, 40, 50, 0, False)
    context = overview_context(year=2009, with_charts=False)
    (shown,) = [v for v in context.headline if v.code == "aid_funds"]
    assert (shown.value, shown.change, shown.change_note) == (60, 50, "")
    assert labels("en")["change_withheld"] not in [v.change_note for v in context.headline]
    assert (
        "Aid funds provided (all channels): no all-channels total is stated; the channels stated (government "
        "(fiscal) aid funds and social donations) add up to 60 yuan, the total shown"
    ) in context.counting
