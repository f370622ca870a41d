"""Writes of activities (aid projects) and their transactions.

Money is a ``Decimal`` in yuan: a ``float`` is refused, so that 75.8 million can
never become 75799999.99. Rules are checked here first (the model's check
constraints stay as the last guard) and broken ones raise
:class:`pairaid.core.errors.DataError`; a sector outside ``sectors.csv`` raises
:class:`pairaid.core.errors.CodelistError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from pairaid.activities.models import Activity, ActivityStatus, FinanceType, Transaction, TransactionType
from pairaid.core.codelists import sector as sector_lookup
from pairaid.core.decimals import exact_decimal
from pairaid.core.errors import DataError
from pairaid.geo.models import Area
from pairaid.registry.models import Organisation, Pairing

CENT = Decimal("0.01")


def money(value: Decimal | int | str) -> Decimal:
    """``value`` as a ``Decimal`` amount of yuan with at most two decimals (fen).

    Raises:
        DataError: a float, text that is not a number, a negative amount, 10^16 yuan or more,
            or more than two decimals.
    """
    amount = exact_decimal(value, what="money", not_a_number=f"{value!r} is not an amount of money")
    if amount < 0:
        raise DataError(f"money cannot be negative: {amount} yuan")
    if amount >= Decimal(10) ** 16:  # Transaction.value: 18 digits, 2 of them fen
        raise DataError(f"{amount} yuan is too large (at most 16 digits before the decimal point)")
    if amount != amount.quantize(CENT):
        raise DataError(f"{amount} yuan has more than two decimals (fen)")
    return amount


def _check_activity(
    *, identifier: str, title: str, sector: str, status: int, start: date | None, end: date | None
) -> None:
    if not identifier.strip():
        raise DataError("an activity needs an identifier")
    if not title.strip():
        raise DataError(f"activity {identifier}: a title is needed")
    sector_lookup(sector)  # raises CodelistError
    if status not in ActivityStatus.values:
        raise DataError(f"activity {identifier}: unknown status {status!r} (IATI ActivityStatus 1–6)")
    if start is not None and end is not None and start > end:
        raise DataError(f"activity {identifier}: it cannot start on {start} after it ends on {end}")


@dataclass(frozen=True, kw_only=True)
class ActivitySpec:
    """One activity (aid project) to record: of ``pairing`` in ``sector`` (a code of ``sectors.csv``), in
    ``recipient_areas``, what :func:`activity_create` stores and :func:`activity_get_or_create` finds by its
    ``identifier`` or stores. ``status`` is IATI's ActivityStatus (1-6)."""

    identifier: str
    title: str
    sector: str
    pairing: Pairing
    title_zh: str = ""
    description: str = ""
    status: int = ActivityStatus.IMPLEMENTATION
    recipient_areas: Iterable[Area] = ()
    implementing_organisation: Organisation | None = None
    start_date: date | None = None
    end_date: date | None = None
    is_key_project: bool = False
    batch: int | None = None


@transaction.atomic
def activity_create(spec: ActivitySpec) -> Activity:
    """Record the activity ``spec`` describes (:class:`ActivitySpec`).

    Raises:
        CodelistError: a sector that is not in ``sectors.csv``.
        DataError: an empty identifier or title, an identifier already used, an
            unknown status, a start date after the end date.
    """
    identifier = spec.identifier
    _check_activity(
        identifier=identifier,
        title=spec.title,
        sector=spec.sector,
        status=spec.status,
        start=spec.start_date,
        end=spec.end_date,
    )
    if Activity.objects.filter(identifier=identifier).exists():
        raise DataError(f"activity identifier {identifier!r} is already used")
    activity = Activity.objects.create(
        identifier=identifier.strip(),
        title=spec.title.strip(),
        title_zh=spec.title_zh.strip(),
        description=spec.description.strip(),
        sector=spec.sector,
        status=spec.status,
        pairing=spec.pairing,
        implementing_organisation=spec.implementing_organisation,
        start_date=spec.start_date,
        end_date=spec.end_date,
        is_key_project=spec.is_key_project,
        batch=spec.batch,
    )
    areas = list(spec.recipient_areas)
    if areas:
        activity.recipient_areas.set(areas)
    return activity


