"""Regressions of the reports' wording (issue 12), each on the smallest input that showed it: a part named
as its indicator written once; an activity with no money an empty cell; no empty subject; the pairing tree
in full-width brackets; a summary that joins only one subject's figures; signed contracts apart from money
moved; a visit's leaders in the unit the visit counts them."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest

from pairaid.core.codelists import disaggregation_name
from pairaid.reports.context import ReportValue
from pairaid.reports.labels import figure_label
from pairaid.reports.narrative import narrative
from pairaid.reports.selectors import overview_context, report_context
from pairaid.reports.services import report_bytes
from pairaid.sample.loader import sample_load


def test_a_part_named_as_its_indicator_is_written_once() -> None:
    """ "讲座（讲座）": the lectures of the lectures indicator were named twice."""
    assert figure_label("讲座", "讲座", "zh-hans") == "讲座"
    assert figure_label("企业", "入驻园区", "zh-hans") == "企业（入驻园区）"
    assert figure_label("Enterprises", "settled in parks", "en") == "Enterprises (settled in parks)"
    assert figure_label("Enterprises", "", "en") == "Enterprises"
    # the codelist names the part by what it is, beside the indicator's other parts (seminars, exchanges)
    assert figure_label("讲座", disaggregation_name("kind:lecture", "zh-hans"), "zh-hans") == "讲座（专题讲座）"


def _of(code: str, shown: str, pairings: set[int]) -> ReportValue:
    return ReportValue(
        code=code,
        label=code,
        subject="",
        value=Decimal(1),
        unit="",
        shown=shown,
        period="",
        pairings=frozenset(pairings),
    )


def test_the_summary_joins_only_one_subject_s_figures() -> None:
    """ "enterprises invested 6 billion yuan and 30 enterprises took part": a park's investment (one pairing's
    statement) was joined to a fair's enterprises (another's) as if they went together."""
    headline = [
        _of("contract_value", "400 million yuan", {1}),
        _of("enterprise_investment", "6 billion yuan", {2}),
        _of("enterprises", "30 enterprises", {1}),
    ]
    en = narrative(headline=headline, year=2031, who="Anhe", language="en")["economy"]
    assert en == (
        "In economic cooperation, agreements worth 400 million yuan were signed and 30 enterprises cooperated or "
        "were drawn in. Enterprises actually invested 6 billion yuan."
    )
    zh = [replace(v, shown=s) for v, s in zip(headline, ["4亿元", "60亿元", "30家"], strict=True)]
    said = narrative(headline=zh, year=2031, who="安和", language="zh-hans")["economy"]
    assert said == "经济合作方面，签订协议金额4亿元，合作或引进企业30家。企业实际投资60亿元。"
    # figures of one subject stay one sentence
    one = narrative(
        headline=[replace(v, pairings=frozenset({1})) for v in headline], year=2031, who="Anhe", language="en"
    )["economy"]
    assert one.count(".") == 1 and "enterprises actually invested 6 billion yuan" in one


@pytest.mark.django_db
def test_a_visit_s_leaders_in_the_unit_the_visit_counts_them() -> None:
    """The events said "leaders: more than 30 person-times" of a visit whose report counts leaders (persons)."""
    from pairaid.events.models import Visit
    from pairaid.events.selectors import event_indicators

    root = sample_load().root
    en = report_bytes(context=report_context(pairing=root, year=2009, with_charts=False), fmt="md").decode()
    zh_context = report_context(pairing=root, year=2009, language="zh-hans", with_charts=False)
    zh = report_bytes(context=zh_context, fmt="md").decode()
    assert "leaders: more than 30 people" in en and "person-times" not in en
    assert "互访考察：帮扶方赴受援地；厅局级领导；领导30余人；" in zh and "人次" not in zh
    # persons and person-times are never added: a visit counting trips gives a value of its own
    visit = Visit.objects.get(leaders=30)
    Visit.objects.create(pairing=visit.pairing, year=2009, direction="to_donor", leaders=12, leaders_unit="person_time")
    leaders = {(v.unit, v.value) for v in event_indicators(pairing=root, year=2009) if v.code == "leader_visits"}
    assert leaders == {("person", Decimal(30)), ("person_time", Decimal(12))}


@pytest.mark.django_db
def test_the_tree_channels_money_and_subjects_as_offices_write_them() -> None:
    """The sample's report: the tree read "山东省—新疆维吾尔自治区（10对） (县级—县级)"; signed contracts stood in the
    money column beside money disbursed; an activity with no money showed 0 in the workbook; the headline's and
    the plan's subject cells were empty."""
    from openpyxl import load_workbook

    root = sample_load().root
    zh_context = report_context(pairing=root, year=2009, language="zh-hans", with_charts=False)
    en_context = report_context(pairing=root, year=2009, with_charts=False)
    zh = report_bytes(context=zh_context, fmt="md").decode()
    en = report_bytes(context=en_context, fmt="md").decode()
    assert "  - 山东省—新疆维吾尔自治区（县级—县级，10对）\n" in zh
    assert "- 山东省—新疆维吾尔自治区（省级—省级）：15.74亿元\n" in zh and " (" not in zh.split("## 结对层级")[1][:400]
    from pairaid.registry.models import Pairing

    ten = Pairing.objects.get(parent=root, pair_count=10)
    shule = Pairing.objects.get(recipient_area__code="653122", parent__parent=root)
    assert f"  - {ten}, county – county, 10 pairs\n" in en
    assert f"    - {shule}, province – county\n" in en
    # signed contracts: a table of their own, never in the column of money moved
    channels = zh.split("### 按资金渠道")[1].split("### 按行业")[0]
    moved, signed = channels.split("### 签约金额（承诺，非到位资金）")
    assert "签约" not in moved and "| 企业投资（支出） | 27亿元 |" in moved
    assert "| 渠道 | 签约金额 |" in signed and "| 签约（承诺） | 45.77亿元 |" in signed
    assert "### Signed, by funding channel (commitments, not money moved)" in en
    book = load_workbook(io.BytesIO(report_bytes(context=zh_context, fmt="xlsx")))
    assert [list(r) for r in book["资金渠道"].iter_rows(values_only=True)] == [
        ["渠道", "资金 (元)", "签约金额 (元)"],
        ["企业投资（支出）", 2700000000, None],
        ["财政援助（拨付）", 68400000, None],
        ["签约（承诺）", None, 4577000000],
    ]
    activities = {r[0]: r for r in book["项目"].iter_rows(min_row=2, values_only=True)}
    assert activities["SDXJ-2009-01"][4] is None and activities["SDXJ-2009-03"][4] == 20000000
    overview = list(book["概况"].iter_rows(values_only=True))
    assert overview[0][:2] == ("指标", "对象")
    assert overview[1][:3] == ("援助资金", "山东省—新疆维吾尔自治区", 1574000000) and overview[1][6] == "合计"
    plan = list(book["计划执行"].iter_rows(min_row=2, values_only=True))
    assert [r[:2] for r in plan] == [("山东省—新疆维吾尔自治区", "企业投资"), ("疏勒县", "企业投资")]
    tree = list(book["结对层级"].iter_rows(values_only=True))
    assert tree[:2] == [("结对", "层级", "资金 (元)"), ("山东省—新疆维吾尔自治区", "省级—省级", 1574000000)]


@pytest.mark.django_db
def test_no_cell_of_a_subject_or_recipient_is_empty() -> None:
    """Every row of every sheet says whom it is of (对象, 受援地, 结对), in the sample's report and the overview."""
    from openpyxl import load_workbook

    root = sample_load().root
    for context in (
        report_context(pairing=root, year=2009, language="zh-hans", with_charts=False),
        overview_context(year=2009, language="zh-hans", with_charts=False),
    ):
        book = load_workbook(io.BytesIO(report_bytes(context=context, fmt="xlsx")))
        for sheet in book:
            rows = list(sheet.iter_rows(values_only=True))
            for column, head in enumerate(rows[0] if rows else ()):
                if head in ("对象", "受援地", "结对"):
                    empty = [n for n, row in enumerate(rows[1:], 2) if not row[column]]
                    assert not empty, (sheet.title, head, empty)
