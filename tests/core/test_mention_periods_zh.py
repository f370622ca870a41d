"""Periods of figures in Chinese (gold-format.md F5, Z6): made-up pages of report year 2020, and one figure's period."""

from __future__ import annotations

import pytest

from pairaid.core.extract.document import read_text
from pairaid.core.extract.mention_periods import mention_periods
from pairaid.core.extract.mentions import find_mentions
from pairaid.core.extract.sections import find_sections
from pairaid.core.extract.sentences import find_sentences


def _period(text: str, figure: str, report_year: int = 2020) -> tuple[object, ...]:
    doc = read_text(text)
    chinese = tuple((p.start, p.end) for p in doc.parts if p.language == "zh")
    sentences = find_sentences(doc.text, find_sections(doc.text), chinese)
    mentions = find_mentions(doc.text, sentences, chinese)
    periods = mention_periods(doc.text, sentences, mentions, report_year)
    k = next(i for i, m in enumerate(mentions) if doc.text[m.start : m.end].startswith(figure))
    p = periods[k]
    return (p.kind, p.start_year, p.end_year) if p.kind == "cumulative" else (p.kind, p.year)


CASES = [
    # a year, this year, last year, every year
    ("2019年,甲市投入资金3亿元。", "3亿元", ("year", 2019)),
    ("2019年度,甲市投入资金3亿元。", "3亿元", ("year", 2019)),
    ("今年又投入资金3亿元。", "3亿元", ("year", 2020)),
    ("去年,甲市投入资金3亿元。", "3亿元", ("year", 2019)),
    ("1998年,两地建立结对关系,每年有百名教师支教。", "百名", ("year", 2020)),
    ("甲市投入资金3亿元。", "3亿元", ("year", 2020)),  # no period: the report year
    # spans, lists of years, plan periods
    ("2016至2020年,甲市累计投入资金3亿元。", "3亿元", ("cumulative", 2016, 2020)),
    ("从1996年到2011年,甲省共援助资金7亿元。", "7亿元", ("cumulative", 1996, 2011)),
    ("2012年—2015年,甲市派出医生80名。", "80名", ("cumulative", 2012, 2015)),
    ("2018年、2019年,甲市连续两年共培训干部400名。", "400名", ("cumulative", 2018, 2019)),
    ("“十三五”期间,甲市共投入资金3亿元。", "3亿元", ("cumulative", 2016, 2020)),
    ("十二五期间共实施项目45个。", "45个", ("cumulative", 2011, 2015)),
    # since, as of, so far
    ("2017年以来,甲市共派出教师300名。", "300名", ("cumulative", 2017, 2020)),
    ("自2010年起,共选派干部171名。", "171名", ("cumulative", 2010, 2020)),
    ("截至2019年底,甲市已建成住房300套。", "300套", ("as_of", 2019)),
    ("甲乙两地的协作始于2003年。到2010年,共选派干部298名。", "298名", ("cumulative", 2003, 2010)),
    ("甲乙两地的协作始于2003年。截至2010年6月底,乙县已开工项目126个。", "126个", ("as_of", 2010)),  # not summed
    ("截至目前,落地项目20个。", "20个", ("as_of", 2020)),
    ("截至11月底,销售农产品3亿元。", "3亿元", ("year", 2020)),
    # a count of years
    ("从1996年到2011年,甲省援助乙区资金7亿元。16年来,省级财政援助资金2.9亿元。", "2.9亿元", ("cumulative", 1996, 2011)),
    ("30年来,甲省累计投入资金61亿元。", "61亿元", ("cumulative", 1990, 2020)),
    ("近3年新建住房300套。", "300套", ("cumulative", 2018, 2020)),
    # "N年来" after a stated start takes that start, however the years are counted
    ("2018年以来,甲市助力乙县发展。三年来,甲市援建学校12所。", "12所", ("cumulative", 2018, 2020)),
    ("1991年以來,甲省援助乙區。三十年來,累計選派幹部800名。", "800名", ("cumulative", 1991, 2020)),
    ("甲市连续18年帮扶乙市,无偿援助资金累计超过5亿元。", "5亿元", ("cumulative", 2002, 2020)),
    # ... and after a plan period the page names, the plan's five years
    ("“十三五”期间,甲市投入资金3亿元。五年来,甲市援建学校12所。", "12所", ("cumulative", 2016, 2020)),
    ("五年来,甲市援建学校12所。", "12所", ("cumulative", 2015, 2020)),  # no span stated: five years back
    # a phrase after a topic lead ("...方面,") opens its sentence and carries to the clauses after its ";"
    (
        "“十三五”期间,甲市投入资金3亿元。\n\n产业协作方面,五年间共引导企业60家到乙县投资；帮助乙县转移就业2万人。",
        "2万人",
        ("cumulative", 2016, 2020),
    ),
    (
        "“十三五”期间,甲市投入资金3亿元。\n\n甲市选派的挂职干部五年间共引导企业60家到乙县投资；帮助乙县转移就业2万人。",
        "2万人",
        ("year", 2020),
    ),
    ("1996年,甲乙两省区开始扶贫协作。结对帮扶以来,甲市共投入资金3亿元。", "3亿元", ("cumulative", 1996, 2020)),
    # stocks and things done so far
    ("如今乙区有4万多名劳动力在甲省务工。", "4万多名", ("as_of", 2020)),
    ("目前,甲市企业3000多家落户乙区。", "3000多家", ("year", 2020)),
    ("目前,在乙区的甲市商户有3000多家。", "3000多家", ("as_of", 2020)),
    ("目前在乙县工作的第十批甲省援疆干部人才共52名。", "52名", ("as_of", 2020)),
    ("目前在岗的甲省援疆干部共52名,其中教师20名。", "20名", ("as_of", 2020)),
    ("甲市工作组现有干部人才26名。", "26名", ("as_of", 2020)),
    ("4.挂职干部(年末在岗):45人;专业技术人才:190人。", "45人", ("as_of", 2020)),
    ("4.挂职干部(年末在岗):45人;专业技术人才:190人。", "190人", ("year", 2020)),
    ("在现有基础上,甲市新增投入资金3亿元。", "3亿元", ("year", 2020)),
    # a figure of an earlier year it is compared with (growth.prior_value)
    ("2020年,甲市投入资金5200万元,较2019年的4600万元增加600万元。", "4600万元", ("year", 2019)),
    ("甲市投入资金5.5亿元,超过2018年全年的4.4亿元。", "4.4亿元", ("year", 2018)),
    ("甲市投入资金5.5亿元,比上年的4.4亿元增长25%。", "4.4亿元", ("year", 2019)),
    ("甲市投入资金5.5亿元,比2018年增长25%。", "5.5亿元", ("year", 2020)),
    # 共 sums over the years since the pairing began; 共建 (built together) does not
    (
        "甲乙两地的协作始于2016年。\n\n在劳务协作方面,两地共举办招聘会12场,帮助乙县劳动力到甲市就业500人。",
        "500人",
        ("cumulative", 2016, 2020),
    ),
    (
        "甲乙两地的协作始于2016年。\n\n在劳务协作方面,两地共建工作站12个,帮助乙县劳动力到甲市就业500人。",
        "500人",
        ("year", 2020),
    ),
    ("自1996年以来,两地结对帮扶。\n如今,甲省已在乙区援建卫生院303个。", "303个", ("cumulative", 1996, 2020)),
    ("目前已安排协作资金1.96亿元。", "1.96亿元", ("year", 2020)),
    ("去年,1869户住房项目已完工1747户。", "1747户", ("as_of", 2020)),
    # carried in the paragraph; an "of which" clause governs itself only; a sum over the page's period
    ("2016年以来,甲省累计投入资金56亿元。实施项目1918个。", "1918个", ("cumulative", 2016, 2020)),
    ("2016年以来,甲省投入资金56亿元,其中,2020年度投入19亿元,实施项目1918个。", "19亿元", ("year", 2020)),
    ("2016年以来,甲省投入资金56亿元,其中,2020年度投入19亿元,实施项目1918个。", "1918个", ("cumulative", 2016, 2020)),
    ("2018年以来,甲省累计投入资金48亿元。\n甲省共改造住房622套,新建学校47所。", "47所", ("cumulative", 2018, 2020)),
    ("2018年以来,甲省累计投入资金48亿元。\n落户企业11家。", "11家", ("year", 2020)),
    # Traditional
    ("2016年以來,甲市共派出教師300名。", "300名", ("cumulative", 2016, 2020)),
    ("截至2019年底,甲市已建成住房300套(tào)。", "300套", ("as_of", 2019)),
]


