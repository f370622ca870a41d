"""The reporting year in the API: plan against actual, planned values, datasets and the steps of their
approval, events, the assessment and its rubric.

Each endpoint parses its input, calls one selector or service (which checks the user's rights) and
returns the result; a locked dataset answers 409 like every other conflict.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Field, Path, Query, Schema

from pairaid.api.auth import READ_SECURITY, WRITE_AUTH, api_user
from pairaid.api.errors import WRITE_ERRORS
from pairaid.api.fields import MAX_ID, Absent, AreaCode, DataValueNumber, Id, InputSchema, Text, Weight
from pairaid.api.reads import _ok, router
from pairaid.api.schemas import DataValueOut
from pairaid.assessment.selectors import assessment_run, criterion_get
from pairaid.assessment.services import criterion_update
from pairaid.datasets import selectors as datasets
from pairaid.datasets.services import STEPS, dataset_configure, submission_step
from pairaid.events.selectors import event_get, events_of_year
from pairaid.events.services import EVENT_MODELS, event_create, event_update
from pairaid.geo.selectors import area_find, area_get
from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import datavalue_get
from pairaid.plans.selectors import area_promised, pairing_execution
from pairaid.plans.services import plan_get_or_create, plan_value_set
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_get
from pairaid.reports.clause_words import evidence_lines

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
PathYear = Annotated[int, Path(ge=1949, le=2100)]
Year = Annotated[int, Field(ge=1949, le=2100)]


def _written(status: int, schema: object) -> dict[int, object]:
    return {status: schema, **WRITE_ERRORS}


def _language() -> str:
    return get_language() or "en"


class YearQuery(Schema):
    year: Year


class ExecutionOut(Schema):
    """Plan against actual of one indicator: ``rate`` is actual in percent of planned (null: none done)."""

    indicator: str
    label: str
    unit: str
    period_kind: str
    planned: Decimal
    actual: Decimal | None
    rate: Decimal | None
    subject: str = Field("", description="the recipient the row is about (empty: the pairing itself)")


def _execution(rows: list[Any]) -> list[ExecutionOut]:
    return [
        ExecutionOut(
            indicator=r.code, label=r.label, unit=r.unit, period_kind=r.period_kind, planned=r.planned,
            actual=r.actual, rate=r.rate, subject=r.subject,
        )
        for r in rows
    ]


class PlanExecutionOut(Schema):
    pairing: int
    year: int
    execution: list[ExecutionOut]
    recipients: list[ExecutionOut]


@router.get(
    "/pairings/{pk}/plan-execution", response=_ok(PlanExecutionOut), tags=["plans"], openapi_extra=READ_SECURITY
)
def pairing_plan_execution(request: HttpRequest, pk: PathId, query: Query[YearQuery]) -> PlanExecutionOut:
    """Plan against actual of the pairing's tree in ``year``, and promised against arrived per recipient."""
    pairing = pairing_get(pk=pk)
    execution, recipients = pairing_execution(pairing=pairing, year=query.year, language=_language())
    return PlanExecutionOut(
        pairing=pairing.pk, year=query.year, execution=_execution(execution), recipients=_execution(recipients)
    )


@router.get("/areas/{code}/promised", response=_ok(list[ExecutionOut]), tags=["plans"], openapi_extra=READ_SECURITY)
def area_promised_list(
    request: HttpRequest, code: Annotated[str, Path(pattern=r"^[0-9]{6}$")], query: Query[YearQuery]
) -> list[ExecutionOut]:
    """What was promised to the area in ``year`` against what arrived, from every donor."""
    area = area_get(code=code)
    return _execution(area_promised(area=area, year=query.year, language=_language()))


class PlannedValueIn(InputSchema):
    indicator: Text(64, 1)  # type: ignore[valid-type]
    value: DataValueNumber
    area: AreaCode | None = Field(None, description="a recipient area of the pairing: that area's plan")
    period_kind: Literal["year", "as_of"] | None = Field(None, description="default: year (flows), as_of (stocks)")


