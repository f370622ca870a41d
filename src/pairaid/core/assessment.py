"""The annual assessment's arithmetic: a rubric of weighted criteria, each scored by a named rule
from what is known of a pairing's year.

A criterion has a ``rule`` (one of :data:`RULES`), a ``weight`` (its points when fully
met) and ``params`` the rule reads. Each rule turns the facts of one pairing-year into a
fraction between 0 and 1 and the evidence for it (lines a person can check); the
criterion's points are ``weight × fraction`` and the score is the points in percent of
the weights. The rules:

* ``indicators`` (params ``indicators``: codes): for each listed indicator, the actual
  against its target where one is set (capped at 1), else 1 when a figure is reported;
  the mean over the list;
* ``plan_execution`` (``cap``: percent, default 100): the mean execution rate of the
  planned indicators, each capped at ``cap``; no plan scores 0;
* ``completeness``: the share of the dataset's indicators that are filled;
* ``open_findings`` (``error``, ``warning``, ``info``: the fraction one finding of that
  severity takes off, defaults 0.25, 0.1 and 0): 1 less the penalties, at least 0.

The rubric itself is data (``pairaid/assessment/data/rubric.yaml``, then the database);
this module has no Django and reads no files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from pairaid.core.codelists import units
from pairaid.core.errors import DataError

ONE = Decimal(1)
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Criterion:
    """A criterion of the rubric: how many points it weighs and the rule that scores it."""

    code: str
    name: str
    weight: Decimal
    rule: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorFact:
    """An indicator of a pairing-year: its actual total and target (None when there is none)."""

    code: str
    unit: str
    actual: Decimal | None
    target: Decimal | None = None


@dataclass(frozen=True)
class ExecutionFact:
    """A planned indicator of a pairing-year: planned and actual totals in one unit."""

    code: str
    unit: str
    planned: Decimal
    actual: Decimal | None


@dataclass(frozen=True)
class CompletenessFact:
    """A pairing's dataset for the year: indicators filled of how many, which are missing, its state."""

    filled: int
    total: int
    missing: tuple[str, ...] = ()
    state: str = "not submitted"
    version: int | None = None


@dataclass(frozen=True)
class FindingFact:
    """A finding of the checks still standing for the pairing-year."""

    severity: str
    rule: str


@dataclass(frozen=True)
class YearFacts:
    """What the rules read of one pairing-year."""

    indicators: Mapping[str, IndicatorFact] = field(default_factory=dict)
    executions: Sequence[ExecutionFact] = ()
    completeness: CompletenessFact | None = None
    findings: Sequence[FindingFact] = ()


@dataclass(frozen=True)
class Clause:
    """One line of a criterion's evidence as data, for pages and reports to word in their language: what
    was judged (``kind``, one of :data:`CLAUSE_KINDS`) and of what (indicator and unit codes, the numbers).

    ``value`` is the actual (reported, done); ``target`` the target or the planned figure; ``rate`` the
    fraction reached; ``count`` and ``total`` counted things (indicators filled of how many, findings of
    one ``severity`` and ``rule``); ``codes`` the indicators missing; ``state`` and ``version`` the
    dataset's. :attr:`text` is the line in English with codes (the API's and the command line's)."""

    kind: str
    indicator: str = ""
    unit: str = ""
    value: Decimal | None = None
    target: Decimal | None = None
    rate: Decimal | None = None
    count: int = 0
    total: int = 0
    severity: str = ""
    rule: str = ""
    codes: tuple[str, ...] = ()
    state: str = ""
    version: int | None = None

    @property
    def text(self) -> str:
        return _TEXTS[self.kind](self)


def _target_text(c: Clause) -> str:
    assert c.value is not None and c.target is not None and c.rate is not None
    return (
        f"{c.indicator}: {_number(c.value)} {_counted(c.value, c.unit)} of the target "
        f"{_number(c.target)} ({_percent(c.rate)})"
    )


