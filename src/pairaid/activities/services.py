"""Writes of activities (aid projects) and their transactions.

Money is a ``Decimal`` in yuan: a ``float`` is refused, so that 75.8 million can
never become 75799999.99. Rules are checked here first (the model's check
constraints stay as the last guard) and broken ones raise
:class:`pairaid.core.errors.DataError`; a sector outside ``sectors.csv`` raises
:class:`pairaid.core.errors.CodelistError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from pairaid.activities.models import Activity, ActivityStatus, FinanceType, Transaction, TransactionType
from pairaid.core.codelists import sector as sector_lookup
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
    if isinstance(value, float):
        raise DataError(f"money must be a Decimal, not the float {value!r}")
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise DataError(f"{value!r} is not an amount of money") from None
    if not amount.is_finite():
        raise DataError(f"{value!r} is not an amount of money")
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


@transaction.atomic
def activity_create(
    *,
    identifier: str,
    title: str,
    sector: str,
    pairing: Pairing,
    title_zh: str = "",
    description: str = "",
    status: int = ActivityStatus.IMPLEMENTATION,
    recipient_areas: Iterable[Area] = (),
    implementing_organisation: Organisation | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    is_key_project: bool = False,
    batch: int | None = None,
) -> Activity:
    """Create an activity (aid project) of ``pairing`` in ``sector``, in ``recipient_areas``.

    Raises:
        CodelistError: a sector that is not in ``sectors.csv``.
        DataError: an empty identifier or title, an identifier already used, an
            unknown status, a start date after the end date.
    """
    _check_activity(identifier=identifier, title=title, sector=sector, status=status, start=start_date, end=end_date)
    if Activity.objects.filter(identifier=identifier).exists():
        raise DataError(f"activity identifier {identifier!r} is already used")
    activity = Activity.objects.create(
        identifier=identifier.strip(),
        title=title.strip(),
        title_zh=title_zh.strip(),
        description=description.strip(),
        sector=sector,
        status=status,
        pairing=pairing,
        implementing_organisation=implementing_organisation,
        start_date=start_date,
        end_date=end_date,
        is_key_project=is_key_project,
        batch=batch,
    )
    areas = list(recipient_areas)
    if areas:
        activity.recipient_areas.set(areas)
    return activity


def activity_get_or_create(
    *,
    identifier: str,
    title: str,
    sector: str,
    pairing: Pairing,
    title_zh: str = "",
    description: str = "",
    status: int = ActivityStatus.IMPLEMENTATION,
    recipient_areas: Iterable[Area] = (),
    implementing_organisation: Organisation | None = None,
    start_date: date | None = None,
    end_date: date | None = None,
    is_key_project: bool = False,
    batch: int | None = None,
) -> tuple[Activity, bool]:
    """The activity with ``identifier``, created from the other arguments when missing; and whether it was.

    Raises:
        CodelistError, DataError: as :func:`activity_create`, when creating.
    """
    existing = Activity.objects.filter(identifier=identifier).first()
    if existing is not None:
        return existing, False
    activity = activity_create(
        identifier=identifier,
        title=title,
        sector=sector,
        pairing=pairing,
        title_zh=title_zh,
        description=description,
        status=status,
        recipient_areas=recipient_areas,
        implementing_organisation=implementing_organisation,
        start_date=start_date,
        end_date=end_date,
        is_key_project=is_key_project,
        batch=batch,
    )
    return activity, True


def _transaction_fields(
    *,
    activity: Activity | None,
    pairing: Pairing | None,
    transaction_type: str,
    finance_type: str,
    value: Decimal | int | str,
    value_date: date,
    currency: str,
) -> dict[str, object]:
    if (activity is None) == (pairing is None):
        raise DataError("a transaction belongs to exactly one of an activity and a pairing")
    if transaction_type not in TransactionType.values:
        raise DataError(
            f"unknown transaction type {transaction_type!r} (use one of {', '.join(TransactionType.values)})"
        )
    if finance_type not in FinanceType.values:
        raise DataError(f"unknown finance type {finance_type!r} (use one of {', '.join(FinanceType.values)})")
    if len(currency) != 3 or not currency.isalpha() or not currency.isupper():
        raise DataError(f"currency {currency!r} is not an ISO 4217 code such as CNY")
    if not isinstance(value_date, date):
        raise DataError(f"value date {value_date!r} is not a date")
    return {
        "activity": activity,
        "pairing": pairing,
        "transaction_type": transaction_type,
        "finance_type": finance_type,
        "value": money(value),
        "value_date": value_date,
        "currency": currency,
    }


def transaction_create(
    *,
    transaction_type: str,
    finance_type: str,
    value: Decimal | int | str,
    value_date: date,
    activity: Activity | None = None,
    pairing: Pairing | None = None,
    currency: str = "CNY",
    provider_area: Area | None = None,
    provider_organisation: Organisation | None = None,
    receiver_area: Area | None = None,
    receiver_organisation: Organisation | None = None,
    description: str = "",
) -> Transaction:
    """Record a money movement of ``activity`` or, where no activity is named, of ``pairing``.

    ``value`` is in yuan (``currency`` CNY unless stated), a ``Decimal``, ``int`` or
    numeric string with at most two decimals.

    Raises:
        DataError: neither or both of activity and pairing, an unknown transaction or
            finance type, a bad currency code, or a value that is a float, negative or
            not a number.
    """
    fields = _transaction_fields(
        activity=activity,
        pairing=pairing,
        transaction_type=transaction_type,
        finance_type=finance_type,
        value=value,
        value_date=value_date,
        currency=currency,
    )
    return Transaction.objects.create(
        **fields,
        provider_area=provider_area,
        provider_organisation=provider_organisation,
        receiver_area=receiver_area,
        receiver_organisation=receiver_organisation,
        description=description.strip(),
    )


def transaction_get_or_create(
    *,
    transaction_type: str,
    finance_type: str,
    value: Decimal | int | str,
    value_date: date,
    activity: Activity | None = None,
    pairing: Pairing | None = None,
    currency: str = "CNY",
    provider_area: Area | None = None,
    provider_organisation: Organisation | None = None,
    receiver_area: Area | None = None,
    receiver_organisation: Organisation | None = None,
    description: str = "",
) -> tuple[Transaction, bool]:
    """The transaction of this activity or pairing, type, finance type, value, date and currency; created when missing.

    For loaders that must be idempotent: a second run with the same rows adds nothing.

    Raises:
        DataError: as :func:`transaction_create`.
    """
    fields = _transaction_fields(
        activity=activity,
        pairing=pairing,
        transaction_type=transaction_type,
        finance_type=finance_type,
        value=value,
        value_date=value_date,
        currency=currency,
    )
    existing = Transaction.objects.filter(**fields).first()
    if existing is not None:
        return existing, False
    created = transaction_create(
        transaction_type=transaction_type,
        finance_type=finance_type,
        value=value,
        value_date=value_date,
        activity=activity,
        pairing=pairing,
        currency=currency,
        provider_area=provider_area,
        provider_organisation=provider_organisation,
        receiver_area=receiver_area,
        receiver_organisation=receiver_organisation,
        description=description,
    )
    return created, True
