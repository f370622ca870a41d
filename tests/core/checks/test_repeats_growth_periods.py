"""Told twice, growth rates and annual-against-cumulative: each rule on small figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.checks import EvidenceRef, Severity, run_checks
from tests.core.checks.values import fig, rules_of

TRADE = {"indicator": "contract_value"}


@pytest.mark.parametrize(
    ("case", "first", "second", "fields", "expected"),
    [
        ("412.5 million then 420 million", "412.5", "420", {}, ["told_twice"]),
        ("6.96 million then nearly 7 million", "6.96", "7", {"qualifier": "nearly"}, []),
        ("the same figure told again", "420", "420", {}, []),
        ("far apart: taken as two different things", "59.9949", "45.5788", {}, []),
        ("another subject", "412.5", "420", {"subject": "pairing:a>c"}, []),
        ("another year", "412.5", "420", {"start_year": 2011, "end_year": 2011}, []),
    ],
)
def test_the_same_figure_told_twice(
    case: str, first: str, second: str, fields: dict[str, object], expected: list[str]
) -> None:
    figures = [
        fig("1", str(Decimal(first) * 10**6), text=f"{first} million", **TRADE),
        fig("2", str(Decimal(second) * 10**6), text=f"{second} million", **{**TRADE, **fields}),
    ]
    findings = run_checks(figures)
    assert rules_of(findings) == expected, case
    if expected:
        assert findings[0].severity is Severity.WARNING
        assert findings[0].values == (("first", Decimal("412500000")), ("second", Decimal("420000000")))


def test_two_figures_of_one_sentence_are_not_a_repeat() -> None:
    near = [
        fig("1", "360", indicator="land_area", unit="ha"),
        fig("2", "350", indicator="land_area", unit="ha"),
    ]
    near = [
        f.__class__(**{**f.__dict__, "evidence": EvidenceRef("d", 100 + i * 30, 110 + i * 30)})
        for i, f in enumerate(near)
    ]
    assert run_checks(near) == ()


def test_parts_of_one_whole_are_not_repeats() -> None:
    figures = [fig("0", "111", unit="count", indicator="aid_projects")]
    figures += [fig(str(i), v, unit="count", indicator="aid_projects", part_of="0") for i, v in ((1, "22"), (2, "21"))]
    assert run_checks(figures) == ()


GDP = {"indicator": "gdp", "subject": "area:shule"}


@pytest.mark.parametrize(
    ("case", "previous", "rate", "expected"),
    [
        ("the stored year gives the stated rate", "2.51", "28.2", []),
        ("the stored year gives another rate", "2.80", "28.2", ["growth_rate_mismatch"]),
        ("no stored previous year", None, "28.2", ["implied_previous_value"]),
    ],
)
def test_a_growth_rate_against_last_year(case: str, previous: str | None, rate: str, expected: list[str]) -> None:
    figures = [
        fig(
            "1",
            "3220000000",
            text="3.22 billion",
            change_percent=Decimal(rate),
            change_base_year=2008,
            start_year=2009,
            end_year=2009,
            **GDP,
        )
    ]
    if previous is not None:
        figures.append(
            fig("2", str(Decimal(previous) * 10**9), text=f"{previous} billion", start_year=2008, end_year=2008, **GDP)
        )
    findings = run_checks(figures)
    assert rules_of(findings) == expected, case
    if expected == ["growth_rate_mismatch"]:
        assert dict(findings[0].values)["rate from stored values"] == Decimal("15.0")
    if expected == ["implied_previous_value"]:
        assert findings[0].severity is Severity.INFO
        assert dict(findings[0].values)["implied previous value"] == Decimal("2510000000")
        assert "2.51 billion yuan in 2008" in findings[0].message


@pytest.mark.parametrize(
    ("case", "annual", "total", "period", "expected"),
    [
        ("annual above the cumulative total", "120", "97", ("cumulative", 2001, 2010), ["annual_exceeds_cumulative"]),
        ("annual below the cumulative total", "16", "97", ("cumulative", 2001, 2010), []),
        ("cumulative total of other years", "120", "97", ("cumulative", 2001, 2008), []),
        ("annual above a later stock", "120", "97", ("as_of", 2010, 2010), ["annual_exceeds_cumulative"]),
    ],
)
def test_an_annual_figure_against_its_cumulative_total(
    case: str, annual: str, total: str, period: tuple[str, int, int], expected: list[str]
) -> None:
    kind, start, end = period
    figures = [
        fig("1", annual, indicator="schools", unit="count"),
        fig("2", total, indicator="schools", unit="count", period_kind=kind, start_year=start, end_year=end),
    ]
    findings = run_checks(figures)
    assert rules_of(findings) == expected, case
    if findings:
        expected_severity = Severity.ERROR if kind == "cumulative" else Severity.WARNING
        assert findings[0].severity is expected_severity
