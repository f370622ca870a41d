"""Classes of error found on the Chinese blind set zh6 (issue 9), each as made-up pages: a figure's span, value,
unit, indicator, period and places, in the row format of ``test_facts_zh_classes.py``.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# a news page whose report text opens on the year before the report year ("2031年,…", or after a reporter's
# lead "记者从…获悉,2031年,…"): its figures with no period of their own, and its whole year (全年), are of that
# year (F5, Z6); a plan of the report year keeps its own year, and a page that opens on its own year or on a date
# is unchanged
OPENING_YEAR = [
    (
        "安和白山协作再上台阶\n\n2031年,安和市向白山县投入财政援助资金3.2亿元,实施项目146个。\n\n"
        "人才交流方面,安和全年选派挂职干部48人、专业技术人才260人。\n\n"
        "产业合作方面,引导52家安和企业到白山投资,实际到位资金12.5亿元。\n",
        2032,
        "安和市",
        "白山县",
        [
            ("3.2亿元", "320000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("48人", "48", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
            ("52家", "52", "count", "enterprises", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和白山协作结硕果\n\n记者从2月3日召开的安和白山协作联席会议上获悉,2031年,安和市向白山县投入财政帮扶资金"
        "2.6亿元,实施扶贫项目310个。\n两地共建产业园区9个,带动8600名贫困人口就业。\n"
        "会议提出,2032年安和计划投入帮扶资金3亿元以上。\n",
        2032,
        "安和市",
        "白山县",
        [
            ("2.6亿元", "260000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("8600名", "8600", "person", "jobs", ("year", 2031), "安和", "白山"),
            ("3亿元", "300000000", "CNY", None, None, None, None),
        ],
    ),
    # a page that opens on its own year, or on history years before, keeps the report year
    (
        "安和白山协作纪实\n\n2032年,安和市向白山县投入财政援助资金3.2亿元。\n\n安和选派挂职干部48人。\n",
        2032,
        "安和市",
        "白山县",
        [("48人", "48", "person", "cadres_seconded", ("year", 2032), "安和", "白山")],
    ),
    (
        "安和白山协作纪实\n\n2026年,两地结成对口帮扶关系,安和当年投入资金600万元。\n\n安和今年选派挂职干部48人。\n",
        2032,
        "安和市",
        "白山县",
        [("48人", "48", "person", "cadres_seconded", ("year", 2032), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), OPENING_YEAR)
def test_opening_year(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)


# a table whose unit stands on a line of its own between its title and its header ("单位:万元"): the title is
# its caption too (what its columns are of); a column headed "其中:…" holds parts of the cell before it in the
# row, taking its indicator; a notes' "N年…以来,截至N年底,…累计" sums from the first year to the second (F3, Z1, Z6)
TABLE_PARTS = [
    (
        "安和市对口帮扶白山州三县2033年帮扶项目资金安排表\n\n单位:万元\n\n"
        "县别\u3000项目数(个)\u3000帮扶资金\u3000其中:产业项目资金\n"
        "临西县\u300012\u30004200\u30002600\n和平县\u30009\u30003100\u30001800\n"
        "合计\u300021\u30007300\u30004400\n\n"
        "说明:\n1. 2021年新一轮结对以来,截至2033年底,安和累计投入帮扶资金超过28亿元,实施项目600余个。\n",
        2033,
        "安和市",
        None,
        [
            ("12", "12", "count", "aid_projects", ("year", 2033), "安和", "临西县"),
            ("4200", "42000000", "CNY", "aid_funds", ("year", 2033), "安和", "临西县"),
            ("2600", "26000000", "CNY", "aid_funds", ("year", 2033), "安和", "临西县"),
            ("1800", "18000000", "CNY", "aid_funds", ("year", 2033), "安和", "和平县"),
            ("28亿元", "2800000000", "CNY", "aid_funds", ("cumulative", 2021, 2033), "安和", None),
            ("600余个", "600", "count", "aid_projects", ("cumulative", 2021, 2033), "安和", None),
        ],
    ),
    # the unit line alone, with no column headed "其中", binds no part; a stock after 以来,截至 is a stock
    (
        "安和市对口帮扶白山州三县2033年帮扶项目资金安排表\n\n单位:万元\n\n"
        "县别\u3000项目数(个)\u3000帮扶资金\n临西县\u300012\u30004200\n和平县\u30009\u30003100\n\n"
        "2021年新一轮结对以来,截至2033年底,在白山投资的安和企业达到52家。\n",
        2033,
        "安和市",
        None,
        [
            ("9", "9", "count", "aid_projects", ("year", 2033), "安和", "和平县"),
            ("3100", "31000000", "CNY", "aid_funds", ("year", 2033), "安和", "和平县"),
            ("52家", "52", "count", "enterprises", ("as_of", 2033), "安和", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), TABLE_PARTS)
def test_table_unit_line_and_part_column(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)
    parts = {
        e.mentions[f.mention].text: e.mentions[e.facts[f.part_of].mention].text
        for e in [read_report(text, report_year=year, donor=donor)]
        for f in e.facts
        if f.part_of is not None
    }
    if "其中" in text:
        assert parts["2600"] == "4200"
        assert parts["1800"] == "3100"
    else:
        assert not any(k in ("4200", "3100") and v in ("4200", "3100") for k, v in parts.items())
