"""Step 2: sentences, by the rule of spaCy's sentencizer for English and the stops of Chinese.

English is cut where spaCy's rule-based ``sentencizer`` would cut it on a blank English pipeline
whose tokenizer splits on white space and splits off opening and closing punctuation, one character
at a time (which keeps decimals "1.574" and glued list numbers "1.Through" whole): a sentence
starts at the first token that is neither punctuation nor a sentence stop after a stop (one of the
sentencizer's ``punct_chars`` standing as a token of its own).  :func:`sentence_starts` applies that
rule without tokenizing the whole text: only the white-space chunks that hold a stop character are
split as spaCy's tokenizer splits them, and the tokens after a stop are read up to the first word
(a sixth of the time of spaCy's tokenizer on the shared corpus; ``tests/core/test_sections.py``
checks the starts against spaCy's own on made-up and generated texts).  Sentences are further cut
at line breaks and at section starts, so a sentence never spans two paragraphs or two sections.

Chinese stretches are cut after each sentence stop (``。``, and ``！？；`` that
the document step has made ASCII), with the closing quotes after it: in Chinese
these marks are never decimal points or abbreviations, so no model is needed
(spaCy's Chinese pipeline would first segment words with jieba or pkuseg).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from pairaid.core.extract.model import Section, Sentence
from pairaid.core.extract.table_model import LEADER

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["STOP_CHARS", "find_sentences", "sentence_starts", "sentencizer"]

# the tokenizer's affixes: one character split off the start / the end of a chunk at a time
_PREFIX_CHARS = frozenset("([\"“‘'【（")
_SUFFIX_CHARS = frozenset(".!?;:,。！？；：)]\"”’'】）")
_PREFIX = re.compile(r"""^[(\["“‘'【（]""")
_SUFFIX = re.compile(r"""[.!?;:,。！？；：)\]"”’'】）]$""")
_CHUNK = re.compile(r"\S+")
_SPACE = re.compile(r"\s")


@cache
def sentencizer() -> Language:
    """A blank English spaCy pipeline with the sentencizer and the tokenizer whose rule :func:`sentence_starts`
    follows (built once; no model download; the tests compare the two)."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = Tokenizer(nlp.vocab, prefix_search=_PREFIX.search, suffix_search=_SUFFIX.search)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 100_000_000  # only the tokenizer and sentencizer run: no parser memory to guard
    return nlp


# the sentencizer's sentence-ending characters (``spacy.pipeline.Sentencizer.default_punct_chars``, which
# tests/core/test_sections.py compares them with): held here so that reading a report does not import
# spaCy (1.7 s of CPU at each start of ``pairaid extract``)
STOP_CHARS = frozenset(
    "!.?\u0589\u061f\u06d4\u0700\u0701\u0702\u07f9\u0964\u0965\u104a\u104b\u1362\u1367\u1368\u166e\u1735\u1736\u1803\u1809\u1944\u1945\u1aa8\u1aa9\u1aaa\u1aab\u1b5a\u1b5b\u1b5e\u1b5f\u1c3b\u1c3c\u1c7e\u1c7f\u203c\u203d\u2047\u2048\u2049\u2e2e\u2e3c\ua4ff\ua60e\ua60f\ua6f3\ua6f7\ua876\ua877\ua8ce\ua8cf\ua92f\ua9c8\ua9c9\uaa5d\uaa5e\uaa5f\uaaf0\uaaf1\uabeb\ufe52\ufe56\ufe57\uff01\uff0e\uff1f\U00010a56\U00010a57\U00011047\U00011048\U000110be\U000110bf\U000110c0\U000110c1\U00011141\U00011142\U00011143\U000111c5\U000111c6\U000111cd\U000111de\U000111df\U00011238\U00011239\U0001123b\U0001123c\U000112a9\U0001144b\U0001144c\U000115c2\U000115c3\U000115c9\U000115ca\U000115cb\U000115cc\U000115cd\U000115ce\U000115cf\U000115d0\U000115d1\U000115d2\U000115d3\U000115d4\U000115d5\U000115d6\U000115d7\U00011641\U00011642\U0001173c\U0001173d\U0001173e\U00011a42\U00011a43\U00011a9b\U00011a9c\U00011c41\U00011c42\U00016a6e\U00016a6f\U00016af5\U00016b37\U00016b38\U00016b44\U0001bc9f\U0001da88\uff61\u3002"
)


def _stop_chars() -> frozenset[str]:
    """The sentencizer's sentence-ending characters."""
    return STOP_CHARS


@cache
def _stop_finder() -> re.Pattern[str]:
    """A stop character that can be a token: the last of its chunk or followed by closing punctuation only.
    The stops beyond the Basic Multilingual Plane are found as any character there (a class listing them
    would make the engine test every character of the text slowly): :func:`sentence_starts` checks them."""
    closing = "".join(re.escape(c) for c in sorted(_SUFFIX_CHARS))
    bmp = "".join(re.escape(c) for c in sorted(_stop_chars()) if ord(c) < 0x10000)
    return re.compile(rf"(?:[{bmp}]|[\U00010000-\U0010FFFF])(?![^\s{closing}])")


def _is_punct(token: str) -> bool:
    """spaCy's ``is_punct``: every character is punctuation (Unicode category P)."""
    return all(unicodedata.category(c)[0] == "P" for c in token)


def _chunk_tokens(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The tokens of the chunk ``text[a:b]`` (no white space in it) as the tokenizer splits it: each turn
    one opening character off its start and one closing character off the rest's end, until neither is
    left; then the prefixes, the middle and the suffixes in text order."""
    prefixes: list[tuple[int, int]] = []
    suffixes: list[tuple[int, int]] = []
    s, e = a, b
    last = -1
    while s < e and e - s != last:
        last = e - s
        pre = 1 if text[s] in _PREFIX_CHARS else 0
        suf = 1 if s + pre < e and text[e - 1] in _SUFFIX_CHARS else 0
        if pre:
            prefixes.append((s, s + 1))
        if suf:
            suffixes.append((e - 1, e))
        s += pre
        e -= suf
    middle = [(s, e)] if s < e else []
    return prefixes + middle + suffixes[::-1]


def _tokens_from(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The tokens of ``text`` from ``pos`` (the start of a run of white space, or the text's end): a run of
    white space is a token of its own, less a first plain space (which belongs to the token before it)."""
    n = len(text)
    while pos < n:
        m = _CHUNK.search(text, pos)
        c = m.start() if m is not None else n
        start = pos + 1 if text[pos] == " " else pos
        if start < c:
            yield start, c
        if m is None:
            return
        yield from _chunk_tokens(text, c, m.end())
        pos = m.end()


def sentence_starts(text: str) -> list[int]:
    """Offsets in ``text`` where spaCy's sentencizer starts sentences: the first token, and each first token
    that is no punctuation after a sentence-ending one (the rule of ``Sentencizer.predict``), found from the
    stop characters of the text alone."""
    if not text:
        return []
    stops = _stop_chars()
    n = len(text)
    starts = [0]
    resume = 0
    for hit in _stop_finder().finditer(text):  # a stop char at a chunk's end or before closing punctuation
        p = hit.start()
        if p < resume or hit.group() not in stops:
            continue  # a stop before the word already found, or a character beyond the BMP that is no stop
        q = p + 1
        if q < n and text[p] in _SUFFIX_CHARS and text[q].isspace():  # the usual ". Next", ".\n"
            if text[q] != " ":
                start = q  # a run of white space that is a token, and no punctuation
            elif q + 1 < n and (text[q + 1].isspace() or text[q + 1].isalnum()):
                start = q + 1
            else:
                start = _word_after(text, p, stops)
        else:
            start = _word_after(text, p, stops)
        if start < 0:
            continue  # no token of its own
        if start >= n:
            break  # no word after it
        if start != starts[-1]:
            starts.append(start)
        resume = start
    return starts


def _word_after(text: str, p: int, stops: frozenset[str]) -> int:
    """Where the first token that is no punctuation and no stop starts after the stop character at ``p``,
    ``len(text)`` when none does, or -1 when that character is no token of its own ("1.5", "1.Through")."""
    a = p
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    space = _SPACE.search(text, p)
    b = space.start() if space is not None else len(text)
    tokens = _chunk_tokens(text, a, b)
    if (p, p + 1) not in tokens:
        return -1
    following = itertools.chain((t for t in tokens if t[0] > p), _tokens_from(text, b))
    for s, e in following:
        token = text[s:e]
        if not ((e - s == 1 and token in stops) or _is_punct(token)):
            return s
    return len(text)


_NEWLINE = re.compile(r"\n")
_CHINESE_STOP = re.compile(r"[。!?;！？；]+[”’」』)]*")


def find_sentences(
    text: str, sections: tuple[Section, ...], chinese: tuple[tuple[int, int], ...] = ()
) -> tuple[Sentence, ...]:
    """Sentence spans of ``text`` in order, each with its section and paragraph index.

    ``chinese`` are the stretches of Chinese text; their sentences have ``lang``
    ``zh``.  Whitespace around sentences is trimmed; empty pieces are dropped.
    """
    cuts = {0, len(text)}
    pos = 0
    for a, b in (*chinese, (len(text), len(text))):
        if pos < a:
            cuts.update(pos + i for i in sentence_starts(text[pos:a]))
        cuts.update(m.end() for m in _CHINESE_STOP.finditer(text, a, b))
        pos = b
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    cuts.update(n + 1 for n in newlines)
    section_starts = [s.start for s in sections]
    cuts.update(section_starts)
    # a dotted leader before a figure ends no sentence: "Aid funds ........ 3.5 million yuan" is one row
    cuts.difference_update(m.end() for m in LEADER.finditer(text) if m.end() not in section_starts)
    ordered = sorted(cuts)
    chinese_starts = [a for a, _ in chinese]
    out: list[Sentence] = []
    for a, b in itertools.pairwise(ordered):
        piece = text[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        start = a + (len(piece) - len(piece.lstrip()))
        end = start + len(stripped)
        section = max(0, bisect.bisect_right(section_starts, start) - 1)
        paragraph = bisect.bisect_right(newlines, start)
        k = bisect.bisect_right(chinese_starts, start) - 1
        lang = "zh" if k >= 0 and start < chinese[k][1] else "en"
        out.append(Sentence(start, end, section, paragraph, lang))
    return tuple(out)
