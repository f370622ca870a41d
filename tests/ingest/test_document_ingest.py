"""The ingest service: one report text -> document, evidence, extracted data values, in one transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pairaid.core.documents import read_document_bytes
from pairaid.core.errors import CodelistError, InputError
from pairaid.core.extract.report_year import report_year_of
from pairaid.indicators.models import DataValue, Indicator
from pairaid.ingest.services import document_ingest
from pairaid.sample.loader import sample_load
from pairaid.sources.models import Evidence, SourceDocument

MADE_UP = "Aid to County B\nIn 2012, City A provided aid funds of 12.5 million yuan to County B.\n"


def counts() -> tuple[int, int, int]:
    return SourceDocument.objects.count(), Evidence.objects.count(), DataValue.objects.count()


@pytest.mark.django_db
def test_a_made_up_sentence_is_stored_as_an_extracted_aid_funds_value() -> None:
    result = document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="made_up.txt"))

    assert result.status == "new"
    assert (result.mentions, result.facts, result.unbound) == (1, 1, 0)
    stored = result.document
    assert (stored.title, stored.filename, stored.report_year, stored.text) == (
        "Aid to County B",
        "made_up.txt",
        2012,
        MADE_UP,
    )
    value = DataValue.objects.get(evidence__document=stored)
    assert value.indicator_id == Indicator.objects.get(code="aid_funds").pk
    assert (value.value, value.unit, value.qualifier, value.status) == (
        Decimal("12500000"),
        "CNY",
        "exact",
        "extracted",
    )
    assert (value.period_kind, value.period_start, value.period_end) == ("year", date(2012, 1, 1), date(2012, 12, 31))
    assert value.subject_key == ""  # neither City A nor County B is a real place
    assert value.evidence is not None
    assert value.evidence.text == "12.5 million yuan"
    assert value.evidence.sentence == "In 2012, City A provided aid funds of 12.5 million yuan to County B."


@pytest.mark.django_db
def test_the_same_text_a_second_time_adds_nothing() -> None:
    document = read_document_bytes(MADE_UP.encode(), filename="made_up.txt")
    first = document_ingest(document=document)
    before = counts()
    again = document_ingest(document=read_document_bytes(MADE_UP.encode("gb18030"), filename="copy.txt"))

    assert again.status == "already ingested"
    assert again.document_id == first.document_id
    assert (again.mentions, again.facts, again.unbound) == (first.mentions, first.facts, first.unbound)
    assert counts() == before


@pytest.mark.django_db
def test_entered_figures_citing_the_document_are_not_counted_as_its_facts() -> None:
    first = document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="made_up.txt"))
    extracted = DataValue.objects.get(evidence__document=first.document)
    DataValue.objects.create(
        indicator=extracted.indicator,
        period_kind="year",
        period_start=date(2012, 1, 1),
        period_end=date(2012, 12, 31),
        value=Decimal("12500000"),
        unit="CNY",
        status="entered",
        evidence=extracted.evidence,
    )

    again = document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="made_up.txt"))

    assert (again.status, again.facts) == ("already ingested", 1)


UNDATED = "Aid to County B\nCity A provided aid funds of 12.5 million yuan to County B.\n"


@pytest.mark.django_db
def test_another_year_for_a_stored_text_is_named_and_a_reread_replaces_its_figures() -> None:
    document = read_document_bytes(UNDATED.encode(), filename="undated.txt")
    first = document_ingest(document=document, report_year=2012)

    told = document_ingest(document=document, report_year=2013, recipient="County C")
    again = document_ingest(document=document, report_year=2013, reread=True)

    assert told.status == "already ingested"
    assert told.changes == ("report year 2012 -> 2013", "recipient none -> 'County C'")
    assert (again.status, again.document_id, again.facts) == ("read again", first.document_id, 1)
    assert again.document.report_year == 2013
    value = DataValue.objects.get()
    assert (value.period_start, value.evidence.text) == (date(2013, 1, 1), "12.5 million yuan")
    assert Evidence.objects.count() == 1


@pytest.mark.django_db
def test_a_reread_is_refused_while_a_figure_of_the_text_was_reviewed() -> None:
    document = read_document_bytes(UNDATED.encode(), filename="undated.txt")
    document_ingest(document=document, report_year=2012)
    DataValue.objects.update(status="accepted")

    with pytest.raises(InputError, match=r"undated\.txt: cannot read it again: 1 reviewed or entered figures"):
        document_ingest(document=document, report_year=2013, reread=True)
    assert DataValue.objects.get().period_start == date(2012, 1, 1)


@pytest.mark.django_db
def test_the_subject_is_the_registered_pairing_of_the_named_areas() -> None:
    sample_load()
    text = "In 2012, Shandong provided aid funds of 12.5 million yuan to Shule County.\n"
    document = read_document_bytes(text.encode(), filename="shule.txt")
    result = document_ingest(document=document, donor="Shandong", recipient="Shule County")

    value = DataValue.objects.get(evidence__document=result.document)
    assert value.pairing is not None
    assert (value.pairing.donor_area.code, value.pairing.recipient_area.code) == ("370000", "653122")
    assert value.area is None


@pytest.mark.django_db
def test_without_a_registered_pairing_the_subject_is_the_recipient_area() -> None:
    text = "In 2012, Shandong provided aid funds of 12.5 million yuan to Shule County.\n"
    document = read_document_bytes(text.encode(), filename="shule.txt")
    result = document_ingest(document=document, donor="Shandong", recipient="Shule County")

    value = DataValue.objects.get(evidence__document=result.document)
    assert value.pairing is None
    assert value.area is not None and value.area.code == "653122"


@pytest.mark.django_db
def test_mentions_bound_to_no_fact_are_kept_as_evidence_for_review() -> None:
    text = "In 2012, City A provided aid funds of 12.5 million yuan to County B. The county has 6 rivers.\n"
    result = document_ingest(document=read_document_bytes(text.encode(), filename="rivers.txt"))

    assert (result.mentions, result.facts, result.unbound) == (2, 1, 1)
    unbound = Evidence.objects.get(document=result.document, data_values__isnull=True)
    assert unbound.text == "6 rivers"


@pytest.mark.django_db
def test_a_failure_part_way_stores_nothing() -> None:
    Indicator.objects.filter(code="aid_funds").delete()  # the document and its evidence are stored before the facts
    before = counts()

    with pytest.raises(CodelistError, match="aid_funds"):
        document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="made_up.txt"))

    assert counts() == before


@pytest.mark.django_db
def test_the_report_year_given_wins_over_the_text() -> None:
    result = document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="m.txt"), report_year=2013)

    assert result.document.report_year == 2013


@pytest.mark.django_db
def test_a_text_with_no_year_needs_one_given() -> None:
    document = read_document_bytes(b"City A provided aid funds of 12.5 million yuan.", filename="undated.txt")

    with pytest.raises(InputError, match=r"undated\.txt: no year in the text nor in the file name; give --year"):
        document_ingest(document=document)
    assert SourceDocument.objects.count() == 0


@pytest.mark.django_db
def test_an_address_that_is_not_a_url_is_refused() -> None:
    with pytest.raises(InputError, match="not an http"):
        document_ingest(document=read_document_bytes(MADE_UP.encode(), filename="m.txt"), address="yearbook page")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("In 2009, Shandong gave. In 2009, more. During 2008 less.", 2009),
        ("2009年，山东省援助资金15.74亿元。2009年底，2008年", 2009),
        ("2008年、2009年", 2009),
        ("No year at all.", None),
    ],
)
def test_the_report_year_is_the_year_the_text_speaks_of_most(text: str, year: int | None) -> None:
    assert report_year_of(text) == year


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        ("In 2009, City A gave 3 million yuan.", "2010_a-b_1.txt", 2009),
        ("In 2002 the two cities were twinned.", "2010_a-b_1.txt", 2009),
        ("No year at all.", "2012_a-b_1.txt", 2011),
        ("In 2013, City A gave 3 million yuan.", "2010_a-b_1.txt", 2013),
    ],
)
def test_a_yearbook_file_name_gives_the_year_before_unless_the_text_says_later(
    text: str, filename: str, year: int
) -> None:
    assert report_year_of(text, filename=filename) == year


def ingest_text(text: str) -> list[DataValue]:
    result = document_ingest(document=read_document_bytes(text.encode(), filename="made_up.txt"))
    return list(DataValue.objects.filter(evidence__document=result.document).order_by("evidence__start"))


@pytest.mark.django_db
def test_a_part_is_linked_to_its_whole() -> None:
    whole, part = ingest_text(
        "In 2009, City A provided aid funds of 1.574 billion yuan, of which 75.80 million yuan was grant."
    )

    assert (whole.indicator.code, whole.value, whole.part_of) == ("aid_funds", Decimal("1574000000"), None)
    assert (part.indicator.code, part.value, part.part_of) == ("grant_funds", Decimal("75800000"), whole)


@pytest.mark.django_db
def test_an_area_in_mu_is_stored_in_hectares_as_the_indicator_is() -> None:
    (value,) = ingest_text("In 2012, City A built a demonstration base of 1,500 mu for County B.")

    assert (value.indicator.code, value.value, value.unit) == ("land_area", Decimal("100"), "ha")
    assert value.evidence is not None and value.evidence.text == "1,500 mu"


@pytest.mark.django_db
def test_a_stated_growth_rate_is_kept_on_the_figure() -> None:
    (value,) = ingest_text("In 2012, the GDP of County B reached 3.22 billion yuan, up 28.2% over 2011.")

    assert (value.indicator.code, value.value) == ("gdp", Decimal("3220000000"))
    assert (value.change_percent, value.change_base_year) == (Decimal("28.2"), 2011)
    percent = Evidence.objects.get(document=value.evidence.document, data_values__isnull=True)
    assert percent.text == "28.2%"
