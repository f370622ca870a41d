"""Activities and transactions: Decimal money, codelist sectors, the database's last guard."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from pairaid.activities.models import Activity, Transaction
from pairaid.activities.selectors import activity_list, transaction_total
from pairaid.activities.services import (
    ActivitySpec,
    TransactionSpec,
    activity_create,
    money,
    transaction_create,
    transaction_get_or_create,
)
from pairaid.core.errors import CodelistError, DataError
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.services import PairingSpec, pairing_create
from tests.registry.sources import SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def shule() -> Pairing:
    return pairing_create(
        PairingSpec(
            **SOURCE,
            donor_area=Area.objects.get(code="370000"),
            recipient_area=Area.objects.get(code="653122"),
            level="county",
            start_year=2009,
        )
    )


@pytest.fixture
def park(shule: Pairing) -> Activity:
    return activity_create(
        ActivitySpec(
            identifier="T-1",
            title="Logistics park",
            sector="industry",
            pairing=shule,
            recipient_areas=[Area.objects.get(code="653122")],
        )
    )


def test_an_activity_keeps_its_sector_pairing_and_areas(park: Activity, shule: Pairing) -> None:
    assert (park.sector, park.pairing, park.status) == ("industry", shule, 2)
    assert [a.code for a in park.recipient_areas.all()] == ["653122"]
    assert list(activity_list(area=Area.objects.get(code="653122"))) == [park]


def test_an_unknown_sector_is_a_codelist_error(shule: Pairing) -> None:
    with pytest.raises(CodelistError, match="unknown sector code 'parks'"):
        activity_create(ActivitySpec(identifier="T-2", title="Park", sector="parks", pairing=shule))


def test_an_activity_cannot_start_after_it_ends(shule: Pairing) -> None:
    with pytest.raises(DataError, match="cannot start on 2009-12-01 after it ends on 2009-01-01"):
        activity_create(
            ActivitySpec(
                identifier="T-3",
                title="Park",
                sector="industry",
                pairing=shule,
                start_date=date(2009, 12, 1),
                end_date=date(2009, 1, 1),
            )
        )


def test_an_identifier_is_used_once(park: Activity, shule: Pairing) -> None:
    with pytest.raises(DataError, match="'T-1' is already used"):
        activity_create(ActivitySpec(identifier="T-1", title="Again", sector="industry", pairing=shule))


def test_money_is_kept_to_the_fen(park: Activity) -> None:
    made = transaction_create(
        TransactionSpec(
            activity=park,
            transaction_type="disbursement",
            finance_type="government_aid",
            value="75800000.10",
            value_date=date(2009, 12, 31),
        )
    )
    made.refresh_from_db()

    assert made.value == Decimal("75800000.10")
    assert transaction_total(activity=park) == Decimal("75800000.10")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Decimal("-1"), "cannot be negative"),
        (75800000.0, "not the float"),
        ("1.574 billion", "is not an amount"),
        (Decimal("0.001"), "more than two decimals"),
    ],
)
def test_the_service_refuses_bad_money(park: Activity, value: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        transaction_create(
            TransactionSpec(
                activity=park,
                transaction_type="disbursement",
                finance_type="grant",
                value=value,  # type: ignore[arg-type]
                value_date=date(2009, 12, 31),
            )
        )
    assert not Transaction.objects.exists()


def test_a_transaction_belongs_to_an_activity_or_a_pairing_not_both(park: Activity, shule: Pairing) -> None:
    with pytest.raises(DataError, match="exactly one of an activity and a pairing"):
        transaction_create(
            TransactionSpec(
                activity=park,
                pairing=shule,
                transaction_type="disbursement",
                finance_type="grant",
                value=Decimal("1"),
                value_date=date(2009, 1, 1),
            )
        )


def test_the_database_refuses_negative_money_from_bulk_create(park: Activity) -> None:
    bad = Transaction(
        activity=park,
        transaction_type="disbursement",
        finance_type="grant",
        value=Decimal("-5000000"),
        value_date=date(2009, 12, 31),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Transaction.objects.bulk_create([bad])


def test_the_database_refuses_negative_money_from_update(park: Activity) -> None:
    made = transaction_create(
        TransactionSpec(
            activity=park,
            transaction_type="disbursement",
            finance_type="grant",
            value=Decimal("5000000"),
            value_date=date(2009, 12, 31),
        )
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Transaction.objects.filter(pk=made.pk).update(value=Decimal("-1"))


def test_get_or_create_finds_the_same_transaction(park: Activity) -> None:
    arguments = {
        "activity": park,
        "transaction_type": "disbursement",
        "finance_type": "grant",
        "value": "20000000",
        "value_date": date(2009, 12, 31),
    }
    first, created = transaction_get_or_create(TransactionSpec(**arguments))  # type: ignore[arg-type]
    again, created_again = transaction_get_or_create(TransactionSpec(**arguments))  # type: ignore[arg-type]

    assert (created, created_again) == (True, False)
    assert again == first
    assert Transaction.objects.count() == 1


def test_money_accepts_whole_numbers_and_text() -> None:
    assert money(1574000000) == Decimal("1574000000")
    assert money("75800000.00") == Decimal("75800000")
