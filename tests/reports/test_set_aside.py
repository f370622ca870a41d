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
    (line,) = [line for line in context.counting if "set aside" in line]
    assert line.startswith("People trained, Anhe – Kashi, 2009, told with 2 different values in 2 documents")
    assert line.endswith("3,800 people (from Anhe yearbook) kept; 3,500 people (from Kashi bulletin) set aside")
    zh = report_context(pairing=top, year=2009, language="zh-hans", include_extracted=True, with_charts=False)
    assert "在2份文件中有2个不同数值" in " ".join(zh.counting)
    assert "采用3800人（来源：Anhe yearbook）；舍弃3500人（来源：Kashi bulletin）" in " ".join(zh.counting)
    overview = overview_context(year=2009, include_extracted=True, with_charts=False)
    assert any("set aside" in line and "Kashi bulletin" in line for line in overview.counting)


def test_without_extracted_figures_nothing_is_set_aside() -> None:
    top = _two_values()
    context = report_context(pairing=top, year=2009, with_charts=False)
    assert not any("set aside" in line for line in context.counting)


def test_figures_of_no_pairing_with_other_sides_are_no_rivals() -> None:
    """Two figures of no pairing and no area are one figure told twice only when their sides as written agree:
    Anhe → Linxi's 400 and Baishan → Heping's 50 are two figures, both counted (issue 12)."""
    from django.db.models import IntegerField, Value
    from django.db.models.functions import Coalesce

    from pairaid.indicators.models import DataValue
    from pairaid.indicators.restatements import conflicting_extracted, repeated_extracted

    first = document("Anhe gave 400 yuan to Linxi.", title="Anhe notes")
    second = document("Baishan gave 50 yuan to Heping. Baishan gave 400 yuan to Heping.", title="Baishan notes")
    a = value("aid_funds", "400", unit="CNY", status="extracted", doc=first, written="400 yuan")
    b = value("aid_funds", "50", unit="CNY", status="extracted", doc=second, written="50 yuan")
    c = value("aid_funds", "400", unit="CNY", status="extracted", doc=second, written="400 yuan")
    DataValue.objects.filter(pk=a.pk).update(donor_label="Anhe", recipient_label="Linxi")
    DataValue.objects.filter(pk__in=[b.pk, c.pk]).update(donor_label="Baishan", recipient_label="Heping")
    qs = DataValue.objects.all()

    assert a.pk not in conflicting_extracted(qs)
    assert c.pk not in repeated_extracted(qs, Coalesce("pairing_id", Value(None), output_field=IntegerField()), {})
    overview = overview_context(year=2009, include_extracted=True, with_charts=False)
    assert not any("Anhe notes" in line for line in overview.counting)


def test_distinct_figures_of_one_document_are_no_rivals() -> None:
    """A document's figures of one pairing, indicator and year at distinct sentences are distinct figures
    (gold-format F10: a verbatim repeat keeps no fact), never rivals of each other: added, unless the largest is
    not smaller than the others together (a total the document states, holding them: counted once, shown as
    kept). Another document's account is a rival: the larger account kept, the other set aside."""
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    first = document("Anhe gave 20 yuan for a park. Anhe gave 16 yuan for houses. Anhe gave 9 yuan.", title="A")
    for amount in ("20", "16", "9"):
        value("aid_funds", amount, pairing=top, unit="CNY", status="extracted", doc=first, written=f"{amount} yuan")

    alone = report_context(pairing=top, year=2009, include_extracted=True, with_charts=False)
    (total,) = [v for v in alone.headline if v.code == "aid_funds"]
    assert total.value == 45  # three items, none holding the others
    assert not any("values" in line or "documents" in line for line in alone.counting)

    second = document("In all Anhe gave 30 yuan. Of it, Anhe gave 16 yuan for houses.", title="B")
    value("aid_funds", "30", pairing=top, unit="CNY", status="extracted", doc=second, written="30 yuan")
    value("aid_funds", "16", pairing=top, unit="CNY", status="extracted", doc=second, written="16 yuan")
    context = report_context(pairing=top, year=2009, include_extracted=True, with_charts=False)
    (total,) = [v for v in context.headline if v.code == "aid_funds"]
    assert total.value == 45  # A's account (45) over B's (30, holding its 16)
    (line,) = [line for line in context.counting if "set aside" in line]
    assert "told with 2 different values in 2 documents" in line
    assert line.endswith(
        "20 yuan (from A), 16 yuan (from A), 9 yuan (from A) kept; 30 yuan (from B), 16 yuan (from B) set aside"
    )


def test_a_documents_total_holds_the_smaller_figures_beside_it() -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    doc = document("In all Anhe gave 30 yuan. Anhe gave 16 yuan for houses.", title="B")
    value("aid_funds", "30", pairing=top, unit="CNY", status="extracted", doc=doc, written="30 yuan")
    value("aid_funds", "16", pairing=top, unit="CNY", status="extracted", doc=doc, written="16 yuan")
    context = report_context(pairing=top, year=2009, include_extracted=True, with_charts=False)
    (total,) = [v for v in context.headline if v.code == "aid_funds"]
    assert total.value == 30
    assert (
        "Aid funds provided (all channels), Anhe – Kashi, 2009: 30 yuan (from B), a total stated beside smaller "
        "figures of the same document (holding 16 yuan (from B), not added)"
    ) in context.counting
    assert not any("set aside" in line or "values" in line for line in context.counting)


def test_one_value_told_in_two_documents_is_no_conflict() -> None:
    top = pairing("370000", "653100", level="prefecture", name="Anhe – Kashi")
    first = document("Anhe trained 60 people.", title="Anhe notes")
    second = document("Training reached 60 people.", title="Kashi bulletin")
    value("people_trained", "60", pairing=top, status="extracted", doc=first, written="60 people")
    value("people_trained", "60", pairing=top, status="extracted", doc=second, written="60 people")

    context = report_context(pairing=top, year=2009, include_extracted=True, with_charts=False)
    (total,) = [v for v in context.headline if v.code == "people_trained"]
    assert total.value == 60
    (line,) = [line for line in context.counting if "documents" in line]
    assert (
        line == "People trained, Anhe – Kashi, 2009: 60 people, told in 2 documents (Anhe notes; Kashi bulletin), "
        "counted once"
    )
    assert "values" not in line and "set aside" not in line
    zh = report_context(pairing=top, year=2009, language="zh-hans", include_extracted=True, with_charts=False)
    assert any("见于2份文件" in line and "舍弃" not in line for line in zh.counting)


def test_a_figure_of_no_pairing_set_aside_is_not_listed_as_stated() -> None:
    """Two documents' values of one figure of no pairing (the same sides as written): the smaller is set aside
    in "How the totals were counted" and left out of the figures no pairing states."""
    from pairaid.indicators.models import DataValue

    first = document("Anhe gave 400 yuan to Linxi.", title="Anhe notes")
    second = document("Linxi got 300 yuan from Anhe.", title="Linxi notes")
    a = value("aid_funds", "400", unit="CNY", status="extracted", doc=first, written="400 yuan")
    b = value("aid_funds", "300", unit="CNY", status="extracted", doc=second, written="300 yuan")
    DataValue.objects.filter(pk__in=[a.pk, b.pk]).update(donor_label="Anhe", recipient_label="Linxi")

    overview = overview_context(year=2009, include_extracted=True, with_charts=False)
    assert any("300 yuan (from Linxi notes) set aside" in line for line in overview.counting)
    assert [v.value for v in overview.unpaired if v.code == "aid_funds"] == [400]
