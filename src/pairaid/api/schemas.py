"""The API's request and response shapes (Pydantic models at the edge).

Money and figures are decimal strings in JSON ("75800000.00"), never floats.
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator

from pairaid.activities.models import SECTOR_CHOICES, FinanceType, TransactionType
from pairaid.indicators.models import DataValueStatus, PeriodKind, Qualifier
from pairaid.registry.selectors import pairing_key

MAX_ID = 2**53


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text may not contain NUL characters")
    return value


def Text(max_length: int, min_length: int = 0) -> Any:
    """A string of at most ``max_length`` characters without NUL characters."""
    return Annotated[str, Field(min_length=min_length, max_length=max_length), AfterValidator(_no_nul)]


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
AreaCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]
Sector = Literal[tuple(code for code, _ in SECTOR_CHOICES)]  # type: ignore[valid-type]
TransactionTypeCode = Literal[tuple(TransactionType.values)]  # type: ignore[valid-type]
FinanceTypeCode = Literal[tuple(FinanceType.values)]  # type: ignore[valid-type]
PeriodKindCode = Literal[tuple(PeriodKind.values)]  # type: ignore[valid-type]
QualifierCode = Literal[tuple(Qualifier.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(DataValueStatus.values)]  # type: ignore[valid-type]
Money = Annotated[Decimal, Field(ge=0, max_digits=16, decimal_places=2, allow_inf_nan=False)]
FigureValue = Annotated[Decimal, Field(ge=0, max_digits=20, decimal_places=4, allow_inf_nan=False)]
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))]


class AreaOut(Schema):
    code: str
    name_zh: str
    name_pinyin: str
    name_en: str
    level: str
    parent: str | None = Field(None, description="code of the area one level up")

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return obj.parent.code if obj.parent_id else None


class PairingOut(Schema):
    id: int
    key: str
    name: str
    label: str
    donor_area: str | None
    donor_organisation: int | None
    recipient_area: str | None
    recipient_organisation: int | None
    level: str
    programme: str
    pair_count: int
    start_year: int
    end_year: int | None
    parent: int | None
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
    def resolve_donor_area(obj: Any) -> str | None:
        return obj.donor_area.code if obj.donor_area_id else None

    @staticmethod
    def resolve_recipient_area(obj: Any) -> str | None:
        return obj.recipient_area.code if obj.recipient_area_id else None

    @staticmethod
    def resolve_donor_organisation(obj: Any) -> int | None:
        return obj.donor_organisation_id

    @staticmethod
    def resolve_recipient_organisation(obj: Any) -> int | None:
        return obj.recipient_organisation_id

    @staticmethod
    def resolve_parent(obj: Any) -> int | None:
        return obj.parent_id


class ActivityOut(Schema):
    id: int
    identifier: str
    title: str
    title_zh: str
    description: str
    sector: str
    status: int
    pairing: int
    recipient_areas: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    is_key_project: bool
    batch: int | None

    @staticmethod
    def resolve_pairing(obj: Any) -> int:
        return int(obj.pairing_id)

    @staticmethod
    def resolve_recipient_areas(obj: Any) -> list[str]:
        return [a.code for a in obj.recipient_areas.all()]


class ActivityIn(Schema):
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


class ActivityPatch(Schema):
    identifier: Text(64, 1) | None = None  # type: ignore[valid-type]
    title: Text(300, 1) | None = None  # type: ignore[valid-type]
    title_zh: Text(300) | None = None  # type: ignore[valid-type]
    description: Text(5000) | None = None  # type: ignore[valid-type]
    sector: Sector | None = None
    status: int | None = Field(None, ge=1, le=6)
    pairing: Id | None = None
    recipient_areas: list[AreaCode] | None = Field(None, max_length=100)
    start_date: Day | None = None
    end_date: Day | None = None
    is_key_project: bool | None = None
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

    @staticmethod
    def resolve_activity(obj: Any) -> int | None:
        return obj.activity_id

    @staticmethod
    def resolve_pairing(obj: Any) -> int | None:
        return obj.pairing_id


class TransactionIn(Schema):
    activity: Id | None = None
    pairing: Id | None = None
    transaction_type: TransactionTypeCode
    finance_type: FinanceTypeCode
    value: Money
    value_date: Day
    description: Text(300) = ""  # type: ignore[valid-type]


class TransactionPatch(Schema):
    transaction_type: TransactionTypeCode | None = None
    finance_type: FinanceTypeCode | None = None
    value: Money | None = None
    value_date: Day | None = None
    description: Text(300) | None = None  # type: ignore[valid-type]


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
    evidence: int | None
    confidence: Decimal | None
    updated: dt.datetime
    updated_by: str | None

    @staticmethod
    def resolve_indicator(obj: Any) -> str:
        return str(obj.indicator.code)

    @staticmethod
    def resolve_pairing(obj: Any) -> int | None:
        return obj.pairing_id

    @staticmethod
    def resolve_area(obj: Any) -> str | None:
        return obj.area.code if obj.area_id else None

    @staticmethod
    def resolve_activity(obj: Any) -> int | None:
        return obj.activity_id

    @staticmethod
    def resolve_evidence(obj: Any) -> int | None:
        return obj.evidence_id

    @staticmethod
    def resolve_updated_by(obj: Any) -> str | None:
        return obj.updated_by.get_username() if obj.updated_by_id else None


class DataValueIn(Schema):
    indicator: Text(64, 1)  # type: ignore[valid-type]
    pairing: Id | None = None
    area: AreaCode | None = None
    activity: Id | None = None
    period_kind: PeriodKindCode = "year"
    period_start: Day
    period_end: Day
    value: FigureValue
    value_high: FigureValue | None = None
    unit: Text(32) = ""  # type: ignore[valid-type]
    qualifier: QualifierCode = "exact"
    disaggregation: Text(100) = ""  # type: ignore[valid-type]


class DataValuePatch(Schema):
    period_kind: PeriodKindCode | None = None
    period_start: Day | None = None
    period_end: Day | None = None
    value: FigureValue | None = None
    value_high: FigureValue | None = None
    qualifier: QualifierCode | None = None
    disaggregation: Text(100) | None = None  # type: ignore[valid-type]


class CorrectionIn(Schema):
    value: FigureValue
    value_high: FigureValue | None = None


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
