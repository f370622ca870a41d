"""Read endpoints: areas, pairings, activities, transactions, indicators, data values, documents, evidence."""

import datetime as dt
from typing import Annotated, Literal

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema
from ninja.pagination import paginate

from pairaid.accounts.permissions import visible_datavalues
from pairaid.activities.models import Activity, Transaction
from pairaid.api.auth import READ_AUTH, READ_SECURITY, api_user
from pairaid.api.errors import READ_ERRORS
from pairaid.api.fields import MAX_ID, AreaCode, Id, KindCode, PeriodKindCode, Sector, StatusCode, Text
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
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.registry.models import Pairing, PairingLevel, Programme
from pairaid.registry.pairing_names import pairing_matches, pairing_resolve
from pairaid.registry.selectors import pairing_list as registry_pairing_list
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
    qs = Area.objects.select_related("parent")
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.parent:
        qs = qs.filter(parent__code=filters.parent)
    if filters.q:
        qs = qs.filter(
            Q(name_zh__icontains=filters.q) | Q(name_en__icontains=filters.q) | Q(name_pinyin__icontains=filters.q)
        )
    return qs.order_by("code")


@router.get("/areas/{code}", response=_ok(AreaOut), tags=["areas"], openapi_extra=READ_SECURITY)
def area_get(request: HttpRequest, code: Annotated[str, Path(pattern=r"^[0-9]{6}$")]) -> Area:
    return get_object_or_404(Area.objects.select_related("parent"), code=code)


ProgrammeCode = Literal[tuple(Programme.values)]  # type: ignore[valid-type]
LevelCode = Literal[tuple(PairingLevel.values)]  # type: ignore[valid-type]


def pairing_query() -> QuerySet[Pairing]:
    """Pairings with what :class:`PairingOut` shows of them (the latest successor of a re-assignment too)."""
    successors = Pairing.objects.filter(predecessor=OuterRef("pk")).order_by("-start_year", "-pk")
    return Pairing.objects.select_related("donor_area", "recipient_area", "parent").annotate(
        successor_id=Subquery(successors.values("pk")[:1])
    )


class PairingFilter(Schema):
    q: PairingName | None = Query(
        None, description="a name as --pairing reads it: 'Shandong-Kashgar', '山东 喀什', a key, or one side alone"
    )
    parent: Id | None = None
    top_level: bool | None = None
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
    qs = pairing_query().filter(
        pk__in=registry_pairing_list(
            year=filters.year,
            level=filters.level,
            programme=filters.programme,
            donor=filters.donor,
            recipient=filters.recipient,
        ).values("pk")
    )
    if filters.q:
        qs = qs.filter(pk__in=[p.pk for p in pairing_matches(text=filters.q, year=filters.year)])
    if filters.parent:
        qs = qs.filter(parent_id=filters.parent)
    if filters.top_level:
        qs = qs.filter(parent__isnull=True)
    if filters.area:
        qs = qs.filter(Q(donor_area__code=filters.area) | Q(recipient_area__code=filters.area))
    return qs.order_by("pk")


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
    return get_object_or_404(pairing_query(), pk=pk)


class ActivityFilter(Schema):
    pairing: PairingName | None = None
    sector: Sector | None = None
    area: AreaCode | None = None
    status: int | None = Query(None, ge=1, le=6)
    q: Text(100) | None = None  # type: ignore[valid-type]


