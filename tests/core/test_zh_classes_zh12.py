"""Classes of error of Chinese pages never seen (issue 9: the classes blind set zh12's first reading missed, told in
words), each as made-up pages in the row format of ``test_facts_zh_classes.py``: a figure's span, value, unit,
indicator, period and places.  Every page and figure is made up; none is a sentence or table line of a report.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# a table of indicators whose first column numbers its rows, with a column of units and a column of values whose
# header names no kind ("数值", "完成数"): each row's label says what its figure is, in the unit of its row; the list
# numbers are no figures (Z4), and a row "其中:…" is a part of the row above it (F3)
INDICATOR_TABLES = [
    (
        "安和市对口协作白山州2031年工作成效一览\n\n"
        "序号  项目名称            计量单位   数值\n"
        "1     援助资金            万元       5200\n"
        "2     援建学校            所         12\n"
        "3     培训乡村医生        人次       640\n"
        "4     组织劳务输出        人         3100\n"
        "      其中:到安和务工    人         900\n"
        "5     引进企业            家         17\n",
        [
            ("5200", "52000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("12", "12", "count", "schools", ("year", 2031), "安和", "白山"),
            ("640", "640", "person_time", "people_trained", ("year", 2031), "安和", "白山"),
            ("3100", "3100", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("900", "900", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("17", "17", "count", "enterprises", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "白山州2031年东西部协作主要数据\n\n"
        "序号\t指标\t单位\t完成值\n1\t帮扶资金\t亿元\t2.6\n2\t实施项目\t个\t88\n3\t消费帮扶\t万元\t9100\n",
        [
            ("2.6", "260000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("88", "88", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("9100", "91000000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDICATOR_TABLES)
def test_a_numbered_table_of_indicators_reads_each_row_by_its_label(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    assert not [m.text for m in extraction.mentions if m.value < 6], "a list number is no figure"
