"""Figures of no pairing and no area are not one subject (issue 12): the checks key a figure's subject by its
pairing, else its area, else its donor and recipient as written, so a rate is checked only against the same
donor's and recipient's year before. Made-up figures."""

from __future__ import annotations

import pytest

from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from pairaid.indicators.models import DataValue
from tests.checks.factories import value

pytestmark = pytest.mark.django_db


def _written(v: DataValue, donor: str, recipient: str) -> DataValue:
    DataValue.objects.filter(pk=v.pk).update(donor_label=donor, recipient_label=recipient, subject_key="")
    return v


def test_a_rate_is_not_checked_against_another_donor_s_year_before() -> None:
    _written(value("government_aid_funds", "1000", year=2010), "Northland", "Hill County")
    _written(
        value("government_aid_funds", "840", year=2011, change_percent="20", change_base_year=2010),
        "eastern donors",
        "western areas",
    )
    findings_refresh(year=2011)
    assert not Finding.objects.filter(rule="growth_rate_mismatch").exists()  # it gave 840 against 1,000: -16%


def test_a_rate_is_checked_against_the_same_donor_and_recipient_as_written() -> None:
    _written(value("government_aid_funds", "1000", year=2010), "Northland", "Hill County")
    _written(
        value("government_aid_funds", "1500", year=2011, change_percent="20", change_base_year=2010),
        "Northland",
        "Hill County",
    )
    findings_refresh(year=2011)
    (finding,) = Finding.objects.filter(rule="growth_rate_mismatch")
    assert ["rate from stored values", "50"] in finding.values
