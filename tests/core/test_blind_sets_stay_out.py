"""No sentence of a blind set is in the code or its data: rules must generalise, not quote.

The blind reports of ``tests/core/heldout/*_blind*`` were written to measure reading on text the rules
were not written from; a sentence of one found in ``src/`` (code, rules, word lists, fixtures) would
make that measure a quotation.  Sentences of fewer than eight words (headings, "Overview") are too
short to tell a quotation from a common phrase and are not checked.  The Chinese held-out pages of
``tests/core/heldout_zh`` are checked clause by clause: no clause with a figure of eight characters or
more is in ``src/`` (rule examples are made up, with other values).
"""

from __future__ import annotations

import re
import unicodedata
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


HELDOUT_ZH = Path(__file__).resolve().parent / "heldout_zh"
_ZH_CLAUSE_END = re.compile(r"[。;!?\n,:、]")


def chinese_clauses() -> set[str]:
    """The clauses of the Chinese held-out pages (NFKC, spaces dropped) with a figure in them, of eight
    characters or more: shorter ones ("2019年", "累计投入") are too common to tell a quotation by."""
    out: set[str] = set()
    for path in sorted(HELDOUT_ZH.glob("*.txt")):
        for piece in _ZH_CLAUSE_END.split(unicodedata.normalize("NFKC", path.read_text(encoding="utf-8"))):
            clause = _SPACE.sub("", piece)
            if len(clause) >= 8 and any(c.isdigit() for c in clause):
                out.add(clause)
    return out


def test_no_clause_with_a_figure_of_a_chinese_heldout_page_appears_in_src() -> None:
    clauses = chinese_clauses()
    assert len(clauses) > 300
    found = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in _TEXT_FILES or not path.is_file():
            continue
        text = unicodedata.normalize("NFKC", _SPACE.sub("", path.read_text(encoding="utf-8", errors="replace")))
        found += [(str(path.relative_to(SRC)), c) for c in clauses if c in text]
    assert found == []
