"""The API's request and response shapes (Pydantic models at the edge).

Money and figures are decimal strings in JSON ("75800000.00"), never floats; a
whole number may be given as a JSON integer. Dates are ``YYYY-MM-DD`` between 1900
and 2199. A request body is a JSON object of the fields documented, no others;
a PATCH body leaves out what it does not change and sends ``null`` only to clear a
field that may be empty. The OpenAPI document says exactly this, so that what it
calls valid is accepted and what it calls invalid is refused.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from pairaid.api.fields import (
    Absent,
    AreaCode,
    DataValueNumber,
    Day,
    FinanceTypeCode,
    Id,
    IndicatorCode,
    InputSchema,
    KindCode,
    Money,
    PeriodKindCode,
    QualifierCode,
    Sector,
    Text,
    TransactionTypeCode,
    one_of,
)
from pairaid.registry.selectors import pairing_key


def _id_of(field: str) -> Any:
    """A resolver: the id of the object's ``field`` (None when it has none)."""

    def resolve(obj: Any) -> int | None:
        return getattr(obj, f"{field}_id")  # type: ignore[no-any-return]

    return staticmethod(resolve)


def _code_of(field: str) -> Any:
    """A resolver: the code of the object's ``field`` (None when it has none)."""

    def resolve(obj: Any) -> str | None:
        return getattr(obj, field).code if getattr(obj, f"{field}_id") else None

    return staticmethod(resolve)


class AreaOut(Schema):
    code: str
    name_zh: str
    name_pinyin: str
    name_en: str
    level: str
    parent: str | None = Field(None, description="code of the area one level up")

    resolve_parent = _code_of("parent")


class PairingOut(Schema):
    id: int
    key: str
    name: str
    label: str
    donor_area: str | None
    donor_organisation: int | None
    recipient_area: str | None
    recipient_organisation: int | None
    level: str = Field(description="the registry's level code: the recipient's level (or institution)")
    level_label: str = Field(
        description="the level of the two sides in the reader's language: 'Province – county', '省级—县级'"
    )
    programme: str
    pair_count: int
    start_year: int
    end_year: int | None
    parent: int | None
    predecessor: int | None = Field(None, description="the pairing this one took over from in a re-assignment")
    successor: int | None = Field(None, description="the pairing that took over from this one in a re-assignment")
    source_url: str
    source_title: str
    basis: str
    note: str

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return str(obj)

    @staticmethod
    def resolve_key(obj: Any) -> str:
        return pairing_key(obj)

    @staticmethod
    def resolve_level_label(obj: Any) -> str:
        return str(obj.level_label())

    resolve_donor_area = _code_of("donor_area")
    resolve_recipient_area = _code_of("recipient_area")
    resolve_donor_organisation = _id_of("donor_organisation")
    resolve_recipient_organisation = _id_of("recipient_organisation")
    resolve_parent = _id_of("parent")
    resolve_predecessor = _id_of("predecessor")

    @staticmethod
    def resolve_successor(obj: Any) -> int | None:
        if hasattr(obj, "successor_id"):  # annotated by the API's pairing query
            return obj.successor_id  # type: ignore[no-any-return]
        return obj.successors.order_by("-start_year", "-pk").values_list("pk", flat=True).first()  # type: ignore[no-any-return]


class ActivityOut(Schema):
    id: int
    identifier: str
    title: str
    title_zh: str
    description: str
    sector: str
    #: IATI ActivityStatus today, from the dates (as pages, reports and exports: Activity.current_status)
    status: int
    status_label: str
    #: the stage as set (what ``status`` of a create or update writes): pipeline, implementation…
    stored_status: int
    pairing: int
    recipient_areas: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    is_key_project: bool
    batch: int | None

    @staticmethod
    def resolve_status(obj: Any) -> int:
        return int(obj.current_status())

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.current_status().label)

    @staticmethod
    def resolve_stored_status(obj: Any) -> int:
        return int(obj.status)

    @staticmethod
    def resolve_pairing(obj: Any) -> int:
        return int(obj.pairing_id)

    @staticmethod
    def resolve_recipient_areas(obj: Any) -> list[str]:
        return [a.code for a in obj.recipient_areas.all()]


class ActivityIn(InputSchema):
    identifier: Text(64, 1)  # type: ignore[valid-type]
    title: Text(300, 1)  # type: ignore[valid-type]
    title_zh: Text(300) = ""  # type: ignore[valid-type]
    description: Text(5000) = ""  # type: ignore[valid-type]
    sector: Sector
    status: int = Field(2, ge=1, le=6)
    pairing: Id
    recipient_areas: list[AreaCode] = Field(default_factory=list, max_length=100)
    start_date: Day | None = None
    end_date: Day | None = None
    is_key_project: bool = False
    batch: int | None = Field(None, ge=0, le=32767)


class ActivityPatch(InputSchema):
    identifier: Text(64, 1) = Absent()  # type: ignore[valid-type]
    title: Text(300, 1) = Absent()  # type: ignore[valid-type]
    title_zh: Text(300) = Absent()  # type: ignore[valid-type]
    description: Text(5000) = Absent()  # type: ignore[valid-type]
    sector: Sector = Absent()
    status: Annotated[int, Field(ge=1, le=6)] = Absent()
    pairing: Id = Absent()
    recipient_areas: Annotated[list[AreaCode], Field(max_length=100)] = Absent()
    start_date: Day | None = None
    end_date: Day | None = None
    is_key_project: bool = Absent()
    batch: int | None = Field(None, ge=0, le=32767)


