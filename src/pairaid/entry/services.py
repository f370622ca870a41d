"""Data entry: creating and changing activities, transactions and data values by hand.

The one path for the forms and the API. Each service checks the user's rights
(:mod:`pairaid.accounts.permissions`), validates the record with the model's own
rules (``full_clean``: choices, lengths, digits, constraints) and records the
change in the audit trail under the user's name.

Errors raised: :class:`~pairaid.accounts.permissions.NotAllowed` (the user may not),
``django.core.exceptions.ValidationError`` (a field breaks a rule, with a
message per field in the active language), :class:`~pairaid.core.errors.DataError`
(another confirmed figure holds the same key), :class:`~pairaid.core.errors.LockedError` (the
figure's dataset is submitted, approved or frozen).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pairaid.accounts import datavalue_permissions, permissions
from pairaid.activities import services as activities
from pairaid.activities.models import Activity, Transaction
from pairaid.activities.services import TransactionSpec
from pairaid.core.errors import DataError
from pairaid.datasets.locks import require_datavalue_unlocked
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.indicators.selectors import datavalue_confirmed_twin
from pairaid.indicators.signals import datavalues_changed_send
from pairaid.indicators.validation import datavalue_validate

#: Fields no entry form or API body may set: review and bookkeeping go through their own services.
_GUARDED = frozenset({"id", "created", "updated"})
_GUARDED_DATAVALUE = _GUARDED | {"status", "original_value", "updated_by", "updated_by_id", "subject_key", "certainty"}


def _assign(instance: models.Model, data: Mapping[str, Any]) -> set[str]:
    """Set the fields ``data`` names (``name`` or ``name_id``) on ``instance``; the names of those that changed."""
    guarded = _GUARDED_DATAVALUE if isinstance(instance, DataValue) else _GUARDED
    fields = type(instance)._meta.concrete_fields
    names = {f.attname for f in fields} | {f.name for f in fields}
    before = {f.name: getattr(instance, f.attname) for f in fields}
    for key, value in data.items():
        if key not in names or key in guarded:
            raise ValidationError({key: _("Unknown field.")})
        setattr(instance, key, value)
    return {f.name for f in fields if getattr(instance, f.attname) != before[f.name]}


def _named_id(instance: models.Model, data: Mapping[str, Any], name: str) -> int | None:
    """The id ``data`` gives the relation ``name`` (as ``name`` or ``name_id``), else the one ``instance`` has."""
    if f"{name}_id" in data:
        return data[f"{name}_id"]
    if name in data:
        return data[name].pk if data[name] is not None else None
    return getattr(instance, f"{name}_id")  # type: ignore[no-any-return]


#: What a relation names, in the reader's language.
_RECORD_WORDS = {"pairing": gettext_lazy("pairing"), "activity": gettext_lazy("activity")}


def _require_named(model: type[models.Model], data: Mapping[str, Any]) -> None:
    """Every record ``data`` names by id (``pairing_id``, ``activity_id``…) exists: a request naming one that does
    not is invalid in itself (a field error: 422 in the API, with details at that field), told before the rights
    are asked (they would refuse it as another pairing's, 403)."""
    errors: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        named = data.get(field.attname) if field.is_relation and field.attname != field.name else None
        if named is None or field.related_model is None:
            continue
        related = field.related_model
        if not related._default_manager.filter(pk=named).exists():
            errors[field.name] = _("No %(record)s has the id %(id)s.") % {
                "record": _RECORD_WORDS.get(field.name, related._meta.verbose_name),
                "id": named,
            }
    if errors:
        raise ValidationError(errors)


def _check_order(instance: models.Model) -> None:
    """The model's "start before end" constraints as field errors in the user's language.

    ``full_clean`` would report them as "Constraint “…” is violated.", naming the
    constraint instead of the field.
    """
    errors: dict[str, str] = {}
    if isinstance(instance, DataValue):
        if instance.period_start and instance.period_end and instance.period_start > instance.period_end:
            errors["period_end"] = _("The period ends before it starts.")
        if instance.value_high is not None and instance.value is not None and instance.value_high < instance.value:
            errors["value_high"] = _("The upper value of a range is below its lower value.")
    elif isinstance(instance, Activity):
        if instance.start_date and instance.end_date and instance.start_date > instance.end_date:
            errors["end_date"] = _("The end date is before the start date.")
    if errors:
        raise ValidationError(errors)


def _validate(instance: models.Model, *, exclude: Iterable[str] = ()) -> None:
    """Check ``instance`` by the model's rules, each broken one a field error in the user's language.

    A value another record holds already (an activity's identifier) is a
    :class:`DataError` (409 in the API), not a mistake in the request.
    """
    _check_order(instance)
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        errors = [error for field in getattr(exc, "error_dict", {}).values() for error in field]
        if errors and all(error.code == "unique" for error in errors):
            raise DataError(" ".join(message for error in errors for message in error.messages)) from None
        raise


def _save(instance: models.Model, *, user: Any, reason: str, exclude: Iterable[str] = ()) -> None:
    """Validate (:func:`_validate`) and save ``instance`` with ``reason`` in the audit trail."""
    _validate(instance, exclude=exclude)
    instance._history_user = user  # type: ignore[attr-defined]
    instance._change_reason = reason  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise DataError(str(exc).splitlines()[0]) from None


@transaction.atomic
def activity_create(*, user: Any, data: Mapping[str, Any], recipient_areas: Iterable[Area] = ()) -> Activity:
    """Create an activity from ``data`` (model field names; ``pairing``/``pairing_id`` required)."""
    _require_named(Activity, data)
    activity = Activity()
    _assign(activity, data)
    areas = list(recipient_areas)
    permissions.require(
        permissions.can_activity_create(user, pairing_id=activity.pairing_id),
        _("You may not edit this pairing."),
    )
    permissions.require(
        permissions.can_activity_create(user, pairing_id=activity.pairing_id, area_ids=[a.pk for a in areas]),
        _("You may not name these recipient areas: they lie outside the pairing's recipient area."),
    )
    _save(activity, user=user, reason="entered")
    activity.recipient_areas.set(areas)
    return activity


@transaction.atomic
def activity_update(
    *, user: Any, activity: Activity, data: Mapping[str, Any], recipient_areas: Iterable[Area] | None = None
) -> Activity:
    """Change ``activity``; moving it to another pairing needs rights over both, and the recipient areas the
    write names (those it adds; all of them when the activity moves) must be of the pairing it is left in."""
    _require_named(Activity, data)
    pairing_id = _named_id(activity, data, "pairing")
    permissions.require(
        permissions.can_activity_update(user, activity, pairing_id=pairing_id), _("You may not edit this activity.")
    )
    areas = list(recipient_areas) if recipient_areas is not None else None
    stored = set(activity.recipient_areas.values_list("pk", flat=True))
    after = {a.pk for a in areas} if areas is not None else stored
    named = after if pairing_id != activity.pairing_id else after - stored
    permissions.require(
        permissions.can_activity_update(user, activity, pairing_id=pairing_id, area_ids=named),
        _("You may not name these recipient areas: they lie outside the pairing's recipient area."),
    )
    if _assign(activity, data):
        _save(activity, user=user, reason="edited")
    if areas is not None:
        activity.recipient_areas.set(areas)
    return activity


@transaction.atomic
def transaction_create(*, user: Any, data: Mapping[str, Any]) -> Transaction:
    """Create a transaction of an activity or of a pairing (exactly one of ``activity``/``pairing``): the
    fields checked as the model's rules say (a message per field), then stored by the one create of
    transactions, :func:`pairaid.activities.services.transaction_create`, whose refusals (a currency that
    is no ISO 4217 code, say) are errors of the request too."""
    _require_named(Transaction, data)
    tx = Transaction()
    _assign(tx, data)
    permissions.require(
        permissions.can_transaction_create(user, activity_id=tx.activity_id, pairing_id=tx.pairing_id),
        _("You may not edit this pairing."),
    )
    _check_transaction_owner(tx)
    _validate(tx)
    spec = TransactionSpec(
        transaction_type=tx.transaction_type,
        finance_type=tx.finance_type,
        value=tx.value,
        value_date=tx.value_date,
        activity=tx.activity,
        pairing=tx.pairing,
        currency=tx.currency,
        provider_area=tx.provider_area,
        provider_organisation=tx.provider_organisation,
        receiver_area=tx.receiver_area,
        receiver_organisation=tx.receiver_organisation,
        description=tx.description,
    )
    try:
        return activities.transaction_create(spec, user=user, reason="entered")
    except DataError as refused:
        raise ValidationError(str(refused)) from None


@transaction.atomic
def transaction_update(*, user: Any, transaction_: Transaction, data: Mapping[str, Any]) -> Transaction:
    """Change a transaction; moving it needs rights over both places."""
    _require_named(Transaction, data)
    permissions.require(
        permissions.can_transaction_update(
            user,
            transaction_,
            activity_id=_named_id(transaction_, data, "activity"),
            pairing_id=_named_id(transaction_, data, "pairing"),
        ),
        _("You may not edit this transaction."),
    )
    if not _assign(transaction_, data):
        return transaction_
    _check_transaction_owner(transaction_)
    _save(transaction_, user=user, reason="edited")
    return transaction_


def _check_transaction_owner(tx: Transaction) -> None:
    if (tx.activity_id is None) == (tx.pairing_id is None):
        raise ValidationError(_("A transaction belongs to an activity or to a pairing, exactly one of them."))


def _check_confirmed_twin(dv: DataValue) -> None:
    if dv.status not in CONFIRMED_STATUSES:
        return
    twin = datavalue_confirmed_twin(dv)
    if twin is not None:
        raise DataError(
            _("A confirmed figure for this indicator, subject and period exists already (#%(id)s).") % {"id": twin.pk}
        )


@transaction.atomic
def datavalue_enter(*, user: Any, data: Mapping[str, Any]) -> DataValue:
    """Enter a figure by hand (status ``entered``); its unit defaults to the indicator's.

    ``data`` holds the indicator, a subject (pairing, area, activity), the period
    (kind, start, end) and the value; the user must be allowed to edit the subject.
    """
    _require_named(DataValue, data)
    dv = DataValue(status=DataValueStatus.ENTERED)
    _assign(dv, data)
    dv.status = DataValueStatus.ENTERED
    if not dv.pairing_id and not dv.area_id and not dv.activity_id:
        raise ValidationError(_("A figure needs a subject: a pairing, an area or an activity."))
    permissions.require(
        datavalue_permissions.can_datavalue_create(
            user, pairing_id=dv.pairing_id, area_id=dv.area_id, activity_id=dv.activity_id, kind=dv.kind
        ),
        _("You may not enter figures for this subject."),
    )
    if not dv.unit and dv.indicator_id:
        dv.unit = dv.indicator.unit
    if dv.indicator_id:
        datavalue_validate(dv)
    dv.updated_by = user
    require_datavalue_unlocked(dv)
    _check_confirmed_twin(dv)
    _save(dv, user=user, reason="entered", exclude=["subject_key"])
    datavalues_changed_send([dv])
    return dv


@transaction.atomic
def datavalue_update(*, user: Any, data_value: DataValue, data: Mapping[str, Any]) -> DataValue:
    """Change a figure; a change that changes nothing is not saved (and adds no row to the audit trail).

    Changing the value of an extracted figure makes it a correction and keeps the
    extracted value. A new indicator brings its unit, unless ``data`` gives one; the
    fields changed must keep the rules of figures entered by hand
    (:mod:`pairaid.indicators.validation`).
    """
    _require_named(DataValue, data)
    subject = {name: _named_id(data_value, data, name) for name in ("pairing", "area", "activity")}
    permissions.require(
        datavalue_permissions.can_datavalue_update(
            user,
            data_value,
            pairing_id=subject["pairing"],
            area_id=subject["area"],
            activity_id=subject["activity"],
            kind=data.get("kind") or data_value.kind,
        ),
        _("You may not edit this figure."),
    )
    before = data_value.value
    require_datavalue_unlocked(data_value)
    was = copy.copy(data_value)  # where the figure was: its old subject and year are checked again too
    changed = _assign(data_value, data)
    if not changed:
        return data_value
    require_datavalue_unlocked(data_value)
    if "indicator" in changed and "unit" not in data:
        data_value.unit = data_value.indicator.unit
        changed.add("unit")
    datavalue_validate(data_value, changed=changed)
    if data_value.status == DataValueStatus.EXTRACTED and data_value.value != before:
        data_value.status = DataValueStatus.CORRECTED
        if data_value.original_value is None:
            data_value.original_value = before
    data_value.updated_by = user
    _check_confirmed_twin(data_value)
    _save(data_value, user=user, reason="edited", exclude=["subject_key"])
    datavalues_changed_send([data_value, was])
    return data_value
