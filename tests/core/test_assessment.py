"""The assessment's rules: each criterion's fraction, points and evidence, and the score."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from pairaid.core.assessment import (
    Clause,
    CompletenessFact,
    Criterion,
    ExecutionFact,
    FindingFact,
    IndicatorFact,
    YearFacts,
    assess,
    check_criterion,
    score_indicators,
)
from pairaid.core.errors import DataError

FACTS = YearFacts(
    indicators={
        "aid_funds": IndicatorFact("aid_funds", "CNY", D("1574000000"), D("2000000000")),
        "surgeries": IndicatorFact("surgeries", "operation", D("4456")),
        "jobs": IndicatorFact("jobs", "person", None),
    },
    executions=(
        ExecutionFact("enterprise_investment", "CNY", D("5100000000"), D("1500000000")),
        ExecutionFact("aid_projects", "project", D("19"), D("39")),
    ),
    completeness=CompletenessFact(12, 15, ("jobs", "houses", "schools"), "frozen (version 1)"),
    findings=(FindingFact("error", "parts_exceed_whole"), FindingFact("warning", "told_two_ways"),
              FindingFact("warning", "told_two_ways")),
)


@pytest.mark.parametrize(
    ("rule", "params", "points", "evidence"),
    [
        ("indicators", {"indicators": ["aid_funds"]}, D("7.87"),
         ("aid_funds: 1,574,000,000 CNY of the target 2,000,000,000 (78.7%)",)),
        ("indicators", {"indicators": ["surgeries", "jobs"]}, D("5.00"),
         ("surgeries: 4,456 operations reported (no target)", "jobs: not reported")),
        ("plan_execution", {"cap": 100}, D("6.47"),
         ("enterprise_investment: 1,500,000,000 of 5,100,000,000 CNY planned (29.4%)",
          "aid_projects: 39 of 19 projects planned (205.3%)")),
        ("completeness", {}, D("8.00"), ("12 of 15 indicators filled; dataset frozen (version 1)",
                                         "missing: jobs, houses, schools")),
        ("open_findings", {"error": 0.25, "warning": 0.1}, D("5.50"),
         ("1 error: parts_exceed_whole", "2 warnings: told_two_ways")),
    ],
)
def test_each_rule_scores_and_says_why(rule: str, params: dict, points: D, evidence: tuple[str, ...]) -> None:
    result = assess([Criterion("c", "C", D(10), rule, params)], FACTS)
    [criterion] = result.criteria
    assert (criterion.points, criterion.evidence) == (points, evidence)
    assert result.score == (points * 10).quantize(D("0.1"))


def test_an_empty_year_scores_what_it_deserves() -> None:
    criteria = [
        Criterion("plan", "Plan", D(25), "plan_execution", {}),
        Criterion("filled", "Filled", D(15), "completeness", {}),
        Criterion("clean", "Clean", D(10), "open_findings", {}),
    ]
    result = assess(criteria, YearFacts())
    assert [(c.points, c.evidence) for c in result.criteria] == [
        (D("0.00"), ("no plan for the year",)),
        (D("0.00"), ("no dataset is configured for the pairing",)),
        (D("10.00"), ("no findings",)),
    ]
    assert result.score == D("20.0")


@pytest.mark.parametrize(
    ("criterion", "message"),
    [
        (Criterion("x", "X", D(5), "popularity", {}), "unknown rule 'popularity'"),
        (Criterion("x", "X", D(-1), "completeness", {}), "cannot be negative"),
        (Criterion("x", "X", D(5), "indicators", {"indicators": "aid_funds"}), "a list of indicator codes"),
        (Criterion("x", "X", D(5), "open_findings", {"error": "much"}), "params.error is not a number"),
    ],
)
def test_a_criterion_that_cannot_be_scored_is_refused(criterion: Criterion, message: str) -> None:
    with pytest.raises(DataError, match=message):
        check_criterion(criterion)


def test_evidence_writes_a_counted_unit_in_the_plural_for_any_number_but_one() -> None:
    """Regression: '39 project reported' — a count of a counted unit is written with its plural (units.csv)."""
    facts = YearFacts(indicators={
        "schools": IndicatorFact("schools", "school", D("1")),
        "aid_projects": IndicatorFact("aid_projects", "project", D("39")),
        "aid_funds": IndicatorFact("aid_funds", "CNY", D("2")),
    })
    _, evidence = score_indicators({"indicators": ["schools", "aid_projects", "aid_funds"]}, facts)
    assert [c.text for c in evidence] == [
        "schools: 1 school reported (no target)",
        "aid_projects: 39 projects reported (no target)",
        "aid_funds: 2 CNY reported (no target)",
    ]


def test_the_evidence_is_data_for_the_pages_to_word() -> None:
    """Each line of evidence says what was judged and of what, by codes and numbers (the pages and reports word it in
    the reader's language); its English text is what the API and the command line give."""
    rules = [("indicators", {"indicators": ["aid_funds", "surgeries", "jobs"]}), ("plan_execution", {}),
             ("completeness", {}), ("open_findings", {})]
    facts = YearFacts(FACTS.indicators, FACTS.executions, CompletenessFact(12, 15, ("jobs",), "approved", 2),
                      FACTS.findings)
    result = assess([Criterion(r, r, D(10), r, p) for r, p in rules], facts)
    clauses = [c for criterion in result.criteria for c in criterion.clauses]
    assert clauses == [
        Clause("of_target", "aid_funds", "CNY", D("1574000000"), D("2000000000"), D("0.787")),
        Clause("reported", "surgeries", "operation", D("4456")),
        Clause("not_reported", "jobs", "person"),
        Clause("executed", "enterprise_investment", "CNY", D("1500000000"), D("5100000000"),
               D("1500000000") / D("5100000000")),
        Clause("executed", "aid_projects", "project", D("39"), D("19"), D("39") / D("19")),
        Clause("filled", count=12, total=15, state="approved", version=2),
        Clause("missing", codes=("jobs",)),
        Clause("findings", count=1, severity="error", rule="parts_exceed_whole"),
        Clause("findings", count=2, severity="warning", rule="told_two_ways"),
    ]
    assert result.criteria[2].evidence == ("12 of 15 indicators filled; dataset approved (version 2)", "missing: jobs")
    empty = assess([Criterion(r, r, D(10), r, p) for r, p in rules[1:]], YearFacts())
    assert [c.clauses for c in empty.criteria] == [(Clause("no_plan"),), (Clause("no_dataset"),),
                                                   (Clause("no_findings"),)]
