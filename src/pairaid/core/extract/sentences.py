"""Step 2: sentences, with spaCy's rule-based sentencizer for English and the stops of Chinese.

spaCy runs on a blank English pipeline with only the ``sentencizer``; its
tokenizer is replaced by a whitespace tokenizer that splits off opening and
closing punctuation, which keeps decimals ("1.574") and glued list numbers
("1.Through") whole and reads about ten times faster than the full English
tokenizer.  The sentencizer's rule (a sentence starts at the first token that
is no punctuation after one of its ``punct_chars``) is applied to the token
arrays (:func:`sentence_starts`), which gives the same starts without a Python
object per token, a third of the time of reading a report.  Sentences are
further cut at line breaks and at section starts, so a sentence never spans two
paragraphs or two sections.

Chinese stretches are cut after each sentence stop (``。``, and ``！？；`` that
the document step has made ASCII), with the closing quotes after it: in Chinese
these marks are never decimal points or abbreviations, so no model is needed
(spaCy's Chinese pipeline would first segment words with jieba or pkuseg).
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

import numpy as np
import numpy.typing as npt
import spacy
from spacy.attrs import IDX, IS_PUNCT, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokenizer import Tokenizer

from pairaid.core.extract.model import Section, Sentence

__all__ = ["find_sentences", "sentence_starts", "sentencizer"]

_PREFIX = re.compile(r"""^[(\["“‘'【（]""")
_SUFFIX = re.compile(r"""[.!?;:,。！？；：)\]"”’'】）]$""")


@cache
def sentencizer() -> Language:
    """A blank English spaCy pipeline with the sentencizer (built once; no model download)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = Tokenizer(nlp.vocab, prefix_search=_PREFIX.search, suffix_search=_SUFFIX.search)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 100_000_000  # only the tokenizer and sentencizer run: no parser memory to guard
    return nlp


@cache
def _stops() -> npt.NDArray[np.uint64]:
    """The hashes of the sentencizer's sentence-ending characters."""
    strings = sentencizer().vocab.strings
    return np.array(sorted(strings.add(c) for c in Sentencizer.default_punct_chars), dtype=np.uint64)


def sentence_starts(text: str) -> list[int]:
    """Offsets in ``text`` where spaCy's sentencizer starts sentences: the first token, and each first token
    that is no punctuation after a sentence-ending one (the rule of ``Sentencizer.predict``, on arrays)."""
    doc = sentencizer().tokenizer(text)
    if not len(doc):
        return []
    arr = doc.to_array([IDX, ORTH, IS_PUNCT])
    stops = _stops()
    orth = arr[:, 1]
    # membership by binary search in the sorted stops (np.isin sorts both arrays every call)
    stop = stops[np.minimum(np.searchsorted(stops, orth), len(stops) - 1)] == orth
    words = np.flatnonzero(~stop & (arr[:, 2] == 0))
    seen = np.cumsum(stop)[words]  # sentence stops up to each word
    after_stop = np.diff(seen, prepend=0) > 0
    return [0, *(int(i) for i in arr[words[after_stop], 0])]


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
