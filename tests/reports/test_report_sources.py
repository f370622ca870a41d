"""A report's sources name each document by its title and its public address, in every format (issue 12:
the XLSX sheet showed the database's ids and, for a document without a published address, nothing)."""

from __future__ import annotations

import io

import pytest
from django.conf import settings

from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.reports.selectors import report_context
from pairaid.reports.services import report_bytes
from pairaid.sample.loader import sample_load
from pairaid.sources.models import Evidence, SourceDocument

pytestmark = pytest.mark.django_db


def test_the_sources_give_the_title_and_the_public_address() -> None:
    from docx import Document
    from openpyxl import load_workbook

    sample_load()
    root = Pairing.objects.get(name="Shandong – Xinjiang")
    text = "Shandong gave aid funds of 1.574 billion yuan to the region that year."  # written for this test
    document = SourceDocument.objects.create(sha256="f" * 64, title="A note for the test", text=text)
    evidence = Evidence.objects.create(document=document, start=text.index("1.574"), end=text.index(" to the"))
    DataValue.objects.filter(pairing=root, indicator__code="aid_funds", period_end__year=2009).update(evidence=evidence)
    page = f"{settings.SITE_URL}/documents/{document.pk}/"
    context = report_context(pairing=root, year=2009)
    book = load_workbook(io.BytesIO(report_bytes(context=context, fmt="xlsx")))
    rows = list(book["Sources"].iter_rows(min_row=2, values_only=True))
    assert rows[0] == (1, context.sources[0].title, document.address or page)
    assert [row[0] for row in rows] == list(range(1, len(rows) + 1))  # numbered, not the database's ids
    md = report_bytes(context=context, fmt="md").decode()
    assert f"1. {context.sources[0].title} <{document.address or page}>" in md
    SourceDocument.objects.filter(pk=document.pk).update(address="https://example.org/yearbook/2010/shandong.html")
    context = report_context(pairing=root, year=2009)
    docx = Document(io.BytesIO(report_bytes(context=context, fmt="docx")))
    listed = [p.text for p in docx.paragraphs if p.style.name == "List Number"]
    assert f"{context.sources[0].title} https://example.org/yearbook/2010/shandong.html" in listed
    book = load_workbook(io.BytesIO(report_bytes(context=context, fmt="xlsx")))
    first = next(book["Sources"].iter_rows(min_row=2, values_only=True))
    assert first == (1, context.sources[0].title, "https://example.org/yearbook/2010/shandong.html")
