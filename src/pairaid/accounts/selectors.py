"""Reads of users, memberships and tokens, and of the data values a user may see (a pairing's or area's years
and figures with change on last year for their pages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, QuerySet, Subquery

from pairaid.accounts.models import Membership
from pairaid.accounts.permissions import visible_datavalues
from pairaid.core.change import change_percent
from pairaid.core.filters import given_filters
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind
from pairaid.indicators.selectors import datavalue_list
from pairaid.registry.models import Pairing


def membership_list(*, user: Any) -> QuerySet[Membership]:
    """The memberships of ``user`` with their pairings and areas."""
    return Membership.objects.filter(user=user).prefetch_related("pairings", "areas")


def membership_get(*, pk: int, user_id: int) -> Membership:
    """The membership with this id of the user with ``user_id``, with its user (raises
    ``Membership.DoesNotExist``, also when it is another user's)."""
    return Membership.objects.select_related("user").get(pk=pk, user_id=user_id)


def user_get(*, pk: int) -> Any:
    """The user with this id (raises ``DoesNotExist`` of the user model)."""
    return get_user_model().objects.get(pk=pk)


def users_by_name() -> QuerySet[Any]:
    """Every user, by user name, with only their id and name read (a menu of users)."""
    return get_user_model().objects.order_by("username").only("pk", "username")


def user_list(*, query: str = "") -> QuerySet[Any]:
    """Every user (name containing ``query``), active first, by name, with their memberships."""
    qs = get_user_model().objects.prefetch_related("memberships")
    if query:
        qs = qs.filter(username__icontains=query)
    return qs.order_by("-is_active", "username")


#: What a list of data values shows of each, in one query: its indicator, subject, evidence and who changed it.
_DATAVALUE_RELATIONS = (
    "indicator",
    "pairing__donor_area",
    "pairing__recipient_area",
    "area",
    "evidence",
    "updated_by",
)


def visible_datavalue_list(
    *,
    user: Any,
    indicator_code: str | None = None,
    pairing_id: int | None = None,
    area_code: str | None = None,
    activity_id: int | None = None,
    year: int | None = None,
    period_kind: str | None = None,
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    status: str | None = None,
    kind: str | None = None,
    document_id: int | None = None,
) -> QuerySet[DataValue]:
    """The data values ``user`` may see (:func:`~pairaid.accounts.permissions.visible_datavalues`), of every
    status and kind unless asked, latest period first, as the data-value pages and the API list them.

    Filtered as :func:`~pairaid.indicators.selectors.datavalue_list` filters, with the same meaning:

    * ``pairing_id``: values whose subject includes that pairing (the outputs of its activities count too).
    * ``year``: values whose period ends in that year; ``period_start`` / ``period_end``: values starting on
      or after, ending on or before, that day.
    * ``document_id``: values read from that document.
    """
    listed = datavalue_list(
        indicator=indicator_code or None,
        pairing_ids=None if pairing_id is None else [pairing_id],
        year=year,
        period_kind=period_kind,
        statuses=[status] if status else None,
        kind=kind or None,
    )
    narrowed = given_filters(
        area__code=area_code,
        activity_id=activity_id,
        period_start__gte=period_start,
        period_end__lte=period_end,
        evidence__document_id=document_id,
    )
    return (
        visible_datavalues(user, listed)
        .select_related(*_DATAVALUE_RELATIONS)
        .filter(**narrowed)
        .order_by("-period_end", "-pk")
    )


def visible_datavalue_get(*, user: Any, pk: int) -> DataValue:
    """The data value with this id if ``user`` may see it (raises ``DataValue.DoesNotExist`` otherwise)."""
    return visible_datavalues(user).select_related(*_DATAVALUE_RELATIONS).get(pk=pk)


def pairing_years(*, user: Any, pairing: Pairing) -> list[int]:
    """Years with figures of ``pairing`` visible to ``user``, newest first."""
    qs = visible_datavalues(user, DataValue.objects.filter(pairing=pairing))
    return sorted(set(qs.values_list("period_start__year", flat=True).distinct()), reverse=True)


def area_years(*, user: Any, area: Area) -> list[int]:
    """Years with figures visible to ``user`` of ``area`` itself, of an area under it, or of a pairing
    whose recipient is in it: the years its page can total, newest first."""
    codes = [area.code[: {"province": 2, "prefecture": 4}.get(area.level, 6)]]
    inside = Q(area__code__startswith=codes[0]) | Q(pairing__recipient_area__code__startswith=codes[0])
    inside |= Q(activity__pairing__recipient_area__code__startswith=codes[0])
    qs = visible_datavalues(user, DataValue.objects.filter(inside))
    return sorted({d.year for d in qs.dates("period_end", "year")}, reverse=True)


@dataclass(frozen=True)
class DataValueWithPrevious:
    """A figure with the confirmed value of the same key one year earlier."""

    data_value: DataValue
    previous: Decimal | None

    @property
    def change_percent(self) -> Decimal | None:
        """The rate the document stated, else the change on last year's confirmed value."""
        return change_percent(self.data_value.value, self.previous, stated=self.data_value.change_percent)


def datavalues_with_change(
    *, user: Any, year: int, pairing: Pairing | None = None, area: Area | None = None
) -> list[DataValueWithPrevious]:
    """The actual figures about ``pairing`` (not its activities' outputs) or ``area`` visible to ``user`` for
    ``year``, each with last year's confirmed value (a plan's figures are shown beside them as plan against
    actual)."""
    about = DataValue.objects.filter(pairing=pairing) if pairing is not None else DataValue.objects.filter(area=area)
    # last year's confirmed value of the same key, looked up in the same query
    previous = DataValue.objects.filter(
        status__in=CONFIRMED_STATUSES,
        kind=DataValueKind.ACTUAL,
        period_start__year=year - 1,
        indicator_id=OuterRef("indicator_id"),
        subject_key=OuterRef("subject_key"),
        period_kind=OuterRef("period_kind"),
        disaggregation=OuterRef("disaggregation"),
    ).order_by("-pk")
    rows = list(
        visible_datavalues(user, about)
        .filter(period_start__year=year, kind=DataValueKind.ACTUAL)
        .annotate(previous_value=Subquery(previous.values("value")[:1]))
        .select_related("indicator", "evidence", "area", "activity")
        .order_by("indicator__code", "disaggregation", "pk")[:500]
    )
    return [DataValueWithPrevious(r, r.previous_value) for r in rows]  # type: ignore[attr-defined]