@router.put(
    "/plans/{pairing}/{year}/values", response=_written(200, DataValueOut), tags=["plans"], auth=WRITE_AUTH
)
def plan_value_put(request: HttpRequest, pairing: PathId, year: PathYear, body: PlannedValueIn) -> DataValue:
    """Set a planned value of the pairing's plan for ``year`` (the plan is made when missing). An ``area``
    outside the pairing's recipient area is refused (403), as every write that names one is."""
    found = pairing_get(pk=pairing)
    area = area_find(code=body.area) if body.area else None
    if body.area and area is None:  # invalid in itself: 422, as POST /data-values answers (a path's object: 404)
        raise ValidationError({"area": ["unknown area code"]})
    # an area outside the pairing's recipient area is refused with 403, as for a figure, an activity and an event
    plan, _created = plan_get_or_create(user=api_user(request), pairing=found, year=year, area=area)
    value = plan_value_set(
        user=api_user(request), plan=plan, indicator=body.indicator, value=body.value, period_kind=body.period_kind
    )
    return datavalue_get(pk=value.pk)


class CompletenessRowOut(Schema):
    indicator: str
    state: Literal["filled", "to_review", "missing"]
    value: Decimal | None
    unit: str
    by: str


class DatasetOut(Schema):
    """A pairing's dataset for a year: its latest version's state and completeness."""

    pairing: int
    year: int
    dataset: str | None
    version: int | None
    state: str = Field(..., description="open, submitted, approved or frozen")
    approvals: int
    waiting_for: str | None = Field(None, description="the level the submission waits for: a pairing, or national")
    reason: str
    filled: int
    total: int
    completeness: list[CompletenessRowOut]


def _dataset_out(pairing: Pairing, year: int) -> DatasetOut:
    submission = datasets.submission_current(pairing=pairing, year=year)
    try:
        found = datasets.completeness(pairing=pairing, year=year, language=_language())
    except ValueError:
        found = None
    waiting = None
    if submission is not None and submission.state == "submitted":
        level = datasets.submission_level(submission=submission)
        waiting = "national" if level is None else str(level.pk)
    return DatasetOut(
        pairing=pairing.pk,
        year=year,
        dataset=found.dataset.code if found else None,
        version=submission.version if submission else None,
        state=submission.state if submission else "open",
        approvals=submission.approvals if submission else 0,
        waiting_for=waiting,
        reason=submission.reason if submission else "",
        filled=found.filled if found else 0,
        total=found.total if found else 0,
        completeness=[
            CompletenessRowOut(indicator=r.code, state=r.state, value=r.value, unit=r.unit, by=r.by)  # type: ignore[arg-type]
            for r in (found.rows if found else ())
        ],
    )


@router.get("/datasets/{pairing}/{year}", response=_ok(DatasetOut), tags=["datasets"], openapi_extra=READ_SECURITY)
def dataset_get(request: HttpRequest, pairing: PathId, year: PathYear) -> DatasetOut:
    """The pairing's dataset for ``year``: state, the level it waits for, what is filled and missing."""
    return _dataset_out(pairing_get(pk=pairing), year)


class StepIn(InputSchema):
    reason: Text(2000) = ""  # type: ignore[valid-type]


@router.post(
    "/datasets/{pairing}/{year}/{step}", response=_written(200, DatasetOut), tags=["datasets"], auth=WRITE_AUTH
)
def dataset_step(
    request: HttpRequest, pairing: PathId, year: PathYear, step: Literal[STEPS], body: StepIn  # type: ignore[valid-type]
) -> DatasetOut:
    """Take a step on the pairing's dataset for ``year``: submit, approve (at the level it waits for),
    return (with a reason), freeze, or correct a frozen one (a new version, with a reason)."""
    found = pairing_get(pk=pairing)
    submission_step(user=api_user(request), pairing=found, year=year, step=step, reason=body.reason)
    return _dataset_out(found, year)


class DatasetConfigIn(InputSchema):
    indicators: list[Text(64, 1)] = Field(..., min_length=1, max_length=200)  # type: ignore[valid-type]
    levels: list[Literal["province", "prefecture", "county", "village", "institution"]] | None = None


class DatasetConfigOut(Schema):
    code: str
    indicators: list[str]
    levels: list[str]


@router.put("/datasets/{code}", response=_written(200, DatasetConfigOut), tags=["datasets"], auth=WRITE_AUTH)
def dataset_put(
    request: HttpRequest, code: Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]{1,64}$")], body: DatasetConfigIn
) -> DatasetConfigOut:
    """Set the indicators (in form order) and the pairing levels of a dataset (the national office)."""
    dataset = datasets.dataset_get(code=code)
    dataset_configure(user=api_user(request), dataset=dataset, indicators=body.indicators, levels=body.levels)
    return DatasetConfigOut(
        code=dataset.code,
        indicators=[i.code for i in datasets.dataset_indicators(dataset=dataset)],
        levels=list(dataset.levels),
    )


