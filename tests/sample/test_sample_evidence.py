"""The sample's own source document: ingested once, and the entered figures linked to its spans."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from pairaid.core.errors import InputError
from pairaid.indicators.models import DataValue
from pairaid.ingest.services import IngestResult
from pairaid.reports.links import evidence_url
from pairaid.reports.selectors import report_context
from pairaid.reports.services import report_html
from pairaid.sample.evidence import (
    EvidenceLinks,
    sample_document_ingest,
    sample_document_path,
    sample_link_evidence,
)
from pairaid.sample.loader import SampleSummary, sample_path
from pairaid.sources.models import SourceDocument

DOCUMENT = sample_path().parent / "shandong_xinjiang_2009_summary.txt"


@pytest.fixture
def ingested(sample: SampleSummary) -> IngestResult:
    """The built-in sample loaded and its source document ingested."""
    result = sample_document_ingest()
    assert result is not None
    return result


@pytest.fixture
def linked(sample: SampleSummary, ingested: IngestResult) -> EvidenceLinks:
    """The sample's entered figures linked to the spans of its source document."""
    return sample_link_evidence(value_ids=sample.data_value_ids, document=ingested.document)


def _aid_funds(sample: SampleSummary) -> DataValue:
    return DataValue.objects.select_related("evidence__document").get(
        indicator__code="aid_funds", pairing=sample.root, status="entered"
    )


def test_the_document_is_a_summary_of_our_own_of_yearbook_length() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")

    assert text.startswith("Shandong–Xinjiang Pairing-off Assistance, 2009\n")
    assert 2500 <= len(text) <= 4000
    assert "【Overview】" in text and "1.574 billion yuan" in text and "75.80 million yuan" in text
    assert sample_document_path() == DOCUMENT


def test_ingest_reads_the_headline_figures_as_extracted_values(ingested: IngestResult) -> None:
    extracted = DataValue.objects.filter(evidence__document=ingested.document, status="extracted")
    aid = extracted.get(indicator__code="aid_funds", value=Decimal("1574000000"))
    grant = extracted.get(indicator__code="grant_funds")

    assert ingested.status == "new"
    assert ingested.document.report_year == 2009
    assert ingested.document.title == "Shandong–Xinjiang Pairing-off Assistance, 2009"
    assert extracted.count() == ingested.facts >= 50
    assert grant.value == Decimal("75800000") and grant.part_of == aid
    assert aid.evidence is not None and aid.evidence.text == "1.574 billion yuan"


def test_the_aid_funds_entered_value_gets_the_span_that_states_it(sample: SampleSummary, linked: EvidenceLinks) -> None:
    aid = _aid_funds(sample)

    assert aid.value == Decimal("1574000000")
    assert aid.evidence is not None and aid.evidence.document == linked.document
    assert "1.574 billion" in aid.evidence.text
    assert linked.document.text[aid.evidence.start : aid.evidence.end] == aid.evidence.text
    assert "1.574 billion" in aid.evidence.sentence and "75.80 million" in aid.evidence.sentence


def test_every_entered_figure_of_the_sample_finds_its_twin(sample: SampleSummary, linked: EvidenceLinks) -> None:
    entered = DataValue.objects.filter(pk__in=sample.data_value_ids).select_related("evidence", "indicator")

    assert (linked.entered, linked.linked, linked.newly_linked, linked.unlinked) == (50, 50, 50, ())
    for value in entered:
        assert value.evidence is not None, value
        twin = DataValue.objects.get(evidence=value.evidence, status="extracted", indicator=value.indicator)
        assert (twin.value, twin.period_end) == (value.value, value.period_end)
        if value.period_kind != "as_of":  # a stock entered as such may be read as the year's figure (its twin)
            assert twin.period_start == value.period_start


