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