@pytest.mark.parametrize(("text", "figure", "period"), CASES)
def test_the_period_of_a_figure(text: str, figure: str, period: tuple[object, ...]) -> None:
    assert _period(text, figure) == period


def test_a_base_year_of_a_comparison_is_no_period() -> None:
    assert _period("销售额比2010年增长83.5%,达到3亿元。", "3亿元") == ("year", 2020)


def test_what_stands_so_far_is_a_stock() -> None:
    """'截至N月底…已…' and '目前已入驻…' give a stock at the report year's end (Z6), '截至N月底' with a flow
    keeps the year."""
    from pairaid.core.extract import read_report

    def period(text: str, figure: str) -> tuple[str, int | None]:
        ex = read_report(text, report_year=2020, donor="安和", recipient="白山")
        fact = next(f for f in ex.facts if ex.mentions[f.mention].text.startswith(figure))
        return fact.period.kind, fact.period.year

    assert period("截至11月底,安和已引导26家企业落户白山。", "26家") == ("as_of", 2020)
    assert period("安和在白山建设的产业园目前已入驻企业17家。", "17家") == ("as_of", 2020)
    assert period("目前,安和在白山工作的援派干部人才共52名。", "52名") == ("as_of", 2020)
    assert period("截至11月底,安和帮助白山销售农产品3亿元。", "3亿元") == ("year", 2020)


def test_a_plan_period_since_runs_from_its_first_year_to_the_report_year() -> None:
    assert _period("“十四五”以来,甲市累计投入资金3亿元。", "3亿元", 2023) == ("cumulative", 2021, 2023)
    assert _period("“十四五”期间,甲市累计投入资金3亿元。", "3亿元", 2023) == ("cumulative", 2021, 2025)


def test_a_carried_stock_date_gives_a_flow_with_its_change_on_the_year_before_its_year() -> None:
    text = "截至2020年底,甲市援建的产业园已入驻企业48家。甲市还帮助销售农产品2.2亿元,同比增长18.5%。"
    assert _period(text, "48家") == ("as_of", 2020)
    assert _period(text, "2.2亿元") == ("year", 2020)
    assert _period("截至2020年底,甲市援建的产业园已入驻企业48家。园区吸纳就业3000人。", "3000人") == ("as_of", 2020)
