"""Classes of error found on the Chinese blind set zh11 (issue 9), each as made-up pages in the row format of
``test_facts_zh_classes.py``: a figure's span, value, unit, indicator, period and places.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.test_facts_zh_classes import Figure, _check

# class 1, a table by county with two levels of totals: a heading line of a group of rows inside the table
# ("(一)…县"), a subtotal row per group ("小计") and a grand total ("合计"), columns of years and a column that totals
# each row's years; every cell is money of the caption's unit, dated by its column, the row's total cumulative over
# the years (F3, F5, Z1, Z6)
GROUPED_TABLE = (
    "安和市对口协作白山州资金拨付明细\n\n"
    "　　2028年至2030年，安和市向白山州四县拨付财政帮扶资金共计7800万元，具体见下表。\n\n"
    "金额单位：万元\n"
    "序号\t县名\t2028年\t2029年\t2030年\t合计\n"
    "(一)深度贫困县\n"
    "1\t东乡族自治县\t800\t900\t1000\t2700\n"
    "2\t积石山县\t700\t800\t900\t2400\n"
    "小计\t\t1500\t1700\t1900\t5100\n"
    "(二)一般贫困县\n"
    "3\t和政县\t400\t450\t500\t1350\n"
    "4\t康乐县\t300\t350\t400\t1050\n"
    "小计\t\t700\t800\t900\t2400\n"
    "合计\t\t2200\t2500\t2800\t7500\n"
)
GROUPED = [
    ("800", "8000000", "CNY", "government_aid_funds", ("year", 2028), "安和", "东乡族自治县"),
    ("2700", "27000000", "CNY", "government_aid_funds", ("cumulative", 2028, 2030), "安和", "东乡族自治县"),
    ("1350", "13500000", "CNY", "government_aid_funds", ("cumulative", 2028, 2030), "安和", "和政县"),
    ("1500", "15000000", "CNY", "government_aid_funds", ("year", 2028), "安和", "白山"),
    ("5100", "51000000", "CNY", "government_aid_funds", ("cumulative", 2028, 2030), "安和", "白山"),
    ("2800", "28000000", "CNY", "government_aid_funds", ("year", 2030), "安和", "白山"),
    ("7500", "75000000", "CNY", "government_aid_funds", ("cumulative", 2028, 2030), "安和", "白山"),
]


@pytest.mark.parametrize("figure", GROUPED, ids=lambda f: f"{f[0]}-{f[4]}")
def test_a_table_of_groups_subtotals_and_a_column_of_row_totals(figure: Figure) -> None:
    _check(GROUPED_TABLE, 2031, "安和市", "白山州", [figure])


def test_the_parts_of_a_table_of_two_levels_of_totals() -> None:
    """A county's years are parts of its row's total, that total of its group's subtotal, a subtotal's years of the
    grand total's years, a subtotal's total and the grand total's years of the grand total (F3)."""
    extraction = read_report(GROUPED_TABLE, report_year=2031, donor="安和市", recipient="白山州")
    texts = [m.text for m in extraction.mentions]
    fact_of = {f.mention: i for i, f in enumerate(extraction.facts)}

    def whole(at: int) -> str | None:
        part_of = extraction.facts[fact_of[at]].part_of
        return None if part_of is None else texts[extraction.facts[part_of].mention]

    at = {text: i for i, text in reversed(list(enumerate(texts)))}  # the first cell that writes each number
    assert whole(at["800"]) == "2700"  # 东乡's 2028 in its row's total
    assert whole(at["2700"]) == "5100"  # 东乡's total in its group's subtotal
    assert whole(at["1050"]) == "2400"  # 康乐's total in the second group's subtotal
    assert whole(at["1500"]) == "2200"  # the first subtotal's 2028 in the grand total's 2028
    assert whole(at["5100"]) == "7500"
    assert whole(at["2200"]) == "7500"
    assert whole(at["7500"]) is None
    assert len(extraction.facts) == 29  # seven rows of four cells and the sentence's total: no list number, no heading


