"""Exports name every subject by a stable code and its name, and a year's export holds the activities
active in that year (issue 12). Made-up values."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from pairaid.activities.models import Activity, Transaction
from pairaid.interop.opendata import datavalue_rows
from pairaid.interop.selectors import activities_active_in
from tests.checks.factories import pairing, value


@pytest.mark.django_db
def test_a_pairing_is_coded_by_its_sides_and_a_figure_of_no_pairing_says_why() -> None:
    top = pairing("370000", "650000")
    value("aid_funds", "5000000", pairing=top)
    nationwide = value("government_aid_funds", "840260000", status="extracted")
    nationwide.donor_label, nationwide.recipient_label = "the eastern provinces", "the west"
    nationwide.save()
    rows = {row[0]: (row[3], row[4]) for row in datavalue_rows(pairing_ids=None, year=2009, include_extracted=True)}
    assert rows["aid_funds"][0] == "pairing:370000-650000"  # never the database's id
    assert rows["aid_funds"][1].startswith("Shandong Province")
    assert rows["government_aid_funds"] == (
        "unresolved",
        "the eastern provinces → the west (as written: no registered pairing fits)",
    )
    top.key = "xj-shandong"
    top.save()
    (row,) = [r for r in datavalue_rows(pairing_ids=None, year=2009, include_extracted=False)]
    assert row[3] == "pairing:xj-shandong"


@pytest.mark.django_db
def test_a_years_export_holds_the_activities_active_that_year() -> None:
    top = pairing()
    open_ended = Activity.objects.create(
        identifier="A09", title="Park", sector="industry", pairing=top, start_date=datetime.date(2009, 3, 1)
    )
    paid = Activity.objects.create(identifier="A10", title="School", sector="education", pairing=top)
    Transaction.objects.create(
        activity=paid,
        transaction_type="disbursement",
        finance_type="grant",
        value=Decimal(1000),
        value_date=datetime.date(2011, 5, 1),
    )
    spanning = Activity.objects.create(
        identifier="A11",
        title="Road",
        sector="transport",
        pairing=top,
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2012, 12, 31),
    )
    assert [a.identifier for a in activities_active_in(pairing_ids=None, year=2011)] == ["A10", "A11"]
    assert [a.identifier for a in activities_active_in(pairing_ids=None, year=2009)] == ["A09"]
    assert {a.pk for a in activities_active_in(pairing_ids=None, year=None)} == {open_ended.pk, paid.pk, spanning.pk}
