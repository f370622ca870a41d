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
        "Aid funds provided (all channels): the channels stated (government (fiscal) aid funds and social "
        "donations) add up to 35 yuan, more than the all-channels total stated, 10 yuan, which is incomplete: the "
        "total shown is the channels' sum"
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
