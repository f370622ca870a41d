"""The words of a text for full-text search, cut the same way for PostgreSQL and SQLite.

Letters and digits of alphabetic scripts form words, lower-cased after NFKC (full-width
digits and letters become ASCII). Chinese writes no spaces between words, so a run of
Chinese characters is cut into overlapping pairs (bigrams; a lone character stays one):
援助喀什 → 援助 助喀 喀什. A query is cut the same way; the bigrams of one Chinese word
must stand side by side in the text (a phrase), so that 喀什 finds a text that writes 喀什
and not one that has 喀 and 什 apart. A word of another script matches as a prefix
("school" finds "schools"), as a search box is expected to.

A text is indexed in chunks of at most :data:`CHUNK_WORDS` words, each with the offset of
its first character, so that a hit can be shown in its place, and so that no chunk passes
the limits of a PostgreSQL ``tsvector`` (positions up to 16,383; one megabyte).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

#: CJK ideographs: the unified block, extension A and the compatibility block.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")
_IS_CJK = re.compile(f"[{_CJK}]")
#: Words per indexed chunk: small enough to show a hit from the chunk, far below tsvector's limits.
CHUNK_WORDS = 2000
#: Longest query read, in words: a search box, not a document.
QUERY_WORDS = 32


@dataclass(frozen=True)
class Chunk:
    """``words`` (space-separated) of the text from character ``start``, ``length`` characters long."""

    start: int
    length: int
    words: str


@dataclass(frozen=True)
class Term:
    """One word of a query: ``words`` side by side (a Chinese word's bigrams), or one word matched as a prefix."""

    words: tuple[str, ...]
    text: str

    @property
    def prefix(self) -> bool:
        return not _IS_CJK.match(self.text)


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def _words(match: re.Match[str]) -> list[str]:
    token = unicodedata.normalize("NFKC", match.group()).lower()
    return _bigrams(token) if _IS_CJK.match(token) else [token]


def text_chunks(text: str, *, size: int = CHUNK_WORDS) -> Iterator[Chunk]:
    """The words of ``text`` in chunks of at most ``size`` words, with where each chunk starts and how long it is."""
    words: list[str] = []
    start = end = 0
    for match in _TOKEN.finditer(text):
        cjk = _IS_CJK.match(match.group()) is not None
        for offset, word in enumerate(_words(match)):
            if len(words) == size:
                yield Chunk(start, end - start, " ".join(words))
                words = []
            at = match.start() + offset if cjk else match.start()
            if not words:
                start = at
            words.append(word)
            end = at + len(word) if cjk else match.end()
    if words:
        yield Chunk(start, end - start, " ".join(words))


def query_terms(query: str) -> list[Term]:
    """The terms of a search box's ``query``: at most :data:`QUERY_WORDS`, each once, in order."""
    terms: list[Term] = []
    for match in _TOKEN.finditer(query):
        term = Term(tuple(_words(match)), unicodedata.normalize("NFKC", match.group()).lower())
        if term not in terms:
            terms.append(term)
    return terms[:QUERY_WORDS]


def tsquery(terms: list[Term]) -> str:
    """``terms`` as a PostgreSQL ``to_tsquery('simple', …)`` string: every term, a prefix or a phrase."""
    parts = []
    for term in terms:
        if term.prefix:
            parts.append(f"'{term.words[0]}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{w}'" for w in term.words) + ")")
    return " & ".join(parts)


def fts5_query(terms: list[Term]) -> str:
    """``terms`` as an SQLite FTS5 ``MATCH`` string: every term, a prefix or a phrase."""
    return " ".join(f'"{term.words[0]}"*' if term.prefix else '"' + " ".join(term.words) + '"' for term in terms)
