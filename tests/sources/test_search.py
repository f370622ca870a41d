"""Full-text search over the documents' texts, through the search page: a word in the text finds the
document (English and Chinese), with the words around it; indicators are found by name in both languages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from pairaid.core.documents import read_document_bytes
from pairaid.ingest.services import document_ingest
from pairaid.sources.models import SourceDocument, TextChunk
from pairaid.sources.search import document_index, document_search, documents_index_missing

# Written for these tests.
ENGLISH = (
    "Shandong's aid to Xinjiang in 2010\n\n"
    "In 2010 Shandong built 7 schools and a hospital in Yingjisha County.\n"
    + "The counterpart offices met twice a year to plan the work. " * 300
    + "\nA training centre for teachers opened in Kashi in the autumn.\n"
)
CHINESE = (
    "山东省对口支援新疆工作二〇一〇年总结\n\n"
    "2010年，山东省在英吉沙县新建学校7所、医院1所。\n"
    "秋季，面向教师的培训中心在喀什市建成投用。\n"
)
SCATTERED = "2010年，喀某县与某什县各建学校两所，地方财政配套资金到位。\n"  # 喀 and 什 apart


def _ingest(text: str, name: str) -> SourceDocument:
    document = read_document_bytes(text.encode("utf-8"), filename=name)
    return document_ingest(document=document, report_year=2010).document


@pytest.fixture
def documents(db: None) -> dict[str, SourceDocument]:
    return {
        "en": _ingest(ENGLISH, "shandong-2010.txt"),
        "zh": _ingest(CHINESE, "shandong-2010-zh.txt"),
        "scattered": _ingest(SCATTERED, "other-2010-zh.txt"),
    }


def test_a_word_deep_in_an_english_text_finds_the_document_with_the_words_around_it(documents) -> None:
    (hit,) = document_search(query="Kashi")
    assert hit.document_id == documents["en"].pk and hit.found == "Kashi"
    assert hit.before.endswith("A training centre for teachers opened in ") and hit.after.startswith(" in the autumn")
    html = Client().get("/search/?q=Kashi").content.decode()
    assert f'href="/documents/{documents["en"].pk}/"' in html and "<mark>Kashi</mark>" in html


def test_a_chinese_word_finds_the_chinese_document_and_not_its_characters_apart(documents) -> None:
    assert [h.document_id for h in document_search(query="喀什")] == [documents["zh"].pk]
    assert [h.document_id for h in document_search(query="英吉沙县 学校")] == [documents["zh"].pk]
    html = Client(headers={"accept-language": "zh-hans"}).get("/search/?q=喀什").content.decode()
    assert f'href="/documents/{documents["zh"].pk}/"' in html and "<mark>喀什</mark>" in html


def test_every_word_must_be_there_and_a_word_matches_as_a_prefix(documents) -> None:
    assert [h.document_id for h in document_search(query="school Yingjisha")] == [documents["en"].pk]
    assert document_search(query="schools Hotan") == []
    assert document_search(query="'&|!(") == []


def test_indicators_are_found_by_name_in_both_languages(db: None) -> None:
    for query in ("aid funds", "援助资金"):
        html = Client().get(f"/search/?q={query}").content.decode()
        assert re.search(r'<ul id="search-indicators"><li><a href="/figures/\?indicator=aid_funds">', html), query


def test_documents_stored_without_words_get_them_and_a_text_is_indexed_once(documents) -> None:
    TextChunk.objects.filter(document=documents["en"]).delete()
    assert document_search(query="Kashi") == []
    assert documents_index_missing() == 1 and documents_index_missing() == 0
    assert [h.document_id for h in document_search(query="Kashi")] == [documents["en"].pk]
    before = TextChunk.objects.count()
    document_index(document=documents["en"])
    assert TextChunk.objects.count() == before
