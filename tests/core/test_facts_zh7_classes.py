"""Classes of error found on the Chinese blind set zh7 (issue 9), each as made-up pages: a figure's span, value,
unit, indicator, period and places, in the row format of ``test_facts_zh_classes.py``.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# a table of indicators with a column of units headed "单位" before its columns of years, the years with the words
# of their results ("2031年完成"), the latest first, and a column of changes: each row's label says what its cells
# are, the unit cell their unit, each year column their year, and the change is the latest year's figure's over
# the year before (F5, F6, Z1, Z2, Z7); the change column is a percentage, no figure of the row's unit
UNIT_COLUMN_TABLE = (
    "安和—白山协作2031年度成效统计表\n\n"
    "　　2031年，安和市与白山州协作的成效见下表。\n\n"
    "项目\t计量单位\t2031年实际\t2030年实际\t增幅（%）\n"
    "财政帮扶资金\t万元\t6890\t5300\t30.0\n"
    "实施帮扶项目\t个\t240\t200\t20.0\n"
    "选派专业技术人才\t人\t360\t300\t20.0\n"
    "新引进落地企业\t家\t36\t30\t20.0\n"
    "消费帮扶金额\t亿元\t4.8\t4.0\t20.0\n"
)
UNIT_COLUMN = [
    ("6890", "68900000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
    ("5300", "53000000", "CNY", "government_aid_funds", ("year", 2030), "安和", "白山"),
    ("240", "240", "count", "aid_projects", ("year", 2031), "安和", "白山"),
    ("200", "200", "count", "aid_projects", ("year", 2030), "安和", "白山"),
    ("360", "360", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
    ("36", "36", "count", "enterprises", ("year", 2031), "安和", "白山"),
    ("30", "30", "count", "enterprises", ("year", 2030), "安和", "白山"),
    ("4.8", "480000000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
    ("30.0", "30", "percent", None, None, None, None),
    ("20.0", "20", "percent", None, None, None, None),
]


@pytest.mark.parametrize("figure", UNIT_COLUMN, ids=lambda f: f"{f[0]}-{f[3]}")
def test_a_table_s_unit_column_and_years_of_results(figure: Figure) -> None:
    _check(UNIT_COLUMN_TABLE, 2031, "安和市", "白山州", [figure])


@pytest.mark.parametrize(
    ("header", "changed", "unchanged"),
    [
        # the latest year first, or last: the change is the latest year's figure's, over the year before it
        ("指标名称\t单位\t2031年完成\t2030年完成\t同比增长（%）", "6890", "5300"),
        ("指标名称\t单位\t2030年\t2031年\t增长（%）", "5300", "6890"),
    ],
)
def test_a_change_column_is_the_change_of_the_latest_year_s_figure(header: str, changed: str, unchanged: str) -> None:
    rows = "财政帮扶资金\t万元\t6890\t5300\t30.0\n实施帮扶项目\t个\t240\t200\t20.0\n"
    text = f"安和市对口帮扶白山州主要指标\n\n{header}\n{rows}"
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    by_text = {extraction.mentions[f.mention].text: f for f in extraction.facts}
    assert (by_text[changed].change_percent, by_text[changed].change_base_year) == (Decimal("30.0"), 2030)
    assert by_text[unchanged].change_percent is None


def test_a_plan_s_year_column_dates_no_figure() -> None:
    text = (
        "安和市对口帮扶白山州主要指标\n\n指标名称\t单位\t2031年完成\t2032年目标\n"
        "财政帮扶资金\t万元\t6890\t7000\n实施帮扶项目\t个\t240\t260\n"
    )
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    years = {extraction.mentions[f.mention].text: f.period.year for f in extraction.facts}
    assert years.get("6890") == 2031 and years.get("240") == 2031
    assert "7000" not in years and "260" not in years


# the cadres a donor has at their posts now: "目前" and a count right after their name with no verb of sending,
# or with "在乙县履职" after it, is a stock as of the report year; cadres sent ("目前已选派", "今年新选派") are not
# (F5, Z6)
CADRES_NOW = [
    (
        "安和援白山纪实\n\n　　目前，安和留在白山工作的援助干部人才53名。\n",
        [("53名", "53", "person", "cadres_seconded", ("as_of", 2031), "安和", "白山")],
    ),
    (
        "安和援白山纪实\n\n　　目前在白山履职的安和第六批援助干部人才共318名，今年新选派干部30名。\n",
        [
            ("318名", "318", "person", "cadres_seconded", ("as_of", 2031), "安和", "白山"),
            ("30名", "30", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山纪实\n\n　　目前安和援助干部人才一百五十一名分别在白山各县挂职。\n",
        [("一百五十一名", "151", "person", "cadres_seconded", ("as_of", 2031), "安和", "白山")],
    ),
    (
        "安和援白山纪实\n\n　　今年安和选派援助干部人才88名到白山工作。\n",
        [("88名", "88", "person", "cadres_seconded", ("year", 2031), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CADRES_NOW)
def test_cadres_at_their_posts_now_are_a_stock(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# a news page's allotment of the year ("今年…安排 N") followed by the progress made on it by a month ("截至6月底已拨付
# M", "截至10月底,已开工 M个,完成投资 K"): the allotment is the year's plan, unbound; the progress is that year's work
# (a flow of the year, not a stock as of a date), projects started and investment completed on them (F1, F5, Z5)
ALLOTMENT = [
    (
        "安和援白山进展顺利\n\n　　安和今年共安排白山援助资金17亿元。截至6月底，资金已拨付13亿元，拨付进度为七成多。\n",
        [
            ("17亿元", "1700000000", "CNY", None, None, None, None),
            ("13亿元", "1300000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山进展顺利\n\n"
        "　　安和今年在白山安排建设项目59个、资金9亿元；截至10月底，项目已开工51个，完成投资8.7亿元。\n",
        [
            ("59个", "59", "count", None, None, None, None),
            ("9亿元", "900000000", "CNY", None, None, None, None),
            ("51个", "51", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("8.7亿元", "870000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
        ],
    ),
    # an allotment with no progress reported on it, or one already in place, is the year's figure
    (
        "安和援白山进展顺利\n\n　　今年以来，安和安排援助资金17亿元，实施项目59个。\n",
        [
            ("17亿元", "1700000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("59个", "59", "count", "aid_projects", ("year", 2031), "安和", "白山"),
        ],
    ),
    # the investment completed by enterprises is theirs, and what stands by a month is a stock
    (
        "安和援白山进展顺利\n\n　　全年新落地安和企业29家，完成投资9.3亿元。截至11月底，已有41家安和企业落户白山。\n",
        [
            ("9.3亿元", "930000000", "CNY", "enterprise_investment", ("year", 2031), "安和", "白山"),
            ("41家", "41", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALLOTMENT)
def test_the_year_s_allotment_and_the_progress_made_on_it(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# cues of zh7's pages, each in a made-up sentence: talents engaged flexibly, teachers taught on the job, talents
# raised, groups come to inspect and match up, leaders' visits in times, a batch of cadres named before its count,
# natives of the recipient working in the donor's place, students sent to study there, techniques newly carried
# out, a share of the year's plan (no plan itself), a sector's value added (no GDP), and a pairing's full names
# between a start year and 以来 (F5, F7, Z5, Z6)
CUES = [
    ("白山全年柔性引进安和医疗专家270人次。", "270人次", "professionals_sent", ("year", 2031)),
    ("白山通过柔性引才引进安和教师一百六十人次。", "一百六十人次", "professionals_sent", ("year", 2031)),
    ("安和援派教师一对一带教白山教师三百四十名。", "三百四十名", "people_trained", ("year", 2031)),
    ("全年安和为白山培养医护骨干1700余人次。", "1700余人次", "people_trained", ("year", 2031)),
    ("安和商会到白山参观交流23批次。", "23批次", "delegations", ("year", 2031)),
    ("两地党政领导互访9次。", "9次", "leader_visits", ("year", 2031)),
    ("安和第三批援助干部人才92名于年内全部到岗。", "92名", "cadres_seconded", ("year", 2031)),
    ("截至2031年底，常年在安和务工的白山籍农民工1.6万人。", "1.6万人", "labour_transferred", ("as_of", 2031)),
    ("白山今年选送760名初中毕业生赴安和就学。", "760名", "students_supported", ("year", 2031)),
    ("安和医疗队为白山医院新开展临床技术45项。", "45项", "technologies_introduced", ("year", 2031)),
    ("安和拨付帮扶资金6亿元，占年度计划的63%，实施帮扶项目二百四十个。", "二百四十个", "aid_projects", ("year", 2031)),
    (
        "自2006年安和市与白山哈萨克自治州结成对口支援关系以来，安和先后派出干部人才370名。",
        "370名",
        "cadres_seconded",
        ("cumulative", 2006, 2031),
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "indicator", "period"), CUES, ids=[c[1] for c in CUES])
def test_cues_of_zh7(sentence: str, figure: str, indicator: str, period: tuple[object, ...]) -> None:
    extraction = read_report(f"安和援白山\n\n　　{sentence}\n", report_year=2031, donor="安和市", recipient="白山州")
    found = [
        (
            f.indicator,
            (f.period.kind, f.period.start_year, f.period.end_year)
            if f.period.kind == "cumulative"
            else (f.period.kind, f.period.year),
        )
        for f in extraction.facts
        if extraction.mentions[f.mention].text == figure
    ]
    assert (indicator, period) in found, found


def test_a_sector_s_value_added_is_no_gdp() -> None:
    text = (
        "白山州统计公报\n\n　　白山州全年实现地区生产总值300亿元。其中第一产业增加值61亿元、第二产业增加值120亿元。\n"
    )
    extraction = read_report(text, report_year=2031)
    bound = {extraction.mentions[f.mention].text: f.indicator for f in extraction.facts}
    assert bound.get("300亿元") == "gdp" and "61亿元" not in bound


def test_a_word_ending_in_a_place_s_first_character_hides_no_place() -> None:
    # "其中山东" is 其中 + 山东 (no 中山); "其中卫生院" names no 中卫
    from pairaid.core.extract.places_zh import find_places

    assert [p.name for p in find_places("全年投入资金3亿元,其中山东省级资金2亿元。")] == ["山东省"]
    assert [p.name for p in find_places("新建卫生室14个,其中卫生院5个。")] == []


def test_a_headline_s_region_aided_area_by_area_stands_for_the_areas_the_opening_names() -> None:
    # "甲省对口支援新疆工作…总结": the opening's prefecture (and its counties) is the recipient, not all Xinjiang
    text = (
        "安和省对口支援新疆工作前方指挥部2031年工作总结\n\n"
        "　　指挥部今年围绕阿克苏地区温宿县、乌什县两县开展帮扶。\n\n"
        "　　安和共投入援疆资金7.3亿元，建设项目49个。\n"
    )
    extraction = read_report(text, report_year=2031, donor="安和省")
    recipients = {f.recipient for f in extraction.facts}
    assert recipients and all(r is not None and "阿克苏" in r for r in recipients), recipients