class EventOut(Schema):
    kind: str
    id: int
    year: int
    date: dt.date | None
    title: str
    pairing: int = Field(description="the event's pairing by id, as POST /events takes it")
    pairing_name: str = Field(description="the event's pairing by name")
    details: list[tuple[str, str]]


class EventQuery(Schema):
    pairing: Id
    year: Year


@router.get("/events", response=_ok(list[EventOut]), tags=["events"], openapi_extra=READ_SECURITY)
def event_list(request: HttpRequest, query: Query[EventQuery]) -> list[EventOut]:
    """The events of the pairing's tree in ``year``, by date."""
    pairing = pairing_get(pk=query.pairing)
    rows = events_of_year(pairing=pairing, year=query.year)
    return [
        EventOut(kind=e.kind, id=e.id, year=e.year, date=e.date, title=e.title, pairing=e.pairing_id,
                 pairing_name=e.pairing_name, details=list(e.details))
        for e in rows
    ]


class EventIn(InputSchema):
    """An event: its ``kind`` and ``pairing``, and the fields of that kind (see the events pages)."""

    kind: Literal[tuple(EVENT_MODELS)]  # type: ignore[valid-type]
    pairing: Id
    year: Year
    fields: dict[str, Any] = Field(default_factory=dict, description="the other fields of the event")


class EventCreated(Schema):
    kind: str
    id: int


@router.post("/events", response=_written(201, EventCreated), tags=["events"], auth=WRITE_AUTH)
def event_post(request: HttpRequest, body: EventIn) -> tuple[int, EventCreated]:
    """Record an event of a pairing."""
    pairing = pairing_get(pk=body.pairing)
    data = {**body.fields, "year": body.year}
    event = event_create(user=api_user(request), kind=body.kind, pairing=pairing, data=data)
    return 201, EventCreated(kind=body.kind, id=event.pk)


class EventPatch(InputSchema):
    fields: dict[str, Any]


@router.patch("/events/{kind}/{pk}", response=_written(200, EventCreated), tags=["events"], auth=WRITE_AUTH)
def event_patch(
    request: HttpRequest, kind: Literal[tuple(EVENT_MODELS)], pk: PathId, body: EventPatch  # type: ignore[valid-type]
) -> EventCreated:
    """Change fields of an event."""
    event = event_get(model=EVENT_MODELS[kind], pk=pk)
    event_update(user=api_user(request), event=event, data=body.fields)
    return EventCreated(kind=kind, id=event.pk)


class CriterionOut(Schema):
    code: str
    name: str
    rule: str
    weight: Decimal
    points: Decimal
    evidence: list[str]


class AssessmentOut(Schema):
    pairing: str
    pairing_id: int
    rank: int
    score: Decimal
    criteria: list[CriterionOut]


@router.get("/assessment", response=_ok(list[AssessmentOut]), tags=["assessment"], openapi_extra=READ_SECURITY)
def assessment_list(request: HttpRequest, query: Query[YearQuery]) -> list[AssessmentOut]:
    """Every pairing in force in ``year``, scored by the rubric and ranked (best first)."""
    language = _language()
    return [
        AssessmentOut(
            pairing=str(a.pairing),
            pairing_id=a.pairing.pk,
            rank=a.rank,
            score=a.score,
            criteria=[
                CriterionOut(code=c.code, name=c.name, rule=c.rule, weight=c.weight, points=c.points,
                             evidence=evidence_lines(c, language))  # by names, not codes
                for c in a.result.criteria
            ],
        )
        for a in assessment_run(year=query.year, language=language)
    ]


class CriterionPatch(InputSchema):
    """The fields to change; a field left out stays as it is (``null`` is refused: every criterion has both)."""

    weight: Weight = Absent()
    params: dict[str, Any] = Absent()


class RubricCriterionOut(Schema):
    code: str
    rule: str
    weight: Decimal
    params: dict[str, Any]


@router.patch(
    "/assessment/criteria/{code}", response=_written(200, RubricCriterionOut), tags=["assessment"], auth=WRITE_AUTH
)
def criterion_patch(
    request: HttpRequest, code: Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]{1,64}$")], body: CriterionPatch
) -> RubricCriterionOut:
    """Change a criterion's weight or its rule's parameters (the national office)."""
    criterion = criterion_get(code=code)
    criterion_update(user=api_user(request), criterion=criterion, weight=body.weight, params=body.params)
    return RubricCriterionOut(
        code=criterion.code, rule=criterion.rule, weight=criterion.weight, params=criterion.params
    )
