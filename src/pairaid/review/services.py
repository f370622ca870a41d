"""Review of extracted figures: accept, correct any field, reject, close a copy; in bulk.

A reviewer is the national office or anyone who may edit the figure
(:func:`pairaid.accounts.datavalue_permissions.can_datavalue_review`). A correction may
change the indicator, the period, the place and subject, the value, the
qualifier and the unit; what the report gave stays: the value in
``original_value``, the other fields changed in ``as_read``. The reviewer is
recorded in ``updated_by``; every change lands in the audit trail with its reason.
One key (indicator × subject × period × disaggregation × kind) holds at most one
confirmed figure (accepted, corrected or entered): an extracted figure whose key
is confirmed already is a copy, closed as "same as #N" in one step. A figure with
no subject is never confirmed (correct its place first).

Accept, reject and close as a copy apply to an extracted figure awaiting review, and a
correction to a figure read from a report (extracted, accepted or corrected): any other
is refused (:class:`NotAwaitingReview`, HTTP 409), so that a repeated step adds no
empty row to the audit trail and an entered figure is changed by editing it. Every step,
a rejection too, is refused while a submitted, approved or frozen dataset holds the figure.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pairaid.accounts import datavalue_permissions, permissions
from pairaid.core.errors import ConflictError, DataError
from pairaid.datasets.locks import require_datavalue_unlocked
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.indicators.selectors import datavalue_confirmed_twin
from pairaid.indicators.signals import datavalues_changed_send
from pairaid.indicators.units import unit_name
from pairaid.indicators.validation import datavalue_validate
from pairaid.review.selectors import CONFIDENT, reviewable
from pairaid.sources.models import SourceDocument

#: The fields a correction may change.
CORRECTABLE = (
    "indicator",
    "period_kind",
    "period_start",
    "period_end",
    "pairing",
    "area",
    "value",
    "value_high",
    "qualifier",
    "unit",
)

Action = Literal["accept", "reject", "same_as"]


class NotAwaitingReview(ConflictError):
    """A review step on a figure it does not apply to (HTTP 409); ``reason`` says why in a few words."""

    def __init__(self, dv: DataValue, reason: str) -> None:
        super().__init__(_("Figure #%(id)s cannot be reviewed: %(reason)s.") % {"id": dv.pk, "reason": reason})
        self.reason = reason


def _require_awaiting(dv: DataValue, *, correcting: bool = False) -> None:
    """Refuse a review step on ``dv`` unless it is extracted (or, for a correction, read and reviewed already).

    The status is the stored one, its row locked until the step is saved (the caller is atomic): two
    clicks on Accept, or a copy of the figure read before another reviewer's step, make one change."""
    stored = DataValue.objects.select_for_update().filter(pk=dv.pk).values_list("status", flat=True).first()
    status = stored or dv.status
    allowed = {DataValueStatus.EXTRACTED}
    if correcting:
        allowed |= {DataValueStatus.ACCEPTED, DataValueStatus.CORRECTED}
    if status in allowed:
        return
    if status == DataValueStatus.ENTERED:
        raise NotAwaitingReview(dv, _("it was entered, not read from a report: edit it instead"))
    label = str(DataValueStatus(status).label).lower()
    raise NotAwaitingReview(dv, _("it is %(status)s already, not awaiting review") % {"status": label})


@dataclass(frozen=True)
class BulkResult:
    """What a review of several figures did: ids done, and ids skipped with the reason."""

    done: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...]