def activity_get_or_create(spec: ActivitySpec) -> tuple[Activity, bool]:
    """The activity with the identifier of ``spec``, created from it when missing; and whether it was.

    Raises:
        CodelistError, DataError: as :func:`activity_create`, when creating.
    """
    existing = Activity.objects.filter(identifier=spec.identifier).first()
    if existing is not None:
        return existing, False
    return activity_create(spec), True


@dataclass(frozen=True, kw_only=True)
class TransactionSpec:
    """One money movement to record, of ``activity`` or, where no activity is named, of ``pairing``: what
    :func:`transaction_create` stores and :func:`transaction_get_or_create` finds or stores.

    ``value`` is in yuan (``currency`` CNY unless stated), a ``Decimal``, ``int`` or numeric string with at
    most two decimals (never a ``float``). ``transaction_type`` and ``finance_type`` are codes of
    :class:`~pairaid.activities.models.TransactionType` and :class:`~pairaid.activities.models.FinanceType`.
    """

    transaction_type: str
    finance_type: str
    value: Decimal | int | str
    value_date: date
    activity: Activity | None = None
    pairing: Pairing | None = None
    currency: str = "CNY"
    provider_area: Area | None = None
    provider_organisation: Organisation | None = None
    receiver_area: Area | None = None
    receiver_organisation: Organisation | None = None
    description: str = ""


def _transaction_key(spec: TransactionSpec) -> dict[str, object]:
    """What makes a transaction the same one (its owner, types, value, date and currency), checked.

    Raises:
        DataError: neither or both of activity and pairing, an unknown transaction or finance type, a bad
            currency code, a value date that is no date, or a value that is a float, negative or not a number.
    """
    if (spec.activity is None) == (spec.pairing is None):
        raise DataError("a transaction belongs to exactly one of an activity and a pairing")
    if spec.transaction_type not in TransactionType.values:
        raise DataError(
            f"unknown transaction type {spec.transaction_type!r} (use one of {', '.join(TransactionType.values)})"
        )
    if spec.finance_type not in FinanceType.values:
        raise DataError(f"unknown finance type {spec.finance_type!r} (use one of {', '.join(FinanceType.values)})")
    currency = spec.currency
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise DataError(f"currency {currency!r} is not an ISO 4217 code such as CNY")
    if not isinstance(spec.value_date, date):
        raise DataError(f"value date {spec.value_date!r} is not a date")
    return {
        "activity": spec.activity,
        "pairing": spec.pairing,
        "transaction_type": spec.transaction_type,
        "finance_type": spec.finance_type,
        "value": money(spec.value),
        "value_date": spec.value_date,
        "currency": currency,
    }


def transaction_create(spec: TransactionSpec, *, user: Any = None, reason: str = "") -> Transaction:
    """Record the money movement ``spec`` describes (:class:`TransactionSpec`); ``user`` and ``reason``, when
    given, go into its history (hand entry gives them; a loader leaves them to the request, if any).

    Raises:
        DataError: as :func:`_transaction_key`.
    """
    tx = Transaction(
        **_transaction_key(spec),
        provider_area=spec.provider_area,
        provider_organisation=spec.provider_organisation,
        receiver_area=spec.receiver_area,
        receiver_organisation=spec.receiver_organisation,
        description=spec.description.strip(),
    )
    if user is not None:
        tx._history_user = user  # type: ignore[attr-defined]
    if reason:
        tx._change_reason = reason  # type: ignore[attr-defined]
    tx.save(force_insert=True)
    return tx


def transaction_get_or_create(spec: TransactionSpec) -> tuple[Transaction, bool]:
    """The transaction of ``spec``'s activity or pairing, type, finance type, value, date and currency; created
    from ``spec`` when missing; and whether it was.

    For loaders that must be idempotent: a second run with the same rows adds nothing.

    Raises:
        DataError: as :func:`transaction_create`.
    """
    existing = Transaction.objects.filter(**_transaction_key(spec)).first()
    if existing is not None:
        return existing, False
    return transaction_create(spec), True
