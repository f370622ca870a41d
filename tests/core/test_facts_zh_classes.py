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
        "序号\t县\t财政援助资金（万元）\t实施项目（个）\n1\t东乡县\t3120\t41\n2\t积石山县\t2480\t37\n合计\t\t5600\t78\n",
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
        "表2  安和对口帮扶白山劳务协作和消费帮扶\n指标\t2030年\t2031年\t增长（%）\n"
        "转移就业（人）\t5200\t6500\t25.0\n销售白山农产品（亿元）\t2.4\t3.0\t25.0\n举办培训班（期）\t40\t50\t25.0\n",
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
        "过去一年,全市经济平稳运行。安和全年落实财政帮扶资金1.6亿元;安和企业和社会各界捐款捐物2600万元。"
        "自2015年两地结对以来,安和累计选派挂职干部96名。\n\n2032年的主要预期目标是:地区生产总值增长6%左右。\n",
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
        "安和白山协作纪实\n2032年7月6日\n\n过去一年,安和全年落实财政帮扶资金1.6亿元。\n",
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