class TransactionOut(Schema):
    id: int
    activity: int | None
    pairing: int | None
    transaction_type: str
    finance_type: str
    value: Decimal
    currency: str
    value_date: dt.date
    description: str

    resolve_activity = _id_of("activity")
    resolve_pairing = _id_of("pairing")


class TransactionIn(InputSchema):
    """A transaction of an activity or of a pairing: exactly one of the two."""

    model_config = ConfigDict(json_schema_extra=one_of("activity", "pairing"))

    activity: Id | None = None
    pairing: Id | None = None
    transaction_type: TransactionTypeCode
    finance_type: FinanceTypeCode
    value: Money
    value_date: Day
    description: Text(300) = ""  # type: ignore[valid-type]


class TransactionPatch(InputSchema):
    transaction_type: TransactionTypeCode = Absent()
    finance_type: FinanceTypeCode = Absent()
    value: Money = Absent()
    value_date: Day = Absent()
    description: Text(300) = Absent()  # type: ignore[valid-type]


class IndicatorOut(Schema):
    code: str
    group: str
    name_en: str
    name_zh: str
    unit: str
    value_type: str
    default_kind: str
    aggregation: str


class IndicatorIn(Schema):
    code: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
    group: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    name_en: Text(200, 1)  # type: ignore[valid-type]
    name_zh: Text(200, 1)  # type: ignore[valid-type]
    unit: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_/]{0,31}$")]
    value_type: Literal["money", "count", "measure"] = "count"
    default_kind: Literal["flow", "stock"] = "flow"
    aggregation: Literal["sum", "none"] = "sum"


class DataValueOut(Schema):
    id: int
    indicator: str
    pairing: int | None
    area: str | None
    activity: int | None
    period_kind: str
    period_start: dt.date
    period_end: dt.date
    disaggregation: str
    value: Decimal
    value_high: Decimal | None
    original_value: Decimal | None
    unit: str
    qualifier: str
    change_percent: Decimal | None
    change_base_year: int | None
    status: str
    kind: str = Field(..., description="actual, planned or target")
    evidence: int | None
    certainty: Decimal | None = Field(description="how sure the reading of an extracted figure is, 0-1")
    rule: str = Field(description="the rule that bound an extracted figure to its indicator")
    as_read: dict[str, Any] = Field(description="fields a review changed, as the report gave them")
    same_as: int | None = Field(description="the confirmed figure an extracted one was closed as a copy of")
    updated: dt.datetime
    updated_by: str | None

    @staticmethod
    def resolve_indicator(obj: Any) -> str:
        return str(obj.indicator.code)

    resolve_pairing = _id_of("pairing")
    resolve_area = _code_of("area")
    resolve_activity = _id_of("activity")
    resolve_evidence = _id_of("evidence")
    resolve_same_as = _id_of("same_as")

    @staticmethod
    def resolve_updated_by(obj: Any) -> str | None:
        return obj.updated_by.get_username() if obj.updated_by_id else None


class DataValueIn(InputSchema):
    indicator: IndicatorCode
    pairing: Id | None = None
    area: AreaCode | None = None
    activity: Id | None = None
    period_kind: PeriodKindCode = "year"
    period_start: Day
    period_end: Day
    value: DataValueNumber
    value_high: DataValueNumber | None = None
    unit: Text(32) = ""  # type: ignore[valid-type]
    qualifier: QualifierCode = "exact"
    disaggregation: Text(100) = ""  # type: ignore[valid-type]
    kind: KindCode = Field("actual", description="actual (what was done), planned (what a plan promised) or target")


class DataValuePatch(InputSchema):
    period_kind: PeriodKindCode = Absent()
    period_start: Day = Absent()
    period_end: Day = Absent()
    value: DataValueNumber = Absent()
    value_high: DataValueNumber | None = None
    qualifier: QualifierCode = Absent()
    disaggregation: Text(100) = Absent()  # type: ignore[valid-type]
    kind: KindCode = Absent()


class CorrectionIn(InputSchema):
    """A review's correction of an extracted figure: the fields given change, the others stay."""

    indicator: IndicatorCode = Absent()
    period_kind: PeriodKindCode = Absent()
    period_start: Day = Absent()
    period_end: Day = Absent()
    pairing: Id | None = None
    area: AreaCode | None = None
    value: DataValueNumber = Absent()
    value_high: DataValueNumber | None = None
    qualifier: QualifierCode = Absent()
    unit: Text(32, 1) = Absent()  # type: ignore[valid-type]


class DocumentOut(Schema):
    id: int
    sha256: str
    title: str
    filename: str
    address: str
    media_type: str
    language: str
    report_year: int | None
    donor_label: str
    recipient_label: str
    created: dt.datetime


class DocumentDetailOut(DocumentOut):
    text: str


class EvidenceOut(Schema):
    id: int
    document: int
    start: int
    end: int
    sentence_start: int | None
    sentence_end: int | None
    rule: str
    text: str

    @staticmethod
    def resolve_document(obj: Any) -> int:
        return int(obj.document_id)