def _reported_text(c: Clause) -> str:
    assert c.value is not None
    return f"{c.indicator}: {_number(c.value)} {_counted(c.value, c.unit)} reported (no target)"


def _executed_text(c: Clause) -> str:
    assert c.target is not None and c.rate is not None
    done = _number(c.value) if c.value is not None else "nothing recorded"
    return f"{c.indicator}: {done} of {_number(c.target)} {_counted(c.target, c.unit)} planned ({_percent(c.rate)})"


def _filled_text(c: Clause) -> str:
    version = f" (version {c.version})" if c.version is not None else ""
    return f"{c.count} of {c.total} indicators filled; dataset {c.state}{version}"


_TEXTS: dict[str, Callable[[Clause], str]] = {
    "not_reported": lambda c: f"{c.indicator}: not reported",
    "of_target": _target_text,
    "reported": _reported_text,
    "no_plan": lambda c: "no plan for the year",
    "executed": _executed_text,
    "no_dataset": lambda c: "no dataset is configured for the pairing",
    "filled": _filled_text,
    "missing": lambda c: f"missing: {', '.join(c.codes)}",
    "no_findings": lambda c: "no findings",
    "findings": lambda c: f"{c.count} {c.severity}{'s' if c.count > 1 else ''}: {c.rule}",
}
#: What a clause can say.
CLAUSE_KINDS = tuple(_TEXTS)


@dataclass(frozen=True)
class CriterionScore:
    """A criterion's result: ``points`` of ``weight``, and the evidence for them (``clauses``, as data;
    ``evidence``, their lines in English)."""

    code: str
    name: str
    rule: str
    weight: Decimal
    points: Decimal
    clauses: tuple[Clause, ...]

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.clauses)


@dataclass(frozen=True)
class Score:
    """A pairing-year's assessment: ``score`` (0–100, one decimal) and each criterion's result."""

    score: Decimal
    criteria: tuple[CriterionScore, ...]


Rule = Callable[[Mapping[str, object], YearFacts], tuple[Decimal, list[Clause]]]


def _number(value: Decimal) -> str:
    return f"{value.normalize():,f}" if value != value.to_integral_value() else f"{int(value):,}"


def _counted(value: Decimal, unit: str) -> str:
    """``unit`` written for ``value`` of it: a counted noun whose code is its English singular ("project")
    takes its plural for any number but one ("12 projects", "1 project"); other units stay as coded ("CNY")."""
    known = units().get(unit)
    if known is not None and known.singular_en == unit and value != 1:
        return known.plural_en
    return unit


def _percent(fraction: Decimal) -> str:
    return f"{(fraction * 100).quantize(_TENTH)}%"


def _codes(params: Mapping[str, object]) -> list[str]:
    codes = params.get("indicators")
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise DataError("an 'indicators' criterion needs params.indicators: a list of indicator codes")
    return list(codes)


def score_indicators(params: Mapping[str, object], facts: YearFacts) -> tuple[Decimal, list[Clause]]:
    """Each listed indicator: actual against target (capped at 1), or 1 when reported; the mean."""
    codes = _codes(params)
    parts, evidence = [], []
    for code in codes:
        fact = facts.indicators.get(code)
        if fact is None or fact.actual is None:
            parts.append(Decimal(0))
            evidence.append(Clause("not_reported", code, fact.unit if fact else ""))
        elif fact.target:
            part = min(ONE, fact.actual / fact.target)
            parts.append(part)
            evidence.append(Clause("of_target", code, fact.unit, fact.actual, fact.target, part))
        else:
            parts.append(ONE)
            evidence.append(Clause("reported", code, fact.unit, fact.actual))
    return sum(parts, Decimal(0)) / len(codes), evidence


