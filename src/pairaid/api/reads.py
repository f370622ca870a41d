"""Read endpoints: areas, pairings, activities, transactions, indicators, data values, documents, evidence."""

import datetime as dt
from typing import Annotated, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate

from pairaid.accounts.selectors import visible_datavalue_get, visible_datavalue_list
from pairaid.activities import selectors as activities
from pairaid.activities.models import Activity, Transaction
from pairaid.api.auth import READ_AUTH, READ_SECURITY, api_user
from pairaid.api.errors import READ_ERRORS
from pairaid.api.fields import MAX_ID, AreaCode, Flag, Id, KindCode, PeriodKindCode, Sector, StatusCode, Text
from pairaid.api.pagination import Pages
from pairaid.api.schemas import (
    ActivityOut,
    AreaOut,
    DataValueOut,
    DocumentDetailOut,
    DocumentOut,
    EvidenceOut,
    IndicatorOut,
    PairingOut,
    TransactionOut,
)
from pairaid.geo import selectors as geo
from pairaid.geo.models import Area
from pairaid.indicators import selectors as indicators
from pairaid.indicators.models import DataValue, Indicator
from pairaid.registry import selectors as registry
from pairaid.registry.models import Pairing, PairingLevel, Programme
from pairaid.registry.pairing_names import pairing_resolve
from pairaid.sources import selectors as sources
from pairaid.sources.models import Evidence, SourceDocument

router = Router(auth=READ_AUTH)
#: A pairing as a filter names it: its id, key or name, or donor and recipient as ``--pairing`` reads them.
PairingName = Text(100, 1)
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _ok(schema: object) -> dict[int, object]:
    return {200: schema, **READ_ERRORS}


class AreaFilter(Schema):
    level: Text(16) | None = None  # type: ignore[valid-type]
    parent: AreaCode | None = None
    q: Text(100) | None = None  # type: ignore[valid-type]


