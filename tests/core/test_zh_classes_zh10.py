"""Classes of error of blind set zh10 (issue 9), each as made-up pages in the row format of
``test_facts_zh_classes.py``: a figure's span, value, unit, indicator, period and places.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# a dash standing for no figure in a table of years ("—", ``blank_cells`` of the Chinese words.yaml): the row is
# still a row, its other cells keep their years and units; the column totalling a row's years ("合计") is read by its
# row's label like its years' cells, cumulative over all the table's years, a blank one too (F3, F5, Z1, Z2)
BLANK_CELLS = [
    (
        "安和对口帮扶白山主要指标(2030—2032年)\n\n指标名称 单位 2030年 2031年 2032年 合计\n"
        "安和财政帮扶资金 万元 1200 1500 1800 4500\n"
        "选派挂职干部 人 7 9 11 —\n"
        "消费帮扶金额 万元 — 640 960 1600\n",
        [
            ("1500", "15000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("9", "9", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
            ("11", "11", "person", "cadres_seconded", ("year", 2032), "安和", "白山"),
            ("640", "6400000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
            ("1600", "16000000", "CNY", "consumption_assistance", ("cumulative", 2030, 2032), "安和", "白山"),
        ],
    ),
    (
        "安和援白山统计表\n\n项目  单位  2031年  2032年\n培训人才  人次  —  820\n引进企业  家  6  /\n",
        [
            ("820", "820", "person_time", "people_trained", ("year", 2032), "安和", "白山"),
            ("6", "6", "count", "enterprises", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", BLANK_CELLS)
def test_a_dash_cell_keeps_its_row_in_the_table(text: str, expected: list[Figure]) -> None:
    _check(text, 2032, "安和市", "白山州", expected)


@pytest.mark.parametrize(
    "text",
    [
        "安和援白山统计表\n\n项目  单位  2031年  2032年\n培训人才  人次  —  —\n引进企业  家  —  /\n",
    ],
)
def test_rows_of_dashes_only_give_no_figures(text: str) -> None:
    extraction = read_report(text, report_year=2032, donor="安和市", recipient="白山州")
    assert [m.text for m in extraction.mentions] == []


# a table of bars under a heading that lists one unit per column ("(单位:万元,个)"): its header of words alone is no
# navigation when a row of bars with a number follows, and each column takes its own unit in order (Z1, Z2)
BAR_TABLES = [
    (
        "安和援白山工作说明\n\n  一、总体情况。2031年安和安排白山援助资金1.5亿元。\n  二、分县情况(单位:万元,个)\n"
        "  县市 | 援助资金 | 项目数\n  东乡县 | 5200 | 7\n  西乡县 | 6100 | 9\n  合计 | 11300 | 16\n  三、其他情况。\n",
        [
            ("5200", "52000000", "CNY", "aid_funds", ("year", 2031), "安和", "东乡县"),
            ("11300", "113000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("9", "9", "count", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", BAR_TABLES)
def test_a_bar_table_under_a_list_of_units(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


@pytest.mark.parametrize(
    "text",
    [
        "甲网\n\n首页 | 新闻 | 图片 | 视频\n国内 | 国际 | 社会 | 评论\n\n  2031年,安和援建学校3所。\n",
        "甲网\n\n首页 | 新闻 | 图片 | 视频\n\n  2031年,安和援建学校3所。\n",
    ],
)
def test_navigation_stays_navigation(text: str) -> None:
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    assert [m.text for m in extraction.mentions] == ["3所"]
