"""No clause of a report the reading is measured on is in ``src/``: rule examples are made up.

The reports of ``../shared/corpus/reports`` and ``reports-zh`` (scored against ``../shared/gold``) and
the held-out reports of ``tests/core/heldout*`` measure how well the rules read; a clause of one
quoted in ``src/`` (a rule's example, a comment, a word list) would make that measure a quotation.
``test_blind_sets_stay_out`` checks whole sentences of the blind sets; this checks shorter runs of
every report, in every text file of ``src/`` (code, rules, templates, data):

* English: a run of six words with a number in it, or of ten words with none (lower case; a word is
  letters and digits, with the ``.``/``,`` inside a figure; punctuation and line breaks between
  words do not count, so a quote split over two string literals is still found);
* Chinese: a run of eight Chinese characters and digits (NFKC, spaces dropped) with an Arabic digit
  or a Chinese numeral in it.

Each side's runs are built once into a set; the whole check takes well under a second.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

TESTS_CORE = Path(__file__).resolve().parent
SRC = TESTS_CORE.parents[1] / "src"

_WORD = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
_HAS_DIGIT = re.compile(r"[0-9]")
#: Chinese characters and the digits among them (after NFKC); a decimal point inside a figure.
_HAN_RUN = re.compile(r"(?:[\u3400-\u9fff0-9]|(?<=[0-9])\.(?=[0-9]))+")
_HAN_NUMERAL = set("0123456789〇零一二两三四五六七八九十百千万亿")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
#: Not rules nor their examples: the registry's pairings cite their sources word for word (a
#: newspaper's sentence, a yearbook's title) as the evidence of a pairing, and the built-in sample is
#: the real Shandong-Xinjiang pairing of 2009, its figures and summary written from that year's report.
_NOT_CHECKED = ("pairaid/core/data/registry/", "pairaid/sample/")

WORDS_WITH_NUMBER = 6
WORDS_WITHOUT_NUMBER = 10
HAN_CHARS = 8


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def english_runs(words: list[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(word index, run) for every run of six words with a number and of ten words."""
    for i in range(len(words) - WORDS_WITH_NUMBER + 1):
        run = tuple(words[i : i + WORDS_WITH_NUMBER])
        if any(_HAS_DIGIT.search(w) for w in run):
            yield i, run
        if i + WORDS_WITHOUT_NUMBER <= len(words):
            yield i, tuple(words[i : i + WORDS_WITHOUT_NUMBER])


def chinese_runs(flat: str) -> Iterator[tuple[int, str]]:
    """(place, run) for every eight Chinese characters and digits in a row with a Chinese character and
    a numeral among them (a string of digits alone, a telephone number, is not Chinese)."""
    for match in _HAN_RUN.finditer(flat):
        run = match.group()
        for i in range(len(run) - HAN_CHARS + 1):
            piece = run[i : i + HAN_CHARS]
            if not _HAN_NUMERAL.isdisjoint(piece) and _HAN_CHAR.search(piece):
                yield match.start() + i, piece


def _flat(text: str) -> str:
    return unicodedata.normalize("NFKC", _SPACE.sub("", text))


class Reports:
    """The runs of some reports, built once."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.english: set[tuple[str, ...]] = set()
        self.six_words: set[tuple[str, ...]] = set()  # every six words in a row: a quick first sieve
        self.chinese: set[str] = set()
        for text in texts:
            words = _words(text)
            self.english.update(run for _, run in english_runs(words))
            self.six_words.update(zip(*(words[k:] for k in range(WORDS_WITH_NUMBER)), strict=False))
            self.chinese.update(run for _, run in chinese_runs(_flat(text)))

    def quoted(self, text: str) -> list[str]:
        """The stretches of text whose runs are runs of the reports (overlapping runs joined)."""
        return self._quoted(_words(text), _flat(text))

    def _quoted(self, words: list[str], flat: str) -> list[str]:
        spans = []
        for i, six in enumerate(zip(*(words[k:] for k in range(WORDS_WITH_NUMBER)), strict=False)):
            if six not in self.six_words:
                continue
            if six in self.english:
                spans.append((i, i + WORDS_WITH_NUMBER))
            if tuple(words[i : i + WORDS_WITHOUT_NUMBER]) in self.english:
                spans.append((i, i + WORDS_WITHOUT_NUMBER))
        found = [" ".join(words[a:b]) for a, b in _merge(spans)]
        spans = [(i, i + HAN_CHARS) for i, run in chinese_runs(flat) if run in self.chinese]
        return found + [flat[a:b] for a, b in _merge(spans)]

    def quotations(self) -> list[tuple[str, str]]:
        """(file of src, quoted text) for each stretch of src quoting the reports."""
        return [(name, quote) for name, words, flat in src_texts() for quote in self._quoted(words, flat)]


@functools.cache
def src_texts() -> tuple[tuple[str, list[str], str], ...]:
    """(name, words, Chinese text) of every text file of src (a compiled catalogue, .mo, is not text)."""
    out = []
    for path in sorted(SRC.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        name = path.relative_to(SRC).as_posix()
        if name.startswith(_NOT_CHECKED):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        out.append((name, _words(text), _flat(text)))
    return tuple(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def test_the_runs_are_found_across_punctuation_and_line_breaks() -> None:
    reports = Reports(["In 2031 the Foo Fund gave 12.5 million yuan to Bar Village.", "某基金向某村投入资金1250万元。"])
    assert ("the", "foo", "fund", "gave", "12.5", "million") in reports.english
    assert "入资金1250万" in reports.chinese
    assert "金向某村投入资金" not in reports.chinese  # no numeral in it
    assert list(chinese_runs("tel. 12345678")) == []  # no Chinese character in it
    src = 'x = ("the Foo fund gave "\n    "12.5 million, to")  # 向某村投入\n  资金1250万'
    assert reports.quoted(src) == ["the foo fund gave 12.5 million", "向某村投入资金1250万"]
    assert reports.quoted("the Foo fund gave 12 million") == []


def test_no_clause_of_a_heldout_report_appears_in_src() -> None:
    paths = sorted(TESTS_CORE.glob("heldout*/*.txt"))
    assert len(paths) > 100
    assert Reports(p.read_text(encoding="utf-8") for p in paths).quotations() == []


def test_no_clause_of_a_shared_report_appears_in_src(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    paths = sorted([*corpus.glob("reports/*.txt"), *corpus.glob("reports-zh/*.txt")])
    assert len(paths) > 20
    assert Reports(p.read_text(encoding="utf-8") for p in paths).quotations() == []
