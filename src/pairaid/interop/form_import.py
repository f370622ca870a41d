"""Reading a filled yearly form (:mod:`pairaid.interop.form_export`) back into pairaid.

:func:`form_import` checks every cell first — codes against the codelists, units
against the indicator's unit, numbers, dates, identifiers — and raises
:class:`FormError` naming each bad cell ("Transactions!E7: 'abc' is not a
number") without storing anything. Then, in one database transaction, it stores
the rows through the services: a figure new to the pairing is created with status
``entered`` (:func:`pairaid.indicators.services.datavalue_create`); a stored
confirmed figure with another value, unit or qualifier is changed and becomes
``entered`` (the history keeps the old one); activities are created
(:func:`pairaid.activities.services.activity_create`) or changed; transactions are
added unless the same one is stored (:func:`transaction_get_or_create`). Rows are
never deleted. Should a service still refuse a row, nothing is stored either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from pairaid.accounts import permissions
from pairaid.activities.models import Activity
from pairaid.activities.services import ActivitySpec, TransactionSpec, activity_create, transaction_get_or_create
from pairaid.core.errors import PairaidError
from pairaid.datasets.locks import require_unlocked
from pairaid.indicators.models import (
    CONFIRMED_STATUSES,
    DataValue,
    DataValueKind,
    DataValueStatus,
    Indicator,
    subject_key,
)
from pairaid.indicators.services import DataValueSpec, datavalue_create
from pairaid.indicators.signals import datavalues_changed_send
from pairaid.interop.form_reading import FormError, Row, form_read
from pairaid.interop.selectors import tree_ids
from pairaid.registry.models import Pairing


@dataclass
class ImportSummary:
    """What :func:`form_import` stored, per kind: created, changed, unchanged."""

    pairing: Pairing
    year: int
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            k: {"created": 0, "changed": 0, "unchanged": 0} for k in ("data_values", "activities", "transactions")
        }
    )


def _indicator_id(code: str) -> int:
    return Indicator.objects.only("pk").get(code=code).pk


def _store_value(row: Row, pairing: Pairing, summary: ImportSummary) -> None:
    counts = summary.counts["data_values"]
    period = row["period"]
    stored = DataValue.objects.filter(
        indicator__code=row["indicator"],
        subject_key=subject_key(pairing_id=pairing.pk, area_id=None, activity_id=None, organisation_id=None),
        period_kind=period.kind,
        period_start=period.start,
        period_end=period.end,
        disaggregation=row["disaggregation"],
        kind=DataValueKind.ACTUAL,
        status__in=CONFIRMED_STATUSES,
    ).first()
    unchanged = stored is not None and (stored.value, stored.unit, stored.qualifier) == (
        row["value"],
        row["unit"],
        row["qualifier"],
    )
    if not unchanged:
        require_unlocked(pairing_id=pairing.pk, year=period.end.year, indicator_id=_indicator_id(row["indicator"]))
    if stored is None:
        created = datavalue_create(
            DataValueSpec(
                indicator=row["indicator"],
                value=row["value"],
                period_kind=period.kind,
                period_start=period.start,
                period_end=period.end,
                pairing=pairing,
                disaggregation=row["disaggregation"],
                unit=row["unit"],
                qualifier=row["qualifier"],
                status=DataValueStatus.ENTERED,
            ),
        )
        datavalues_changed_send([created])
        counts["created"] += 1
    elif unchanged:
        counts["unchanged"] += 1
    else:
        if stored.original_value is None and stored.status != DataValueStatus.ENTERED:
            stored.original_value = stored.value
        stored.value, stored.unit, stored.qualifier = row["value"], row["unit"], row["qualifier"]
        stored.status = DataValueStatus.ENTERED
        stored._change_reason = "imported from the yearly form"  # type: ignore[attr-defined]
        stored.save()
        datavalues_changed_send([stored])
        counts["changed"] += 1


ACTIVITY_FIELDS = (
    "pairing_id",
    "title",
    "title_zh",
    "sector",
    "status",
    "start_date",
    "end_date",
    "is_key_project",
    "batch",
)


def _require_activity_rights(user: Any, row: Row, stored: Activity | None) -> None:
    """The rule of creating or changing an activity with its pairing and recipient areas (``activity_areas``
    of the rights table): the areas lie within the pairing's recipient area, or are areas ``user`` edits."""
    if user is None:  # the command line's operator: every right, as an administrator
        return
    areas = [a.pk for a in row["areas"]]
    allowed = (
        permissions.can_activity_create(user, pairing_id=row["pairing_id"], area_ids=areas)
        if stored is None
        else permissions.can_activity_update(user, stored, pairing_id=row["pairing_id"], area_ids=areas)
    )
    permissions.require(allowed, "you may not give this activity this pairing and these recipient areas")