def _save(dv: DataValue, *, user: Any, status: str, reason: str, before: tuple[DataValue, ...] = ()) -> DataValue:
    """Save ``dv`` with ``status``; the checks re-run where it is now and where it was (``before``)."""
    # a locked dataset's period is closed to review: a rejection too, which could not be undone (issue 13)
    require_datavalue_unlocked(dv)
    if status in CONFIRMED_STATUSES:
        if not (dv.pairing_id or dv.area_id or dv.activity_id or dv.organisation_id):
            raise DataError(_("A figure with no subject cannot be confirmed: correct its place first."))
        twin = datavalue_confirmed_twin(dv)
        if twin is not None:
            raise DataError(
                _(
                    "Figure #%(id)s is confirmed already for this indicator, subject and period: "
                    "close this one as the same, or correct it."
                )
                % {"id": twin.pk}
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
    datavalues_changed_send([dv, *before])
    return dv


def _require_review(user: Any, dv: DataValue) -> None:
    permissions.require(
        datavalue_permissions.can_datavalue_review_as_is(user, dv), _("You may not review this figure.")
    )


@transaction.atomic
def datavalue_accept(*, user: Any, data_value: DataValue) -> DataValue:
    """Accept ``data_value`` as it stands.

    Raises:
        NotAllowed: ``user`` may not review it.
        NotAwaitingReview: it is not an extracted figure.
        LockedError: a submitted, approved or frozen dataset holds it.
        DataError: it has no subject, or another confirmed figure holds the same key.
    """
    _require_review(user, data_value)
    _require_awaiting(data_value)
    return _save(data_value, user=user, status=DataValueStatus.ACCEPTED, reason="accepted")


def _as_read(value: Any) -> Any:
    """A field's value as JSON: an object by its code or id, a date or number as text."""
    if isinstance(value, models.Model):
        return getattr(value, "code", value.pk)
    if value is None or isinstance(value, (str, int)):
        return value
    return str(value)


@transaction.atomic
def datavalue_correct(*, user: Any, data_value: DataValue, changes: Mapping[str, Any]) -> DataValue:
    """Correct any of the :data:`CORRECTABLE` fields of ``data_value`` (objects for indicator, pairing, area).

    What the report gave stays: the value in ``original_value``, every other field
    changed in ``as_read``; neither is overwritten by a later correction. A new
    indicator counted in another unit than the figure's needs that unit and the
    value in ``changes`` (it is refused otherwise). The corrected figure
    keeps the rules of figures entered by hand (:mod:`pairaid.indicators.validation`)
    and needs a subject.

    Raises:
        NotAllowed: ``user`` may not review it, or not give it this subject.
        ValidationError: an unknown field, no subject left, a negative value, a range upside down,
            a unit that is not the indicator's (a new indicator in another unit without its unit and value),
            a period that is not of its kind (per field).
        NotAwaitingReview: it was entered by hand, or rejected.
        LockedError: a submitted, approved or frozen dataset holds it.
        DataError: nothing changes, no subject, or another confirmed figure with the same key.
    """
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in unknown})
    pairing = changes.get("pairing", data_value.pairing)
    area = changes.get("area", data_value.area)
    if not (pairing or area or data_value.activity_id or data_value.organisation_id):
        raise ValidationError(  # a request to check, not a right to refuse: before the rights (a 422, not a 403)
            {"area": _("A figure needs a subject: give its place or its pairing (a correction cannot remove both).")}
        )
    permissions.require(
        datavalue_permissions.can_datavalue_review(
            user,
            data_value,
            pairing_id=pairing.pk if pairing else None,
            area_id=area.pk if area else None,
            activity_id=data_value.activity_id,
        ),
        _("You may not review this figure."),
    )
    _require_awaiting(data_value, correcting=True)
    require_datavalue_unlocked(data_value)
    _require_unit_given(data_value, changes)
    was = copy.copy(data_value)  # where the figure was: its old subject and year are checked again too
    as_read = dict(data_value.as_read)
    changed: set[str] = set()
    for name, new in changes.items():
        old = getattr(data_value, name)
        if new == old:
            continue
        changed.add(name)
        if name == "value":
            if data_value.original_value is None:
                data_value.original_value = old
        else:
            as_read.setdefault(name, _as_read(old))
        setattr(data_value, name, new)
    if not changed:
        raise DataError(_("Nothing was changed: accept the figure if it is right."))
    _check_numbers(data_value)
    datavalue_validate(data_value, changed=changed)
    data_value.as_read = as_read
    reason = "corrected: " + ", ".join(sorted(changed))
    return _save(data_value, user=user, status=DataValueStatus.CORRECTED, reason=reason, before=(was,))


def _require_unit_given(dv: DataValue, changes: Mapping[str, Any]) -> None:
    """Refuse a new indicator counted in another unit than ``dv``'s unless ``changes`` give its unit and the value.

    780 enterprises are not 780 yuan: the reviewer says what the figure is in the new unit.
    """
    indicator = changes.get("indicator")
    if indicator is None or indicator == dv.indicator or indicator.unit == dv.unit:
        return
    if changes.get("unit") == indicator.unit and "value" in changes:
        return
    raise ValidationError(
        {
            "unit": _(
                "%(indicator)s counts in %(new)s, this figure in %(old)s: "
                "to change its indicator, give the unit %(new)s (%(code)s) and the value in it."
            )
            % {
                "indicator": indicator.display_name(get_language() or "en"),
                "new": unit_name(indicator.unit),
                "code": indicator.unit,
                "old": unit_name(dv.unit),
            }
        }
    )


