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


# cue phrasings of zh6's misses, each made up: work away from home named after the figure (赴/到…就业), work found
# (实现就业), a part after 其中 taking its whole's indicator, professionals named before the figure or arriving,
# enterprises paired with villages, health institutions listed, households whose income rose, society's money
# listed after fiscal money, and a count of workshops that is no count of jobs (F2, F3, F7, F8)
CUES = [
    (
        "安和市对口帮扶白山县工作简报\n\n安和全年组织白山青年640名赴安和就业。白山9800名贫困人口通过安和帮扶实现就业,"
        "其中到安和就业1200人。安和派来的教师、医生等专业技术人才将近三百名。安和120名援派教师今年9月抵达白山。"
        "安和的600多家企业与白山900多个贫困村开展结对帮扶。全年安和援建学校9所、医疗卫生机构14个。"
        "安和采购白山农产品3.2亿元,带动2万多户贫困户增收。安和投入帮扶资金2.4亿元,其中财政资金2亿元、"
        "社会帮扶资金4000万元。安和援建的300个扶贫车间今年吸纳就业5000人。\n",
        2031,
        "安和市",
        "白山县",
        [
            ("640名", "640", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("9800名", "9800", "person", "jobs", ("year", 2031), "安和", "白山"),
            ("1200人", "1200", "person", "jobs", ("year", 2031), "安和", "白山"),
            ("三百名", "300", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
            ("120名", "120", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
            ("600多家", "600", "count", "enterprises", ("year", 2031), "安和", "白山"),
            ("14个", "14", "count", "health_facilities", ("year", 2031), "安和", "白山"),
            ("2万多户", "20000", "household", "households_benefited", ("year", 2031), "安和", "白山"),
            ("2亿元", "200000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("4000万元", "40000000", "CNY", "social_donations", ("year", 2031), "安和", "白山"),
            ("300个", "300", "count", None, None, None, None),
            ("5000人", "5000", "person", "jobs", ("year", 2031), "安和", "白山"),
        ],
    ),
    # a part of labour sent away after 其中 stays labour sent away (its whole's)
    (
        "安和市对口帮扶白山县工作简报\n\n安和帮助白山转移就业3000人,其中到安和就业1800人。\n",
        2031,
        "安和市",
        "白山县",
        [("1800人", "1800", "person", "labour_transferred", ("year", 2031), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), CUES)
def test_cues(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)


# a goal the work serves ("紧扣…目标,") is no plan; the base of a comparison ("比去年增长") dates no figure; a word
# of a footer in a sentence ("一个电话就…。") makes no footer line, while a footer's label ("联系电话:") does
# (F1, Z4, Z5, Z7)
WORDS = [
    (
        "安和市援助白山县工作纪实\n\n今年以来,安和紧扣脱贫攻坚目标,向白山投入援助资金9.4亿元,实施援助项目86个。"
        "安和共安排对口帮扶白山资金3.8亿元,比去年增长12.5%,实施项目410个。\n\n"
        "安和帮助销售白山农产品2.7亿元。“以前核桃卖不掉,现在打一个电话就有人来收。”乙村果农说,他家9亩核桃园今年"
        "收入接近6万元。\n\n制表:安和市援助办  联系电话:0571-1234567\n",
        2031,
        "安和市",
        "白山县",
        [
            ("9.4亿元", "940000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("86个", "86", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("410个", "410", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("2.7亿元", "270000000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
            ("9亩", "9", "mu", None, None, None, None),
            ("6万元", "60000", "CNY", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), WORDS)
def test_goals_bases_and_footer_words(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)
    found = read_report(text, report_year=year, donor=donor, recipient=recipient)
    assert not any("1234567" in m.text for m in found.mentions)


# a page whose opening names a province aided area by area (Qinghai, Tibet, Xinjiang) and no area within it gives
# that province as the recipient of its figures that name no place (F9, Z8); it gave none
PLACES = [
    (
        "【甲青协作】\u30002031年,安和省落实对口帮扶青海资金2.7亿元,实施项目64个。安和选派十九名干部赴青海挂职。"
        "举办干部人才培训班15期,培训二千六百人次。\n",
        2031,
        "安和省",
        None,
        [
            ("15期", "15", "count", "training_courses", ("year", 2031), "安和", "青海"),
            ("二千六百人次", "2600", "person_time", "people_trained", ("year", 2031), "安和", "青海"),
        ],
    ),
]


# a page whose title names a prefecture and whose opening lists the counties the donor aids right after the verb
# ("对口支援疏勒、英吉沙、岳普湖、麦盖提四县") gives those counties to its figures that name no place; with the
# prefecture written before the list ("对口支援喀什地区疏勒、英吉沙…") the prefecture stays (F9, Z8)
PLACES += [
    (
        "江苏省对口支援新疆伊犁州2031年工作总结\n\n2031年,江苏省对口支援霍城、察布查尔、尼勒克三县援疆资金"
        "6.2亿元。全年新建中小学12所,改造农村安居房2600套。\n",
        2031,
        None,
        None,
        [
            ("12所", "12", "count", "schools", ("year", 2031), "江苏省", "霍城、察布查尔、尼勒克"),
            ("2600套", "2600", "count", "houses", ("year", 2031), "江苏省", "霍城、察布查尔、尼勒克"),
        ],
    ),
    (
        "江苏省对口支援新疆伊犁州2031年工作总结\n\n2031年,江苏省对口支援伊犁州霍城、察布查尔、尼勒克三县援疆资金"
        "6.2亿元。全年新建中小学12所,改造农村安居房2600套。\n",
        2031,
        None,
        None,
        [("12所", "12", "count", "schools", ("year", 2031), "江苏省", "伊犁州")],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), PLACES)
def test_places(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)
