"""Data values: periods from years, Decimal values, the services' rules and the database's last guard."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from pairaid.core.errors import CodelistError, DataError
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import datavalue_list
from pairaid.indicators.services import DataValueSpec, datavalue_create, datavalue_get_or_create
from pairaid.registry.models import Pairing
from pairaid.registry.services import PairingSpec, pairing_create
from tests.registry.sources import SOURCE

pytestmark = pytest.mark.django_db


@pytest.fixture
def pairing() -> Pairing:
    return pairing_create(
        PairingSpec(
            **SOURCE,
            donor_area=Area.objects.get(code="370000"),
            recipient_area=Area.objects.get(code="650000"),
            level="province",
            start_year=2009,
        )
    )


@pytest.mark.parametrize(
    ("kind", "years", "start", "end"),
    [
        ("year", {"year": 2009}, date(2009, 1, 1), date(2009, 12, 31)),
        ("cumulative", {"start_year": 1996, "end_year": 2009}, date(1996, 1, 1), date(2009, 12, 31)),
        ("as_of", {"year": 2009}, date(2009, 12, 31), date(2009, 12, 31)),
    ],
)
def test_the_period_comes_from_its_kind_and_years(
    pairing: Pairing, kind: str, years: dict[str, int], start: date, end: date
) -> None:
    value = datavalue_create(
        DataValueSpec(indicator="aid_funds", value=Decimal("1574000000"), period_kind=kind, pairing=pairing, **years)
    )

    assert (value.period_kind, value.period_start, value.period_end) == (kind, start, end)
    assert value.unit == "CNY"
    assert value.status == "entered"
    assert value.subject_key == f"pairing:{pairing.pk}"


def test_a_part_links_to_its_whole(pairing: Pairing) -> None:
    whole = datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value=Decimal("1574000000"),
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )
    part = datavalue_create(
        DataValueSpec(
            indicator="grant_funds",
            value=Decimal("75800000"),
            period_kind="year",
            year=2009,
            pairing=pairing,
            part_of=whole,
        ),
    )

    assert list(whole.parts.all()) == [part]
    assert [v.value for v in datavalue_list(pairing=pairing, indicator="grant_funds", year=2009)] == [
        Decimal("75800000")
    ]


def test_a_part_in_another_unit_is_refused(pairing: Pairing) -> None:
    whole = datavalue_create(
        DataValueSpec(
            indicator="aid_projects",
            value=39,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )

    with pytest.raises(DataError, match="cannot be part of aid_projects"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=100,
                period_kind="year",
                year=2009,
                pairing=pairing,
                part_of=whole,
            ),
        )


def test_an_unknown_indicator_is_a_codelist_error(pairing: Pairing) -> None:
    with pytest.raises(CodelistError, match="unknown indicator code 'aid_money'"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_money",
                value=1,
                period_kind="year",
                year=2009,
                pairing=pairing,
            ),
        )


def test_a_negative_value_is_refused(pairing: Pairing) -> None:
    with pytest.raises(DataError, match="cannot be negative"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=Decimal("-1"),
                period_kind="year",
                year=2009,
                pairing=pairing,
            ),
        )


def test_a_float_is_refused(pairing: Pairing) -> None:
    with pytest.raises(DataError, match="not the float"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=75.8,
                period_kind="year",
                year=2009,
                pairing=pairing,
            ),
        )  # type: ignore[arg-type]


def test_a_period_that_starts_after_it_ends_is_refused(pairing: Pairing) -> None:
    with pytest.raises(DataError, match="cannot start on 2009-12-31 after it ends on 2009-01-01"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=1,
                period_kind="year",
                period_start=date(2009, 12, 31),
                period_end=date(2009, 1, 1),
                pairing=pairing,
            ),
        )
    with pytest.raises(DataError, match="cannot start in 2009 after it ends in 1996"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=1,
                period_kind="cumulative",
                start_year=2009,
                end_year=1996,
                pairing=pairing,
            ),
        )


def test_a_second_confirmed_value_for_the_same_key_is_refused(pairing: Pairing) -> None:
    datavalue_create(
        DataValueSpec(
            indicator="surgeries",
            value=4456,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )

    with pytest.raises(DataError, match="already stored"):
        datavalue_create(
            DataValueSpec(
                indicator="surgeries",
                value=4465,
                period_kind="year",
                year=2009,
                pairing=pairing,
            ),
        )


def test_a_planned_value_and_an_actual_share_a_key_and_stay_apart(pairing: Pairing) -> None:
    actual = datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value=9750000,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )
    planned = datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value=9600000,
            period_kind="year",
            year=2009,
            pairing=pairing,
            kind="planned",
        ),
    )

    assert (actual.kind, actual.value) == ("actual", Decimal("9750000"))
    assert (planned.kind, planned.value) == ("planned", Decimal("9600000"))
    with pytest.raises(DataError, match="already stored"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=1,
                period_kind="year",
                year=2009,
                pairing=pairing,
                kind="planned",
            ),
        )


def test_an_unknown_kind_is_refused(pairing: Pairing) -> None:
    with pytest.raises(DataError, match="unknown kind 'hoped'"):
        datavalue_create(
            DataValueSpec(
                indicator="aid_funds",
                value=1,
                period_kind="year",
                year=2009,
                pairing=pairing,
                kind="hoped",
            ),
        )


def test_get_or_create_returns_the_stored_value_unchanged(pairing: Pairing) -> None:
    first, created = datavalue_get_or_create(
        DataValueSpec(
            indicator="surgeries",
            value=4456,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )
    again, created_again = datavalue_get_or_create(
        DataValueSpec(
            indicator="surgeries",
            value=9999,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )

    assert (created, created_again) == (True, False)
    assert again == first and again.value == Decimal("4456")


def test_the_database_refuses_a_period_start_after_its_end_from_update(pairing: Pairing) -> None:
    value = datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value=1,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.filter(pk=value.pk).update(period_start=date(2010, 1, 1))


def test_the_database_refuses_a_period_start_after_its_end_from_bulk_create(pairing: Pairing) -> None:
    bad = DataValue(
        indicator_id=DataValue._meta.get_field("indicator").related_model.objects.get(code="aid_funds").pk,
        pairing=pairing,
        subject_key=f"pairing:{pairing.pk}",
        period_kind="year",
        period_start=date(2009, 12, 31),
        period_end=date(2009, 1, 1),
        value=Decimal("1"),
        unit="CNY",
        status="entered",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.bulk_create([bad])


def test_the_database_refuses_a_negative_value_from_update(pairing: Pairing) -> None:
    value = datavalue_create(
        DataValueSpec(
            indicator="aid_funds",
            value=1,
            period_kind="year",
            year=2009,
            pairing=pairing,
        ),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.filter(pk=value.pk).update(value=Decimal("-75800000"))
