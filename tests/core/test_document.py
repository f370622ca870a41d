"""The document step: language per line, normalised Chinese text, and offsets back to the original.

The examples are made up.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract.document import read_text


def test_an_english_report_is_read_as_it_is() -> None:
    text = "In 2009, City A invested 12 million yuan in County B.\n"
    doc = read_text(text)
    assert (doc.text is text, doc.language, doc.origin) == (True, "en", None)
    assert doc.original_span(25, 43) == (25, 43)


@pytest.mark.parametrize(
    ("original", "normalised"),
    [
        ("甲縣共建成學校１２所。", "甲县共建成学校12所。"),  # Traditional -> Simplified, full-width digits
        ("投入資金600萬(wàn)元", "投入资金600万元"),  # pinyin garble inside an amount
        ("實施項目87個(gè)，", "实施项目87个,"),
        ("援助資金4.71億元", "援助资金4.71亿元"),
        ("落實資金２．５億元", "落实资金2.5亿元"),
        ("帶動當\ufffd地農戶300戶", "带动当地农户300户"),  # a replacement character
        ("新一輪?wèn)|東西部協作", "新一轮|东西部协作"),  # pinyin whose "(" was lost
        ("幫助當?地群眾", "帮助当地群众"),  # a lone "?" between characters
    ],
)
def test_chinese_is_normalised_for_matching(original: str, normalised: str) -> None:
    assert read_text(original).text == normalised


def test_a_span_of_the_normalised_text_maps_back_over_the_garble() -> None:
    original = "甲市捐贈1000萬(wàn)元和30萬元慰問金。"
    doc = read_text(original)
    start = doc.text.index("1000")
    end = doc.text.index("元") + 1
    a, b = doc.original_span(start, end)
    assert original[a:b] == "1000萬(wàn)元"
    second = doc.text.index("30万元")
    a, b = doc.original_span(second, second + 4)
    assert original[a:b] == "30萬元"


def test_an_expanded_character_maps_back_to_itself() -> None:
    original = "新建住房3000㎡。"
    doc = read_text(original)
    assert doc.text == "新建住房3000m2。"
    a, b = doc.original_span(4, 10)  # "3000m2"
    assert original[a:b] == "3000㎡"


def test_each_line_is_read_in_its_language() -> None:
    original = "In 2019, City A sent 12 teachers to County B.\n2019年，甲市向乙县派出教師12名。\n"
    doc = read_text(original)
    assert [(p.language, doc.text[p.start : p.end].strip()[:4]) for p in doc.parts] == [
        ("en", "In 2"),
        ("zh", "2019"),
    ]
    assert doc.language == "zh"  # the Chinese line holds fewer characters but more words: counted
    assert doc.text.startswith(original.split("\n")[0])  # the English line is left as it is
    assert "教师" in doc.text
    assert doc.language_at(3) == "en" and doc.language_at(len(doc.text) - 3) == "zh"


def test_a_line_of_latin_letters_in_a_chinese_page_stays_english() -> None:
    doc = read_text("EN\n甲市援助乙县資金3億元。\n")
    assert [p.language for p in doc.parts] == ["en", "zh"]
    assert doc.text == "EN\n甲市援助乙县资金3亿元。\n"


def test_words_of_the_normalised_text_are_given_as_the_original_writes_them() -> None:
    doc = read_text("山東(dōng)對口支援新疆疏勒縣,ＧＤＰ增長12%。")
    assert doc.as_written("山东") == "山東"  # Traditional, the garble after it left out
    assert doc.as_written("疏勒县") == "疏勒縣"
    assert doc.as_written("GDP") == "ＧＤＰ"  # full-width, as written
    assert doc.as_written("喀什地区") == "喀什地区"  # not in the text: as given
    english = read_text("Shandong aided Shule County.")
    assert english.as_written("Shule County") == "Shule County"