def test_growth_figures_link_to_their_own_spans(sample: SampleSummary, linked: EvidenceLinks) -> None:
    gdp = DataValue.objects.get(indicator__code="gdp", area__code="653122", status="entered")
    revenue = DataValue.objects.get(indicator__code="fiscal_revenue", area__code="653122", status="entered")

    assert gdp.evidence is not None and gdp.evidence.text == "3.22 billion yuan"
    assert "28.2%" in gdp.evidence.sentence
    assert revenue.evidence is not None and revenue.evidence.text == "64.58 million yuan"


def test_extracted_values_stay_extracted_for_review(linked: EvidenceLinks) -> None:
    statuses = set(
        DataValue.objects.filter(evidence__document=linked.document).values_list("status", flat=True).distinct()
    )

    assert statuses == {"extracted", "entered"}
    assert linked.extracted == DataValue.objects.filter(evidence__document=linked.document, status="extracted").count()


def test_ingest_and_link_again_change_nothing(sample: SampleSummary, linked: EvidenceLinks) -> None:
    evidence_before = dict(DataValue.objects.filter(pk__in=sample.data_value_ids).values_list("pk", "evidence_id"))
    extracted_before = DataValue.objects.filter(status="extracted").count()

    again = sample_document_ingest()
    assert again is not None
    relinked = sample_link_evidence(value_ids=sample.data_value_ids, document=again.document)

    assert again.status == "already ingested"
    assert again.document == linked.document
    assert SourceDocument.objects.count() == 1
    assert (relinked.linked, relinked.newly_linked, relinked.extracted) == (50, 0, linked.extracted)
    assert DataValue.objects.filter(status="extracted").count() == extracted_before
    assert dict(DataValue.objects.filter(pk__in=sample.data_value_ids).values_list("pk", "evidence_id")) == (
        evidence_before
    )


def test_an_entered_value_without_a_twin_keeps_no_evidence(sample: SampleSummary, ingested: IngestResult) -> None:
    surgeries = DataValue.objects.get(indicator__code="surgeries", status="entered")
    surgeries.value = Decimal("4457")
    surgeries.save()

    links = sample_link_evidence(value_ids=sample.data_value_ids, document=ingested.document)

    surgeries.refresh_from_db()
    assert surgeries.evidence is None
    assert [v.pk for v in links.unlinked] == [surgeries.pk]
    assert links.linked == links.entered - 1 == 49


def test_evidence_set_earlier_is_kept(sample: SampleSummary, ingested: IngestResult) -> None:
    aid = _aid_funds(sample)
    grant_span = DataValue.objects.get(indicator__code="grant_funds", status="extracted").evidence
    aid.evidence = grant_span
    aid.save()

    links = sample_link_evidence(value_ids=sample.data_value_ids, document=ingested.document)

    aid.refresh_from_db()
    assert aid.evidence == grant_span
    assert links.linked == 50 and links.newly_linked == 49


def test_the_sample_report_links_the_headline_figure_to_its_span(sample: SampleSummary, linked: EvidenceLinks) -> None:
    aid = _aid_funds(sample)
    assert aid.evidence is not None
    href = evidence_url(linked.document.pk, aid.evidence.start, aid.evidence.end)

    html = report_html(context=report_context(pairing=sample.root, year=2009))

    assert href == f"{settings.SITE_URL}/documents/{linked.document.pk}/#span-{aid.evidence.start}-{aid.evidence.end}"
    assert f'href="{href}"' in html


def test_a_sample_file_naming_no_document_has_none(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("sample: mine\npairings:\n  - {key: a, donor: '370000', recipient: '650000'}\n", encoding="utf-8")

    assert sample_document_path(path=path) is None


def test_a_sample_file_naming_a_missing_document_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "sample: mine\nsource: {document: gone.txt}\npairings:\n  - {key: a, donor: '370000', recipient: '650000'}\n",
        encoding="utf-8",
    )

    with pytest.raises(InputError, match=r"gone\.txt"):
        sample_document_path(path=path)
