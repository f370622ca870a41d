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


# a row "其中:赴…务工" counts people who went to a place: it names no receiver, the row keeps the page's (F9)
DESTINATION_ROWS = [
    (
        "白山州2031年东西部协作主要数据\n\n序号  指标            单位    数值\n1     转移就业        人      4100\n"
        "      其中:赴江苏务工  人      1300\n2     引进企业        家      12\n",
        [
            ("4100", "4100", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("1300", "1300", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DESTINATION_ROWS)
def test_a_row_of_people_gone_to_a_place_keeps_the_pages_receiver(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


@pytest.mark.parametrize(("text", "expected"), INDICATOR_TABLES)
def test_a_numbered_table_of_indicators_reads_each_row_by_its_label(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    assert not [m.text for m in extraction.mentions if m.value < 6], "a list number is no figure"


# periods carried from context (F5, Z6): a period that opens a clause after a comma ("…结对,三年来累计…;") governs the
# later clauses of its sentence split by ";" too; "截至…累计…;" sums the clauses after ";" as well, from the pairing's
# start year, computed from "YEAR年是…的第N年" or "进入第N年"; "至年底" is the end of the report year; firms in a park
# counted with 累计 are a stock; a span in brackets right after a figure ("18亿元(2029—2031年)") is its period; a total
# row of a table ("合计") sums the rows, not the years of a cumulative period the page named before
PERIODS = [
    (
        "安和援白山工作总结\n\n　　2029年以来,安和累计向白山投入援助资金5亿元。\n"
        "　　安和与白山两地结对帮扶,三年来共派出挂职干部80名;安和企业到白山投资45家,到位资金12亿元;"
        "组织白山劳动力转移就业2.1万人。\n　　今年安和向白山投入援助资金1.2亿元。\n",
        [
            ("80名", "80", "person", "cadres_seconded", ("cumulative", 2029, 2031), "安和", "白山"),
            ("12亿元", "1200000000", "CNY", "enterprise_investment", ("cumulative", 2029, 2031), "安和", "白山"),
            ("2.1万人", "21000", "person", "labour_transferred", ("cumulative", 2029, 2031), "安和", "白山"),
            ("1.2亿元", "120000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "【安白协作】 2031年是安和市与白山州开展对口协作的第四年。当年安和拨付白山援助资金3000万元。\n"
        "　　到2031年底,两地共签约经济合作项目60个,签约金额30亿元;安和在白山兴办企业25家。\n",
        [
            ("3000万元", "30000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("30亿元", "3000000000", "CNY", "contract_value", ("cumulative", 2028, 2031), "安和", "白山"),
            ("25家", "25", "count", "enterprises", ("cumulative", 2028, 2031), "安和", "白山"),
        ],
    ),
    (
        "2031年,安和市援助白山州步入第三年。\n　　至年底,安和为白山累计投入援助资金18亿元(2029—2031年)。\n"
        "　　安白产业园当年新引进企业12家,园区累计入驻企业已达40家。\n",
        [
            ("18亿元", "1800000000", "CNY", "aid_funds", ("cumulative", 2029, 2031), "安和", "白山"),
            ("12家", "12", "count", "enterprises", ("year", 2031), "安和", "白山"),
            ("40家", "40", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山\n\n　　2029年3月以来,安和共投入援建资金60亿元,列入规划的210个援建项目均已建成投用。\n",
        [("210个", "210", "count", "aid_projects", ("cumulative", 2029, 2031), "安和", "白山")],
    ),
    (
        "安和援白山\n\n　　2029年以来,安和累计投入援助资金9亿元。\n\n2031年安和援白山项目资金安排\n单位:万元\n"
        "类别          援助资金\n学校建设      3000\n医院建设      2000\n合计          5000\n",
        [
            ("9亿元", "900000000", "CNY", "aid_funds", ("cumulative", 2029, 2031), "安和", "白山"),
            ("3000", "30000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("5000", "50000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_periods_carried_from_their_context(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# figures no rule bound, read by their counted noun (Z2): a quoted name before the number is what it counts
# ("援建“…希望小学”N所"), and one between the counter and the noun qualifies that noun ("N所“…共建”幼儿园",
# "N名“组团式”援…教师"); projects agreed and carried out (落实); firms abbreviated to 企 ("N家安企"); projects of
# economic and technical cooperation are no technologies; a count of firms and other groups together stays unbound
COUNTED_NOUNS = [
    (
        "安和援白山工作总结\n\n　　2031年,安和援建“安白希望小学”12所,并资助贫困学生800名。"
        "双方议定的52个协作项目均已落实。\n"
        "　　安和另有8所“安白共建”幼儿园于9月交付使用。今年到岗的210名“组团式”援白教师分布在白山各校。\n"
        "　　安和160家企业、商会结对帮扶白山200个村。全年引导96家安企到白山投资兴业。"
        "两地新签经济技术合作项目75项。\n",
        [
            ("12所", "12", "count", "schools", ("year", 2031), "安和", "白山"),
            ("52个", "52", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("8所", "8", "count", "schools", ("year", 2031), "安和", "白山"),
            ("210名", "210", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
            ("160家", "160", "count", None, None, None, None),
            ("96家", "96", "count", "enterprises", ("year", 2031), "安和", "白山"),
            ("75项", "75", "count", "cooperation_projects", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_NOUNS)
def test_figures_read_by_their_counted_noun(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# a word of a sum opening a sentence ("安和先后选派…;援建…") sums its later clauses split by ";" too, over the last
# period the page opened (F5); projects the donor's firms invested in are cooperation projects; the fixed-asset
# investment of a park's enterprises is enterprise investment; cadres received to train in posts are exchanges (F7)
SUMS_AND_CUES = [
    (
        "安和援白山\n\n　　2028年到2031年9月,安和共为白山安排援助资金22亿元。\n"
        "　　安和先后派出挂职干部380名,举办培训班培训白山人才1.6万人次;新建中小学17所;"
        "安和企业到白山投资的项目有42个,到位资金31亿元。\n",
        [
            ("380名", "380", "person", "cadres_seconded", ("cumulative", 2028, 2031), "安和", "白山"),
            ("17所", "17", "count", "schools", ("cumulative", 2028, 2031), "安和", "白山"),
            ("42个", "42", "count", "cooperation_projects", ("cumulative", 2028, 2031), "安和", "白山"),
            ("31亿元", "3100000000", "CNY", "enterprise_investment", ("cumulative", 2028, 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山\n\n　　2031年,安白产业园内的企业完成固定资产投资7.2亿元。"
        "白山选派挂职干部到安和各部门锻炼85人次。\n",
        [
            ("7.2亿元", "720000000", "CNY", "enterprise_investment", ("year", 2031), "安和", "白山"),
            ("85人次", "85", "person_time", "personnel_exchanges", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUMS_AND_CUES)
def test_sums_opening_a_sentence_and_cues(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# "自YEAR年开展对口帮扶以来,截至YEAR年底,甲市累计…;…": the pairing's start year; the clauses after ";" sum since then
SINCE_THE_START = [
    (
        "安和援白山\n\n　　2031年,安和向白山提供援助资金800万元。\n"
        "　　自2021年开展对口帮扶以来,至2031年底,安和累计向白山提供援助资金1.9亿元;援建希望小学二十三所。\n",
        [
            ("1.9亿元", "190000000", "CNY", "aid_funds", ("cumulative", 2021, 2031), "安和", "白山"),
            ("二十三所", "23", "count", "schools", ("cumulative", 2021, 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SINCE_THE_START)
def test_the_pairings_start_carried_over_a_semicolon(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# the place that writes a verb of pairing after it in the opening ("甲市继续对口支援乙区和丙州") gives, though the page
# names a place it aids more often, of the same level of need as the giver (F9, Z8); real areas, made-up sentences
OPENING_GIVER = [
    (
        "【对口协作】 2031年,天津市持续对口帮扶湖北省十堰市郧阳区与甘肃省甘南藏族自治州。当年共拨付无偿帮扶资金"
        "5000万元:支援郧阳区2000万元,支援甘南州3000万元。\n　　天津为郧阳区培训干部300人次。\n",
        {"5000万元": "天津市", "2000万元": "天津市", "3000万元": "天津市"},
    ),
]


@pytest.mark.parametrize(("text", "donors"), OPENING_GIVER)
def test_the_place_before_a_verb_of_pairing_gives(text: str, donors: dict[str, str]) -> None:
    extraction = read_report(text, report_year=2031)
    found = {extraction.mentions[f.mention].text: f.donor for f in extraction.facts}
    assert {k: found.get(k) for k in donors} == donors
