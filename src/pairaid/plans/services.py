"""Writes of plans: the plan of a pairing-year (or of a recipient area), its planned values and
key-project batches, and a plan sentence of a report accepted as a planned value.

Every write checks the user's rights (:mod:`pairaid.accounts.permissions`) and is
recorded in the audit trail under the user's name. A planned value is a data value
of kind ``planned`` (status ``entered`` when typed in, ``accepted`` when it comes
from a report), so that one key holds at most one confirmed plan figure.

Errors: :class:`~pairaid.accounts.permissions.NotAllowed` (the user's rights; an area outside the pairing's
recipient area, as every write refuses one), :class:`~pairaid.core.errors.DataError`
(a rule of the domain: a negative value, a mention with no number),
:class:`~pairaid.core.errors.CodelistError` (an unknown indicator).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from pairaid.accounts import permissions, year_permissions
from pairaid.core.errors import DataError
from pairaid.core.numbers import find_numbers
from pairaid.core.period_dates import period_from_years
from pairaid.datasets.locks import require_unlocked
from pairaid.geo.models import Area
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueKind, DataValueStatus, Indicator
from pairaid.indicators.selectors import indicator_given
from pairaid.indicators.services import DataValueSpec, datavalue_create, datavalue_revalue
from pairaid.indicators.validation import datavalue_validate
from pairaid.plans.models import KeyProjectBatch, Plan
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _check_area(pairing: Pairing, area: Area | None) -> None:
    """An area outside the pairing's recipient area is refused as every write that names one is (a figure's, an
    activity's, an event's): NotAllowed, 403 (issue 13: a plan answered 409)."""
    if area is not None:
        permissions.require(
            permissions.pairing_covers_area(pairing.pk, area.pk),
            f"You may not name this area: {area.display_name()} ({area.code}) lies outside the recipient area "
            f"of {pairing}.",
        )


@transaction.atomic
def plan_get_or_create(
    *, user: Any, pairing: Pairing, year: int, area: Area | None = None, title: str = ""
) -> tuple[Plan, bool]:
    """The plan of ``pairing`` for ``year`` (for ``area``, a recipient area of the pairing, when given),
    created when missing. An existing plan is returned unchanged.

    Raises:
        NotAllowed: ``user`` does not edit the pairing, or ``area`` is not the pairing's recipient area or an area
            within it.
    """
    permissions.require(year_permissions.can_plan_update(user, pairing), "You may not edit this pairing's plans.")
    _check_area(pairing, area)
    found = Plan.objects.filter(pairing=pairing, year=year, area=area).first()
    if found is not None:
        return found, False
    plan = Plan(pairing=pairing, year=year, area=area, title=title)
    plan._history_user = _user(user)  # type: ignore[attr-defined]
    plan._change_reason = "plan created"  # type: ignore[attr-defined]
    plan.save()
    return plan, True


def _period_kind(indicator: Indicator, period_kind: str | None) -> str:
    """A planned flow covers the plan's year; a planned stock is what should stand at its end."""
    if period_kind:
        return period_kind
    return "as_of" if indicator.default_kind == "stock" else "year"


def _planned_key(plan: Plan, indicator: Indicator, period_kind: str, disaggregation: str) -> dict[str, object]:
    period = period_from_years(period_kind, year=plan.year)  # type: ignore[arg-type]
    return {
        "indicator": indicator,
        "pairing": plan.pairing,
        "area": plan.area,
        "activity": None,
        "organisation": None,
        "period_kind": period.kind,
        "period_start": period.start,
        "period_end": period.end,
        "disaggregation": disaggregation,
        "kind": DataValueKind.PLANNED,
    }


@transaction.atomic
def plan_value_set(
    *,
    user: Any,
    plan: Plan,
    indicator: str | Indicator,
    value: Decimal | int | str,
    period_kind: str | None = None,
    disaggregation: str = "",
    qualifier: str = "exact",
    evidence: Evidence | None = None,
) -> DataValue:
    """Set the planned value of ``indicator`` in ``plan`` (created, or changed when one is stored).

    ``period_kind`` defaults to ``year`` for a flow indicator and ``as_of`` (the end of
    the plan's year) for a stock. The subject is the plan's pairing and area.

    Raises:
        NotAllowed: ``user`` does not edit the plan's pairing.
        LockedError: the pairing's dataset for the year is submitted, approved or frozen.
        ValidationError: a fraction for a count (:mod:`pairaid.indicators.validation`).
        DataError, CodelistError: as :func:`pairaid.indicators.services.datavalue_create`.
    """
    permissions.require(year_permissions.can_plan_update(user, plan.pairing), "You may not edit this pairing's plans.")
    found = indicator_given(indicator)
    # the rules of figures entered by hand, as POST /data-values applies them (a count is a whole number)
    datavalue_validate(DataValue(indicator=found, value=value), changed={"value"})
    key = _planned_key(plan, found, _period_kind(found, period_kind), disaggregation)
    stored = DataValue.objects.filter(status__in=CONFIRMED_STATUSES, **key).first()
    if stored is not None and str(stored.value.normalize()) == str(Decimal(str(value)).normalize()):
        return stored  # the same value again changes nothing, locked or not
    require_unlocked(pairing_id=plan.pairing_id, year=plan.year, indicator_id=found.pk)
    if stored is not None:
        return datavalue_revalue(data_value=stored, value=value, updated_by=_user(user), reason="plan edited")
    return datavalue_create(
        DataValueSpec(
            indicator=found,
            value=value,
            period_kind=str(key["period_kind"]),
            year=plan.year,
            pairing=plan.pairing,
            area=plan.area,
            disaggregation=disaggregation,
            qualifier=qualifier,
            status=DataValueStatus.ACCEPTED if evidence is not None else DataValueStatus.ENTERED,
            kind=DataValueKind.PLANNED,
            evidence=evidence,
        ),
        updated_by=_user(user),
    )


