"""Step 0: the document, the text every later step reads, with its language and an offset map.

:func:`read_text` turns a report's text into a :class:`Document`:

* ``original`` is the text as given; every span pairaid reports indexes it;
* ``text`` is what the steps match against.  Lines in English are kept as
  they are.  Lines in Chinese are normalised (:mod:`pairaid.core.extract.chinese_text`):
  NFKC (full-width digits and punctuation become ASCII), Traditional characters
  become Simplified through a one-for-one table taken from OpenCC, and pinyin
  garble (``個(gè)``) and mojibake runs are dropped, so ``600萬(wàn)元`` reads ``600万元``;
* ``parts`` say which language each stretch of ``text`` is in (a line is
  Chinese when Chinese characters outweigh Latin letters, four letters to one
  character), and ``language`` is the language of most of the text, counted the same way;
* ``skipped`` are the stretches of ``text`` that are not the report (page
  navigation, bylines, footers, URLs, markup, paragraphs on other subjects;
  :mod:`pairaid.core.extract.boilerplate`), read in a report written mainly in
  Chinese: they are blanked to spaces in ``text`` so they yield no mentions;
* :meth:`Document.original_span` maps a span of ``text`` back to ``original``.

For a document with no Chinese line, ``text`` is ``original`` and the map is
the identity.
"""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass
from typing import Literal, cast

from pairaid.core.extract.boilerplate import find_boilerplate
from pairaid.core.extract.chinese_text import has_chinese, normalise, read_languages

__all__ = ["Document", "Language", "LanguagePart", "Skipped", "read_text"]

Language = Literal["en", "zh"]


@dataclass(frozen=True)
class LanguagePart:
    """``text[start:end]`` is written in ``language``."""

    start: int
    end: int
    language: Language


@dataclass(frozen=True)
class Skipped:
    """``text[start:end]`` is not the report's own text; ``reason`` names the rule (``url``, ``byline``, ...)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Document:
    """A report's text as the reading steps see it; see the module docstring.

    ``origin`` holds, for each character of ``text``, the offset of the original
    character it comes from, and ``len(original)`` at the end; ``None`` when
    ``text`` and ``original`` line up one to one.
    """

    original: str
    text: str
    language: Language
    parts: tuple[LanguagePart, ...]
    skipped: tuple[Skipped, ...] = ()
    origin: array[int] | None = None

    def original_offset(self, i: int) -> int:
        """The offset in ``original`` of the character at ``text[i]`` (``len(original)`` at the end)."""
        if self.origin is None:
            return i
        return self.origin[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` comes from, with the garble dropped inside it
        and right after it (``87個(gè)``), not a space dropped right after it."""
        if self.origin is None:
            return start, end
        if end <= start:
            at = self.origin[start]
            return at, at
        stop = max(self.origin[end - 1] + 1, self.origin[end])
        while stop > self.origin[end - 1] + 1 and self.original[stop - 1] == " ":
            stop -= 1  # a space dropped right after it ("93名 干部") stays outside
        return self.origin[start], stop

    def as_written(self, words: str) -> str:
        """``words``, read in ``text``, as the original writes them: the original characters of their first
        occurrence in ``text`` (``山東`` for ``山东`` on a Traditional page), garble left out; ``words``
        itself when ``text`` does not hold them."""
        at = self.text.find(words) if words else -1
        if at < 0:
            return words
        if self.origin is None:
            return self.original[at : at + len(words)]
        positions = dict.fromkeys(self.origin[k] for k in range(at, at + len(words)))
        return "".join(self.original[k] for k in positions)

    def language_at(self, i: int) -> Language:
        """The language of the part holding ``text[i]``."""
        k = bisect.bisect_right([p.start for p in self.parts], i) - 1
        return self.parts[max(k, 0)].language if self.parts else self.language


def read_text(text: str) -> Document:
    """The :class:`Document` for a report's ``text``.  Never raises."""
    if not has_chinese(text):
        return Document(original=text, text=text, language="en", parts=(LanguagePart(0, len(text), "en"),))
    found, main = read_languages(text)
    normalised, origin, parts = normalise(text, found)
    language = cast(Language, main)
    skipped = tuple(Skipped(*s) for s in find_boilerplate(normalised)) if language == "zh" else ()
    return Document(
        original=text,
        text=_blanked(normalised, skipped),
        language=language,
        parts=tuple(LanguagePart(start, end, cast(Language, lang)) for start, end, lang in parts),
        skipped=skipped,
        origin=origin,
    )


def _blanked(text: str, skipped: tuple[Skipped, ...]) -> str:
    """``text`` with the ``skipped`` stretches turned to spaces (line breaks kept): same length, same offsets."""
    if not skipped:
        return text
    pieces: list[str] = []
    pos = 0
    for s in skipped:
        if s.start < pos:
            continue
        pieces.append(text[pos : s.start])
        pieces.append(re.sub(r"[^\n]", " ", text[s.start : s.end]))
        pos = s.end
    pieces.append(text[pos:])
    return "".join(pieces)
