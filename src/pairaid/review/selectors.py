"""Reads for review: the queue of extracted figures waiting for a reviewer, its filters and sort orders."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from pairaid.accounts.permissions import user_rights, visible_datavalues
from pairaid.core.extract.model import UNCERTAIN_BELOW
from pairaid.indicators.models import CONFIRMED_STATUSES, DATAVALUE_KEY_FIELDS, DataValue, DataValueStatus, Indicator
from pairaid.registry.models import Pairing
from pairaid.sources.models import SourceDocument

#: What the figures of a review page need, in one query: names of the pairing's sides in every language.
DATAVALUE_RELATIONS = (
    "indicator",
    "evidence",
    "pairing__donor_area",
    "pairing__recipient_area",
    "pairing__donor_organisation",
    "pairing__recipient_organisation",
    "area",
    "activity",
)

#: Readings at least this certain are confident (a reading below it is "uncertain", ``Fact.uncertain``).
CONFIDENT = Decimal(str(UNCERTAIN_BELOW))

#: The orders of the queue: document order, least certain first, by rule.
ORDERS = {
    "": ("evidence__document_id", "evidence__start", "pk"),
    "certainty": (F("certainty").asc(nulls_last=True), "evidence__document_id", "evidence__start", "pk"),
    "rule": ("rule", "evidence__document_id", "evidence__start", "pk"),
}


@dataclass(frozen=True)
class QueueFilter:
    """What the queue is narrowed to; each part left empty keeps every figure.

    ``certainty`` is ``uncertain`` (below :data:`CONFIDENT`) or ``certain``.
    """

    document: SourceDocument | None = None
    pairing: Pairing | None = None
    indicator: Indicator | None = None
    rule: str = ""
    certainty: str = ""
    order: str = ""


def reviewable(*, user: Any, qs: QuerySet[DataValue]) -> QuerySet[DataValue]:
    """The figures of ``qs`` that ``user`` may review (all of them for administrators and the national office).

    Pairing editors review the figures of their pairings (and activities of them);
    recipient editors those of their areas.
    """
    rights = user_rights(user)
    if rights.administrator or rights.national_office:
        return qs
    return qs.filter(
        Q(pairing_id__in=rights.pairing_ids)
        | Q(activity__pairing_id__in=rights.pairing_ids)
        | Q(area_id__in=rights.area_ids)
    )


def with_confirmed_twin(qs: QuerySet[DataValue]) -> QuerySet[DataValue]:
    """``qs`` with ``twin_id``: the confirmed figure of the same key, when there is one (a copy's original)."""
    same_key = {field: OuterRef(field) for field in DATAVALUE_KEY_FIELDS}
    twins = DataValue.objects.filter(**same_key, status__in=CONFIRMED_STATUSES).exclude(subject_key="")
    return qs.annotate(twin_id=Subquery(twins.order_by("pk").values("pk")[:1]))


def datavalue_detail_get(*, user: Any, pk: int) -> DataValue:
    """The data value with this id if ``user`` may see it, with its confirmed twin's id (:func:`with_confirmed_twin`),
    its subject's names and its evidence's document (raises ``DataValue.DoesNotExist`` otherwise)."""
    qs = with_confirmed_twin(visible_datavalues(user))
    return qs.select_related(*DATAVALUE_RELATIONS, "evidence__document", "updated_by").get(pk=pk)


def document_datavalues(*, user: Any, document: SourceDocument) -> QuerySet[DataValue]:
    """The figures read from ``document`` that ``user`` may see, in the order of the text, each with its
    confirmed twin's id (:func:`with_confirmed_twin`) and what :data:`DATAVALUE_RELATIONS` names."""
    qs = visible_datavalues(user, DataValue.objects.filter(evidence__document=document))
    return with_confirmed_twin(qs).select_related(*DATAVALUE_RELATIONS).order_by("evidence__start", "pk")


def review_datavalue_get(*, pk: int) -> DataValue:
    """The figure with this id and what :data:`DATAVALUE_RELATIONS` names (raises ``DataValue.DoesNotExist``)."""
    return DataValue.objects.select_related(*DATAVALUE_RELATIONS).get(pk=pk)


def review_datavalue_list(*, ids: list[int]) -> QuerySet[DataValue]:
    """The figures with these ids, with their activities, in id order (what a bulk review works through)."""
    return DataValue.objects.filter(pk__in=ids).select_related("activity").order_by("pk")


def review_queue(*, user: Any, narrowed: QueueFilter | None = None) -> QuerySet[DataValue]:
    """Extracted figures ``user`` may review (:func:`reviewable`), narrowed and ordered as asked.

    Each carries ``twin_id`` (:func:`with_confirmed_twin`) and its document, pairing,
    area and indicator, so that a page of them takes a fixed number of queries.
    """
    narrowed = narrowed or QueueFilter()
    qs = DataValue.objects.filter(status=DataValueStatus.EXTRACTED).select_related(*DATAVALUE_RELATIONS)
    qs = qs.prefetch_related("evidence__document")  # one copy of each report's text (for the sentences), not one a row
    if narrowed.document is not None:
        qs = qs.filter(evidence__document=narrowed.document)
    if narrowed.pairing is not None:
        qs = qs.filter(Q(pairing=narrowed.pairing) | Q(activity__pairing=narrowed.pairing))
    if narrowed.indicator is not None:
        qs = qs.filter(indicator=narrowed.indicator)
    if narrowed.rule:
        qs = qs.filter(rule=narrowed.rule)
    if narrowed.certainty == "uncertain":
        qs = qs.filter(certainty__lt=CONFIDENT)
    elif narrowed.certainty == "certain":
        qs = qs.filter(Q(certainty__gte=CONFIDENT) | Q(certainty__isnull=True))
    qs = with_confirmed_twin(reviewable(user=user, qs=qs))
    return qs.order_by(*ORDERS.get(narrowed.order, ORDERS[""]))


def queue_rules(*, user: Any) -> list[str]:
    """The rules of the figures waiting for ``user``'s review, for the queue's rule filter."""
    qs = reviewable(user=user, qs=DataValue.objects.filter(status=DataValueStatus.EXTRACTED).exclude(rule=""))
    return list(qs.order_by("rule").values_list("rule", flat=True).distinct())