def test_a_table_without_groups_keeps_its_total_row() -> None:
    text = (
        "安和市对口协作白山州财政帮扶资金拨付表\n\n单位：万元\n"
        "县名\t2029年\t2030年\t合计\n东乡族自治县\t900\t1000\t1900\n积石山县\t800\t900\t1700\n合计\t1700\t1900\t3600\n"
    )
    _check(
        text,
        2031,
        "安和市",
        "白山州",
        [
            ("1900", "19000000", "CNY", "government_aid_funds", ("cumulative", 2029, 2030), "安和", "东乡族自治县"),
            ("3600", "36000000", "CNY", "government_aid_funds", ("cumulative", 2029, 2030), "安和", "白山"),
            ("1700", "17000000", "CNY", "government_aid_funds", ("year", 2029), "安和", "白山"),
        ],
    )


# class 1 (places): a page whose first line is its site's navigation ("信息公开 > 统计数据") and whose headline writes a
# verb of pairing between two places of one level of need ("北京市对口帮扶张家口市…"): the verb says who gives and who
# receives (F9; ``pairing_verbs`` of ``data/pairing_sides.yaml``)
VERB_HEADLINE = (
    "张家口市发展改革委员会  政务公开 > 数据发布\n\n"
    "北京市对口帮扶张家口市资金使用情况通报\n\n"
    "　　2030年，北京市安排帮扶资金8600万元，支持实施产业项目31个。\n"
)


def test_a_headline_s_verb_of_pairing_names_its_sides() -> None:
    _check(
        VERB_HEADLINE,
        2030,
        None,
        None,
        [
            ("8600万元", "86000000", "CNY", "aid_funds", ("year", 2030), "北京市", "张家口市"),
            ("31个", "31", "count", "aid_projects", ("year", 2030), "北京市", "张家口市"),
        ],
    )