def score_plan_execution(params: Mapping[str, object], facts: YearFacts) -> tuple[Decimal, list[Clause]]:
    """The mean execution rate of the planned indicators, each capped at ``cap`` percent; no plan is 0."""
    cap = Decimal(str(params.get("cap", 100))) / 100
    if not facts.executions:
        return Decimal(0), [Clause("no_plan")]
    parts, evidence = [], []
    for e in facts.executions:
        rate = (e.actual or Decimal(0)) / e.planned if e.planned else Decimal(0)
        parts.append(min(cap, rate) / cap if cap else Decimal(0))
        evidence.append(Clause("executed", e.code, e.unit, e.actual, e.planned, rate))
    return sum(parts, Decimal(0)) / len(parts), evidence


def score_completeness(params: Mapping[str, object], facts: YearFacts) -> tuple[Decimal, list[Clause]]:
    """The share of the dataset's indicators that are filled."""
    found = facts.completeness
    if found is None or not found.total:
        return Decimal(0), [Clause("no_dataset")]
    line = Clause("filled", count=found.filled, total=found.total, state=found.state, version=found.version)
    evidence = [line] + ([Clause("missing", codes=tuple(found.missing))] if found.missing else [])
    return Decimal(found.filled) / found.total, evidence


_PENALTIES = {"error": Decimal("0.25"), "warning": Decimal("0.1"), "info": Decimal(0)}


def score_open_findings(params: Mapping[str, object], facts: YearFacts) -> tuple[Decimal, list[Clause]]:
    """1 less a penalty per finding still standing (by severity), at least 0."""
    penalty = {s: Decimal(str(params.get(s, default))) for s, default in _PENALTIES.items()}
    if not facts.findings:
        return ONE, [Clause("no_findings")]
    counts: dict[tuple[str, str], int] = {}
    for f in facts.findings:
        counts[(f.severity, f.rule)] = counts.get((f.severity, f.rule), 0) + 1
    taken = sum((penalty.get(s, Decimal(0)) * n for (s, _), n in counts.items()), Decimal(0))
    evidence = [Clause("findings", count=n, severity=s, rule=rule) for (s, rule), n in sorted(counts.items())]
    return max(Decimal(0), ONE - taken), evidence


RULES: dict[str, Rule] = {
    "indicators": score_indicators,
    "plan_execution": score_plan_execution,
    "completeness": score_completeness,
    "open_findings": score_open_findings,
}


def check_criterion(criterion: Criterion) -> None:
    """Raise :class:`DataError` when ``criterion`` cannot be scored (an unknown rule, a negative weight,
    params the rule cannot read)."""
    if criterion.rule not in RULES:
        raise DataError(f"criterion {criterion.code}: unknown rule {criterion.rule!r} (use one of {', '.join(RULES)})")
    if criterion.weight < 0:
        raise DataError(f"criterion {criterion.code}: a weight cannot be negative ({criterion.weight})")
    if criterion.rule == "indicators":
        _codes(criterion.params)
    for key in ("cap", "error", "warning", "info"):
        if key in criterion.params:
            try:
                value = Decimal(str(criterion.params[key]))
            except ArithmeticError:
                raise DataError(f"criterion {criterion.code}: params.{key} is not a number") from None
            if value < 0:
                raise DataError(f"criterion {criterion.code}: params.{key} cannot be negative")


def assess(criteria: Sequence[Criterion], facts: YearFacts) -> Score:
    """Score one pairing-year: each criterion's points (two decimals) and the score, 0–100 (one decimal)."""
    results = []
    for criterion in criteria:
        fraction, evidence = RULES[criterion.rule](criterion.params, facts)
        points = (criterion.weight * fraction).quantize(_CENT)
        results.append(
            CriterionScore(criterion.code, criterion.name, criterion.rule, criterion.weight, points, tuple(evidence))
        )
    weights = sum((c.weight for c in criteria), Decimal(0))
    total = sum((r.points for r in results), Decimal(0))
    score = (total * 100 / weights).quantize(_TENTH) if weights else Decimal(0)
    return Score(score, tuple(results))
