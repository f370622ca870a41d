"""No sentence of a blind set is in the code or its data: rules must generalise, not quote.

The blind reports of ``tests/core/heldout/*_blind*`` were written to measure reading on text the rules
were not written from; a sentence of one found in ``src/`` (code, rules, word lists, fixtures) would
make that measure a quotation.  Sentences of fewer than eight words (headings, "Overview") are too
short to tell a quotation from a common phrase and are not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent / "heldout"
SRC = Path(__file__).resolve().parents[2] / "src"
_SENTENCE_END = re.compile(r"(?<=[.;!?。；！？])\s+|\n+")
_SPACE = re.compile(r"\s+")
_TEXT_FILES = {".py", ".yaml", ".yml", ".csv", ".md", ".txt", ".json", ".html", ".po"}


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def blind_sentences() -> set[str]:
    out: set[str] = set()
    for path in sorted(HELDOUT.glob("*_blind*.txt")):
        for piece in _SENTENCE_END.split(path.read_text(encoding="utf-8")):
            sentence = _norm(piece).rstrip(".;!?。；！？")
            if len(sentence.split()) >= 8:
                out.add(sentence)
    return out


def test_the_blind_sets_have_sentences_to_check() -> None:
    assert len(blind_sentences()) > 200


def test_no_sentence_of_a_blind_set_appears_in_src() -> None:
    sentences = blind_sentences()
    found = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in _TEXT_FILES or not path.is_file():
            continue
        text = _norm(path.read_text(encoding="utf-8", errors="replace"))
        found += [(str(path.relative_to(SRC)), s[:80]) for s in sentences if s in text]
    assert found == []
