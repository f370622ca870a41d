"""Full-text search over the documents' texts, on the database's own index.

A document's text is stored as :class:`~pairaid.sources.models.TextChunk` rows, its words
cut by :mod:`pairaid.core.search_words` (Chinese into bigrams), and searched with
PostgreSQL's full-text search (``to_tsvector('simple', …)`` under a GIN index) or
SQLite's FTS5 (migration 0002 of this app). A hit shows the sentence around the first
word of the query in the first stretch of text that matches.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from pairaid.core.search_words import fts5_query, query_terms, text_chunks, tsquery
from pairaid.sources.models import SourceDocument, TextChunk

#: Characters shown before and after the word found.
_BEFORE, _AFTER = 80, 160

_HITS = """
WITH hit AS (
    SELECT c.document_id AS document_id, COUNT(*) AS parts, MIN(c.start) AS first
    FROM sources_textchunk c WHERE {match}
    GROUP BY c.document_id ORDER BY parts DESC, c.document_id DESC LIMIT %s
)
SELECT h.document_id, h.parts, SUBSTR(d.text, h.first + 1, c.length), d.title, d.filename, d.report_year
FROM hit h
JOIN sources_sourcedocument d ON d.id = h.document_id
JOIN sources_textchunk c ON c.document_id = h.document_id AND c.start = h.first
ORDER BY h.parts DESC, h.document_id DESC
"""
_MATCH = {
    "postgresql": "to_tsvector('simple', c.words) @@ to_tsquery('simple', %s)",
    "sqlite": "c.id IN (SELECT rowid FROM sources_textchunk_fts WHERE sources_textchunk_fts MATCH %s)",
}


@dataclass(frozen=True)
class DocumentHit:
    """A document the query found: how many stretches of its text match, and the words around the first hit."""

    document_id: int
    title: str
    report_year: int | None
    parts: int
    before: str
    found: str
    after: str


@transaction.atomic
def document_index(*, document: SourceDocument) -> int:
    """(Re)build the search words of ``document``; returns how many chunks it has."""
    TextChunk.objects.filter(document=document).delete()
    chunks = [
        TextChunk(document=document, start=c.start, length=c.length, words=c.words) for c in text_chunks(document.text)
    ]
    TextChunk.objects.bulk_create(chunks, batch_size=500)
    return len(chunks)


def documents_index_missing() -> int:
    """Index every document that has no search words yet (stored before the index, or in bulk); returns how many."""
    missing = SourceDocument.objects.filter(chunks__isnull=True).exclude(text="").only("pk", "text")
    done = 0
    for document in missing.iterator(chunk_size=50):
        document_index(document=document)
        done += 1
    return done


def _snippet(text: str, word: str) -> tuple[str, str, str]:
    at = text.lower().find(word)
    if at < 0:
        return "", "", text[: _BEFORE + _AFTER]
    begin = max(0, at - _BEFORE)
    end = at + len(word)
    return ("…" if begin else "") + text[begin:at], text[at:end], text[end : end + _AFTER] + "…"


def document_search(*, query: str, limit: int = 20) -> list[DocumentHit]:
    """The documents whose text holds every word of ``query`` (a Chinese word as written, another as a
    prefix), those that hold them most often first."""
    terms = query_terms(query)
    if not terms or connection.vendor not in _MATCH:
        return []
    match = tsquery(terms) if connection.vendor == "postgresql" else fts5_query(terms)
    with connection.cursor() as cursor:
        cursor.execute(_HITS.format(match=_MATCH[connection.vendor]), [match, limit])
        rows = cursor.fetchall()
    hits = []
    for document_id, parts, text, title, filename, year in rows:
        before, found, after = _snippet(text or "", terms[0].text)
        hits.append(DocumentHit(document_id, title or filename or f"#{document_id}", year, parts, before, found, after))
    return hits
