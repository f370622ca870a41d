"""Review of extracted figures: accept, correct, reject; bulk accept of a document's confident facts.

A reviewer is the national office or anyone who may edit the figure
(:func:`pairaid.accounts.permissions.can_datavalue_review`). A correction keeps the value
the report gave in ``original_value`` and records the reviewer in
``updated_by``; every change lands in the audit trail with its reason.
One key (indicator × subject × period × disaggregation) holds at most one
confirmed figure (accepted, corrected or entered).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from pairaid.accounts import permissions
from pairaid.core.errors import DataError
from pairaid.datasets.locks import require_datavalue_unlocked
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.review.selectors import reviewable
from pairaid.sources.models import SourceDocument

#: Facts at or above this confidence count as confident for bulk acceptance.
CONFIDENT = Decimal("0.800")


@dataclass(frozen=True)
class BulkResult:
    """What a bulk acceptance did: ids accepted, and ids skipped with the reason."""

    accepted: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...]


def _confirmed_twin(dv: DataValue) -> DataValue | None:
    return (
        DataValue.objects.filter(
            indicator_id=dv.indicator_id,
            subject_key=dv.subject_key,
            period_kind=dv.period_kind,
            period_start=dv.period_start,
            period_end=dv.period_end,
            disaggregation=dv.disaggregation,
            kind=dv.kind,
            status__in=CONFIRMED_STATUSES,
        )
        .exclude(pk=dv.pk)
        .first()
    )


def _save(dv: DataValue, *, user: Any, status: str, reason: str) -> DataValue:
    if status in CONFIRMED_STATUSES or dv.status in CONFIRMED_STATUSES:
        require_datavalue_unlocked(dv)  # rejecting a mere extracted figure changes no figure a dataset holds
    if status in CONFIRMED_STATUSES:
        twin = _confirmed_twin(dv)
        if twin is not None:
            raise DataError(
                f"figure #{twin.pk} is already confirmed for this indicator, subject and period; "
                "reject one of them or correct the other"
            )
    dv.status = status
    dv.updated_by = user if getattr(user, "is_authenticated", False) else None
    dv._history_user = dv.updated_by  # type: ignore[attr-defined]
    dv._change_reason = reason  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            dv.save()
    except IntegrityError as exc:
        raise DataError(f"cannot save figure #{dv.pk}: {exc}") from None
    return dv


def datavalue_accept(*, user: Any, data_value: DataValue) -> DataValue:
    """Accept ``data_value`` as it stands.

    Raises:
        NotAllowed: ``user`` may not review it.
        DataError: another confirmed figure holds the same key.
    """
    permissions.require(permissions.can_datavalue_review_as_is(user, data_value), "You may not review this figure.")
    return _save(data_value, user=user, status=DataValueStatus.ACCEPTED, reason="accepted")


def datavalue_correct(
    *, user: Any, data_value: DataValue, value: Decimal, value_high: Decimal | None = None
) -> DataValue:
    """Correct ``data_value`` to ``value`` (and ``value_high`` for a range), keeping the extracted value.

    ``original_value`` is set to the value before the first correction and never
    overwritten by later ones.

    Raises:
        NotAllowed: ``user`` may not review it.
        DataError: a negative value, a range upside down, or another confirmed figure with the same key.
    """
    permissions.require(permissions.can_datavalue_review_as_is(user, data_value), "You may not review this figure.")
    if value < 0:
        raise DataError("a figure cannot be negative")
    if value_high is not None and value_high < value:
        raise DataError("the upper value is below the value")
    if data_value.original_value is None:
        data_value.original_value = data_value.value
    data_value.value = value
    data_value.value_high = value_high
    return _save(data_value, user=user, status=DataValueStatus.CORRECTED, reason="corrected")


def datavalue_reject(*, user: Any, data_value: DataValue) -> DataValue:
    """Reject ``data_value`` (it stays, marked rejected, and counts nowhere).

    Raises:
        NotAllowed: ``user`` may not review it.
    """
    permissions.require(permissions.can_datavalue_review_as_is(user, data_value), "You may not review this figure.")
    return _save(data_value, user=user, status=DataValueStatus.REJECTED, reason="rejected")


def document_accept_confident(*, user: Any, document: SourceDocument, threshold: Decimal = CONFIDENT) -> BulkResult:
    """Accept every confident extracted figure of ``document`` that ``user`` may review.

    Confident: bound to a subject (the reader binds only what it is sure of, see
    DESIGN "Reading reports") and with no stated confidence, or one ≥ ``threshold``.
    The others are left for review one by one; figures whose key is already
    confirmed are skipped with the reason.

    Raises:
        NotAllowed: ``user`` may review none of the document's figures.
    """
    permissions.require(
        reviewable(user=user, qs=DataValue.objects.filter(evidence__document=document)).exists(),
        "You may not review this document's figures.",
    )
    candidates = (
        DataValue.objects.filter(evidence__document=document, status=DataValueStatus.EXTRACTED)
        .filter(Q(confidence__gte=threshold) | Q(confidence__isnull=True))
        .exclude(subject_key="")
        .select_related("activity")
        .order_by("evidence__start", "pk")
    )
    accepted: list[int] = []
    skipped: list[tuple[int, str]] = []
    for dv in candidates:
        if not permissions.can_datavalue_review_as_is(user, dv):
            skipped.append((dv.pk, "not yours to review"))
            continue
        try:
            _save(dv, user=user, status=DataValueStatus.ACCEPTED, reason="accepted (confident, in bulk)")
        except DataError as exc:
            skipped.append((dv.pk, str(exc)))
        else:
            accepted.append(dv.pk)
    return BulkResult(tuple(accepted), tuple(skipped))
