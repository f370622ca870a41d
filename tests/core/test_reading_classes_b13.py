"""Classes of reading error of blind set 13 (issue 11), each fixed as a general rule and tested here on made-up
text (no sentence of any report): a funding source named in one clause does not flow into a parallel clause with
its own cue; gapped clauses ("Kelan gave N yuan and Cangzhou M"); a year of a figure's own clause wins over a
period of the clause before. The report year of a yearbook edition: tests/core/test_report_year.py."""

from __future__ import annotations

import pytest

from pairaid.core.extract import Period, read_report


def _period(p: Period) -> str:
    return f"cumulative:{p.start_year}-{p.end_year}" if p.kind == "cumulative" else f"{p.kind}:{p.year}"


def _facts(text: str, year: int = 2026) -> dict[str, list[tuple[str, str]]]:
    ex = read_report(text, report_year=year, donor="Kelan", recipient="Dongpo")
    out: dict[str, list[tuple[str, str]]] = {}
    for f in ex.facts:
        out.setdefault(ex.mentions[f.mention].text, []).append((f.indicator, _period(f.period)))
    return out


Y = "year:2026"


@pytest.mark.parametrize(
    ("text", "figure", "reading"),
    [
        # each clause's own cue wins: the fiscal source of the first clause does not flow into the others
        (
            "Fiscal aid of 70 million yuan was allocated, and 45 projects were built, attracting 900 million yuan of "
            "enterprise investment.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan allocated fiscal aid of 70 million yuan, and 900 million yuan of corporate investment was "
            "brought in.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan gave 70 million yuan in grants, and 900 million yuan was invested by Kelan firms.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan helped Dongpo attract 900 million yuan of investment.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Fiscal aid of 70 million yuan was allocated, and 45 projects were built, attracting 900 million yuan of "
            "enterprise investment.",
            "70 million yuan",
            ("government_aid_funds", Y),
        ),
        (
            "Government funds of 70 million yuan were allocated to Dongpo.",
            "70 million yuan",
            ("government_aid_funds", Y),
        ),
        # gapped clauses: the second party's figure shares the first figure's verb, unit and indicator
        ("Kelan gave 50 million yuan of aid funds and Cangzhou 30 million.", "30 million", ("aid_funds", Y)),
        ("Kelan gave 5 million yuan of aid funds and Cangzhou 3.", "3", ("aid_funds", Y)),
        ("Kelan sent 40 teachers to Dongpo, while Cangzhou sent 25.", "25", ("professionals_sent", Y)),
        ("Kelan trained 300 herders and the county 120.", "120", ("people_trained", Y)),
        # a year of the figure's own clause wins over a stock date of the clause before
        (
            "Kelan built a park, where 37 Kelan firms had set up by the end of May, while Kelan helped Dongpo attract "
            "900 million yuan of investment this year.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
    ],
)
def test_each_clause_reads_by_its_own_cue(text: str, figure: str, reading: tuple[str, str]) -> None:
    assert _facts(text)[figure] == [reading]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Kelan gave 50 million yuan of aid funds and Cangzhou built 30 houses.", "30 houses"),
        ("Kelan trained 300 herders, while Cangzhou had 120 in its own courses.", "120"),
    ],
)
def test_a_clause_with_its_own_verb_is_no_gap(text: str, figure: str) -> None:
    facts = _facts(text)
    assert facts.get(figure, [("", "")])[0][0] not in ("aid_funds", "people_trained")


def test_a_gapped_sum_takes_the_scale_of_the_sum_before_it() -> None:
    ex = read_report("Kelan gave 5 million yuan of aid funds and Cangzhou 3.", report_year=2026)
    three = next(m for m in ex.mentions if m.text == "3")
    assert (three.unit, three.value) == ("CNY", 3000000)
