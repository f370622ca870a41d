"""Write endpoints: activities, transactions, data values and the review of extracted figures.

Each parses the body, calls one entry or review service (which checks the
user's rights), and returns the saved object.
"""

from collections.abc import Callable
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path

from pairaid.accounts import registry_permissions
from pairaid.activities.models import Activity, Transaction
from pairaid.activities.selectors import activity_get, transaction_get
from pairaid.api.auth import WRITE_AUTH, api_user, write_auth_requiring
from pairaid.api.errors import WRITE_ERRORS
from pairaid.api.fields import MAX_ID
from pairaid.api.reads import router
from pairaid.api.schemas import (
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    CorrectionIn,
    DataValueIn,
    DataValueOut,
    DataValuePatch,
    IndicatorIn,
    IndicatorOut,
    TransactionIn,
    TransactionOut,
    TransactionPatch,
)
from pairaid.entry import indicators as entry_indicators
from pairaid.entry import services as entry
from pairaid.geo.models import Area
from pairaid.geo.selectors import area_find, areas_and_unknown_codes
from pairaid.indicators.models import DataValue, Indicator
from pairaid.indicators.selectors import datavalue_get, indicator_find
from pairaid.registry.selectors import pairing_find
from pairaid.review import services as review

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _ok(status: int, schema: object) -> dict[int, object]:
    return {status: schema, **WRITE_ERRORS}


def _areas(codes: list[str]) -> list[Area]:
    from django.core.exceptions import ValidationError

    areas, missing = areas_and_unknown_codes(codes=codes)
    if missing:
        raise ValidationError({"recipient_areas": [f"unknown area code: {', '.join(missing)}"]})
    return areas


