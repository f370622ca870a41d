"""Chinese facts (gold-format.md F1-F7, Z5-Z7): tables of made-up sentences, each figure with what it binds to.

Each row is a page (a pairing chapter between the made-up 安和 and 白山, report year 2019) and, for each of
its figures in order, ``(span text, value, unit, indicator, change)``: ``indicator`` is ``None`` for a
figure left unbound, ``change`` the growth rate set on its fact (``None`` when none).  Traditional and
garbled rows show the same readings on the page as written.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.numbers import format_decimal

Row = tuple[str, str, str, str | None, str | None]


def _facts(text: str) -> list[Row]:
    extraction = read_report(text, report_year=2019, donor="安和", recipient="白山")
    bound = {f.mention: f for f in extraction.facts}
    out: list[Row] = []
    for i, m in enumerate(extraction.mentions):
        assert text[m.start : m.end] == m.text
        fact = bound.get(i)
        change = format_decimal(fact.change_percent) if fact and fact.change_percent is not None else None
        out.append((m.text, format_decimal(m.value), m.unit, fact.indicator if fact else None, change))
    return out


CUES = [  # indicators named by their words (F2, F7, F8)
    ("2019年,安和向白山投入援助资金3000万元。", [("3000万元", "30000000", "CNY", "aid_funds", None)]),
    ("安和向白山拨付财政援助资金1.2亿元。", [("1.2亿元", "120000000", "CNY", "government_aid_funds", None)]),
    ("安和无偿援助白山资金500万元。", [("500万元", "5000000", "CNY", "grant_funds", None)]),
    ("安和社会各界捐款捐物折合800多万元。", [("800多万元", "8000000", "CNY", "social_donations", None)]),
    ("安和为白山培训贫困劳动力3600人次。", [("3600人次", "3600", "person_time", "people_trained", None)]),
    ("安和选派党政干部45名到白山挂职。", [("45名", "45", "person", "cadres_seconded", None)]),
    ("安和在白山援建学校5所。", [("5所", "5", "count", "schools", None)]),
    ("项目建成后,受益群众2.6万人。", [("2.6万人", "26000", "person", "beneficiaries", None)]),
    # the donor's aid by level: the province's own level is aid, the recipient's own budget is not (Z5)
    (
        "安和安排援藏资金2.7亿元。其中,省本级财政资金2.1亿元,对口市资金6000万元。",
        [
            ("2.7亿元", "270000000", "CNY", "aid_funds", None),
            ("2.1亿元", "210000000", "CNY", "government_aid_funds", None),
            ("6000万元", "60000000", "CNY", "aid_funds", None),
        ],
    ),
    ("白山县本级财政安排配套资金300万元。", [("300万元", "3000000", "CNY", None, None)]),
    # labour transferred and local jobs listed after one total
    (
        "白山劳动力实现就业2.1万人,其中转移到安和等地1700人、就近就业1.3万人。",
        [
            ("2.1万人", "21000", "person", "jobs", None),
            ("1700人", "1700", "person", "labour_transferred", None),
            ("1.3万人", "13000", "person", "jobs", None),
        ],
    ),
    # a stray space between the noun and its figure, as noisy pages have them
    (
        "安和安排援疆资金 1.35亿元 ，，实施援疆项目 120个。。",
        [("1.35亿元", "135000000", "CNY", "aid_funds", None), ("120个", "120", "count", "aid_projects", None)],
    ),
    # a statistical note's lines: the figure after a heading and its colon counts what the heading names
    (
        "3.实施帮扶项目:240个,受益贫困人口6.5万人。",
        [("240个", "240", "count", "aid_projects", None), ("6.5万人", "65000", "person", "beneficiaries", None)],
    ),
    (
        "4．挂职干部（年末在岗）：45人；专业技术人才：190人。",
        [("45人", "45", "person", "cadres_seconded", None), ("190人", "190", "person", "professionals_sent", None)],
    ),
    # a list sharing its verb: the outcome after the trainees is no training
    (
        "安和为白山培训致富带头人600人、创业成功210人。",
        [("600人", "600", "person", "people_trained", None), ("210人", "210", "person", None, None)],
    ),
]

PLANS = [  # Z5 and F1: plans, targets, allocations and announcements stay unbound
    ("明年安和将向白山投入资金600万元。", [("600万元", "6000000", "CNY", None, None)]),
    ("安和计划在白山新建学校12所。", [("12所", "12", "count", None, None)]),
    ("力争带动就业3000人。", [("3000人", "3000", "person", None, None)]),
    ("按每县300万元的标准安排资金。", [("300万元", "3000000", "CNY", None, None)]),
    (
        "两地敲定合作项目8个,总投资12亿元。",
        [("8个", "8", "count", None, None), ("12亿元", "1200000000", "CNY", None, None)],
    ),
    ("会上启动了总投资5亿元的产业园建设项目。", [("5亿元", "500000000", "CNY", None, None)]),
    # an allocation plan handed down governs the clauses after its ";" (a Chinese sentence ends there)
    (
        "日前,安和下达今年对口支援白山投资计划,安排项目12个;另安排项目8个、资金900万元。",
        [
            ("12个", "12", "count", None, None),
            ("8个", "8", "count", None, None),
            ("900万元", "9000000", "CNY", None, None),
        ],
    ),
    # funds and projects settled: the next sentence lists what was allotted
    (
        "今年安和支援白山的资金和项目全部敲定。帮扶资金共计3000万元,其中产业项目1800万元。",
        [("3000万元", "30000000", "CNY", None, None), ("1800万元", "18000000", "CNY", None, None)],
    ),
    # money in place is no plan
    ("资金和项目全部到位。帮扶资金共计3000万元。", [("3000万元", "30000000", "CNY", "aid_funds", None)]),
]

GROWTH = [  # Z7: a rate on the figure it qualifies; yearly averages and absolute increases stay unbound
    (
        "2019年,白山县生产总值达到85亿元,比上年增长8.5%。",
        [("85亿元", "8500000000", "CNY", "gdp", "8.5"), ("8.5%", "8.5", "percent", None, None)],
    ),
    (
        "销售白山农产品3.2亿元,同比增长45%。",
        [("3.2亿元", "320000000", "CNY", "consumption_assistance", "45"), ("45%", "45", "percent", None, None)],
    ),
    ("安和消费帮扶金额达1.8亿元,是2018年的1.5倍。", [("1.8亿元", "180000000", "CNY", "consumption_assistance", "50")]),
    ("近三年,白山农民人均纯收入年均增长12%。", [("12%", "12", "percent", None, None)]),
    ("帮扶资金较上年增加300万元。", [("300万元", "3000000", "CNY", None, None)]),
]

TRADITIONAL_AND_GARBLED = [  # the same readings on the page as written
    ("安和向白山撥付財政援助資金1.2億元。", [("1.2億元", "120000000", "CNY", "government_aid_funds", None)]),
    ("安和無償援助白山資金500萬(wàn)元。", [("500萬(wàn)元", "5000000", "CNY", "grant_funds", None)]),
    ("安和在白山援建學校5所(suǒ)。", [("5所(suǒ)", "5", "count", "schools", None)]),
    ("明年安和將向白山投入資金600萬元。", [("600萬元", "6000000", "CNY", None, None)]),
    (
        "白山縣生產總值達到85億元,比上年增長8.5%。",
        [("85億元", "8500000000", "CNY", "gdp", "8.5"), ("8.5%", "8.5", "percent", None, None)],
    ),
    (
        "兩地敲定合作項目8個,總投資12億元。",
        [("8個", "8", "count", None, None), ("12億元", "1200000000", "CNY", None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUES)
def test_cues(text: str, expected: list[Row]) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), PLANS)
def test_plans_and_allocations_stay_unbound(text: str, expected: list[Row]) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), GROWTH)
def test_growth(text: str, expected: list[Row]) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL_AND_GARBLED)
def test_traditional_and_garbled(text: str, expected: list[Row]) -> None:
    assert _facts(text) == expected


TABLES = [  # tables as pages give them: a unit column, or the unit in brackets in a column's header
    (
        "2019年主要指标\n指标 | 单位 | 数值\n帮扶资金 | 万元 | 1500\n援建学校 | 所 | 6\n培训人员 | 人次 | 3200\n",
        [
            ("1500", "15000000", "CNY", "aid_funds", None),
            ("6", "6", "count", "schools", None),
            ("3200", "3200", "person_time", "people_trained", None),
        ],
    ),
    (
        "指标\t单位\t2019年\n援助资金\t亿元\t3.2\n选派干部\t人\t120\n",
        [("3.2", "320000000", "CNY", "aid_funds", None), ("120", "120", "person", "cadres_seconded", None)],
    ),
    (  # the unit in the header: the cells are figures, though no words around them say of what
        "县市 | 帮扶资金(万元) | 项目(个)\n安和县 | 800 | 12\n白山县 | 600 | 9\n",
        [
            ("800", "8000000", "CNY", None, None),
            ("12", "12", "count", None, None),
            ("600", "6000000", "CNY", None, None),
            ("9", "9", "count", None, None),
        ],
    ),
    (  # regression: the next line's 乙 is no grade ("二甲医院") of a number ending its line
        "县市 | 项目(个) | 学校(所)\n甲县 | 12 | 3\n乙县 | 9 | 2\n",
        [
            ("12", "12", "count", None, None),
            ("3", "3", "count", None, None),
            ("9", "9", "count", None, None),
            ("2", "2", "count", None, None),
        ],
    ),
    (  # cells split by ideographic spaces, thousands in commas, the unit in full-width brackets, a total row
        "表1\u30002019年安和对口帮扶白山分县情况\n县\u3000财政援助资金（万元）\u3000转移就业（人）\n"
        "临西县\u300012,500\u30001,350\n和平县\u30008,200\u3000960\n合计\u300020,700\u30002,310\n",
        [
            ("12,500", "125000000", "CNY", "government_aid_funds", None),
            ("1,350", "1350", "person", "labour_transferred", None),
            ("8,200", "82000000", "CNY", "government_aid_funds", None),
            ("960", "960", "person", "labour_transferred", None),
            ("20,700", "207000000", "CNY", "government_aid_funds", None),
            ("2,310", "2310", "person", "labour_transferred", None),
        ],
    ),
    # a column with no unit gives no figures; navigation with bars stays page furniture
    ("序号\u3000名称\u3000金额\n1\u3000临西县\u30001,300\n2\u3000和平县\u30002,500\n", []),
    ("序号  项目名称  投资额\n1  安和县学校  300\n2  白山县医院  250\n", []),
    ("首页 | 新闻 | 图片 | 视频\n第1页 | 2 | 3 | 下一页\n", []),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_tables_with_a_unit_column_or_header(text: str, expected: list[Row]) -> None:
    assert _facts(text) == expected
