"""Parts against their whole: each rule on small figures made for the test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.core.checks import CheckedValue, Severity, run_checks
from tests.core.checks.values import fig, rules_of

M = "000000"  # six zeros: a value written "46.9 million" is 46900000


@pytest.mark.parametrize(
    ("case", "figures", "expected"),
    [
        (
            "parts within the whole",
            [
                fig("0", "50800000", text="50.8 million"),
                fig("1", "42200000", text="42.2 million", part_of="0"),
                fig("2", "7300000", text="7.3 million", part_of="0"),
                fig("3", "1300000", text="1.3 million", part_of="0"),
            ],
            [],
        ),
        (
            "parts above the whole by more than the precision",
            [
                fig("0", "1913" + M, text="1.913 billion"),
                fig("1", "1149" + M, text="1.149 billion", part_of="0"),
                fig("2", "411" + M, text="411 million", part_of="0"),
                fig("3", "225" + M, text="225 million", part_of="0"),
                fig("4", "165" + M, text="165 million", part_of="0"),
                fig("5", "148" + M, text="148 million", part_of="0"),
                fig("6", "200" + M, text="200 million", part_of="0"),
            ],
            ["parts_exceed_whole"],
        ),
        (
            "parts above the whole only within rounding (46.9 = 23.5 + 23.45 written 23.5)",
            [
                fig("0", "46900000", text="46.9 million"),
                fig("1", "23500000", text="23.5 million", part_of="0"),
                fig("2", "23450000", text="23.45 million", part_of="0"),
            ],
            [],
        ),
        (
            "a whole of 'more than' is only a floor",
            [
                fig("0", "10" + M, text="10 million", qualifier="more_than"),
                fig("1", "8" + M, text="8 million", part_of="0"),
                fig("2", "4" + M, text="4 million", part_of="0"),
            ],
            [],
        ),
        (
            "an incomplete breakdown may fall short",
            [fig("0", "1574" + M, text="1.574 billion"), fig("1", "75800000", text="75.80 million", part_of="0")],
            [],
        ),
        (
            "a complete breakdown that falls short",
            [
                fig("0", "30" + M, text="30 million", breakdown_complete=True),
                fig("1", "12" + M, text="12 million", part_of="0"),
                fig("2", "9" + M, text="9 million", part_of="0"),
            ],
            ["breakdown_does_not_sum"],
        ),
        (
            "a complete breakdown that sums within precision",
            [
                fig("0", "42500000", text="42.5 million", breakdown_complete=True),
                fig("1", "38500000", text="38.5 million", part_of="0"),
                fig("2", "4" + M, text="4 million", part_of="0"),
            ],
            [],
        ),
    ],
)
def test_money_parts_against_whole(case: str, figures: list[CheckedValue], expected: list[str]) -> None:
    assert rules_of(run_checks(figures)) == expected, case


def test_it_names_a_nested_breakdown_when_parts_exceed() -> None:
    figures = [
        fig("0", "1913" + M, text="1.913 billion"),
        fig("1", "1149" + M, text="1.149 billion", part_of="0"),
        *(
            fig(str(i + 2), v + M, text=f"{v} million", part_of="0")
            for i, v in enumerate(["411", "225", "165", "148", "200"])
        ),
    ]
    (finding,) = run_checks(figures)
    assert finding.severity is Severity.ERROR
    assert dict(finding.values) == {"whole": Decimal("1913" + M), "sum of parts": Decimal("2298" + M)}
    assert "2.298 billion yuan" in finding.message
    assert "equals the part 1.149 billion" in finding.message
    assert set(finding.value_ids) == {str(i) for i in range(7)}
    assert finding.evidence[0].document == "doc.txt"


COUNT = {"indicator": "aid_projects", "unit": "count", "noun": "project"}


@pytest.mark.parametrize(
    ("case", "whole", "parts", "complete", "expected"),
    [
        ("list adds up to more (111 v 113)", "111", ["22", "21", "10", "1", "2", "57"], False, ["count_against_list"]),
        ("list adds up", "111", ["22", "21", "10", "1", "2", "55"], False, []),
        ("open list ('including') adds up to less", "46", ["27", "16"], False, []),
        ("complete list adds up to less", "46", ["27", "16"], True, ["count_against_list"]),
    ],
)
def test_a_count_against_its_list(case: str, whole: str, parts: list[str], complete: bool, expected: list[str]) -> None:
    figures = [fig("0", whole, breakdown_complete=complete, **COUNT)]
    figures += [fig(str(i + 1), v, part_of="0", **COUNT) for i, v in enumerate(parts)]
    findings = run_checks(figures)
    assert rules_of(findings) == expected, case
    if findings:
        assert findings[0].message.startswith(f"{whole} projects stated")


def test_persons_are_not_summed_with_person_times() -> None:
    figures = [
        fig("0", "500", indicator="people_trained", unit="person"),
        fig("1", "300", indicator="people_trained", unit="person", part_of="0"),
        fig("2", "450", indicator="people_trained", unit="person_time", part_of="0"),
    ]
    (finding,) = run_checks(figures)
    assert (finding.rule, finding.severity) == ("persons_with_person_times", Severity.ERROR)
    assert "person_time" in finding.message


def test_a_cumulative_total_is_not_summed_with_annual_flows() -> None:
    figures = [
        fig("0", "97" + M, text="97 million", period_kind="cumulative", start_year=2001, end_year=2010),
        fig("1", "16" + M, text="16 million", part_of="0"),
    ]
    assert rules_of(run_checks(figures)) == ["cumulative_with_flows"]


@pytest.mark.parametrize(
    ("channel", "total", "subject", "expected"),
    [
        ("225", "37.3", "pairing:liaoning>qinghai", ["channel_exceeds_total"]),
        ("28", "37.3", "pairing:liaoning>qinghai", []),
        ("4380", "145", "area:guangxi", []),  # a place's "aid funds" may be one project's
    ],
)
def test_a_channel_against_the_aid_funds(channel: str, total: str, subject: str, expected: list[str]) -> None:
    figures = [
        fig("0", str(Decimal(total) * 10**6), text=f"{total} million", subject=subject),
        fig(
            "1",
            str(Decimal(channel) * 10**6),
            text=f"{channel} million",
            subject=subject,
            indicator="government_aid_funds",
        ),
    ]
    assert rules_of(run_checks(figures)) == expected


def test_a_channel_is_judged_against_the_largest_aid_funds_of_its_pairing_and_year() -> None:
    """Regression: grants of 75.8 million against a field's 7 million of aid funds, with the year's
    1,574 million of aid funds beside it, raised channel_exceeds_total (the seed report, issue 10)."""
    subject = "pairing:shandong>xinjiang"
    figures = [
        fig("0", str(1574 * 10**6), text="1.574 billion", subject=subject),
        fig("1", str(7 * 10**6), text="7 million", subject=subject),
        fig("2", str(Decimal("75.8") * 10**6), text="75.8 million", subject=subject, indicator="grant_funds"),
    ]
    assert rules_of(run_checks(figures)) == []
    figures[0] = fig("0", str(50 * 10**6), text="50 million", subject=subject)
    (finding,) = [f for f in run_checks(figures) if f.rule == "channel_exceeds_total"]
    assert dict(finding.values) == {"channel": Decimal("75800000"), "aid funds": Decimal("50000000")}
