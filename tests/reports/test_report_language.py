"""Reports read like the offices' own, in every format: words from the codelists, never codes;
the Chinese report in Chinese (names typed in Latin letters and quoted source sentences aside)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest

from pairaid.reports.context import ReportContext
from pairaid.reports.selectors import overview_context, report_context
from pairaid.reports.services import report_bytes
from pairaid.sample.loader import sample_load

#: Codes that must never reach a reader.
FORBIDDEN = ("more_than", "kind:", "stage:", "zone:", "batchs", "person_time", "_batch_", "disaggregation")


def _text(fmt: str, data: bytes) -> str:
    """What a reader of the file sees, as text."""
    if fmt in ("html", "md"):
        text = data.decode("utf-8")
        return re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.S) if fmt == "html" else text
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        return "\n".join(
            [sheet.title for sheet in book]
            + [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
        )
    if fmt == "docx":
        from docx import Document

        doc = Document(io.BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def rendered(
    django_db_setup: None, django_db_blocker: pytest.FixtureRequest
) -> Iterator[dict[tuple[str, str, str], str]]:
    """The sample's pairing report and the overview, in both languages and every format, as text."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        root = sample_load().root
        contexts: dict[tuple[str, str], ReportContext] = {}
        for lang in ("en", "zh-hans"):
            contexts[("pairing", lang)] = report_context(pairing=root, year=2009, language=lang)
            contexts[("overview", lang)] = overview_context(year=2009, language=lang)
        texts = {
            (kind, lang, fmt): _text(fmt, report_bytes(context=ctx, fmt=fmt))
            for (kind, lang), ctx in contexts.items()
            for fmt in ("html", "md", "xlsx", "docx", "pdf")
            if fmt != "pdf" or kind == "pairing"
        }
        transaction.set_rollback(True)
    yield texts


@pytest.mark.django_db
def test_no_format_shows_a_code(rendered: dict[tuple[str, str, str], str]) -> None:
    for key, text in rendered.items():
        for code in FORBIDDEN:
            assert code not in text, (key, code, text[max(0, text.find(code) - 80) : text.find(code) + 80])


@pytest.mark.django_db
def test_qualifiers_plurals_and_money_are_written_as_offices_write_them(
    rendered: dict[tuple[str, str, str], str],
) -> None:
    en, zh = rendered[("pairing", "en", "md")], rendered[("pairing", "zh-hans", "md")]
    assert "more than 780 enterprises" in en and "780余家" in zh
    assert "10 batches" in en and "10批" in zh
    assert "1.574 billion yuan" in en and "75.8 million yuan" in en
    assert "15.74亿元" in zh and "7580万元" in zh and "百万元" not in zh
    assert "nearly 4,000 people" in en and "近4000人" in zh


def _english_words(text: str) -> set[str]:
    """Latin words outside quoted source sentences (“…”), web addresses and cells holding a code of
    the codelists (the workbook's code column, for those who load it into their tools)."""
    from pairaid.core.codelists import indicators, sectors

    codes = {i.code for i in indicators()} | {s.code for s in sectors()}
    text = "\n".join(line for line in text.splitlines() if line.strip() not in codes)
    text = re.sub(r"“[^”]*”", " ", text)
    text = re.sub(r"https?://\S+|</?documents/\S*|/documents/\S*", " ", text)
    return set(re.findall(r"[A-Za-z]{2,}", text))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["pairing", "overview"])
@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "docx"])
def test_the_chinese_report_has_no_english_but_names(
    rendered: dict[tuple[str, str, str], str], kind: str, fmt: str
) -> None:
    # names typed in Latin letters: the product, the source document's title, activity identifiers
    allowed = {"pairaid", "Shandong", "Xinjiang", "Pairing", "off", "Assistance", "SDXJ"}
    found = _english_words(rendered[(kind, "zh-hans", fmt)]) - allowed
    assert not found, sorted(found)


@pytest.mark.django_db
def test_the_report_tells_how_the_totals_were_counted_and_the_recipients_economy(
    rendered: dict[tuple[str, str, str], str],
) -> None:
    en = rendered[("pairing", "en", "md")]
    assert (
        "People trained 38,775 people = Shandong – Kashi 38,755 people (holding Shandong – Kashi (activities)"
        " 6,300 people) + Shandong – Xinjiang 20 people"
    ) in en
    assert "GDP of the recipient area | Shule County | 3.22 billion yuan" in en and "28.2%" in en
    assert "## The pairing tree" in en and "    - Shandong – Shule County" in en
