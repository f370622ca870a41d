"""How a report's totals were counted names the values of one figure it set aside (issue 12): of a figure
told with two values, the roll-ups keep the larger and leave the other out; the note says which was kept and
which set aside, with the documents they come from. Made-up documents."""

from __future__ import annotations

import pytest

from pairaid.reports.selectors import overview_context, report_context
from tests.checks.factories import document, pairing, value

pytestmark = pytest.mark.django_db


def _two_values() -> object:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    first = document("In 2009 the office trained 3,800 people in the towns.", title="Anhe yearbook")
    second = document("Training in 2009 reached 3,500 people.", title="Kashi bulletin")
    value("people_trained", "3800", pairing=top, status="extracted", doc=first, written="3,800 people")
    value("people_trained", "3500", pairing=top, status="extracted", doc=second, written="3,500 people")
    return top


def test_the_value_kept_and_the_value_set_aside_are_named_with_their_documents() -> None:
    top = _two_values()

    context = report_context(pairing=top, year=2009, include_extracted=True, with_charts=False)

    (total,) = [v for v in context.headline if v.code == "people_trained"]
    assert total.value == 3800  # the larger kept, never 7,300
    assert (
        "People trained, Anhe – Kashi, 2009, told with two values: 3,800 people (from Anhe yearbook) kept; "
        "3,500 people (from Kashi bulletin) set aside"
    ) in context.counting
    zh = report_context(pairing=top, year=2009, language="zh-hans", include_extracted=True, with_charts=False)
    assert "有不同数值：采用3800人（来源：Anhe yearbook）；舍弃3500人（来源：Kashi bulletin）" in " ".join(zh.counting)
    overview = overview_context(year=2009, include_extracted=True, with_charts=False)
    assert any("set aside" in line and "Kashi bulletin" in line for line in overview.counting)


def test_without_extracted_figures_nothing_is_set_aside() -> None:
    top = _two_values()
    context = report_context(pairing=top, year=2009, with_charts=False)
    assert not any("set aside" in line for line in context.counting)
