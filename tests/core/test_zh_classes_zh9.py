"""Classes of error of Chinese pages never seen (issue 9: the classes an earlier blind set's first reading missed,
told in words, none of its sentences read), each as made-up pages in the row format of ``test_facts_zh_classes.py``:
a figure's span, value, unit, indicator, period and places, and each rule's own examples.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from pairaid.core.chinese_numbers import find_chinese_numbers
from pairaid.core.data_files import read_yaml
from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# a qualifier glued to a bare scale ("近万人", "逾万名", "约亿元"): near, over or about ten thousand, one mention with
# its qualifier (Z1, Z3); a lone 万 or 亿 elsewhere is a word or a name
BARE_SCALES = [
    (
        "安和援白山工作总结\n\n　　2031年,安和组织白山农村劳动力转移就业近万人,帮助销售农产品近亿元。\n"
        "　　安和接待白山游客逾万人次。\n",
        [
            ("万人", "10000", "person", "labour_transferred", ("year", 2031), "安和", "白山"),
            ("亿元", "100000000", "CNY", "consumption_assistance", ("year", 2031), "安和", "白山"),
            ("万人次", "10000", "person_time", None, None, None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BARE_SCALES)
def test_a_bare_scale_after_its_qualifier_is_a_figure(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("转移就业近万人", Decimal(10000), "nearly"),
        ("逾万名", Decimal(10000), "more_than"),
        ("约亿元", Decimal(10**8), "about"),
    ],
)
def test_bare_scale_values_and_qualifiers(text: str, value: Decimal, qualifier: str) -> None:
    extraction = read_report(f"安和援白山\n\n　　{text}。\n", report_year=2031, donor="安和市", recipient="白山州")
    assert [(m.value, m.qualifier) for m in extraction.mentions] == [(value, qualifier)]


def test_a_lone_scale_is_no_number() -> None:
    for text in ("万州区的万人大会", "万元户", "亿万农民"):
        assert [n.text for n in find_chinese_numbers(text, 0, len(text))] == []


# a multiplier on the year before ("是上年的2倍", "是去年同期的1.3倍") or in words ("两倍"), also in a clause after
# another figure's rate: a change of (N - 1) x 100 on the figure right before it, the year before that figure's
# as base (Z7); a figure whose rate was written first keeps it
MULTIPLIERS = [
    (
        "安和援白山工作总结\n\n　　2031年,安和向白山投入援助资金3亿元,比上年增长15%,引进企业24家,是上年的2倍。\n",
        {"3亿元": (Decimal(15), 2030), "24家": (Decimal(100), 2030)},
    ),
    (
        "安和援白山工作总结\n\n"
        "　　全年安和帮助白山销售农产品4.2亿元、同比增长20%,组织劳务输出6000人,是去年同期的1.5倍。\n",
        {"4.2亿元": (Decimal(20), 2030), "6000人": (Decimal(50), 2030)},
    ),
    (
        "安和援白山工作总结\n\n　　2031年,安和在白山实施援助项目120个,是2029年的两倍。\n",
        {"120个": (Decimal(100), 2029)},
    ),
    (
        "安和援白山工作总结\n\n　　2031年,安和在白山实施援助项目120个,同比增长10%,是2025年的3倍。\n",
        {"120个": (Decimal(10), 2030)},
    ),
]


@pytest.mark.parametrize(("text", "changes"), MULTIPLIERS)
def test_a_multiplier_on_the_year_before(text: str, changes: dict[str, tuple[Decimal, int]]) -> None:
    extraction = read_report(text, report_year=2031, donor="安和市", recipient="白山州")
    found = {
        extraction.mentions[f.mention].text: (f.change_percent, f.change_base_year)
        for f in extraction.facts
        if f.change_percent is not None
    }
    assert found == changes
    assert all("倍" not in m.text for m in extraction.mentions)  # a multiplier is no mention (M1)


# enterprises settled so far ("已入驻", "已落户", "已有N家…入驻"): a stock at a date, as of the year the sentence names,
# else of the report year; those settled in the year ("今年新入驻") are its flow (F5, Z6)
SETTLED = [
    (
        "安和援白山工作总结\n\n　　2030年,安白产业园已入驻企业56家。今年园区新入驻企业14家。\n",
        [
            ("56家", "56", "count", "enterprises", ("as_of", 2030), "安和", "白山"),
            ("14家", "14", "count", "enterprises", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山工作总结\n\n　　安白产业园已落户安和企业30余家,目前已有12家企业入驻白山创业园。\n",
        [
            ("30余家", "30", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
            ("12家", "12", "count", "enterprises", ("as_of", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SETTLED)
def test_enterprises_settled_so_far_are_a_stock(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


def test_settled_stock_rule_has_examples_that_hold() -> None:
    rule = read_yaml("period_words.yaml")["settled_stock"]
    assert rule["id"] and rule["purpose"] and rule["examples"]["positive"] and rule["examples"]["negative"]
    for text, stock in [(t, True) for t in rule["examples"]["positive"]] + [
        (t, False) for t in rule["examples"]["negative"]
    ]:
        extraction = read_report(
            "安和援白山\n\n　　" + text + "\n", report_year=2031, donor="安和市", recipient="白山州"
        )
        rules = {f.period.rule for f in extraction.facts}
        assert ("zh:settled_stock" in rules) is stock, (text, rules)


# "that year" (当年) after a sentence of its paragraph naming a year is that year, not the report year (F5, Z6);
# with no year named before it in its paragraph, the whole year reported on
THAT_YEAR = [
    (
        "北京援和田工作回顾\n\n　　北京的新一轮援疆从2029年开始。当年,北京向和田拨付资金5.5亿元,援建学校9所。\n",
        [
            ("5.5亿元", "550000000", "CNY", "aid_funds", ("year", 2029), "北京", "和田"),
            ("9所", "9", "count", "schools", ("year", 2029), "北京", "和田"),
        ],
    ),
    (
        "北京援和田工作回顾\n\n　　2029年北京开始新一轮援疆。\n\n　　当年北京安排援助资金7亿元。\n",
        [("7亿元", "700000000", "CNY", "aid_funds", ("year", 2031), "北京", "和田")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), THAT_YEAR)
def test_that_year_is_the_year_its_paragraph_named(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)


# a front command's summary whose title names the region aided area by area (新疆) and whose opening frames the work
# on the counties it lists with their count, in a sentence of no figure ("聚焦在甲、乙两县"): the report's
# recipient is that list, as written (F9, Z8); a list a figure's sentence sends part of it to is no frame
FRAMED_COUNTIES = [
    (
        "广东省援助新疆工作前线指挥部2031年度总结\n\n"
        "　　前方指挥部把援疆工作聚焦在疏附、伽师两县。\n\n"
        "一、资金和项目\n全年拨付援疆资金12.5亿元,实施项目140个。\n",
        [
            ("12.5亿元", "1250000000", "CNY", "aid_funds", ("year", 2031), "广东", "疏附、伽师"),
            ("140个", "140", "count", "aid_projects", ("year", 2031), "广东", "疏附、伽师"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRAMED_COUNTIES)
def test_an_opening_framed_on_a_counted_list_of_counties(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)


def test_a_list_a_figure_sends_money_to_frames_nothing() -> None:
    text = (
        "广东援喀什纪实\n\n　　今年广东安排援疆资金12.5亿元,其中七成投向疏附、伽师两县的基层。\n"
        "　　2020年以来,广东累计投入援疆资金80亿元。\n"
    )
    extraction = read_report(text, report_year=2031)
    recipients = {extraction.mentions[f.mention].text: f.recipient for f in extraction.facts}
    assert recipients["80亿元"] == "喀什"


# the area under a prefecture directly (伊犁州直, 阿克苏地直) is named as written, and the page's other names of that
# prefecture (its headline's 伊犁, its full name in a body's name) stand for it (Z8)
DIRECT_AREAS = [
    (
        "江苏援伊犁：产业援疆见实效\n\n"
        "　　据伊犁哈萨克自治州援疆办统计,江苏当年向伊犁州直拨付援疆资金26亿元。\n"
        "　　江苏援伊犁干部人才全年培训当地干部4100人次。\n",
        [
            ("26亿元", "2600000000", "CNY", "aid_funds", ("year", 2031), "江苏", "伊犁州直"),
            ("4100人次", "4100", "person_time", "people_trained", ("year", 2031), "江苏", "伊犁州直"),
        ],
    ),
    (
        "浙江援阿克苏:产业援疆结硕果\n\n　　2031年,浙江向阿克苏地直投入援疆资金3.6亿元,实施项目45个。\n",
        [("3.6亿元", "360000000", "CNY", "aid_funds", ("year", 2031), "浙江", "阿克苏地直")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_AREAS)
def test_the_area_under_a_prefecture_directly(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)
    extraction = read_report(text, report_year=2031)
    assert all(f.recipient is not None and f.recipient.endswith(("州直", "地直")) for f in extraction.facts)


def test_direct_area_rule_has_examples_that_hold() -> None:
    from pairaid.core.extract.places_zh import find_places

    rule = read_yaml("pairing_sides.yaml")["direct_areas"]
    assert rule["id"] and rule["purpose"] and rule["examples"]["positive"] and rule["examples"]["negative"]
    for text in rule["examples"]["positive"]:
        assert any(p.name.endswith(("州直", "地直")) for p in find_places(text)), text
    for text in rule["examples"]["negative"]:
        assert not any(p.name.endswith(("州直", "地直")) for p in find_places(text)), text


# hospitals and schools paired with the recipient's or aided as a team (class 6: 组团式帮扶N家县级医院, 结对帮扶医院N家,
# 结对学校N所、医院N家, 甲省N家医院与乙N家医院结对) are no facilities built: unbound; hospitals built stay facilities
PAIRED_HOSPITALS = [
    (
        "安和援白山工作总结\n\n　　2031年,安和组团式帮扶白山5家县级医院。"
        "安和各区结对帮扶白山各县,结对学校41所、医院13家。\n"
        "　　安和11家三甲医院与白山8家医院开展对口协作。全年新建乡镇卫生院6所。\n",
        [
            ("5家", "5", "count", None, None, None, None),
            ("41所", "41", "count", None, None, None, None),
            ("13家", "13", "count", None, None, None, None),
            ("11家", "11", "count", None, None, None, None),
            ("6所", "6", "count", "health_facilities", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAIRED_HOSPITALS)
def test_hospitals_paired_are_no_facilities_built(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


# classes of blind set zh9's misses, each a general rule with made-up examples: houses listed after others built, a
# spaced bare scale after its qualifier ("上 百名 专家"), a set phrase (千家万户) no count, natives of the recipient
# working in the donor's province named by one character ("在闽务工的…劳动力"), a stock of the year's end (年末…) not
# carried to the next sentence's flows, professionals listed after cadres sent, households the aid provided for
ZH9_CLASSES = [
    (
        "安和援白山工作总结\n\n　　全年安和在白山建成保障性住房2100套 、牧民安居房 840套 。"
        "安和选派上 百名 医生到白山服务。\n",
        [
            ("840套", "840", "count", "houses", ("year", 2031), "安和", "白山"),
            ("百名", "100", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山工作总结\n\n"
        "　　安和企业在白山新增投资4亿元。年末在苏务工的白山劳动力2.3万人。"
        "安和选派挂职干部17名,为白山培训各类人员5200人次。\n",
        [
            ("2.3万人", "23000", "person", "labour_transferred", ("as_of", 2031), "安和", "白山"),
            ("17名", "17", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
            ("5200人次", "5200", "person_time", "people_trained", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和援白山工作总结\n\n　　安和选派挂职干部19人、专业技术人员260人来白山帮扶,"
        "为白山1800户群众免费安装太阳能热水器。\n",
        [
            ("260人", "260", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
            ("1800户", "1800", "household", "households_benefited", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ZH9_CLASSES)
def test_classes_of_blind_set_zh9(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, "安和市", "白山州", expected)


def test_a_set_phrase_counts_nothing() -> None:
    extraction = read_report("安和援白山\n\n　　安和援建项目惠及千家万户。\n", report_year=2031)
    assert extraction.mentions == ()


# a bracket heading of a pairing standing inline before the text it heads, not on a line of its own (class 7:
# "【甲·乙】全年…", "…。【丙·丁】…"): its sides hold for the figures after it until the next such heading (F9)
INLINE_HEADINGS = [
    (
        "东西部协作工作综述\n\n"
        "　　【江苏·陕西】2031年,江苏省向陕西省投入财政援助资金30亿元。"
        "【北京·内蒙古】全年安排帮扶资金25亿元,选派干部120名。\n"
        "　　【福建·宁夏】全年安排资金10亿元,实施项目300个。\n",
        [
            ("25亿元", "2500000000", "CNY", "aid_funds", ("year", 2031), "北京", "内蒙古"),
            ("120名", "120", "person", "cadres_seconded", ("year", 2031), "北京", "内蒙古"),
            ("10亿元", "1000000000", "CNY", "aid_funds", ("year", 2031), "福建", "宁夏"),
            ("300个", "300", "count", "aid_projects", ("year", 2031), "福建", "宁夏"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INLINE_HEADINGS)
def test_an_inline_bracket_heading_sets_the_sides_after_it(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)


def test_inline_heading_rule_has_examples_that_hold() -> None:
    rule = read_yaml("pairing_sides.yaml")["inline_headings"]
    pattern = re.compile(str(rule["pattern"]), re.M)
    assert rule["id"] and rule["purpose"] and rule["examples"]["positive"] and rule["examples"]["negative"]
    assert all(pattern.search(text) for text in rule["examples"]["positive"])
    assert not any(pattern.search(text) for text in rule["examples"]["negative"])


# named cities of the donor province listed before a figure (class 2: "甲、乙、丙等对口市", "甲、乙两市"): each named
# city a donor, the list as written; listed and counted as all the province's ("甲、乙等13个市"), or as a part of the
# province's whole ("其中,省级资金N,甲、乙等对口市资金M"), the province (F9, Z8)
NAMED_DONORS = [
    (
        "江苏省对口支援伊犁州直工作总结\n\n　　2031年,江苏省向伊犁州直投入援疆资金12亿元。\n"
        "　　苏州、无锡、南通等对口市全年投入资金3.2亿元。常州、镇江两市选派干部人才85名。\n"
        "　　苏州、无锡等13个市共筹集资金1.4亿元。"
        "全年投入4亿元,其中省级财政资金2.5亿元,扬州、泰州等对口市资金1.5亿元。\n",
        [
            ("12亿元", "1200000000", "CNY", "aid_funds", ("year", 2031), "江苏省", "伊犁州直"),
            ("3.2亿元", "320000000", "CNY", "aid_funds", ("year", 2031), "苏州、无锡、南通", "伊犁州直"),
            ("85名", "85", "person", "cadres_seconded", ("year", 2031), "常州、镇江", "伊犁州直"),
            ("1.4亿元", "140000000", "CNY", "aid_funds", ("year", 2031), "江苏省", "伊犁州直"),
            ("1.5亿元", "150000000", "CNY", "aid_funds", ("year", 2031), "江苏省", "伊犁州直"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_DONORS)
def test_named_cities_are_each_a_donor(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)
    extraction = read_report(text, report_year=2031)
    donors = {extraction.mentions[f.mention].text: f.donor for f in extraction.facts}
    assert donors["3.2亿元"] == "苏州、无锡、南通" and donors["85名"] == "常州、镇江"


# parts of a total of people by place (class 4: "其中州本级N名、四县M名"): parts of the whole before them, of its
# indicator; the level's own budget (本级财政) stays money of another source, people of a level are no money (F3)
PARTS_BY_PLACE = [
    (
        "广东省对口支援喀什地区工作总结\n\n　　2031年,广东选派援疆干部人才91名,其中地区本级23名、四县68名。\n",
        [
            ("91名", "91", "person", "cadres_seconded", ("year", 2031), "广东", "喀什"),
            ("23名", "23", "person", "cadres_seconded", ("year", 2031), "广东", "喀什"),
            ("68名", "68", "person", "cadres_seconded", ("year", 2031), "广东", "喀什"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_BY_PLACE)
def test_parts_of_a_total_by_place(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)
    extraction = read_report(text, report_year=2031)
    whole = next(k for k, f in enumerate(extraction.facts) if extraction.mentions[f.mention].text == "91名")
    parts = {extraction.mentions[f.mention].text: f.part_of for f in extraction.facts}
    assert parts["23名"] == whole and parts["68名"] == whole


# a place that receives nothing where it is written: the two sides named as one scene ("在乙和甲两地举办培训班"), a name
# inside a quoted name ("“甲企业乙行”活动"): the figure goes to the report's recipient (F9, Z8)
SCENES = [
    (
        "广东省援助新疆工作前线指挥部2031年度总结\n\n"
        "　　前方指挥部把援疆工作聚焦在疏附、伽师两县。\n\n"
        "二、智力援疆\n在喀什和广东两地开办培训班31期。\n\n"
        "三、产业援疆\n借助“粤企喀什行”招商活动,当年新引进广东企业29家。\n",
        [
            ("31期", "31", "count", "training_courses", ("year", 2031), "广东", "疏附、伽师"),
            ("29家", "29", "count", "enterprises", ("year", 2031), "广东", "疏附、伽师"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCENES)
def test_scenes_and_quoted_names_receive_nothing(text: str, expected: list[Figure]) -> None:
    _check(text, 2031, None, None, expected)
    extraction = read_report(text, report_year=2031)
    assert all(f.recipient == "疏附、伽师" for f in extraction.facts)
