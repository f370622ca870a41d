"""Reads for review: the queue of extracted figures waiting for a reviewer."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from pairaid.accounts.permissions import user_rights
from pairaid.indicators.models import DataValue, DataValueStatus
from pairaid.sources.models import SourceDocument


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


def review_queue(*, user: Any, document: SourceDocument | None = None) -> QuerySet[DataValue]:
    """Extracted figures ``user`` may review (:func:`reviewable`), in document order."""
    qs = (
        DataValue.objects.filter(status=DataValueStatus.EXTRACTED)
        .select_related("indicator", "pairing", "area", "activity", "evidence")
        .prefetch_related("evidence__document")  # one copy of each report's text, not one per figure
    )
    if document is not None:
        qs = qs.filter(evidence__document=document)
    return reviewable(user=user, qs=qs).order_by("evidence__document_id", "evidence__start", "pk")