@transaction.atomic
def plan_value_remove(*, user: Any, data_value: DataValue) -> None:
    """Remove a planned value (the audit trail keeps it).

    Raises:
        NotAllowed: ``user`` does not edit its pairing.
        DataError: ``data_value`` is not a planned value of a pairing.
        LockedError: the pairing's dataset for the year is locked.
    """
    if data_value.kind != DataValueKind.PLANNED or data_value.pairing is None:
        raise DataError(f"figure #{data_value.pk} is not a planned value of a pairing")
    permissions.require(
        year_permissions.can_plan_update(user, data_value.pairing), "You may not edit this pairing's plans."
    )
    require_unlocked(
        pairing_id=data_value.pairing_id, year=data_value.period_end.year, indicator_id=data_value.indicator_id
    )
    data_value._history_user = _user(user)  # type: ignore[attr-defined]
    data_value._change_reason = "planned value removed"  # type: ignore[attr-defined]
    data_value.delete()


@transaction.atomic
def batch_set(
    *,
    user: Any,
    plan: Plan,
    number: int,
    projects: int,
    livelihood_projects: int | None = None,
    notes: str = "",
) -> KeyProjectBatch:
    """Set key-project batch ``number`` of ``plan``: how many key projects, how many of them for livelihoods.

    Raises:
        NotAllowed: ``user`` does not edit the plan's pairing.
        DataError: a batch number below 1, a negative count, or more livelihood projects than projects.
    """
    permissions.require(year_permissions.can_plan_update(user, plan.pairing), "You may not edit this pairing's plans.")
    if number < 1:
        raise DataError(f"a batch number starts at 1, not {number}")
    if projects < 0 or (livelihood_projects is not None and livelihood_projects < 0):
        raise DataError("a number of projects cannot be negative")
    if livelihood_projects is not None and livelihood_projects > projects:
        raise DataError(f"batch {number}: {livelihood_projects} livelihood projects of only {projects} key projects")
    batch = KeyProjectBatch.objects.filter(plan=plan, number=number).first() or KeyProjectBatch(
        plan=plan, number=number
    )
    if batch.pk and (batch.projects, batch.livelihood_projects, batch.notes) == (projects, livelihood_projects, notes):
        return batch  # unchanged: no new version in the audit trail
    batch.projects, batch.livelihood_projects, batch.notes = projects, livelihood_projects, notes
    batch._history_user = _user(user)  # type: ignore[attr-defined]
    batch._change_reason = "batch set"  # type: ignore[attr-defined]
    batch.save()
    return batch


def mention_value(*, evidence: Evidence) -> Decimal:
    """The number a mention states ("5.1 billion Yuan" -> 5100000000), read from its span.

    Raises:
        DataError: the span holds no number.
    """
    numbers = find_numbers(evidence.text)
    if not numbers:
        raise DataError(f"the mention {evidence.text!r} holds no number")
    return numbers[0].value


@transaction.atomic
def mention_accept_as_planned(
    *,
    user: Any,
    evidence: Evidence,
    indicator: str | Indicator,
    pairing: Pairing,
    year: int,
    area: Area | None = None,
    value: Decimal | int | str | None = None,
    period_kind: str | None = None,
) -> DataValue:
    """Accept a plan sentence of a report (a mention the reader left unbound, gold-format F1) as the
    planned value of ``indicator`` in ``pairing``'s plan for ``year`` (and ``area``).

    The value is the mention's own number unless ``value`` corrects it; the planned
    value keeps the mention as its evidence and has status ``accepted``. The plan is
    created when missing.

    Raises:
        NotAllowed: ``user`` is neither the national office nor an editor of the pairing; an area outside the
            pairing.
        DataError: the mention holds no number; the key already holds a planned value from
            another sentence.
        LockedError: the pairing's dataset for the year is locked.
    """
    permissions.require(
        year_permissions.can_plan_mention_accept(user, pairing), "You may not accept plans for this pairing."
    )
    _check_area(pairing, area)
    plan = Plan.objects.filter(pairing=pairing, year=year, area=area).first()
    if plan is None:
        plan = Plan(pairing=pairing, year=year, area=area, evidence=evidence)
        plan._history_user = _user(user)  # type: ignore[attr-defined]
        plan._change_reason = "plan created from a report"  # type: ignore[attr-defined]
        plan.save()
    found = indicator_given(indicator)
    require_unlocked(pairing_id=pairing.pk, year=year, indicator_id=found.pk)
    key = _planned_key(plan, found, _period_kind(found, period_kind), "")
    stored = DataValue.objects.filter(status__in=CONFIRMED_STATUSES, **key).first()
    if stored is not None:
        raise DataError(
            f"{found.code}: the {year} plan of {pairing} already holds a planned value (#{stored.pk}); change that one"
        )
    return datavalue_create(
        DataValueSpec(
            indicator=found,
            value=mention_value(evidence=evidence) if value is None else value,
            period_kind=str(key["period_kind"]),
            year=year,
            pairing=pairing,
            area=area,
            status=DataValueStatus.ACCEPTED,
            kind=DataValueKind.PLANNED,
            evidence=evidence,
        ),
        updated_by=_user(user),
    )
