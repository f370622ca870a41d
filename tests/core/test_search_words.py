"""The words full-text search matches: alphabetic words lower-cased, Chinese in bigrams, chunks placed in the text."""

from __future__ import annotations

from pairaid.core.search_words import Term, fts5_query, query_terms, text_chunks, tsquery


def test_chinese_runs_become_bigrams_and_other_words_lower_case() -> None:
    (chunk,) = text_chunks("Shandong援助喀什，ＰＤＦ 2009年。")
    assert chunk.words == "shandong 援助 助喀 喀什 pdf 2009 年"
    assert (chunk.start, chunk.length) == (0, len("Shandong援助喀什，ＰＤＦ 2009年"))


def test_chunks_hold_at_most_their_size_and_say_where_they_start() -> None:
    text = "one two three 喀什地区 four"
    chunks = list(text_chunks(text, size=3))
    assert [c.words for c in chunks] == ["one two three", "喀什 什地 地区", "four"]
    assert [text[c.start : c.start + c.length] for c in chunks] == ["one two three", "喀什地区", "four"]


def test_a_query_is_a_prefix_per_word_and_a_phrase_per_chinese_word() -> None:
    terms = query_terms("School 喀什地区 school")
    assert terms == [Term(("school",), "school"), Term(("喀什", "什地", "地区"), "喀什地区")]
    assert tsquery(terms) == "'school':* & ('喀什' <-> '什地' <-> '地区')"
    assert fts5_query(terms) == '"school"* "喀什 什地 地区"'


def test_a_query_of_punctuation_has_no_terms() -> None:
    assert query_terms("'\"*:&|!()") == []
