"""A channel's total above the aid funds' total of the same scope and year (rule channel_total_exceeds_total).

As in 2011 of the demo's corpus: one pairing states government aid and no aid funds, another's tree states
government aid at the top and aid funds only under it; no figure is above another of its own pairing, but the
totals a report shows are: 67.03 million yuan of government aid against 650,000 yuan of aid funds nationally.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from pairaid.reports.finding_texts import finding_messages
from tests.checks.factories import pairing, value

pytestmark = pytest.mark.django_db

RULE = "channel_total_exceeds_total"


@pytest.fixture
def stated() -> dict[str, object]:
    jiangsu = pairing("320000", "610000", name="Jiangsu – Shaanxi")
    suzhou = pairing("320500", "610800", level="prefecture", parent=jiangsu, name="Suzhou – Yulin")
    shandong = pairing("370000", "500000", name="Shandong – Chongqing")
    return {
        "jiangsu": jiangsu,
        "aid": value("aid_funds", "650000", pairing=suzhou, year=2011),
        "jiangsu_gov": value("government_aid_funds", "24530000", pairing=jiangsu, year=2011),
        "shandong_gov": value("government_aid_funds", "42500000", pairing=shandong, year=2011),
    }


def _found() -> list[Finding]:
    # the nation's first (PostgreSQL sorts nulls last)
    return sorted(Finding.objects.filter(rule=RULE), key=lambda f: (f.pairing_id is not None, f.pairing_id or 0))


def test_a_channel_total_above_the_aid_funds_total_is_a_finding_of_its_scope(stated: dict[str, object]) -> None:
    """Jiangsu's tree states both; Shandong states no aid funds, so the nation compares Jiangsu's alone (issue 12:
    it added Shandong's government aid to Jiangsu's and set them against Jiangsu's aid funds, "the same
    pairings"), which is Jiangsu's finding, given once."""
    findings_refresh(year=2011)
    found = _found()
    shown = [(f.pairing_id, f.year, f.severity, [(k, Decimal(v)) for k, v in f.values]) for f in found]
    assert shown == [
        (
            stated["jiangsu"].pk,  # type: ignore[attr-defined]
            2011,
            "warning",
            [("channel total", Decimal(24530000)), ("aid funds total", Decimal(650000))],
        ),
    ]
    (jiangsu,) = found
    assert {v.pk for v in jiangsu.data_values.all()} == {stated[k].pk for k in ("aid", "jiangsu_gov")}  # type: ignore[attr-defined]
    texts = finding_messages(found, language="en")
    assert texts[jiangsu.pk].startswith("Jiangsu – Shaanxi: Government (fiscal) aid funds stated add up to 24.53")


def test_the_nation_compares_pairing_by_pairing(stated: dict[str, object]) -> None:
    """Two pairings above their aid funds: the nation adds theirs alone, the same pairings on both sides."""
    value("aid_funds", "1000000", pairing=stated["shandong_gov"].pairing, year=2011)  # type: ignore[attr-defined]
    other = pairing("110000", "150000", name="Linxi – Inner Mongolia")
    value("government_aid_funds", "300", pairing=other, year=2011)  # no aid funds stated: never compared
    findings_refresh(year=2011)
    found = _found()
    nation = found[0]
    assert nation.pairing_id is None
    assert [(k, Decimal(v)) for k, v in nation.values] == [
        ("channel total", Decimal(24530000 + 42500000)),
        ("aid funds total", Decimal(650000 + 1000000)),
    ]
    texts = finding_messages(found, language="en")
    assert texts[nation.pk].startswith(
        "Nationwide: Government (fiscal) aid funds stated add up to 67.03 million yuan in 2011, more than the aid "
        "funds stated for the same pairings and year, 1.65 million yuan"
    )
    zh = finding_messages(found, language="zh-hans")
    assert zh[nation.pk].startswith(
        "全国：2011年财政援助资金合计6703万元，超过同一范围同年包括各渠道在内的援助资金合计165万元"
    )


def test_each_refresh_keeps_its_own_and_again_gives_the_same(stated: dict[str, object]) -> None:
    findings_refresh(year=2011)
    findings_refresh(year=2011)
    assert len(_found()) == 1
    findings_refresh(pairing=stated["jiangsu"], year=2011)  # type: ignore[arg-type]
    assert [f.pairing_id for f in _found()] == [stated["jiangsu"].pk]  # type: ignore[attr-defined]
    findings_refresh()  # every year: the same one
    assert [(f.pairing_id, f.year) for f in _found()] == [(stated["jiangsu"].pk, 2011)]  # type: ignore[attr-defined]


def test_no_finding_when_the_aid_funds_hold_the_channel(stated: dict[str, object]) -> None:
    value("aid_funds", "80000000", pairing=stated["jiangsu"], year=2011)  # type: ignore[arg-type]
    value("aid_funds", "42500000", pairing=stated["shandong_gov"].pairing, year=2011)  # type: ignore[attr-defined]
    findings_refresh(year=2011)
    assert _found() == []