def _ids(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """Body keys that name related objects become ``<name>_id`` model attributes."""
    return {(f"{k}_id" if k in names else k): v for k, v in data.items()}


@router.post("/activities", response=_ok(201, ActivityOut), tags=["activities"], auth=WRITE_AUTH)
def activity_create(request: HttpRequest, body: ActivityIn) -> tuple[int, Activity]:
    data = body.dict()
    areas = _areas(data.pop("recipient_areas"))
    activity = entry.activity_create(user=api_user(request), data=_ids(data, "pairing"), recipient_areas=areas)
    return 201, activity


@router.patch("/activities/{pk}", response=_ok(200, ActivityOut), tags=["activities"], auth=WRITE_AUTH)
def activity_update(request: HttpRequest, pk: PathId, body: ActivityPatch) -> Activity:
    activity = activity_get(pk=pk)
    data = body.dict(exclude_unset=True)
    codes = data.pop("recipient_areas", None)
    return entry.activity_update(
        user=api_user(request),
        activity=activity,
        data=_ids(
            {k: v for k, v in data.items() if v is not None or k in {"start_date", "end_date", "batch"}}, "pairing"
        ),
        recipient_areas=_areas(codes) if codes is not None else None,
    )


@router.post("/transactions", response=_ok(201, TransactionOut), tags=["transactions"], auth=WRITE_AUTH)
def transaction_create(request: HttpRequest, body: TransactionIn) -> tuple[int, Transaction]:
    tx = entry.transaction_create(user=api_user(request), data=_ids(body.dict(), "activity", "pairing"))
    return 201, transaction_get(pk=tx.pk)


@router.patch("/transactions/{pk}", response=_ok(200, TransactionOut), tags=["transactions"], auth=WRITE_AUTH)
def transaction_update(request: HttpRequest, pk: PathId, body: TransactionPatch) -> Transaction:
    tx = transaction_get(pk=pk)
    data = {k: v for k, v in body.dict(exclude_unset=True).items() if v is not None}
    entry.transaction_update(user=api_user(request), transaction_=tx, data=data)
    return transaction_get(pk=tx.pk)


@router.post("/data-values", response=_ok(201, DataValueOut), tags=["data values"], auth=WRITE_AUTH)
def datavalue_create(request: HttpRequest, body: DataValueIn) -> tuple[int, DataValue]:
    from django.core.exceptions import ValidationError

    data = body.dict()
    indicator = indicator_find(code=data.pop("indicator"))
    if indicator is None:
        raise ValidationError({"indicator": ["unknown indicator code"]})
    area_code = data.pop("area")
    area = area_find(code=area_code) if area_code else None
    if area_code and area is None:
        raise ValidationError({"area": ["unknown area code"]})
    data = _ids(data, "pairing", "activity")
    data.update(indicator=indicator, area=area)
    dv = entry.datavalue_enter(user=api_user(request), data=data)
    return 201, datavalue_get(pk=dv.pk)


def _changed(request: HttpRequest, pk: int, change: Callable[..., object], **arguments: Any) -> DataValue:
    """Apply ``change`` (an entry or review service) to data value ``pk`` as the user; the value as stored after."""
    change(user=api_user(request), data_value=datavalue_get(pk=pk), **arguments)
    return datavalue_get(pk=pk)


@router.patch("/data-values/{pk}", response=_ok(200, DataValueOut), tags=["data values"], auth=WRITE_AUTH)
def datavalue_update(request: HttpRequest, pk: PathId, body: DataValuePatch) -> DataValue:
    data = {k: v for k, v in body.dict(exclude_unset=True).items() if v is not None or k == "value_high"}
    return _changed(request, pk, entry.datavalue_update, data=data)


@router.post("/data-values/{pk}/accept", response=_ok(200, DataValueOut), tags=["review"], auth=WRITE_AUTH)
def datavalue_accept(request: HttpRequest, pk: PathId) -> DataValue:
    """Accept an extracted figure awaiting review as it stands; 409 for any other (entered, accepted, corrected,
    rejected), or one a submitted, approved or frozen dataset holds."""
    return _changed(request, pk, review.datavalue_accept)


@router.post("/data-values/{pk}/correct", response=_ok(200, DataValueOut), tags=["review"], auth=WRITE_AUTH)
def datavalue_correct(request: HttpRequest, pk: PathId, body: CorrectionIn) -> DataValue:
    """Correct any field of a figure read from a report (extracted, or accepted or corrected already); what the
    report gave stays (``original_value``, ``as_read``). 409 for an entered figure (edit it: PATCH) or a rejected
    one, or one a submitted, approved or frozen dataset holds."""
    changes = body.dict(exclude_unset=True)
    _named(changes, "indicator", indicator_find, "code")
    _named(changes, "pairing", pairing_find, "pk")
    _named(changes, "area", area_find, "code")
    return _changed(request, pk, review.datavalue_correct, changes=changes)


@router.post("/data-values/{pk}/same-as", response=_ok(200, DataValueOut), tags=["review"], auth=WRITE_AUTH)
def datavalue_close_as_copy(request: HttpRequest, pk: PathId) -> DataValue:
    """Close an extracted figure awaiting review as a copy of the confirmed figure with its key (rejected,
    ``same_as`` set); 409 for any other figure, or one a submitted, approved or frozen dataset holds."""
    return _changed(request, pk, review.datavalue_close_as_copy)


def _named(data: dict[str, Any], name: str, find: Callable[..., Any], field: str) -> None:
    """Replace the code or id ``data[name]`` by the object it names (422 for one that names nothing)."""
    from django.core.exceptions import ValidationError

    if data.get(name) is None:
        return
    data[name] = find(**{field: data[name]})
    if data[name] is None:
        raise ValidationError({name: [f"unknown {name}"]})


@router.post("/data-values/{pk}/reject", response=_ok(200, DataValueOut), tags=["review"], auth=WRITE_AUTH)
def datavalue_reject(request: HttpRequest, pk: PathId) -> DataValue:
    """Reject an extracted figure awaiting review (it stays, marked rejected, and counts nowhere); 409 for any
    other figure, or one a submitted, approved or frozen dataset holds."""
    return _changed(request, pk, review.datavalue_reject)


@router.post(
    "/indicators",
    response=_ok(201, IndicatorOut),
    tags=["indicators"],
    auth=write_auth_requiring(registry_permissions.can_indicator_create, "Only administrators add indicators."),
)
def indicator_create(request: HttpRequest, body: IndicatorIn) -> tuple[int, Indicator]:
    """Add an indicator to the codelist (administrators)."""
    return 201, entry_indicators.indicator_create(user=api_user(request), data=body.dict())
