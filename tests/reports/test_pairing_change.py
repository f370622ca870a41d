"""A pairing's change on last year in the pairings table rests on the same pairings' statements, as the
overview's totals do (issue 12). Made-up values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.reports.selectors import overview_context
from tests.checks.factories import pairing, value


@pytest.mark.django_db
def test_a_pairings_change_is_withheld_when_last_year_rests_on_other_pairings() -> None:
    top = pairing("370000", "650000", name="Shandong – Xinjiang")
    kashi = pairing("370000", "653100", level="prefecture", parent=top, name="Shandong – Kashi")
    other = pairing("110000", "150000", name="Beijing – Inner Mongolia")
    value("aid_funds", "1000000000", pairing=top, year=2008)
    value("aid_funds", "5000000", pairing=kashi, year=2009)  # only a part stated this year
    value("aid_funds", "100", pairing=other, year=2008)
    value("aid_funds", "150", pairing=other, year=2009)  # the same pairing both years
    rows = {p.label: (p.change, p.change_note) for p in overview_context(year=2009, with_charts=False).pairings}
    assert rows["Shandong – Xinjiang"] == (
        None,
        "no change on last year: that year's total rests on other figures (of other pairings or areas, or of "
        "other funding channels)",
    )
    assert rows["Beijing – Inner Mongolia"] == (Decimal("50.0"), "")
