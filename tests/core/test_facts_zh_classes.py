"""Classes of error found on a Chinese blind set, each as made-up pages: a figure's span, value, unit,
indicator, period and places.

Each row is a page, its report year, the donor and recipient the caller gives (``None``: read from the page),
and for some of its figures ``(span text, value, unit, indicator, period, donor, recipient)``; ``period`` is
``("year", Y)``, ``("as_of", Y)`` or ``("cumulative", A, B)``, and an indicator of ``None`` leaves the figure
unbound.  Every page and figure is made up.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.numbers import format_decimal

Figure = tuple[str, str, str, str | None, tuple[object, ...] | None, str | None, str | None]


def _figures(text: str, year: int, donor: str | None, recipient: str | None) -> dict[str, list[Figure]]:
    extraction = read_report(text, report_year=year, donor=donor, recipient=recipient)
    facts: dict[int, list[object]] = {}
    for f in extraction.facts:
        facts.setdefault(f.mention, []).append(f)
    out: dict[str, list[Figure]] = {}
    for i, m in enumerate(extraction.mentions):
        assert text[m.start : m.end] == m.text
        value, unit = format_decimal(m.value), m.unit
        rows = out.setdefault(m.text, [])
        for f in facts.get(i, [None]):
            if f is None:
                rows.append((m.text, value, unit, None, None, None, None))
                continue
            p = f.period  # type: ignore[attr-defined]
            period = (p.kind, p.start_year, p.end_year) if p.kind == "cumulative" else (p.kind, p.year)
            rows.append((m.text, value, unit, f.indicator, period, f.donor, f.recipient))  # type: ignore[attr-defined]
    return out


def _same(a: Figure, b: Figure) -> bool:
    """Equal figures, places compared as the scorer does (one name within the other: 积石山 and 积石山县)."""
    places = all(
        x == y or (x is not None and y is not None and (x in y or y in x)) for x, y in zip(a[5:], b[5:], strict=True)
    )
    return a[:5] == b[:5] and places


def _check(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    found = _figures(text, year, donor, recipient)
    for figure in expected:
        assert any(_same(figure, f) for f in found.get(figure[0], [])), (figure, found.get(figure[0]))


# a table whose first column numbers its rows, with a total row that leaves that column blank; money scaled by
# its column header's unit (万元); a table of years whose rows say what their cells are, their unit in brackets,
# and a column of changes (F5, F6, Z1, Z7)
TABLES = [
    (
        "2031年安和对口帮扶白山工作统计\n\n表1  2031年安和对口帮扶白山分县资金和项目\n"
        "编号\t县（市）\t财政帮扶资金（万元）\t帮扶项目（个）\n1\t东乡县\t3120\t41\n2\t积石山县\t2480\t37\n合计\t\t5600\t78\n",
        2031,
        "安和",
        "白山",
        [
            ("3120", "31200000", "CNY", "government_aid_funds", ("year", 2031), "安和", "东乡县"),
            ("37", "37", "count", "aid_projects", ("year", 2031), "安和", "积石山县"),
            ("5600", "56000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "表2  安和对口帮扶白山劳务与消费情况\n指标\t2030年\t2031年\t增长（%）\n"
        "劳务输出人数（人）\t5200\t6500\t25.0\n消费帮扶金额（亿元）\t2.4\t3.0\t25.0\n培训班次（期）\t40\t50\t25.0\n",
        2031,
        "安和",
        "白山",
        [
            ("5200", "5200", "person", "labour_transferred", ("year", 2030), "安和", "白山"),
            ("6500", "6500", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("2.4", "240000000", "CNY", "consumption_assistance", ("year", 2030), "安和", "白山"),
            ("3.0", "300000000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
            ("50", "50", "count", "training_courses", ("year", 2031), "安和", "白山"),
            ("25.0", "25", "percent", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), TABLES)
def test_chinese_tables(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)


def test_table_change_column_sets_the_change() -> None:
    text = TABLES[1][0]
    extraction = read_report(text, report_year=2031, donor="安和", recipient="白山")
    changes = {
        extraction.mentions[f.mention].text: (format_decimal(f.change_percent), f.change_base_year)
        for f in extraction.facts
        if f.change_percent is not None
    }
    assert changes == {"6500": ("25", 2030), "3.0": ("25", 2030), "50": ("25", 2030)}


# a work report delivered early in the year on "the past year": its figures are of the year before (F5)
PAST_YEAR = [
    (
        "政府工作报告\n——2032年2月6日在白山市第九届人民代表大会第二次会议上\n\n各位代表:\n\n"
        "过去一年,全市经济平稳运行。安和向白山拨付财政援助资金1.6亿元;安和各界人士捐款捐物2600万元。"
        "自2015年两地结对以来,安和累计选派挂职干部96名。\n\n今年的工作安排:地区生产总值增长6%左右。\n",
        2032,
        "安和",
        "白山",
        [
            ("1.6亿元", "160000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("2600万元", "26000000", "CNY", "social_donations", ("year", 2031), "安和", "白山"),
            ("96名", "96", "person", "cadres_seconded", ("cumulative", 2015, 2031), "安和", "白山"),
        ],
    ),
    # a news page of the same year that looks back on the past year is dated later in the year: its own year
    (
        "安和白山协作纪实\n2032年7月6日\n\n过去一年,安和向白山拨付财政援助资金1.6亿元。\n",
        2032,
        "安和",
        "白山",
        [("1.6亿元", "160000000", "CNY", "government_aid_funds", ("year", 2032), "安和", "白山")],
    ),
    # 共 of 公共 sums nothing: a budget revenue is of its year, not summed since a start
    (
        "2012年两地结对以来,安和援助白山。\n\n白山一般公共预算收入41.2亿元,增长6.1%。\n",
        2031,
        None,
        None,
        [("41.2亿元", "4120000000", "CNY", "fiscal_revenue", ("year", 2031), None, None)],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), PAST_YEAR)
def test_past_year_review(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


# cues: land expanded, planted or listed after the verb; enterprises paired with villages or present in the area;
# villages advanced; houses carried out; hospitals listed; exchanges of cadres who studied on the other side;
# students taken in; professionals listed; jobs taken up where people live; the donor's matching funds; what
# enterprises built and invested; an aid park's fixed-asset investment (F2, F7, Z5)
CUES = [
    (
        "安和对口帮扶白山工作总结\n\n2031年,安和援建的白山蔬菜基地扩建育苗区三百亩,白山茶园规模扩大至4200亩;"
        "安和为白山修建机耕道12公里、蔬菜大棚260亩。\n",
        2031,
        "安和",
        "白山",
        [
            ("三百亩", "300", "mu", "land_area", ("year", 2031), "安和", "白山"),
            ("4200亩", "4200", "mu", "land_area", ("year", 2031), "安和", "白山"),
            ("260亩", "260", "mu", "land_area", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和有41家民营企业结对帮扶白山的33个村。截至2031年底,在白山投资的安和企业已达1300多家。"
        "白山今年有36个村的整村推进工作通过验收。安和为白山农牧民实施富民安居房2300套,出资援建乡村小学26所、卫生院(室)48个。\n",
        2031,
        "安和",
        "白山",
        [
            ("41家", "41", "count", "enterprises", ("year", 2031), "安和", "白山"),
            ("1300多家", "1300", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
            ("36个", "36", "count", "villages", ("year", 2031), "安和", "白山"),
            ("2300套", "2300", "count", "houses", ("year", 2031), "安和", "白山"),
            ("48个", "48", "count", "health_facilities", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和接收白山基层干部跟岗学习320人次。安和职业学校今年招收白山新生450人。"
        "安和先后派出党政干部80名、医疗卫生等专业人员900多名。白山的合作社吸纳本村群众务工近300人。\n",
        2031,
        "安和",
        "白山",
        [
            ("320人次", "320", "person_time", "personnel_exchanges", ("year", 2031), "安和", "白山"),
            ("450人", "450", "person", "students_supported", ("year", 2031), "安和", "白山"),
            ("900多名", "900", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
            ("300人", "300", "person", "jobs", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和各结对县财政配套帮扶资金9000万元。白山本级财政安排配套资金300万元。"
        "安和企业在白山建成冷库8000平方米,总投资5400万元。截至2031年底,安和工业园入驻企业共有41家,完成固定资产投资38亿元。\n",
        2031,
        "安和",
        "白山",
        [
            ("9000万元", "90000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("300万元", "3000000", "CNY", None, None, None, None),
            ("5400万元", "54000000", "CNY", "enterprise_investment", ("year", 2031), "安和", "白山"),
            ("38亿元", "3800000000", "CNY", "enterprise_investment", ("as_of", 2031), "安和", "白山"),
        ],
    ),
    # not: land of the whole county, enterprises listed with other bodies, a county's own fixed-asset investment
    (
        "白山全县耕地面积12万亩。安和75家企业、社会组织结对帮扶白山90个贫困村。白山全社会固定资产投资完成20亿元。\n",
        2031,
        "安和",
        "白山",
        [
            ("12万亩", "120000", "mu", None, None, None, None),
            ("75家", "75", "count", None, None, None, None),
            ("20亿元", "2000000000", "CNY", "fixed_asset_investment", ("year", 2031), None, "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), CUES)
def test_chinese_cues(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)


# periods: a stock carried from an earlier sentence holds for a stock, not for the year's work after it; the year
# a pairing relation was set up, however far before 以来; the year's end after a comma; a continuing 还 after the
# page spoke of this year (F5, Z6)
PERIODS = [
    (
        "截至2031年底,在白山投资的安和企业已达1300多家。白山有1.2万人赴安和务工,带回劳务收入3.1亿元。\n",
        2031,
        "安和",
        "白山",
        [
            ("1300多家", "1300", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
            ("1.2万人", "12000", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("3.1亿元", "310000000", "CNY", "labour_income", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "截至2031年6月底,安和在白山已开工卫生室20个;交通方面,修建村道75公里。\n",
        2031,
        "安和",
        "白山",
        [("75公里", "75", "km", "road_length", ("as_of", 2031), "安和", "白山")],
    ),
    (
        "2027年安和与白山结成对口协作关系以来,安和累计拨付财政帮扶资金9000万元。"
        "两地合建园区3个,年末园区入驻企业75家。\n\n今年以来,白山有800人赴安和就业;安和还派出护士和教师30名到白山支援。\n",
        2031,
        "安和",
        "白山",
        [
            ("9000万元", "90000000", "CNY", "government_aid_funds", ("cumulative", 2027, 2031), "安和", "白山"),
            ("75家", "75", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
            ("30名", "30", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), PERIODS)
def test_chinese_periods(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


# places: a national East-West overview naming no place gives from the eastern provinces to the western poor areas;
# givers listed before 分别 give, in order, to the places listed after it, a suffix of a short name before the join
# (F4, F9, Z8)
PLACES = [
    (
        "东西部扶贫协作工作综述\n\n2031年,东部省市向西部地区提供政府援助资金20.5亿元;全年东部地区共援建学校320所。\n",
        2031,
        None,
        None,
        [
            ("20.5亿元", "2050000000", "CNY", "government_aid_funds", ("year", 2031), "东部省市", "西部贫困地区"),
            ("320所", "320", "count", "schools", ("year", 2031), "东部省市", "西部贫困地区"),
        ],
    ),
    (
        "苏州市2031年对口帮扶铜仁市工作总结\n\n姑苏区、吴中区和相城区分别向石阡县、思南县、印江县拨付帮扶资金800万元。\n",
        2031,
        None,
        None,
        [
            ("800万元", "8000000", "CNY", "aid_funds", ("year", 2031), "姑苏区", "石阡县"),
            ("800万元", "8000000", "CNY", "aid_funds", ("year", 2031), "吴中区", "思南县"),
            ("800万元", "8000000", "CNY", "aid_funds", ("year", 2031), "相城区", "印江县"),
        ],
    ),
    # a park said to be funded by the donor is where its paragraph placed it
    (
        "苏州对口帮扶铜仁纪实\n\n记者来到石阡县的苏铜农业园,温室大棚连片。园区由苏州市投入帮扶资金900万元建设,占地650亩。\n",
        2031,
        None,
        None,
        [
            ("900万元", "9000000", "CNY", "aid_funds", ("year", 2031), "苏州市", "石阡县"),
            ("650亩", "650", "mu", "land_area", ("year", 2031), "苏州市", "石阡县"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), PLACES)
def test_chinese_places(text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]) -> None:
    _check(text, year, donor, recipient, expected)
    assert len(_figures(text, year, donor, recipient)[expected[0][0]]) == len(
        [f for f in expected if f[0] == expected[0][0]]
    )
