"""Classes of error of Chinese pages never seen (issue 9: a blind set's first reading, fact F1 0.81), each as
made-up pages in the row format of ``test_facts_zh_classes.py``: a figure's span, value, unit, indicator,
period and places.  Every page and figure is made up; none is a sentence of a report.
"""

from __future__ import annotations

import re

import pytest

from pairaid.core.data_files import read_yaml
from pairaid.core.extract import read_report
from pairaid.core.extract.chinese_text import inner_spaces
from pairaid.core.extract.document import read_text
from pairaid.core.extract.headings_zh import heading_pairing
from pairaid.core.extract.published_zh import published_rule
from pairaid.core.numbers import format_decimal
from tests.core.test_facts_zh_classes import Figure, _check

# a single space inside a figure ("选派 93名 干部", "投入 1.2 亿元", "260 名"): the number, its scale, its unit and
# the words around it read as if written together; the span is the figure as written, spaces inside it kept
SPACED_FIGURES = [
    (
        "安和白山协作工作简报\n\n2031年,安和市向白山县投入财政援助资金 3.5 亿元,实施项目 146 个。\n"
        "安和选派 93名 党政干部到白山挂职,选派专业技术人才 260 名。\n",
        2031,
        "安和市",
        "白山县",
        [
            ("3.5 亿元", "350000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("146 个", "146", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("93名", "93", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
            ("260 名", "260", "person", "professionals_sent", ("year", 2031), "安和", "白山"),
        ],
    ),
    # Traditional characters, a scale apart from its unit ("1.2億 元")
    (
        "安和白山協作工作簡報\n\n2031年,安和市投入幫扶資金 1.2億 元,援建學校 12 所。\n",
        2031,
        "安和市",
        "白山县",
        [
            ("1.2億 元", "120000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("12 所", "12", "count", "schools", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), SPACED_FIGURES)
def test_spaces_inside_a_figure(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


def test_spaces_between_cells_and_before_other_words_stay() -> None:
    # a table row whose cells single spaces split, and a year before its 年, keep their spaces
    for line in ("临西县 12 4200\n", "2031 年,安和投入资金。\n", "全年完成 2031年计划的九成。\n"):
        assert read_text("安和白山协作\n" + line).text.endswith(line)


def _rules() -> list[dict[str, object]]:
    return list(read_yaml("unit_words.yaml")["zh"]["inner_spaces"])


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: str(r["id"]))
def test_inner_space_rules_have_examples_that_hold(rule: dict[str, object]) -> None:
    units = "|".join(str(e["pattern"]) for e in read_yaml("unit_words.yaml")["zh"]["units"])
    pattern = re.compile(str(rule["pattern"]).replace("{unit}", units))
    examples = rule["examples"]
    assert rule["purpose"] and isinstance(examples, dict) and examples["positive"] and examples["negative"]
    for text in examples["positive"]:
        assert pattern.search(text), (rule["id"], text)
        assert " " not in read_text(text).text, (rule["id"], text)
    for text in examples["negative"]:
        assert not pattern.search(text), (rule["id"], text)
    assert inner_spaces()


def test_a_spaced_figure_reads_as_one() -> None:
    e = read_report("安和白山协作\n\n安和投入 1.2 亿元。\n", report_year=2031, donor="安和市", recipient="白山县")
    assert [(m.text, m.unit, format_decimal(m.value)) for m in e.mentions] == [("1.2 亿元", "CNY", "120000000")]


# a heading that names a pairing (【山东·喀什】, 【江苏—伊犁】, 三、广东与喀什) sets the donor and recipient of
# the figures under it, until the next heading of its form; a sentence's own places still win; a heading of the
# same form that names no pairing gives the figures under it back to the report's sides
HEADINGS = [
    (
        "对口支援新疆工作综述\n\n2031年,各援疆省市扎实推进对口支援工作。\n\n"
        "【山东·喀什】\n全年投入援疆资金18.6亿元,实施援疆项目213个,选派干部人才420名。\n\n"
        "【江苏—伊犁】\n投入财政援助资金12.3亿元,实施项目156个,组织劳务输出2800人。\n\n"
        "【广东与喀什】\n援建学校12所,投入资金7.8亿元。\n",
        2031,
        None,
        None,
        [
            ("18.6亿元", "1860000000", "CNY", "aid_funds", ("year", 2031), "山东", "喀什"),
            ("420名", "420", "person", "cadres_seconded", ("year", 2031), "山东", "喀什"),
            ("12.3亿元", "1230000000", "CNY", "government_aid_funds", ("year", 2031), "江苏", "伊犁"),
            ("2800人", "2800", "person", "labour_transferred", ("year", 2031), "江苏", "伊犁"),
            ("12所", "12", "count", "schools", ("year", 2031), "广东", "喀什"),
        ],
    ),
    # numbered headings on lines of their own, a sub-heading of another form in between, Traditional characters
    (
        "援疆工作亮點紛呈\n\n一、山東—喀什\n全年投入資金18.6億元,實施項目213個。\n(一)產業援疆\n引進企業36家。\n\n"
        "二、江蘇與伊犁\n投入資金12.3億元。\n",
        2031,
        None,
        None,
        [
            ("18.6億元", "1860000000", "CNY", "aid_funds", ("year", 2031), "山東", "喀什"),
            ("36家", "36", "count", "enterprises", ("year", 2031), "山東", "喀什"),
            ("12.3億元", "1230000000", "CNY", "aid_funds", ("year", 2031), "江蘇", "伊犁"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), HEADINGS)
def test_a_pairing_heading_sets_the_sides_below_it(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


def _heading_rules() -> list[dict[str, object]]:
    return list(read_yaml("pairing_sides.yaml")["section_headings"])


@pytest.mark.parametrize("rule", _heading_rules(), ids=lambda r: str(r["id"]))
def test_heading_rules_have_examples_that_hold(rule: dict[str, object]) -> None:
    examples = rule["examples"]
    assert rule["purpose"] and isinstance(examples, dict) and examples["positive"] and examples["negative"]
    for heading in examples["positive"]:
        found = heading_pairing(read_text(heading).text)
        assert found is not None and found[2] == rule["id"], heading
    for heading in examples["negative"]:
        assert heading_pairing(read_text(heading).text) is None, heading


# where people go (向江苏输送, 向福建转移, 赴广东就业; a list or a nested name after the verb: 向江苏、浙江等地,
# 向福建省厦门市) and the place served (为江苏企业, 帮助浙江企业) are no donors: the report's donor gives (F9); a
# receiving place after 为 or 帮助 is the recipient
DESTINATIONS = [
    (
        "厦门市与临夏州东西部协作工作总结\n\n2031年,厦门市与临夏州深化东西部协作。\n"
        "临夏州向江苏、浙江等地输送劳动力3200人。\n全州向福建省泉州市转移农村劳动力1500人。\n"
        "临夏州为江苏企业输送员工600人。\n厦门市帮助和政县引进企业15家。\n厦门为临夏州培训干部320人次。\n",
        2031,
        None,
        None,
        [
            ("3200人", "3200", "person", "labour_transferred", ("year", 2031), "厦门市", "临夏州"),
            ("1500人", "1500", "person", "labour_transferred", ("year", 2031), "厦门市", "临夏州"),
            ("15家", "15", "count", "enterprises", ("year", 2031), "厦门市", "和政县"),
            ("320人次", "320", "person_time", "people_trained", ("year", 2031), "厦门", "临夏州"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), DESTINATIONS)
def test_where_people_go_and_whom_a_service_is_for_are_no_donors(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


def _giver_rules() -> list[dict[str, object]]:
    return list(read_yaml("pairing_sides.yaml")["not_givers"])


@pytest.mark.parametrize("rule", _giver_rules(), ids=lambda r: str(r["id"]))
def test_not_giver_rules_have_examples_that_hold(rule: dict[str, object]) -> None:
    examples = rule["examples"]
    assert rule["purpose"] and isinstance(examples, dict) and examples["positive"] and examples["negative"]
    for sentence, own in [(s, False) for s in examples["positive"]] + [(s, True) for s in examples["negative"]]:
        page = f"厦门市与临夏州东西部协作\n\n{sentence}\n"
        e = read_report(page, report_year=2031)
        assert e.facts, sentence
        assert (e.facts[0].donor != "厦门市") is own, (rule["id"], sentence, e.facts[0].donor)


# last year (去年, 上年; in the headline too) is the year before the one the page states it was published in (a
# 发布时间 line, a date with a time, a line that is only a date, a date in the headline), not the year before the
# report year: a page of January 2032 on 2031 (report year 2031) writes 去年 of 2031; 今年 stays the report year;
# with no date stated, the year before the report year
RELATIVE_YEARS = [
    (
        "去年安和援助白山资金3.2亿元\n发布时间:2032-01-18 10:30  来源:某某日报\n\n"
        "记者从安和市协作办获悉,去年安和共选派干部48名,上年实施项目146个,比上年增长12%。\n"
        "截至2031年底,在白山投资的安和企业达到52家,今年新增企业14家。\n",
        2031,
        "安和市",
        "白山县",
        [
            ("3.2亿元", "320000000", "CNY", "aid_funds", ("year", 2031), "安和", "白山"),
            ("48名", "48", "person", "cadres_seconded", ("year", 2031), "安和", "白山"),
            ("146个", "146", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("14家", "14", "count", "enterprises", ("year", 2031), "安和", "白山"),
        ],
    ),
    (
        "安和白山协作再上新台阶(2032年1月18日)\n\n去年,安和选派干部48名。\n",
        2031,
        "安和市",
        "白山县",
        [("48名", "48", "person", "cadres_seconded", ("year", 2031), "安和", "白山")],
    ),
    (
        "安和白山协作再上新台阶\n\n去年,安和选派干部48名。\n",
        2031,
        "安和市",
        "白山县",
        [("48名", "48", "person", "cadres_seconded", ("year", 2030), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), RELATIVE_YEARS)
def test_last_year_counts_from_the_publication_date(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


def _published_rules() -> list[dict[str, object]]:
    return list(read_yaml("period_words.yaml")["published"])


@pytest.mark.parametrize("rule", _published_rules(), ids=lambda r: str(r["id"]))
def test_published_rules_have_examples_that_hold(rule: dict[str, object]) -> None:
    examples = rule["examples"]
    assert rule["purpose"] and isinstance(examples, dict) and examples["positive"] and examples["negative"]
    for page, year in examples["positive"]:
        assert published_rule(page) == (year, rule["id"]), page
    for page, year in examples["negative"]:
        assert published_rule(page) is None and year is None, page


# counts of the places a work covers, reaches or involves (覆盖12个乡镇, 涉及8个县, 辐射…9个乡镇、60个村) are
# mentions of unit count, unbound (M1): no projects, villages or other indicator; the projects beside them are
# still projects, and people a work 惠及 (benefits) are beneficiaries (F8)
PLACE_COUNTS = [
    (
        "安和白山协作工作综述\n\n2031年,安和向白山投入财政援助资金3.2亿元,项目覆盖12个乡镇,涉及8个县。\n"
        "援建项目涉及全州14个乡镇、86个行政村,项目总数达128个。\n"
        "安和援建的产业园辐射带动周边9个乡镇、60个村发展,惠及群众5.6万人。\n",
        2031,
        "安和市",
        "白山州",
        [
            ("12个", "12", "count", None, None, None, None),
            ("8个", "8", "count", None, None, None, None),
            ("14个", "14", "count", None, None, None, None),
            ("86个", "86", "count", None, None, None, None),
            ("60个", "60", "count", None, None, None, None),
            ("128个", "128", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("5.6万人", "56000", "person", "beneficiaries", ("year", 2031), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), PLACE_COUNTS)
def test_counts_of_places_covered_stay_unbound(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)
    found = read_report(text, report_year=year, donor=donor, recipient=recipient)
    covered = {found.mentions[f.mention].text for f in found.facts}
    assert not covered & {"12个", "8个", "14个", "86个", "60个"}


# "一年来" (over the past year) dates a figure in the year reported on, no span of two years; households of fruit
# growers, herders or villagers whose income a work raised are households benefited (F8, as 贫困户 and 农户 are)
OTHER_CLASSES = [
    (
        "2031年安和市对口帮扶白山县工作总结\n\n一年来,安和市投入白山财政援助资金19.8亿元,实施帮扶项目1200余个。\n"
        "安和援建的林果基地带动2.3万户果农增收。\n",
        2031,
        "安和市",
        "白山县",
        [
            ("19.8亿元", "1980000000", "CNY", "government_aid_funds", ("year", 2031), "安和", "白山"),
            ("1200余个", "1200", "count", "aid_projects", ("year", 2031), "安和", "白山"),
            ("2.3万户", "23000", "household", "households_benefited", ("year", 2031), "安和", "白山"),
        ],
    ),
    # an increase of per-capita income (人均增收) is its own figure, no per-person allocation rule (Z5)
    (
        "安和白山协作纪实\n\n2031年,安和帮助白山建成蔬菜大棚300座,带动农牧民就业3500人,人均增收4000元。\n",
        2031,
        "安和市",
        "白山县",
        [("4000元", "4000", "CNY", "income_increase_per_capita", ("year", 2031), "安和", "白山")],
    ),
    (
        "安和白山协作纪实\n\n三年来,安和市累计投入白山帮扶资金9.6亿元。\n",
        2031,
        "安和市",
        "白山县",
        [("9.6亿元", "960000000", "CNY", "aid_funds", ("cumulative", 2028, 2031), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), OTHER_CLASSES)
def test_one_year_and_households_whose_income_rose(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


# the place a later clause says a figure is for (投入资金3000万元,帮助伽师县建设…; 为疏附县新建…) is its recipient when
# its sentence names no receiving place before it; money a side puts up (出资) for the other is aid funds (F2.4)
SERVED = [
    (
        "广东省对口支援新疆喀什地区工作综述\n\n2030年,广东省投入资金3000万元,帮助伽师县建设职业学校。\n"
        "广东省安排资金1.2亿元,为疏附县新建安居房。\n深圳市出资800万元为伽师县援建幼儿园5所。\n"
        "广东省向喀什地区投入资金2亿元,帮助伽师县建设医院。\n",
        2030,
        None,
        None,
        [
            ("3000万元", "30000000", "CNY", "aid_funds", ("year", 2030), "广东省", "伽师县"),
            ("1.2亿元", "120000000", "CNY", "aid_funds", ("year", 2030), "广东省", "疏附县"),
            ("800万元", "8000000", "CNY", "aid_funds", ("year", 2030), "深圳市", "伽师县"),
            ("2亿元", "200000000", "CNY", "aid_funds", ("year", 2030), "广东省", "喀什地区"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "donor", "recipient", "expected"), SERVED)
def test_the_place_a_later_clause_serves_receives(
    text: str, year: int, donor: str | None, recipient: str | None, expected: list[Figure]
) -> None:
    _check(text, year, donor, recipient, expected)


@pytest.mark.parametrize("rule", read_yaml("pairing_sides.yaml")["served_after"], ids=lambda r: str(r["id"]))
def test_served_after_rules_have_examples_that_hold(rule: dict[str, object]) -> None:
    examples = rule["examples"]
    assert rule["purpose"] and isinstance(examples, dict) and examples["positive"] and examples["negative"]
    for sentence, served in [(s, True) for s in examples["positive"]] + [(s, False) for s in examples["negative"]]:
        e = read_report(f"广东省对口支援新疆喀什地区工作综述\n\n{sentence}\n", report_year=2030)
        assert e.facts, sentence
        assert (e.facts[0].recipient != "喀什地区") is served, (rule["id"], sentence, e.facts[0].recipient)
