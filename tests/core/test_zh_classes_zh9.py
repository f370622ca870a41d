"""Classes of error of Chinese pages never seen (issue 9: the classes an earlier blind set's first reading missed,
told in words, none of its sentences read), each as made-up pages in the row format of ``test_facts_zh_classes.py``:
a figure's span, value, unit, indicator, period and places, and each rule's own examples.  Every page and figure is
made up; none is a sentence of a report.
"""

from __future__ import annotations

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