@router.get("/areas", response=_ok(list[AreaOut]), tags=["areas"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def area_list(request: HttpRequest, filters: Query[AreaFilter]) -> QuerySet[Area]:
    return geo.area_list(level=filters.level, parent_code=filters.parent, text=filters.q)


@router.get("/areas/{code}", response=_ok(AreaOut), tags=["areas"], openapi_extra=READ_SECURITY)
def area_get(request: HttpRequest, code: Annotated[str, Path(pattern=r"^[0-9]{6}$")]) -> Area:
    return geo.area_get(code=code)


ProgrammeCode = Literal[tuple(Programme.values)]  # type: ignore[valid-type]
LevelCode = Literal[tuple(PairingLevel.values)]  # type: ignore[valid-type]


class PairingFilter(Schema):
    q: PairingName | None = Query(
        None, description="a name as --pairing reads it: 'Shandong-Kashgar', '山东 喀什', a key, or one side alone"
    )
    parent: Id | None = None
    top_level: Flag | None = None
    area: AreaCode | None = None
    year: int | None = Query(None, ge=1900, le=2200)
    programme: ProgrammeCode | None = None  # type: ignore[valid-type]
    level: LevelCode | None = None  # type: ignore[valid-type]
    donor: Text(100) | None = Query(None, description="donor area or organisation as written, areas within it too")
    recipient: Text(100) | None = Query(
        None, description="recipient area or organisation as written, areas within it too"
    )


@router.get("/pairings", response=_ok(list[PairingOut]), tags=["pairings"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def pairing_list(request: HttpRequest, filters: Query[PairingFilter]) -> QuerySet[Pairing]:
    return registry.pairing_list(
        year=filters.year,
        level=filters.level,
        programme=filters.programme,
        donor=filters.donor,
        recipient=filters.recipient,
        roots_only=bool(filters.top_level),
        parent_id=filters.parent,
        area_code=filters.area,
        text=filters.q,
        with_successor=True,
    ).order_by("pk")


def pairing_named(name: str | None, *, year: int | None = None) -> int | None:
    """The id of the pairing a filter names (an id, or any name ``--pairing`` reads), or ``None`` without one.

    Raises:
        InputError: no pairing, or several, fit the name (422; the message lists them).
    """
    if not name:
        return None
    return int(pairing_resolve(text=name, year=year).pk)


@router.get("/pairings/{pk}", response=_ok(PairingOut), tags=["pairings"], openapi_extra=READ_SECURITY)
def pairing_get(request: HttpRequest, pk: PathId) -> Pairing:
    return registry.pairing_get(pk=pk, with_successor=True)


class ActivityFilter(Schema):
    pairing: PairingName | None = None
    sector: Sector | None = None
    area: AreaCode | None = None
    status: int | None = Query(None, ge=1, le=6)
    q: Text(100) | None = None  # type: ignore[valid-type]


@router.get("/activities", response=_ok(list[ActivityOut]), tags=["activities"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def activity_list(request: HttpRequest, filters: Query[ActivityFilter]) -> QuerySet[Activity]:
    return activities.activity_list(
        pairing=pairing_named(filters.pairing),
        sector=filters.sector,
        area_code=filters.area,
        status=filters.status,
        text=filters.q,
    ).order_by("pk")


@router.get("/activities/{pk}", response=_ok(ActivityOut), tags=["activities"], openapi_extra=READ_SECURITY)
def activity_get(request: HttpRequest, pk: PathId) -> Activity:
    return activities.activity_get(pk=pk)


class TransactionFilter(Schema):
    activity: Id | None = None
    pairing: PairingName | None = None
    year: int | None = Query(None, ge=1900, le=2200)


@router.get("/transactions", response=_ok(list[TransactionOut]), tags=["transactions"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def transaction_list(request: HttpRequest, filters: Query[TransactionFilter]) -> QuerySet[Transaction]:
    return activities.transaction_list(
        activity=filters.activity,
        pairing=pairing_named(filters.pairing, year=filters.year),
        include_activities=True,
        year=filters.year,
    ).order_by("pk")


@router.get("/transactions/{pk}", response=_ok(TransactionOut), tags=["transactions"], openapi_extra=READ_SECURITY)
def transaction_get(request: HttpRequest, pk: PathId) -> Transaction:
    return activities.transaction_get(pk=pk)


@router.get("/indicators", response=_ok(list[IndicatorOut]), tags=["indicators"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def indicator_list(request: HttpRequest) -> QuerySet[Indicator]:
    return indicators.indicator_list().order_by("code")


@router.get("/indicators/{code}", response=_ok(IndicatorOut), tags=["indicators"], openapi_extra=READ_SECURITY)
def indicator_get(request: HttpRequest, code: Annotated[str, Path(pattern=r"^[a-z0-9_]{1,64}$")]) -> Indicator:
    return indicators.indicator_get(code=code)


class DataValueFilter(Schema):
    indicator: Text(64) | None = None  # type: ignore[valid-type]
    pairing: PairingName | None = None
    area: AreaCode | None = None
    activity: Id | None = None
    year: int | None = Query(
        None,
        ge=1900,
        le=2200,
        description="figures whose period ends in this year: its flow, a stock as of then, a cumulative figure to then",
    )
    period_kind: PeriodKindCode | None = None
    period_start: dt.date | None = Query(None, description="figures starting on or after this day")
    period_end: dt.date | None = Query(None, description="figures ending on or before this day")
    status: StatusCode | None = None
    kind: KindCode | None = Query(None, description="actual, planned or target (all kinds when absent)")
    document: Id | None = None


@router.get("/data-values", response=_ok(list[DataValueOut]), tags=["data values"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def datavalue_list(request: HttpRequest, filters: Query[DataValueFilter]) -> QuerySet[DataValue]:
    return visible_datavalue_list(
        user=api_user(request),
        indicator_code=filters.indicator,
        pairing_id=pairing_named(filters.pairing, year=filters.year),
        area_code=filters.area,
        activity_id=filters.activity,
        year=filters.year,
        period_kind=filters.period_kind,
        period_start=filters.period_start,
        period_end=filters.period_end,
        status=filters.status,
        kind=filters.kind,
        document_id=filters.document,
    )


@router.get("/data-values/{pk}", response=_ok(DataValueOut), tags=["data values"], openapi_extra=READ_SECURITY)
def datavalue_get(request: HttpRequest, pk: PathId) -> DataValue:
    return visible_datavalue_get(user=api_user(request), pk=pk)


class DocumentFilter(Schema):
    report_year: int | None = Query(None, ge=1900, le=2200)
    q: Text(100) | None = None  # type: ignore[valid-type]


@router.get("/documents", response=_ok(list[DocumentOut]), tags=["documents"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def document_list(request: HttpRequest, filters: Query[DocumentFilter]) -> QuerySet[SourceDocument]:
    return sources.document_list(report_year=filters.report_year, text=filters.q)


@router.get("/documents/{pk}", response=_ok(DocumentDetailOut), tags=["documents"], openapi_extra=READ_SECURITY)
def document_get(request: HttpRequest, pk: PathId) -> SourceDocument:
    return sources.document_get(pk=pk)


class EvidenceFilter(Schema):
    document: Id | None = None


@router.get("/evidence", response=_ok(list[EvidenceOut]), tags=["evidence"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def evidence_list(request: HttpRequest, filters: Query[EvidenceFilter]) -> QuerySet[Evidence]:
    return sources.evidence_list(document_id=filters.document)


@router.get("/evidence/{pk}", response=_ok(EvidenceOut), tags=["evidence"], openapi_extra=READ_SECURITY)
def evidence_get(request: HttpRequest, pk: PathId) -> Evidence:
    return sources.evidence_get(pk=pk)
