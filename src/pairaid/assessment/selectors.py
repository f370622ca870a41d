"""The annual assessment of every pairing in force in a year: the facts each criterion reads, gathered
in bulk, scored by :mod:`pairaid.core.assessment`, and ranked.

Facts of a pairing-year (its own and the pairings' under it):

* indicator totals and targets: the roll-ups of actual and target figures (one read each
  for every pairing), flows of the year;
* plan execution: :func:`pairaid.plans.selectors.plan_executions` for the pairings whose
  tree holds a plan of the year, read at once;
* completeness: :func:`pairaid.datasets.selectors.completeness_of_year`, with the state of the
  latest version of the dataset;
* findings: the checks' open findings of the year, as its page lists them (among confirmed figures, and
  among extracted ones unless found among confirmed ones too).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from pairaid.assessment.models import Criterion
from pairaid.assessment.seed import rubric_seed
from pairaid.checks.models import Finding
from pairaid.checks.selectors import tree_findings
from pairaid.core import assessment as rubric
from pairaid.core.read_once import once
from pairaid.datasets.models import Submission
from pairaid.datasets.selectors import Completeness, completeness_of_year
from pairaid.indicators.models import DataValueKind
from pairaid.indicators.rollups import Rollup, rollup_prefetch, rollup_read
from pairaid.indicators.selectors import indicators_by_code
from pairaid.plans.selectors import ExecutionRow, plan_executions
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_list


@dataclass(frozen=True)
class PairingAssessment:
    """One pairing's assessment for a year: its rank (1 is best; equal scores share a rank) and score."""

    pairing: Pairing
    year: int
    rank: int
    result: rubric.Score

    @property
    def score(self) -> Decimal:
        return self.result.score


def criterion_get(*, code: str) -> Criterion:
    """The stored criterion with this code (raises ``Criterion.DoesNotExist``)."""
    return Criterion.objects.get(code=code)


def criterion_list() -> list[Criterion]:
    """The stored criteria, in the rubric's order (read once per page: :mod:`pairaid.core.read_once`)."""
    return once("assessment_criteria", lambda: list(Criterion.objects.all()))


def rubric_criteria(*, language: str = "en") -> list[rubric.Criterion]:
    """The stored rubric, as the scoring reads it; the shipped one (``data/rubric.yaml``) while none is
    stored (``pairaid init`` stores it)."""
    rows = criterion_list()
    if not rows:
        zh = language.lower().startswith("zh")
        return [
            rubric.Criterion(
                r["code"], (r.get("name_zh") if zh else None) or r["name_en"], Decimal(str(r["weight"])), r["rule"],
                dict(r.get("params") or {}),
            )
            for r in rubric_seed()
        ]
    return [
        rubric.Criterion(c.code, c.display_name(language), Decimal(c.weight), c.rule, dict(c.params)) for c in rows
    ]


def submission_state(submission: Submission) -> tuple[str, int]:
    """What the completeness criterion says of a dataset's latest version: its state (code) and version."""
    return str(submission.state), submission.version


def _ancestors(parent: dict[int, int | None], node: int) -> list[int]:
    found = [node]
    while (up := parent.get(found[-1])) is not None and len(found) < 16:
        found.append(up)
    return found


def _total(rollup: Rollup, code: str, year: int, pairing_id: int, unit: str) -> Decimal | None:
    totals = rollup.pairing_totals(code, year)
    for (found_unit, _kind), by_pairing in sorted(totals.items(), key=lambda item: item[0][0] != unit):
        if pairing_id in by_pairing and (found_unit == unit or len(totals) == 1):
            return by_pairing[pairing_id].value
    return None


