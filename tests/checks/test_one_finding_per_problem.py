"""One finding per problem (issue 12): a second report that tells the same figures again does not
report a conflict again the other way round, nor a note again for each telling."""

from __future__ import annotations

import pytest

from pairaid.checks.models import Finding
from pairaid.checks.services import findings_refresh
from tests.checks.factories import area, document, pairing, value

pytestmark = pytest.mark.django_db

FIRST = (
    "The county received 16 million yuan. "
    + "The roads, the schools and the clinic were built as planned, and the wells were dug in spring. " * 3
    + "Later the office put it at 15.4 million yuan."
)
SECOND = "A yearbook: Shule received 16 million yuan in 2009. GDP reached 3.22 billion yuan, up 28.2%."


def test_a_conflict_told_again_by_another_report_is_one_finding() -> None:
    shule = pairing("370000", "653122", level="county", name="Shandong – Shule")
    one, two = document(FIRST, title="First"), document(SECOND, title="Second")
    a = value("aid_funds", "16000000", pairing=shule, doc=one, written="16 million yuan", status="extracted")
    b = value("aid_funds", "15400000", pairing=shule, doc=one, written="15.4 million yuan", status="extracted")
    value("aid_funds", "16000000", pairing=shule, doc=two, written="16 million yuan", status="extracted")
    result = findings_refresh(pairing=shule, year=2009, include_extracted=True)
    assert (result.warnings, result.total) == (1, 1)  # was 2: a vs b, then b vs the second report's 16 million
    found = Finding.objects.get()
    assert found.rule == "told_twice"
    assert sorted(found.data_values.values_list("pk", flat=True)) == [a.pk, b.pk]
    assert found.values == [["first", "16000000"], ["second", "15400000"]]


def test_a_note_on_a_figure_stored_for_the_area_and_read_twice_with_its_pairing_is_one_finding() -> None:
    shule = pairing("370000", "653122", level="county", name="Shandong – Shule")
    one, two = document(SECOND, title="Entered from"), document(SECOND + " ", title="Read again")
    entered = value(
        "gdp", "3220000000", subject_area=area("653122"), doc=one, written="3.22 billion yuan", change_percent="28.2"
    )
    for doc in (one, two):  # the same sentence read with the pairing, from two documents
        value(
            "gdp",
            "3220000000",
            pairing=shule,
            doc=doc,
            written="3.22 billion yuan",
            change_percent="28.2",
            status="extracted",
        )
    result = findings_refresh(year=2009, include_extracted=True)
    assert (result.infos, result.total) == (1, 1)  # was 3, one per telling
    found = Finding.objects.get()
    assert found.rule == "implied_previous_value"
    assert list(found.data_values.values_list("pk", flat=True)) == [entered.pk]
    assert [(k, float(v)) for k, v in found.values] == [("stated rate", 28.2), ("implied previous value", 2.51e9)]
