"""The reporting year in a pairing's report: plan against actual, promised against arrived by
recipient, the year's events and the pairing's assessment, in the report's language.

Read through the selectors the pages use (:mod:`pairaid.plans.selectors`,
:mod:`pairaid.events.selectors`, :mod:`pairaid.assessment.selectors`), so that the report and
the pairing page say the same; figures are written as the report writes them (units,
qualifiers, money in million yuan / 万元 and 亿元), events from their kind and fields
(``data/events.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pairaid.registry.models import Pairing
from pairaid.reports.labels import is_zh, money, quantity, say, wording
from pairaid.reports.links import evidence_url


@dataclass(frozen=True)
class ExecutionLine:
    """Plan against actual of one indicator: planned and actual as written, executed in percent."""

    label: str
    subject: str
    planned: str
    actual: str
    rate: Decimal | None


@dataclass(frozen=True)
class EventLine:
    """One event: its date (or year), what it was, and its details in words."""

    date: str
    what: str
    details: str
    evidence_url: str | None = None


@dataclass(frozen=True)
class CriterionLine:
    """One criterion of the assessment: its name and points of its weight."""

    name: str
    points: str
    weight: str


@dataclass
class ReportingYear:
    """The reporting-year section of a pairing's report."""

    execution: list[ExecutionLine] = field(default_factory=list)
    recipients: list[ExecutionLine] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)
    score: str | None = None
    score_line: str = ""
    criteria: list[CriterionLine] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.execution or self.recipients or self.events or self.criteria)


def _points(value: Decimal) -> str:
    """Points to one decimal at most: 22.5, 10."""
    text = f"{value.quantize(Decimal('0.1')).normalize():f}"
    return text


def _execution(rows: list[Any], language: str, nothing: str, scope: str) -> list[ExecutionLine]:
    """Plan against actual as written; a line of no subject of its own is of ``scope`` (the pairing's name)."""
    return [
        ExecutionLine(
            r.label,
            r.subject or scope,
            quantity(r.planned, r.unit, language),
            nothing if r.actual is None else quantity(r.actual, r.unit, language),
            r.rate,
        )
        for r in rows
    ]


_LEVELS = ("province", "prefecture", "county")


def _places(text: str, language: str) -> str:
    """Place names typed in an event (";" between several) in ``language``: in Chinese, each name
    an area is known by (English or pinyin, "Kashi", "Shandong Province") as its Chinese name (the
    highest level first: Kashi is 喀什地区 before 喀什市); a name no area has stays as typed."""
    if not is_zh(language) or not text:
        return text
    from pairaid.geo.selectors import area_names_zh

    names = []
    for part in (p.strip() for p in text.split(";")):
        found = area_names_zh(name=part)
        ranked = sorted(found, key=lambda a: _LEVELS.index(a[0]) if a[0] in _LEVELS else len(_LEVELS))
        names.append(ranked[0][1] if ranked else part)
    return "、".join(n for n in names if n)


def _event_fields(event: Any, kind: str, language: str) -> list[str]:
    """The event's fields in words, from ``data/events.yaml``."""
    words = wording("events")
    fields = words["fields"]
    zh = is_zh(language)
    values: list[tuple[str, str]] = []
    if kind == "visit":
        values.append(("", say(words["directions"][event.direction], language)))
        level = say(words["leader_levels"].get(event.leader_level, {"en": "", "zh": ""}), language)
        if level:
            values.append(("", level))
        if event.leaders:
            values.append(
                ("leaders", quantity(Decimal(event.leaders), event.leaders_unit, language, event.leaders_qualifier))
            )
        if event.delegations:
            values.append(("delegations", str(event.delegations)))
        if event.size:
            values.append(("size", str(event.size)))
        if event.place:
            values.append(("place", _places(event.place, language)))
    elif kind == "cadre_batch":
        values += [("number", str(event.number)), ("persons", quantity(Decimal(event.persons), "person", language))]
        if event.area is not None:
            values.append(("area", event.area.display_name(language)))
    elif kind == "trade_fair":
        for name in ("delegation_size", "organisations", "booths", "contracts"):
            if getattr(event, name):
                values.append((name, str(getattr(event, name))))
        if event.contract_value:
            values.append(("contract_value", money(event.contract_value, language)))
    elif kind == "agreement":
        values.append(("parties", _places(event.parties, language)))
        if event.value:
            values.append(("value", money(event.value, language)))
        if event.fields:
            values.append(("fields", str(len(event.fields)) if zh else "; ".join(event.fields)))
    shown = [say(fields[name], language).format(n=value) if name else value for name, value in values]
    return [s for s in shown if s]


def _events(pairing: Pairing, year: int, language: str) -> list[EventLine]:
    from pairaid.events.selectors import events_by_kind, events_of_year

    rows = events_of_year(pairing=pairing, year=year)
    loaded = events_by_kind(rows=rows)
    zh = is_zh(language)
    lines = []
    for r in rows:
        event = loaded[r.kind][r.id]
        kind_name = say(wording("events")["kinds"][r.kind], language)
        # the Chinese report names an event by its kind: its title is typed in one language
        what = kind_name if zh or not r.title else r.title
        when = r.date.isoformat() if r.date else (f"{r.year}年" if zh else str(r.year))
        e = event.evidence
        lines.append(
            EventLine(
                when,
                what,
                ("；" if zh else "; ").join(_event_fields(event, r.kind, language)),
                evidence_url(e.document_id, e.start, e.end) if e else None,
            )
        )
    return lines


def reporting_year(*, pairing: Pairing, year: int, language: str, labels: dict[str, str]) -> ReportingYear:
    """``pairing``'s reporting year ``year`` (with every pairing under it); ``labels``: the report's
    (:func:`pairaid.reports.labels.labels`)."""
    nothing = labels["nothing_done"]
    from django.utils import translation

    from pairaid.assessment.selectors import assessment_of
    from pairaid.core.errors import DataError
    from pairaid.indicators.rollups import rollup_prefetch
    from pairaid.plans.selectors import pairing_execution, plan_executions

    # the tree's statements of the year, every kind, read at once for plan against actual and the assessment
    # (within the report's reads: read_once), and plan against actual worked out once for both
    rollup_prefetch(years=[year], root=pairing)
    executions = plan_executions(year=year, root=pairing, language=language)
    planned, promised = pairing_execution(pairing=pairing, year=year, language=language, executions=executions)
    section = ReportingYear(
        execution=_execution(planned, language, nothing, pairing.display_name(language)),
        recipients=_execution(promised, language, nothing, pairing.display_name(language)),
        events=_events(pairing, year, language),
    )
    with translation.override(language):
        try:
            score = assessment_of(pairing=pairing, year=year, language=language, executions=executions)
        except DataError:  # a criterion that cannot be scored: the assessment page names it
            return section
    section.score = _points(score.score)
    section.score_line = labels["score_line"].format(score=section.score)
    section.criteria = [CriterionLine(c.name, _points(c.points), _points(c.weight)) for c in score.criteria]
    return section