class _Facts:
    """The facts of every pairing of one year, read in a few queries."""

    def __init__(
        self,
        *,
        year: int,
        criteria: list[rubric.Criterion],
        language: str,
        pairings: list[Pairing],
        root: Pairing | None = None,
        executions: dict[int, list[ExecutionRow]] | None = None,
        completeness: dict[int, Completeness] | None = None,
        states: dict[int, tuple[str, int]] | None = None,
    ) -> None:
        self.year, self.language = year, language
        listed = [k.params["indicators"] for k in criteria if k.rule == "indicators"]
        codes = sorted({str(code) for codes in listed for code in codes})  # type: ignore[attr-defined]
        every = indicators_by_code()
        self.indicators = {code: every[code] for code in codes if code in every and every[code].aggregation != "none"}
        summed = list(self.indicators)
        self.actual = rollup_read(indicators=summed, years=[year], root=root) if summed else None
        self.target = (
            rollup_read(indicators=summed, years=[year], root=root, kind=DataValueKind.TARGET) if summed else None
        )
        forest = self.actual.forest.parent if self.actual else dict(Pairing.objects.values_list("pk", "parent_id"))
        self.parent: dict[int, int | None] = dict(forest)
        self.executions = (
            plan_executions(year=year, root=root, language=language) if executions is None else executions
        )
        self.completeness = (
            completeness_of_year(pairings=pairings, year=year, language=language, parent=self.parent)
            if completeness is None
            else completeness
        )
        self.findings: dict[int, list[rubric.FindingFact]] = defaultdict(list)
        if root is not None:  # only the findings of its tree count towards its score (as its page lists them)
            found = [
                (f.pairing_id, f.severity, f.rule, f.message, f.includes_extracted)
                for f in tree_findings(pairing=root, year=year)
                if f.pairing_id is not None
            ]
        else:
            found = list(
                Finding.objects.filter(year=year, pairing__isnull=False).values_list(
                    "pairing_id", "severity", "rule", "message", "includes_extracted"
                )
            )
        for pairing_id, severity, rule in _open(found):
            for node in _ancestors(self.parent, pairing_id):
                self.findings[node].append(rubric.FindingFact(severity, rule))
        self.states = (
            {
                s.pairing_id: submission_state(s)
                for s in Submission.objects.filter(year=year).order_by("version")
            }
            if states is None
            else states
        )

    def of(self, pairing: Pairing) -> rubric.YearFacts:
        indicators = {
            code: rubric.IndicatorFact(
                code,
                item.unit,
                _total(self.actual, code, self.year, pairing.pk, item.unit) if self.actual else None,
                _total(self.target, code, self.year, pairing.pk, item.unit) if self.target else None,
            )
            for code, item in self.indicators.items()
        }
        executions = [
            rubric.ExecutionFact(r.code, r.unit, r.planned, r.actual) for r in self.executions.get(pairing.pk, [])
        ]
        found = self.completeness.get(pairing.pk)
        state, version = self.states.get(pairing.pk, ("not submitted", None))
        filled = (
            None if found is None else rubric.CompletenessFact(found.filled, found.total, found.missing, state, version)
        )
        return rubric.YearFacts(indicators, executions, filled, tuple(self.findings.get(pairing.pk, ())))


def _open(found: list[tuple[int, str, str, str, bool]]) -> list[tuple[int, str, str]]:
    """The open findings of a year as the pages list them, each problem once (issue 12: those among extracted
    figures were left out, so a pairing's page showed a warning beside "the checks found no problem"): a finding
    among confirmed figures, and one among extracted figures too unless the same was found among confirmed ones.
    """
    confirmed = {(p, rule, message) for p, _, rule, message, extracted in found if not extracted}
    return [
        (p, severity, rule)
        for p, severity, rule, message, extracted in found
        if not extracted or (p, rule, message) not in confirmed
    ]


def _ranked(scored: list[tuple[Pairing, rubric.Score]], year: int) -> list[PairingAssessment]:
    scored.sort(key=lambda item: (-item[1].score, str(item[0])))
    ranked, rank, previous = [], 0, None
    for index, (pairing, score) in enumerate(scored, start=1):
        if score.score != previous:
            rank, previous = index, score.score
        ranked.append(PairingAssessment(pairing, year, rank, score))
    return ranked


def assessment_run(*, year: int, language: str = "en") -> list[PairingAssessment]:
    """Every pairing in force in ``year``, scored by the stored rubric and ranked (best first).

    Raises:
        DataError: a criterion cannot be scored.
    """
    criteria = rubric_criteria(language=language)
    for criterion in criteria:
        rubric.check_criterion(criterion)
    pairings = list(pairing_list(year=year).order_by("pk"))
    rollup_prefetch(years=[year])
    facts = _Facts(year=year, criteria=criteria, language=language, pairings=pairings)
    return _ranked([(p, rubric.assess(criteria, facts.of(p))) for p in pairings], year)


def assessment_of(
    *,
    pairing: Pairing,
    year: int,
    language: str = "en",
    executions: dict[int, list[ExecutionRow]] | None = None,
    completeness: Completeness | None = None,
    submission: Submission | None = None,
    read: bool = True,
) -> rubric.Score:
    """``pairing``'s score for ``year`` (without its rank: :func:`assessment_run` ranks every pairing),
    reading only its own tree.

    A page that has read them already passes plan against actual of the tree
    (:func:`pairaid.plans.selectors.plan_executions` with ``root=pairing``), the dataset's completeness and
    its latest version, with ``read=False`` (the completeness and version given are then all there is).

    Raises:
        DataError: a criterion cannot be scored.
    """
    criteria = rubric_criteria(language=language)
    given = {} if read else {
        "completeness": {pairing.pk: completeness} if completeness is not None else {},
        "states": {pairing.pk: submission_state(submission)} if submission is not None else {},
    }
    facts = _Facts(
        year=year,
        criteria=criteria,
        language=language,
        pairings=[pairing],
        root=pairing,
        executions=executions,
        **given,  # type: ignore[arg-type]
    )
    return rubric.assess(criteria, facts.of(pairing))
