"""Writes of events: record, change and remove a pairing's visits, cadre batches, fairs and agreements,
and store the indicators they give as figures.

Each write checks the user's rights, validates the event with the model's rules
(``full_clean``) and the rules below, and is recorded in the audit trail.

Errors: :class:`~pairaid.accounts.permissions.NotAllowed`, ``django.core.exceptions.ValidationError``
(a field breaks a rule), :class:`~pairaid.core.errors.DataError`, :class:`~pairaid.core.errors.LockedError`
(the event's year, or the year it would move to, is held by a submitted, approved or frozen dataset).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from pairaid.accounts import permissions, year_permissions
from pairaid.core.errors import DataError
from pairaid.datasets.locks import require_unlocked, require_year_unlocked
from pairaid.events.models import CadreBatch, Event, FrameworkAgreement, TradeFair, Visit
from pairaid.events.selectors import event_indicators
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind
from pairaid.indicators.services import DataValueSpec, datavalue_create
from pairaid.registry.models import Pairing

#: The kinds of event, by the name the pages and the API use.
EVENT_MODELS: dict[str, type[Event]] = {
    "visit": Visit,
    "cadre_batch": CadreBatch,
    "trade_fair": TradeFair,
    "agreement": FrameworkAgreement,
}
_GUARDED = frozenset({"id", "pk", "pairing", "pairing_id", "created", "updated"})


def _check(event: Event) -> None:
    event.full_clean()  # the fields' own rules first; it also turns text into dates and decimals
    errors: dict[str, str] = {}
    if not 1949 <= event.year <= 2100:
        errors["year"] = f"the year {event.year} is not between 1949 and 2100"
    if event.date is not None and event.date.year != event.year:
        errors["date"] = f"the date {event.date} is not in {event.year}"
    if isinstance(event, CadreBatch) and event.start_date and event.end_date and event.end_date < event.start_date:
        errors["end_date"] = "the batch ends before it starts"
    if isinstance(event, FrameworkAgreement) and (
        not isinstance(event.fields, list) or not all(isinstance(f, str) and f.strip() for f in event.fields)
    ):
        errors["fields"] = "the fields of cooperation are a list of names"
    if errors:
        raise ValidationError(errors)


def _value(event: Event, field: Any, key: str, value: Any) -> Any:
    """``value`` for the field ``key``: none for a field that must hold one is refused; a cadre batch's area is
    an area (or its code) within the recipient area of the event's pairing (refused, as every write that names
    an area outside the user's pairing is)."""
    if value is None and not field.null:
        raise ValidationError({key: "a value is needed"})
    if key != "area" or value is None:
        return value
    found = value if isinstance(value, Area) else Area.objects.filter(code=str(value)).first()
    if found is None:
        raise ValidationError({key: f"no area has the code {value!r}"})
    permissions.require(
        permissions.pairing_covers_area(event.pairing_id, found.pk),
        "You may not name this area: it lies outside the pairing's recipient area.",
    )
    return found


def _save(event: Event, *, user: Any, data: Mapping[str, Any], reason: str) -> Event:
    # fields by name only: a foreign key by its own name (an area's code), never by its column (``area_id``);
    # the evidence is linked by the reading of a report, not written here
    fields = {f.name: f for f in type(event)._meta.concrete_fields if f.name not in _GUARDED | {"evidence"}}
    # as stored (a page's form has set its fields on ``event`` already)
    stored = type(event)._default_manager.filter(pk=event.pk).first() if event.pk else None
    before = {name: getattr(stored, f.attname) for name, f in fields.items()} if stored else None
    for key, value in data.items():
        if key not in fields:
            raise ValidationError({key: "unknown field"})
        setattr(event, key, _value(event, fields[key], key, value))
    _check(event)
    if before is not None and before == {name: getattr(event, f.attname) for name, f in fields.items()}:
        return event  # nothing changed: no empty row in the audit trail
    # a locked year (its dataset submitted, approved or frozen) gains, changes and loses no event: the year it
    # leaves and the year it enters are both checked, as every figure write is
    if stored is not None:
        require_year_unlocked(pairing_id=stored.pairing_id, year=stored.year)
    require_year_unlocked(pairing_id=event.pairing_id, year=event.year)
    event._history_user = user  # type: ignore[attr-defined]
    event._change_reason = reason  # type: ignore[attr-defined]
    event.save()
    return event


@transaction.atomic
def event_create(*, user: Any, kind: str, pairing: Pairing, data: Mapping[str, Any]) -> Event:
    """Record an event of ``kind`` (visit, cadre_batch, trade_fair, agreement) of ``pairing`` from ``data``
    (model field names; ``year`` required).

    Raises:
        NotAllowed: ``user`` does not edit the pairing.
        DataError: an unknown kind.
        ValidationError: a field breaks a rule (a date outside the year…).
    """
    model = EVENT_MODELS.get(kind)
    if model is None:
        raise DataError(f"unknown kind of event {kind!r} (use one of {', '.join(EVENT_MODELS)})")
    permissions.require(year_permissions.can_event_update(user, pairing), "You may not record events of this pairing.")
    return _save(model(pairing=pairing), user=user, data=data, reason="recorded")


@transaction.atomic
def event_update(*, user: Any, event: Event, data: Mapping[str, Any]) -> Event:
    """Change ``event`` (its pairing stays).

    Raises:
        NotAllowed: ``user`` does not edit its pairing.
        ValidationError: a field breaks a rule.
    """
    permissions.require(
        year_permissions.can_event_update(user, event.pairing), "You may not change this pairing's events."
    )
    return _save(event, user=user, data=data, reason="edited")


@transaction.atomic
def event_delete(*, user: Any, event: Event) -> None:
    """Remove ``event`` (the audit trail keeps it).

    Raises:
        NotAllowed: ``user`` does not edit its pairing.
    """
    permissions.require(
        year_permissions.can_event_update(user, event.pairing), "You may not change this pairing's events."
    )
    require_year_unlocked(pairing_id=event.pairing_id, year=event.year)
    event._history_user = user  # type: ignore[attr-defined]
    event._change_reason = "removed"  # type: ignore[attr-defined]
    event.delete()


@transaction.atomic
def datavalues_from_events(*, user: Any, pairing: Pairing, year: int) -> list[DataValue]:
    """Store the indicators ``pairing``'s events of ``year`` give (leaders' visits, delegations, cadres…)
    as entered figures of the pairing, where it has no confirmed figure of that indicator for the year yet.

    Returns the figures stored.

    Raises:
        NotAllowed: ``user`` does not edit the pairing.
        LockedError: the pairing's dataset for the year is locked.
    """
    permissions.require(year_permissions.can_event_update(user, pairing), "You may not enter figures for this pairing.")
    stored = []
    for computed in event_indicators(pairing=pairing, year=year):
        exists = DataValue.objects.filter(
            indicator__code=computed.code,
            pairing=pairing,
            area__isnull=True,
            activity__isnull=True,
            kind=DataValueKind.ACTUAL,
            period_kind="year",
            period_end__year=year,
            disaggregation="",
            unit=computed.unit,
            status__in=CONFIRMED_STATUSES,
        ).exists()
        if exists:
            continue
        require_unlocked(pairing_id=pairing.pk, year=year, indicator_id=computed.indicator_id)
        stored.append(
            datavalue_create(
                DataValueSpec(
                    indicator=computed.code,
                    value=computed.value,
                    period_kind="year",
                    year=year,
                    pairing=pairing,
                    unit=computed.unit,
                    qualifier=computed.qualifier,
                ),
                updated_by=user,
            )
        )
    return stored