def _check_numbers(dv: DataValue) -> None:
    errors: dict[str, str] = {}
    if dv.value is not None and dv.value < 0:
        errors["value"] = _("A figure cannot be negative.")
    if dv.value_high is not None and dv.value is not None and dv.value_high < dv.value:
        errors["value_high"] = _("The upper value of a range is below its lower value.")
    if dv.period_start and dv.period_end and dv.period_start > dv.period_end:
        errors["period_end"] = _("The period ends before it starts.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def datavalue_reject(*, user: Any, data_value: DataValue) -> DataValue:
    """Reject ``data_value`` (it stays, marked rejected, and counts nowhere).

    Raises:
        NotAllowed: ``user`` may not review it.
        NotAwaitingReview: it is not an extracted figure.
        LockedError: a submitted, approved or frozen dataset holds it.
    """
    _require_review(user, data_value)
    _require_awaiting(data_value)
    return _save(data_value, user=user, status=DataValueStatus.REJECTED, reason="rejected")


@transaction.atomic
def datavalue_close_as_copy(*, user: Any, data_value: DataValue) -> DataValue:
    """Close ``data_value`` as a copy of the confirmed figure with its key ("same as #N"): rejected, linked to it.

    Raises:
        NotAllowed: ``user`` may not review it.
        NotAwaitingReview: it is not an extracted figure.
        LockedError: a submitted, approved or frozen dataset holds it.
        DataError: no confirmed figure has its key.
    """
    _require_review(user, data_value)
    _require_awaiting(data_value)
    twin = datavalue_confirmed_twin(data_value)
    if twin is None:
        raise DataError(_("No confirmed figure has this indicator, subject and period: accept or correct this one."))
    data_value.same_as = twin
    return _save(data_value, user=user, status=DataValueStatus.REJECTED, reason=f"same as #{twin.pk}")


_ACTIONS = {"accept": datavalue_accept, "reject": datavalue_reject, "same_as": datavalue_close_as_copy}


def datavalues_review(*, user: Any, data_values: Iterable[DataValue], action: Action) -> BulkResult:
    """Do ``action`` (accept, reject, close as the same as the confirmed figure) to each figure, one by one.

    A figure that may not be reviewed by ``user``, or that the action refuses (not
    extracted, no subject, a confirmed twin, a locked dataset), is skipped with the
    reason; the others are done.

    Raises:
        NotAllowed: ``user`` may review none of them.
    """
    data_values = list(data_values)
    permissions.require(
        not data_values or any(datavalue_permissions.can_datavalue_review_as_is(user, dv) for dv in data_values),
        _("You may not review these figures."),
    )
    done: list[int] = []
    skipped: list[tuple[int, str]] = []
    for dv in data_values:
        if not datavalue_permissions.can_datavalue_review_as_is(user, dv):
            skipped.append((dv.pk, _("not yours to review")))
            continue
        try:
            _ACTIONS[action](user=user, data_value=dv)
        except NotAwaitingReview as exc:  # the one rule of the single steps, said briefly
            skipped.append((dv.pk, exc.reason))
        except DataError as exc:
            skipped.append((dv.pk, str(exc)))
        else:
            done.append(dv.pk)
    return BulkResult(tuple(done), tuple(skipped))


def document_accept_confident(*, user: Any, document: SourceDocument, threshold: Decimal = CONFIDENT) -> BulkResult:
    """Accept every confident extracted figure of ``document`` that ``user`` may review.

    Confident: bound to a subject and with no stated certainty, or one ≥ ``threshold``
    (not "uncertain", :attr:`pairaid.core.extract.model.Fact.uncertain`). The others
    are left for review one by one; copies of confirmed figures are skipped with the reason.

    Raises:
        NotAllowed: ``user`` may review none of the document's figures.
    """
    permissions.require(
        reviewable(user=user, qs=DataValue.objects.filter(evidence__document=document)).exists(),
        _("You may not review this document's figures."),
    )
    candidates = (
        DataValue.objects.filter(evidence__document=document, status=DataValueStatus.EXTRACTED)
        .filter(Q(certainty__gte=threshold) | Q(certainty__isnull=True))
        .exclude(subject_key="")
        .select_related("activity")
        .order_by("evidence__start", "pk")
    )
    return datavalues_review(user=user, data_values=candidates, action="accept")