def _store_activity(row: Row, summary: ImportSummary, user: Any = None) -> Activity:
    counts = summary.counts["activities"]
    stored = Activity.objects.filter(identifier=row["identifier"]).first()
    _require_activity_rights(user, row, stored)
    if stored is None:
        counts["created"] += 1
        return activity_create(
            ActivitySpec(
                identifier=row["identifier"],
                pairing=Pairing.objects.get(pk=row["pairing_id"]),
                recipient_areas=row["areas"],
                **{k: row[k] for k in ACTIVITY_FIELDS if k != "pairing_id"},
            )
        )
    same_areas = sorted(a.code for a in stored.recipient_areas.all()) == sorted(row["area_codes"])
    if same_areas and all(getattr(stored, k) == row[k] for k in ACTIVITY_FIELDS):
        counts["unchanged"] += 1
        return stored
    for name in ACTIVITY_FIELDS:
        setattr(stored, name, row[name])
    stored._change_reason = "imported from the yearly form"  # type: ignore[attr-defined]
    stored.save()
    if not same_areas:
        stored.recipient_areas.set(row["areas"])
    counts["changed"] += 1
    return stored


def form_import(*, path: Path, user: Any = None) -> ImportSummary:
    """Check the form at ``path`` and store it in one transaction (see the module's docstring).

    ``user`` is who imports (None: the command line's operator, who may do anything): each activity's
    pairing and recipient areas are checked against their rights, as the pages and the API check them.

    Raises:
        InputError: not a readable pairaid form.
        FormError: bad cells (nothing stored), or rows a service or the rights refused (nothing stored).
    """
    pairing, year, values, activities, transactions = form_read(path=path)
    summary = ImportSummary(pairing=pairing, year=year)
    problems: list[str] = []
    with transaction.atomic():
        for row in values:
            try:
                with transaction.atomic():
                    _store_value(row, pairing, summary)
            except PairaidError as exc:
                problems.append(f"{row['where']}: {exc}")
        by_identifier: dict[str, Activity] = {}
        for row in activities:
            try:
                with transaction.atomic():
                    by_identifier[row["identifier"]] = _store_activity(row, summary, user)
            except PairaidError as exc:
                problems.append(f"{row['where']}: {exc}")
        pairings = {p.pk: p for p in Pairing.objects.filter(pk__in=tree_ids(pairing=pairing) or [])}
        for row in transactions:
            activity = by_identifier.get(row["identifier"]) or (
                Activity.objects.filter(identifier=row["identifier"]).first() if row["identifier"] else None
            )
            owner = activity.pairing if activity else pairings[row["pairing_id"]]
            areas = list(activity.recipient_areas.all()) if activity else []
            try:
                with transaction.atomic():
                    _, created = transaction_get_or_create(
                        TransactionSpec(
                            activity=activity,
                            pairing=None if activity else owner,
                            transaction_type=row["transaction_type"],
                            finance_type=row["finance_type"],
                            value=row["value"],
                            value_date=row["value_date"],
                            provider_area=owner.donor_area,
                            receiver_area=(
                                areas[0] if len(areas) == 1 else owner.recipient_area if not activity else None
                            ),
                            description=row["description"],
                        )
                    )
            except PairaidError as exc:
                problems.append(f"{row['where']}: {exc}")
                continue
            summary.counts["transactions"]["created" if created else "unchanged"] += 1
        if problems:
            raise FormError(problems)
    return summary