# class 2, stocks (F5, Z6): what a donor has sent so far up to a month of this year (截至今年N月底…累计), the end of a
# year written with no 截至 (2030年末), and its cadres counted right after their name at their posts there (共N名在乙州
# 工作, 在岗N名) are stocks as of that year; cadres said to arrive at a time (于年内进藏) and the year's sales up to a
# month are not
STOCKS = [
    (
        "　　截至今年9月底，安和累计选派挂职干部64名、专业技术人才820名赴白山工作。",
        [
            ("64名", "64", "person", "cadres_seconded", ("as_of", 2030), "安和", "白山"),
            ("820名", "820", "person", "professionals_sent", ("as_of", 2030), "安和", "白山"),
        ],
    ),
    (
        "　　2029年末，安和在白山工作的援助干部人才共245名，其中党政干部81名。",
        [
            ("245名", "245", "person", "cadres_seconded", ("as_of", 2029), "安和", "白山"),
            ("81名", "81", "person", "cadres_seconded", ("as_of", 2029), "安和", "白山"),
        ],
    ),
    (
        "三、干部人才\n安和第六批援助干部人才共188名在白山工作，其中党政干部60名、专业技术人才128名。",
        [
            ("188名", "188", "person", "cadres_seconded", ("as_of", 2030), "安和", "白山"),
            ("128名", "128", "person", "professionals_sent", ("as_of", 2030), "安和", "白山"),
        ],
    ),
    (
        "　　截至2030年底，安和第三批援助干部人才在岗九十六名，其中党政干部三十名。",
        [("九十六名", "96", "person", "cadres_seconded", ("as_of", 2030), "安和", "白山")],
    ),
    (
        "　　安和第五批援助干部44名于年内到白山开展工作。",
        [("44名", "44", "person", "cadres_seconded", ("year", 2030), "安和", "白山")],
    ),
    (
        "　　截至10月底，安和采购白山农特产品2.6亿元。",
        [("2.6亿元", "260000000", "CNY", "consumption_assistance", ("year", 2030), "安和", "白山")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STOCKS, ids=lambda v: v[:16] if isinstance(v, str) else "")
def test_stocks_of_people_and_of_what_was_sent_so_far(text: str, expected: list[Figure]) -> None:
    _check(f"安和市对口支援白山州工作情况\n\n{text}\n", 2030, "安和市", "白山州", expected)


# class 3, sums since a start (F5, Z6): "援藏以来" from the year the page says the aid began ("1990年以来,…援藏干部");
# a since-phrase after a reporter's lead ("记者…获悉,") opens its sentence and holds over its ";"; each year listed
# after 其中 governs its own clause only; 累计 sums since the start even after the page spoke of this year; a stock's
# parts are stocks too; a page whose title sums up a plan period ("“十三五”工作综述") dates what names no period by the
# plan
SUMS = [
    (
        "安和市援藏工作情况\n\n　　1990年以来，安和市先后选派七批援藏干部人才奔赴白山，累计投入援藏资金12亿元。\n\n"
        "　　援藏以来，安和在白山援建学校12所、卫生院9个。\n",
        2030,
        [
            ("12所", "12", "count", "schools", ("cumulative", 1990, 2030), "安和", "白山"),
            ("9个", "9", "count", "health_facilities", ("cumulative", 1990, 2030), "安和", "白山"),
        ],
    ),
    (
        "安和白山协作结硕果\n\n　　记者5月8日从市协作办获悉，2025年以来，安和累计向白山投入财政帮扶资金8.2亿元；"
        "动员社会力量捐款捐物1.2亿元。\n",
        2030,
        [("1.2亿元", "120000000", "CNY", "social_donations", ("cumulative", 2025, 2030), "安和", "白山")],
    ),
    (
        "安和白山协作情况\n\n　　2028年至2030年，安和累计拨付财政帮扶资金3亿元，其中2028年9000万元、2029年1亿元，"
        "实施项目86个。\n",
        2030,
        [
            ("86个", "86", "count", "aid_projects", ("cumulative", 2028, 2030), "安和", "白山"),
            ("9000万元", "90000000", "CNY", "government_aid_funds", ("year", 2028), "安和", "白山"),
        ],
    ),
    (
        "安和白山协作发布会\n\n　　2016年以来，安和累计向白山提供帮扶资金6亿元。\n\n"
        "　　今年，安和安排帮扶资金5000万元。\n\n"
        "　　据介绍，安和累计选派挂职干部210名，为白山培训各类人才2.4万人次。\n",
        2030,
        [
            ("210名", "210", "person", "cadres_seconded", ("cumulative", 2016, 2030), "安和", "白山"),
            ("2.4万人次", "24000", "person_time", "people_trained", ("cumulative", 2016, 2030), "安和", "白山"),
            ("5000万元", "50000000", "CNY", "aid_funds", ("year", 2030), "安和", "白山"),
        ],
    ),
    (
        "安和对口支援白山“十三五”工作综述\n\n　　产业方面，引进安和企业31家，完成企业投资12亿元。\n\n"
        "　　2020年，安和投入帮扶资金2.2亿元。\n",
        2021,
        [
            ("31家", "31", "count", "enterprises", ("cumulative", 2016, 2020), "安和", "白山"),
            ("12亿元", "1200000000", "CNY", "enterprise_investment", ("cumulative", 2016, 2020), "安和", "白山"),
            ("2.2亿元", "220000000", "CNY", "aid_funds", ("year", 2020), "安和", "白山"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), SUMS, ids=lambda v: v[:10] if isinstance(v, str) else "")
def test_sums_since_a_start_and_a_plan_period_s_summary(text: str, year: int, expected: list[Figure]) -> None:
    _check(text, year, "安和市", "白山州", expected)


def test_a_plan_title_dates_nothing_before_its_plan_has_ended() -> None:
    """A title on a plan period still running ("“十四五”工作回顾" of 2023) dates no figure by it."""
    text = "安和对口支援白山“十四五”工作回顾\n\n　　产业方面，引进安和企业31家。\n"
    _check(text, 2023, "安和市", "白山州", [("31家", "31", "count", "enterprises", ("year", 2023), "安和", "白山")])


# class 4, parts by place (F3): a count shared out among places after 其中, each share written with the whole's counter
# and only a place's name ("安居房8000套,其中疏附县3000套、伽师县5000套"), takes the whole's indicator and is its part;
# a sum broken down twice in its paragraph, by channel and then by county ("其中…;…。分县看,甲县N亿元,…"), has both
# runs as its parts
PLACE_PARTS = (
    "安和市对口支援白山州工作\n\n"
    "　　2030年，安和援建安居房8000套，其中疏附县3000套、伽师县5000套。\n\n"
    "　　全年到位援助资金9亿元，增长8.1%。其中，省级财政援助资金5亿元；市级财政援助资金4亿元。"
    "分县看，疏附县4.2亿元，伽师县4.8亿元。\n"
)


def test_parts_by_place_of_a_count_and_a_sum_broken_down_twice() -> None:
    extraction = read_report(PLACE_PARTS, report_year=2030, donor="安和市", recipient="白山州")
    texts = [m.text for m in extraction.mentions]
    by_text = {texts[f.mention]: f for f in extraction.facts}
    for part, whole, place in [("3000套", "8000套", "疏附县"), ("5000套", "8000套", "伽师县")]:
        fact = by_text[part]
        assert fact.indicator == "houses" and fact.recipient == place
        assert fact.part_of is not None and texts[extraction.facts[fact.part_of].mention] == whole
    for part in ("5亿元", "4亿元", "4.2亿元", "4.8亿元"):
        fact = by_text[part]
        assert fact.part_of is not None and texts[extraction.facts[fact.part_of].mention] == "9亿元", part
    assert by_text["4.8亿元"].recipient == "伽师县"


def test_a_count_after_a_place_of_another_counter_is_no_share() -> None:
    text = "安和市对口支援白山州工作\n\n　　2030年，安和援建安居房8000套，其中疏附县12所学校。\n"
    extraction = read_report(text, report_year=2030, donor="安和市", recipient="白山州")
    texts = [m.text for m in extraction.mentions]
    assert all(texts[f.mention] != "12所" or f.indicator != "houses" for f in extraction.facts)


# class 5, page furniture (Z4): a line of related articles led by its bracketed label ("【相关阅读】…12家 | …30个项目")
# yields no mention (boilerplate rule related_bar)
def test_a_bar_of_related_articles_is_no_report() -> None:
    text = (
        "安和市对口支援白山州工作\n\n　　2030年，安和援建学校6所。\n\n"
        "【相关阅读】安和第九批干部抵达白山 | 白山园区新增企业12家\n"
    )
    extraction = read_report(text, report_year=2030, donor="安和市", recipient="白山州")
    assert [m.text for m in extraction.mentions] == ["6所"]


# class 6, a date after the figure (F5): "干部26名于2029年7月进藏" says when the cadres came: that year, not the report
# year of a yearbook; a year compared with ("比2029年增长") dates nothing
DATED_AFTER = (
    "安和年鉴(2031)\n\n【干部援藏】　安和市第五批援藏干部二十六名于2029年7月进藏，分别在白山两县任职。\n\n"
    "【民生援藏】　安和援建学校6所，比2029年增加2所。\n"
)


def test_a_year_after_the_figure_says_when() -> None:
    _check(
        DATED_AFTER,
        2030,
        "安和市",
        "白山州",
        [
            ("二十六名", "26", "person", "cadres_seconded", ("year", 2029), "安和", "白山"),
            ("6所", "6", "count", "schools", ("year", 2030), "安和", "白山"),
        ],
    )
