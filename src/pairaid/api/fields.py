"""The types of the API's fields: identifiers, codes, decimals as text, days, bounded text, and a request
body that is a JSON object of the documented fields only (see :mod:`pairaid.api.schemas`)."""

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from ninja import Field, Schema
from pydantic import (
    BeforeValidator,
    ConfigDict,
    ModelWrapValidatorHandler,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pairaid.activities.models import SECTOR_CHOICES, FinanceType, TransactionType
from pairaid.indicators.models import DataValueKind, DataValueStatus, PeriodKind, Qualifier

MAX_ID = 2**53


class InputSchema(Schema):
    """A request body: a JSON object with the documented fields only, each of its documented JSON type
    (strict: ``"true"`` is no boolean, ``3.0`` or ``"3"`` no integer; a decimal or a day is parsed from its
    text by its own type below)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @model_validator(mode="wrap")
    @classmethod
    def _an_object(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        if not isinstance(data, dict):
            raise ValueError("the body must be a JSON object")
        return handler(data)

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any, info: ValidationInfo) -> Any:
        """``null`` for a field that holds a value is refused by name (a PATCH that leaves a field as it is
        leaves it out), not read as "unchanged"."""
        field = cls.model_fields.get(info.field_name or "")
        if value is None and field is not None and type(None) not in get_args(field.annotation):
            raise PydanticCustomError("null", "null is not a value of this field: leave the field out to keep it")
        return value


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def Absent() -> Any:
    """The default of a field that may be left out but is never ``null`` (PATCH fields, query filters)."""
    return Field(None, json_schema_extra=_drop_default)


def _decimal_text(digits: int, places: int) -> Any:
    """A decimal of at most ``digits`` digits, ``places`` of them after the point: text, or a whole JSON number."""
    whole = digits - places
    pattern = rf"^[0-9]{{1,{whole}}}(\.[0-9]{{1,{places}}})?$"

    def parse(value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**whole:
            return Decimal(value)
        if isinstance(value, str) and re.fullmatch(pattern, value):
            return Decimal(value)
        raise ValueError(
            f"give a number as text ('75800000.00'): at most {whole} digits before the point and {places} after, "
            "not negative; or a whole JSON number"
        )

    schema = {
        "anyOf": [
            {"type": "integer", "minimum": 0, "maximum": 10**whole - 1},
            {"type": "string", "pattern": pattern},
        ]
    }
    return Annotated[Decimal, BeforeValidator(parse), WithJsonSchema(schema)]


def _true_or_false(value: Any) -> Any:
    if isinstance(value, bool) or value in ("true", "false"):
        return value
    raise ValueError("give true or false")


#: A yes-or-no query parameter written as the schema's boolean is: ``true`` or ``false`` (pydantic alone
#: also took 0, 1, yes, off..., which the schema does not allow).
Flag = Annotated[bool, BeforeValidator(_true_or_false)]

_DAY = r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _day_text(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(_DAY, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # 2010-02-30
    raise ValueError("give a date as YYYY-MM-DD, between 1900-01-01 and 2199-12-31")


def one_of(*names: str) -> Callable[[dict[str, Any]], None]:
    """A JSON schema saying that exactly one of the fields ``names`` is given (and not null)."""

    def extra(schema: dict[str, Any]) -> None:
        schema["oneOf"] = [
            {
                "required": [name],
                "properties": {
                    name: {"not": {"type": "null"}},
                    **{other: {"type": "null"} for other in names if other != name},
                },
            }
            for name in names
        ]

    return extra


def Text(max_length: int, min_length: int = 0) -> Any:
    """A string of at most ``max_length`` characters without NUL characters (which no database stores)."""
    return Annotated[str, Field(min_length=min_length, max_length=max_length, pattern=r"^[^\x00]*$")]


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
AreaCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]
Sector = Literal[tuple(code for code, _ in SECTOR_CHOICES)]  # type: ignore[valid-type]
TransactionTypeCode = Literal[tuple(TransactionType.values)]  # type: ignore[valid-type]
FinanceTypeCode = Literal[tuple(FinanceType.values)]  # type: ignore[valid-type]
PeriodKindCode = Literal[tuple(PeriodKind.values)]  # type: ignore[valid-type]
QualifierCode = Literal[tuple(Qualifier.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(DataValueStatus.values)]  # type: ignore[valid-type]
KindCode = Literal[tuple(DataValueKind.values)]  # type: ignore[valid-type]
IndicatorCode = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,64}$", description="a code of GET /api/v1/indicators")]
Money = _decimal_text(16, 2)
DataValueNumber = _decimal_text(20, 4)
Weight = _decimal_text(7, 2)
Day = Annotated[
    dt.date, BeforeValidator(_day_text), WithJsonSchema({"type": "string", "format": "date", "pattern": _DAY})
]