@router.get("/activities", response=_ok(list[ActivityOut]), tags=["activities"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def activity_list(request: HttpRequest, filters: Query[ActivityFilter]) -> QuerySet[Activity]:
    qs = Activity.objects.prefetch_related("recipient_areas")
    if filters.pairing:
        qs = qs.filter(pairing_id=pairing_named(filters.pairing))
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    if filters.area:
        qs = qs.filter(recipient_areas__code=filters.area)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.q:
        qs = qs.filter(Q(title__icontains=filters.q) | Q(title_zh__icontains=filters.q) | Q(identifier=filters.q))
    return qs.order_by("pk")


@router.get("/activities/{pk}", response=_ok(ActivityOut), tags=["activities"], openapi_extra=READ_SECURITY)
def activity_get(request: HttpRequest, pk: PathId) -> Activity:
    return get_object_or_404(Activity.objects.prefetch_related("recipient_areas"), pk=pk)


class TransactionFilter(Schema):
    activity: Id | None = None
    pairing: PairingName | None = None
    year: int | None = Query(None, ge=1900, le=2200)


@router.get("/transactions", response=_ok(list[TransactionOut]), tags=["transactions"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def transaction_list(request: HttpRequest, filters: Query[TransactionFilter]) -> QuerySet[Transaction]:
    qs = Transaction.objects.all()
    if filters.activity:
        qs = qs.filter(activity_id=filters.activity)
    if filters.pairing:
        named = pairing_named(filters.pairing, year=filters.year)
        qs = qs.filter(Q(pairing_id=named) | Q(activity__pairing_id=named))
    if filters.year:
        qs = qs.filter(value_date__year=filters.year)
    return qs.order_by("pk")


@router.get("/transactions/{pk}", response=_ok(TransactionOut), tags=["transactions"], openapi_extra=READ_SECURITY)
def transaction_get(request: HttpRequest, pk: PathId) -> Transaction:
    return get_object_or_404(Transaction, pk=pk)


@router.get("/indicators", response=_ok(list[IndicatorOut]), tags=["indicators"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def indicator_list(request: HttpRequest) -> QuerySet[Indicator]:
    return Indicator.objects.order_by("code")


@router.get("/indicators/{code}", response=_ok(IndicatorOut), tags=["indicators"], openapi_extra=READ_SECURITY)
def indicator_get(request: HttpRequest, code: Annotated[str, Path(pattern=r"^[a-z0-9_]{1,64}$")]) -> Indicator:
    return get_object_or_404(Indicator, code=code)


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


def datavalues_query(request: HttpRequest) -> QuerySet[DataValue]:
    return visible_datavalues(api_user(request)).select_related("indicator", "area", "updated_by")


@router.get("/data-values", response=_ok(list[DataValueOut]), tags=["data values"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def datavalue_list(request: HttpRequest, filters: Query[DataValueFilter]) -> QuerySet[DataValue]:
    qs = datavalues_query(request)
    if filters.indicator:
        qs = qs.filter(indicator__code=filters.indicator)
    if filters.pairing:
        qs = qs.filter(pairing_id=pairing_named(filters.pairing, year=filters.year))
    if filters.area:
        qs = qs.filter(area__code=filters.area)
    if filters.activity:
        qs = qs.filter(activity_id=filters.activity)
    if filters.year:
        qs = qs.filter(period_end__year=filters.year)
    if filters.period_kind:
        qs = qs.filter(period_kind=filters.period_kind)
    if filters.period_start:
        qs = qs.filter(period_start__gte=filters.period_start)
    if filters.period_end:
        qs = qs.filter(period_end__lte=filters.period_end)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.document:
        qs = qs.filter(evidence__document_id=filters.document)
    return qs.order_by("-period_end", "-pk")


@router.get("/data-values/{pk}", response=_ok(DataValueOut), tags=["data values"], openapi_extra=READ_SECURITY)
def datavalue_get(request: HttpRequest, pk: PathId) -> DataValue:
    return get_object_or_404(datavalues_query(request), pk=pk)


class DocumentFilter(Schema):
    report_year: int | None = Query(None, ge=1900, le=2200)
    q: Text(100) | None = None  # type: ignore[valid-type]


@router.get("/documents", response=_ok(list[DocumentOut]), tags=["documents"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def document_list(request: HttpRequest, filters: Query[DocumentFilter]) -> QuerySet[SourceDocument]:
    qs = SourceDocument.objects.defer("text")
    if filters.report_year:
        qs = qs.filter(report_year=filters.report_year)
    if filters.q:
        qs = qs.filter(Q(title__icontains=filters.q) | Q(filename__icontains=filters.q))
    return qs.order_by("pk")


@router.get("/documents/{pk}", response=_ok(DocumentDetailOut), tags=["documents"], openapi_extra=READ_SECURITY)
def document_get(request: HttpRequest, pk: PathId) -> SourceDocument:
    return get_object_or_404(SourceDocument, pk=pk)


class EvidenceFilter(Schema):
    document: Id | None = None


@router.get("/evidence", response=_ok(list[EvidenceOut]), tags=["evidence"], openapi_extra=READ_SECURITY)
@paginate(Pages)
def evidence_list(request: HttpRequest, filters: Query[EvidenceFilter]) -> QuerySet[Evidence]:
    qs = Evidence.objects.prefetch_related("document")
    if filters.document:
        qs = qs.filter(document_id=filters.document)
    return qs.order_by("pk")


@router.get("/evidence/{pk}", response=_ok(EvidenceOut), tags=["evidence"], openapi_extra=READ_SECURITY)
def evidence_get(request: HttpRequest, pk: PathId) -> Evidence:
    return get_object_or_404(Evidence.objects.prefetch_related("document"), pk=pk)
