"""Classes of error found on the Chinese blind set zh6 (issue 9), each as made-up pages: a figure's span, value,
unit, indicator, period and places, in the row format of ``test_facts_zh_classes.py``.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

import pytest

from tests.core.test_facts_zh_classes import Figure, _check

# a news page whose report text opens on the year before the report year ("2031年,…", or after a reporter's
# lead "记者从…获悉,2031年,…"): its figures with no period of their own are of that year (F5, Z6); a plan of
# the report year keeps its own year, and a page that opens on its own year or on a date is unchanged
OPENING_YEAR = [
    (
        "安和白山协作再上台阶\n\n2031年,安和市向白山县投入财政援助资金3.2亿元,实施项目146个。\n\n"
        "人才交流方面,安和选派挂职干部48人、专业技术人才260人。\n\n"
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
