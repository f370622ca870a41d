"""Reads the exports share: a pairing tree's activities, transactions and figures of a year."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from pairaid.activities.models import Activity, Transaction
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_descendant_ids


def tree_ids(*, pairing: Pairing | None) -> list[int] | None:
    """Ids of ``pairing`` and every pairing under it; ``None`` (all pairings) when no pairing is given."""
    return None if pairing is None else pairing_descendant_ids(root=pairing)


def activities_of_year(*, pairing_ids: list[int] | None, year: int | None) -> QuerySet[Activity]:
    """Activities of these pairings (all when ``None``) whose dates do not exclude ``year``: what a yearly form
    lists to fill in.

    An activity counts in ``year`` unless it starts after it or ends before it (an
    undated activity counts in every year). In identifier order, with their pairing,
    recipient areas and implementing organisation loaded.
    """
    qs = _activities(pairing_ids)
    if year is not None:
        qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__year__lte=year)).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )
    return qs.order_by("identifier")


def activities_active_in(*, pairing_ids: list[int] | None, year: int | None) -> QuerySet[Activity]:
    """Activities of these pairings (all when ``None``) active in ``year`` (every activity when ``None``): what
    an open-data export of the year publishes.

    An activity is *active in a year* when it has money (a transaction) or a figure (an output) dated in
    that year, when its dates span the year (start in or before it, end in or after it), or when it starts
    that year with no end date. An activity with no end date and no record of the year is not taken as
    active in every later year (a 2009 project with no end date is not a 2011 activity). In identifier
    order, loaded as :func:`activities_of_year`'s.
    """
    qs = _activities(pairing_ids)
    if year is not None:
        recorded = Q(Exists(Transaction.objects.filter(activity=OuterRef("pk"), value_date__year=year))) | Q(
            Exists(DataValue.objects.filter(activity=OuterRef("pk"), period_end__year=year))
        )
        spanned = Q(start_date__year__lte=year, end_date__year__gte=year) | Q(
            start_date__year=year, end_date__isnull=True
        )
        qs = qs.filter(recorded | spanned)
    return qs.order_by("identifier")


def _activities(pairing_ids: list[int] | None) -> QuerySet[Activity]:
    qs = Activity.objects.select_related(
        "pairing", "pairing__donor_area", "pairing__donor_organisation", "implementing_organisation"
    ).prefetch_related("recipient_areas")
    return qs if pairing_ids is None else qs.filter(pairing_id__in=pairing_ids)


def transactions_of_year(*, pairing_ids: list[int] | None, year: int | None) -> QuerySet[Transaction]:
    """Transactions of these pairings' activities and of the pairings themselves, with a value date in
    ``year`` (all years when ``None``); in value date, activity identifier and id order."""
    qs = Transaction.objects.select_related("activity")
    if pairing_ids is not None:
        qs = qs.filter(Q(activity__pairing_id__in=pairing_ids) | Q(pairing_id__in=pairing_ids))
    if year is not None:
        qs = qs.filter(value_date__year=year)
    return qs.order_by("value_date", "activity__identifier", "pk")


def datavalues_of_pairing(*, pairing: Pairing, year: int) -> list[DataValue]:
    """Confirmed actual figures about ``pairing`` itself (no area, no activity) whose period ends in ``year``
    (the yearly form reports what was done; plans have their own pages).

    One per key (indicator, period, disaggregation): where two confirmed statuses hold
    the same key, the first stored wins.
    """
    qs = (
        DataValue.objects.filter(
            pairing=pairing,
            area__isnull=True,
            activity__isnull=True,
            organisation__isnull=True,
            period_end__year=year,
            status__in=CONFIRMED_STATUSES,
            kind=DataValueKind.ACTUAL,
        )
        .select_related("indicator")
        .order_by("pk")
    )
    seen: dict[tuple[object, ...], DataValue] = {}
    for value in qs:
        seen.setdefault((value.indicator_id, value.period_kind, value.period_start, value.disaggregation), value)
    return list(seen.values())


def datavalues_for_export(
    *, pairing_ids: list[int] | None, year: int | None, include_extracted: bool = False
) -> QuerySet[DataValue]:
    """Data values about these pairings (their own figures, their activities' outputs, and figures
    about their recipient areas), all when ``None``; periods ending in ``year`` when given.

    Confirmed figures only (accepted, corrected, entered), unless ``include_extracted`` adds the
    figures read from reports and not yet reviewed; never rejected ones. In indicator, period, id order.
    """
    statuses = [*CONFIRMED_STATUSES, DataValueStatus.EXTRACTED] if include_extracted else list(CONFIRMED_STATUSES)
    qs = DataValue.objects.filter(status__in=statuses)
    if pairing_ids is not None:
        areas = Pairing.objects.filter(pk__in=pairing_ids, recipient_area__isnull=False).values("recipient_area_id")
        qs = qs.filter(
            Q(pairing_id__in=pairing_ids)
            | Q(activity__pairing_id__in=pairing_ids)
            | Q(pairing__isnull=True, activity__isnull=True, area_id__in=areas)
        )
    if year is not None:
        qs = qs.filter(period_end__year=year)
    return qs.order_by("indicator__code", "period_start", "pk")
