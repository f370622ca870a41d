"""pairaid.core.extract.sections and .sentences: headings and sentences. Made-up examples."""

from __future__ import annotations

import pytest

from pairaid.core.extract.sections import find_sections, title_line
from pairaid.core.extract.sentences import find_sentences

REPORT = (
    "Anhe – Baishan Pairing-off Poverty Alleviation\n"
    "\n"
    "   【Overview】In 2012, Anhe helped Baishan. It built 3 clinics.\n"
    "   【Training】 Anhe trained 40 nurses.\n"
    "Water Supply\n"
    "The pipes were laid in May.\n"
    "   Road BuildingIn 2012, 4 km of road were paved.\n"
)


def test_it_finds_the_title_bracket_own_line_and_glued_headings() -> None:
    sections = find_sections(REPORT)
    assert [(s.heading, s.rule) for s in sections] == [
        ("Anhe – Baishan Pairing-off Poverty Alleviation", "title"),
        ("Overview", "bracket"),
        ("Training", "bracket"),
        ("Water Supply", "own_line"),
        ("Road Building", "glued"),
    ]
    assert REPORT[sections[-1].start :].startswith("In 2012, 4 km")


def test_the_title_is_not_a_sentence() -> None:
    assert title_line("This is a sentence.\nMore.") is None
    assert title_line("  Anhe-Baishan Pairing\n") == (2, 22)


def test_sentences_split_at_full_stops_lines_and_headings_but_not_decimals() -> None:
    text = "In 2012, it gave 1.5 million yuan. It built 3 clinics.\n1.Measures taken"
    sentences = find_sentences(text, find_sections(text))
    pieces = [text[s.start : s.end] for s in sentences]
    assert "In 2012, it gave 1.5 million yuan." in pieces
    assert "It built 3 clinics." in pieces
    assert pieces[-1] == "1.Measures taken"
    assert sentences[-1].paragraph == 1


def test_a_glued_heading_starts_a_sentence() -> None:
    text = "Intro line here.\n   Road BuildingIn 2012, 4 km of road were paved."
    pieces = [text[s.start : s.end] for s in find_sentences(text, find_sections(text))]
    assert "In 2012, 4 km of road were paved." in pieces


@pytest.mark.parametrize(
    "text",
    [
        "Anhe built 12 schools. It sent 40 doctors! Did it? Yes... 3.5 million yuan went to Baishan.",
        "“Quoted.” Next one (in brackets.) And: a list; of parts. 1.Through the year",
        "... leading dots. And text without a stop",
        "",
    ],
)
def test_sentence_starts_are_those_of_spacy_s_sentencizer(text: str) -> None:
    from spacy.attrs import IDX, SENT_START

    from pairaid.core.extract.sentences import sentence_starts, sentencizer

    doc = sentencizer()(text)
    arr = doc.to_array([IDX, SENT_START])
    assert sentence_starts(text) == ([int(i) for i in arr[arr[:, 1] == 1, 0]] if len(doc) else [])


def test_sentence_starts_are_spacy_s_on_generated_texts() -> None:
    """The starts read from the stop characters alone are those of spaCy's tokenizer and sentencizer on
    texts made of every piece the rule treats apart: stops inside and outside tokens, opening and
    closing punctuation, runs of white space that are tokens of their own, punctuation-only tokens."""
    import random

    from spacy.attrs import IDX, SENT_START

    from pairaid.core.extract.sentences import sentence_starts, sentencizer

    pieces = [*"ab1 .!?;:,\n\t\"'“”‘’()[]【】（）。！？；：…—-|।｡", "  ", "\n\n", "U.S.", "1.5", "No.", " x", "𑁇", "😀"]
    rnd = random.Random(11)
    nlp = sentencizer()
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        doc = nlp(text)
        arr = doc.to_array([IDX, SENT_START])
        assert sentence_starts(text) == ([int(i) for i in arr[arr[:, 1] == 1, 0]] if len(doc) else []), repr(text)


def test_the_stop_characters_are_those_of_spacy_s_sentencizer() -> None:
    from spacy.pipeline import Sentencizer

    from pairaid.core.extract.sentences import STOP_CHARS

    assert frozenset(Sentencizer.default_punct_chars) == STOP_CHARS
