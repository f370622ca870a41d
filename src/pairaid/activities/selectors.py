"""Reads of activities and transactions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum

from pairaid.activities.models import Activity, Transaction, status_on_expression
from pairaid.core.filters import given_filters
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing


def activity_get(*, pk: int | None = None, identifier: str | None = None) -> Activity:
    """The activity with this id or identifier (raises ``Activity.DoesNotExist``)."""
    qs = Activity.objects.select_related("pairing", "implementing_organisation")
    return qs.get(pk=pk) if pk is not None else qs.get(identifier=identifier)


def activity_list(
    *,
    pairing: Pairing | int | None = None,
    pairings: QuerySet[Pairing] | Iterable[int] | None = None,
    sector: str | None = None,
    area: Area | None = None,
    area_code: str | None = None,
    status: int | None = None,
    text: str | None = None,
    year: int | None = None,
) -> QuerySet[Activity]:
    """Activities of one pairing (or its id) or of several ``pairings`` (a query or their ids), sector,
    recipient area (or its code) or status (the status shown today, from the dates:
    :meth:`Activity.current_status`), or whose English or Chinese title contains ``text`` or whose
    identifier is ``text``, in identifier order.

    ``year`` keeps activities with a transaction or a data value in that year, or
    with dates covering it.
    """
    qs = Activity.objects.select_related("pairing", "implementing_organisation").prefetch_related("recipient_areas")
    qs = qs.filter(
        **given_filters(
            pairing=pairing,
            pairing__in=pairings,
            sector=sector,
            recipient_areas=area,
            recipient_areas__code=area_code,
        )
    )
    if status:  # the status shown (from the dates, today), not the stage as stored
        qs = qs.alias(status_now=status_on_expression(date.today())).filter(status_now=status)
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(title_zh__icontains=text) | Q(identifier=text))
    if year is not None:
        qs = qs.filter(
            Q(transactions__value_date__year=year)
            | Q(data_values__period_start__year__lte=year, data_values__period_end__year__gte=year)
            | Q(start_date__year__lte=year, end_date__year__gte=year)
        )
    return qs.distinct()


def transaction_get(*, pk: int) -> Transaction:
    """The transaction with this id, with its activity (raises ``Transaction.DoesNotExist``)."""
    return Transaction.objects.select_related("activity").get(pk=pk)


def transaction_list(
    *,
    activity: Activity | int | None = None,
    pairing: Pairing | int | None = None,
    include_activities: bool = False,
    transaction_type: str | None = None,
    finance_type: str | None = None,
    year: int | None = None,
) -> QuerySet[Transaction]:
    """Transactions of one activity or pairing (or their ids), by type, finance type and year of the value date.

    With ``pairing`` and ``include_activities``, the transactions of the pairing's
    own activities count too (not those of nested pairings).
    """
    qs = Transaction.objects.select_related("activity", "pairing")
    if activity is not None:
        qs = qs.filter(activity=activity)
    if pairing is not None:
        if include_activities:
            qs = qs.filter(pairing=pairing) | qs.filter(activity__pairing=pairing)
        else:
            qs = qs.filter(pairing=pairing)
    if transaction_type:
        qs = qs.filter(transaction_type=transaction_type)
    if finance_type:
        qs = qs.filter(finance_type=finance_type)
    if year is not None:
        qs = qs.filter(value_date__year=year)
    return qs


def transaction_total(
    *,
    activity: Activity | None = None,
    pairing: Pairing | None = None,
    include_activities: bool = False,
    transaction_type: str | None = None,
    finance_type: str | None = None,
    year: int | None = None,
) -> Decimal:
    """The sum in yuan of the transactions :func:`transaction_list` returns (``Decimal("0")`` when none)."""
    qs = transaction_list(
        activity=activity,
        pairing=pairing,
        include_activities=include_activities,
        transaction_type=transaction_type,
        finance_type=finance_type,
        year=year,
    )
    total = qs.aggregate(total=Sum("value"))["total"]
    return total if total is not None else Decimal("0")


#: Above this many activities a tree's are matched by a subquery rather than listed.
_LISTED_ACTIVITIES = 20_000


def of_pairings(pairing_ids: list[int] | set[int], *, prefix: str = "") -> Q:
    """Rows of these pairings or of their activities (``prefix``: the path to the row's ``pairing`` and
    ``activity``, e.g. ``""`` for a data value or a transaction).

    The activities are listed by id (one small query) so that the database reads the rows through
    its indexes on pairing and activity, instead of joining every row of the table to its activity
    to test ``activity.pairing`` (a sequential scan of a million data values); a tree with more
    activities than :data:`_LISTED_ACTIVITIES` is matched by a subquery."""
    chosen = list(pairing_ids)
    activities = Activity.objects.filter(pairing_id__in=chosen).values_list("pk", flat=True)
    listed = list(activities[: _LISTED_ACTIVITIES + 1])
    under: object = activities if len(listed) > _LISTED_ACTIVITIES else listed
    return Q(**{f"{prefix}pairing_id__in": chosen}) | Q(**{f"{prefix}activity_id__in": under})


def activity_search(*, text: str, limit: int) -> list[Activity]:
    """The first ``limit`` activities, with their pairings, whose English or Chinese title or identifier contains
    ``text`` (the search page)."""
    named = Q(title__icontains=text) | Q(title_zh__icontains=text) | Q(identifier__icontains=text)
    return list(Activity.objects.filter(named).select_related("pairing")[:limit])


def activities_of_year(*, pairing_ids: list[int], year: int, outputs: QuerySet[Any]) -> list[Activity]:
    """The activities of these pairings that count in ``year`` (one counts unless it starts after the
    year or ends before it; an undated one counts in every year), by identifier, with their recipient
    areas and their data values ``outputs`` (a query of data values, e.g. the year's confirmed ones)."""
    return list(
        Activity.objects.filter(pairing_id__in=pairing_ids)
        .filter(Q(start_date__isnull=True) | Q(start_date__year__lte=year))
        .filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year))
        .prefetch_related("recipient_areas", Prefetch("data_values", queryset=outputs))
        .order_by("identifier")
    )


def money_moved_by_activity(*, pairing_ids: list[int], year: int) -> dict[int, Decimal]:
    """The yuan disbursed and spent in ``year`` by each activity of these pairings, by activity id (an
    activity that moved none is left out)."""
    return dict(
        Transaction.objects.filter(
            activity__pairing_id__in=pairing_ids,
            value_date__year=year,
            transaction_type__in=("disbursement", "expenditure"),
        )
        .values_list("activity_id")
        .annotate(total=Sum("value"))
    )


def activities_of_pairing(*, pairing: Pairing) -> QuerySet[Activity]:
    """The pairing's own activities (not those of nested pairings), in identifier order."""
    return pairing.activities.all()


def activities_in_area(*, area: Area, limit: int) -> QuerySet[Activity]:
    """The first ``limit`` activities with ``area`` among their recipient areas, in identifier order."""
    return area.activities.all()[:limit]


def activity_transactions(*, activity: Activity) -> list[Transaction]:
    """The activity's transactions, in value date order."""
    return list(activity.transactions.all())
