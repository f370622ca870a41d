"""Donor and recipient of Chinese figures (gold-format.md F9, Z8): made-up pages, the places of one figure."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.places_zh import find_places


def _sides(text: str, figure: str) -> tuple[str | None, str | None]:
    extraction = read_report(text, report_year=2019)
    fact = next(f for f in extraction.facts if extraction.mentions[f.mention].text.startswith(figure))
    return fact.donor, fact.recipient


@pytest.mark.parametrize(
    ("text", "figure", "sides"),
    [
        ("山东省对口支援新疆喀什地区\n2019年,山东投入援疆资金12亿元。", "12亿元", ("山东", "喀什地区")),
        ("福建援助宁夏资金3亿元。", "3亿元", ("福建", "宁夏")),
        ("2019年,广东投入资金2亿元帮扶广西。\n东莞市向河池市捐赠1000万元。", "1000万元", ("东莞市", "河池市")),
        ("浙江省对口支援四川\n浙江向凉山州昭觉、布拖、美姑等县投入资金1.1亿元。", "1.1亿元", ("浙江", "凉山州")),
        # Shaanxi gives to Tibet
        ("西安市对口支援西藏札达县\n西安市派出医生80名到札达县。", "80名", ("西安市", "札达县")),
        # Z8: in the page's own characters: Traditional as written, garble left out
        ("山東對口支援新疆疏勒縣\n山東投入援疆資金3億元。", "3億元", ("山東", "疏勒縣")),
        ("山東(dōng)對口支援新疆疏勒縣\n山東(dōng)投入援疆資金3億元。", "3億元", ("山東", "疏勒縣")),
        # a place named in one sentence (cut at 。 or ;) is not carried to the next
        ("山东对口支援新疆喀什地区\n山东援建伽师县学校5所;资助学生300名。", "300名", ("山东", "喀什地区")),
        ("山东对口支援新疆喀什地区\n山东在伽师县援建学校5所,资助学生300名。", "300名", ("山东", "伽师县")),
        # ... unless the sentence points back to it (当地, 该县)
        ("山东对口支援新疆喀什地区\n山东援建伽师县学校5所;为当地资助学生300名。", "300名", ("山东", "伽师县")),
        ("山东对口支援新疆喀什地区\n山东援建伽师县学校5所。该县新建卫生室12个。", "12个", ("山东", "伽师县")),
        # of areas written one within the other, the innermost; a prefecture before its counties stands for them
        ("上海对口帮扶云南\n上海在昆明市宜良县援建学校7所。", "7所", ("上海", "宜良县")),
        ("深圳对口帮扶广西\n深圳在广西凤山县、东兰县援建学校7所。", "7所", ("深圳", "凤山县")),
        # a list closed by 及 is one list
        ("上海对口支援喀什地区\n上海支援喀什地区莎车县、泽普县及叶城县资金8亿元。", "8亿元", ("上海", "喀什地区")),
        ("上海对口支援喀什地区\n上海支援莎车县及叶城县资金8亿元。", "8亿元", ("上海", "叶城县")),
        # the county within it where the sentence says the work was done, after the figure; not a part
        (
            "山东对口支援新疆喀什地区\n喀什地区光照充足,山东投入资金900万元,在伽师县建设温室。",
            "900万元",
            ("山东", "伽师县"),
        ),
        (
            "山东对口支援新疆喀什地区\n山东向喀什地区投入资金900万元,其中在伽师县建设温室300万元。",
            "900万元",
            ("山东", "喀什地区"),
        ),
        # a giving place after 向 is where people go, as after 到
        ("广州市对口帮扶毕节市\n毕节通过向广东输出劳动力,帮助转移就业2600人。", "2600人", ("广州市", "毕节市")),
        # where people go to work, or a name in quotes, gives nothing; a giver named as one still does
        (
            "广州市对口帮扶毕节市\n广州帮助毕节贫困劳动力转移就业2.6万人,其中到广东省内就业4300人。",
            "4300人",
            ("广州", "毕节市"),
        ),
        ("广州市对口帮扶毕节市\n广州开展“广东工匠”等技能培训35期。", "35期", ("广州", "毕节市")),
        # a recipient written by its bare name is given as the page writes it in full (毕节: 毕节市)
        ("广州市对口帮扶毕节市\n2019年,广东投入资金2亿元帮扶毕节。", "2亿元", ("广东", "毕节市")),
        # not shortened by other characters: 克州 stays
        ("江苏省对口支援克孜勒苏柯尔克孜自治州\n江苏在克州援建学校7所。", "7所", ("江苏", "克州")),
        # a giving place written against a receiving one is no head of a list ("青岛安顺产业园": 安顺)
        ("青岛市对口帮扶安顺市\n青岛安顺产业园引进企业16家。", "16家", ("青岛", "安顺市")),
        ("上海对口帮扶云南\n上海云南建立结对关系,每年选派上海干部30名。", "30名", ("上海", "云南")),
        # some of the donor's own areas listed with 等 and counted as all of them stand for the donor, not for the last
        # name; listed with no count, each is a donor (tests/core/test_zh_classes_zh9.py)
        ("山东省对口支援喀什地区\n2019年,潍坊、烟台等16个市筹集援疆资金900万元。", "900万元", ("山东省", "喀什地区")),
        ("山东省对口支援喀什地区\n2019年,潍坊市筹集援疆资金900万元。", "900万元", ("潍坊市", "喀什地区")),
        # Enshi (Hubei) and Xiangxi (Hunan) receive as western areas do
        ("苏州恩施东西部协作\n2019年,苏州市向恩施州拨付资金3亿元。", "3亿元", ("苏州市", "恩施州")),
        # a report on Xinjiang or Tibet aid is about the prefecture its opening names, not the province
        (
            "援疆要闻\n江苏省对口支援新疆工作指挥部介绍,今年江苏安排援疆资金8亿元,其中用于克州的资金6亿元。"
            "\n\n今年新建安居房3000套。",
            "3000套",
            ("江苏省", "克州"),
        ),
    ],
)
def test_the_donor_and_recipient_of_a_figure(text: str, figure: str, sides: tuple[str, str]) -> None:
    assert _sides(text, figure) == sides


def test_a_county_s_short_name_is_a_place_only_in_a_list_or_once_written_in_full() -> None:
    assert [p.name for p in find_places("疏勒、英吉沙等四县")] == ["疏勒", "英吉沙"]
    assert [p.name for p in find_places("疏勒的红枣")] == []
    assert [p.name for p in find_places("疏勒县的红枣,疏勒的石榴")] == ["疏勒县", "疏勒"]


def test_counties_named_by_their_count_are_the_list_the_page_gave_with_it() -> None:
    text = "上海市对口支援喀什地区\n2019年,上海对口支援喀什地区莎车、泽普两县。\n\n上海在对口两县援建学校7所。"
    assert _sides(text, "7所") == ("上海", "莎车、泽普")
    # in Traditional; a count joined to another area names them beside it: the report's recipient
    text = "山東對口支援喀什地區\n山東援助疏勒、英吉沙兩縣資金3億元。\n干部分佈在地區和對口兩縣,共派出干部80名。"
    assert _sides(text, "80名") == ("山東", "喀什地區")
    # no list given with that count: the report's recipient
    assert _sides("上海市对口支援喀什地区\n上海在对口两县援建学校7所。", "7所") == ("上海", "喀什地区")


def test_a_county_s_short_name_after_a_verb_of_aid_is_a_place_page_wide() -> None:
    assert [p.name for p in find_places("广东援建汶川两周年;汶川的学校")] == ["广东", "汶川", "汶川"]
    assert [p.name for p in find_places("汶川的学校")] == []
    # a common word is no place even there
    assert [p.name for p in find_places("全年援建安居富民房,支援合作项目")] == []


def test_a_county_s_short_name_in_a_list_needs_a_place_beside_it() -> None:
    assert [p.name for p in find_places("用于农牧民安居、饮水和教育")] == []
    assert [p.name for p in find_places("投向莎车、泽普两县")] == ["莎车", "泽普"]


def _all_sides(text: str) -> list[tuple[str, str | None, str | None]]:
    extraction = read_report(text, report_year=2019)
    return [(extraction.mentions[f.mention].text, f.donor, f.recipient) for f in extraction.facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # F4: one figure to each place listed with 分别: one fact each, on the same figure
        (
            "山东省对口支援喀什地区\n2019年,山东省分别向疏勒县、英吉沙县援助资金500万元。",
            [("500万元", "山东省", "疏勒县"), ("500万元", "山东省", "英吉沙县")],
        ),
        # figures listed after the places pair up with them in order
        (
            "山东省对口支援喀什地区\n2019年,山东省向疏勒县和英吉沙县分别投入援助资金800万元和600万元。",
            [("800万元", "山东省", "疏勒县"), ("600万元", "山东省", "英吉沙县")],
        ),
        (
            "山東省對口支援喀什地區\n2019年,山東省向疏勒縣、英吉沙縣、岳普湖縣分別撥付援疆資金300萬元、250萬元、200萬元。",
            [("300萬元", "山東省", "疏勒縣"), ("250萬元", "山東省", "英吉沙縣"), ("200萬元", "山東省", "岳普湖縣")],
        ),
        # no 分别: the list goes as one recipient, its head
        (
            "山东省对口支援喀什地区\n2019年,山东省向疏勒县、英吉沙县投入援助资金500万元。",
            [("500万元", "山东省", "疏勒县")],
        ),
    ],
)
def test_respectively_in_chinese(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _all_sides(text) == expected


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a first line that is a date is no headline: the next short line naming both sides is
        ("2031-05-06\n广东援建汶川两周年\n广东在汶川援建学校7所,医院2所。", ("广东", "汶川")),
        # a province aided as a whole named by its abbreviation after the giver's own or a word of place
        ("2031-05-06\n浙川协作结硕果\n来源:某报\n浙江在广元市援建学校7所。", ("浙江", "四川")),
        ("2031-05-06\n浙江在川援建学校70所\n浙江在广元市援建学校7所。", ("浙江", "四川")),
        # Xinjiang, aided prefecture by prefecture, is not read so; 宁 only after a giver's abbreviation
        ("2031-05-06\n浙江援疆成效显著\n浙江在阿克苏地区援建学校7所。", ("浙江", "阿克苏地区")),
        ("2031-05-06\n闽宁协作二十年\n福建在固原市援建学校7所。", ("福建", "宁夏")),
        # a sentence of the opening is no headline
        ("2031-05-06\n浙江在川援建学校70所,投入资金3亿元。\n浙江在广元市援建学校7所。", ("浙江", "广元市")),
    ],
)
def test_the_headline_gives_the_report_s_parties(text: str, parties: tuple[str, str]) -> None:
    extraction = read_report(text, report_year=2031)
    assert (extraction.donor, extraction.recipient) == parties


def test_the_names_of_a_span_are_those_a_scan_of_the_span_alone_finds() -> None:
    """A span's names come from the page's one scan, unless a name of the page runs across an end of the span
    (``喀什地区`` cut after ``喀什``: the span names ``喀什``)."""
    from pairaid.core.extract.places_zh import _found, _scan

    text = "山东省对口支援新疆喀什地区疏勒县、英吉沙县\n援建伽师县学校5所"
    for start in range(len(text)):
        for stop in range(start, len(text) + 1):
            assert _found(text, start, stop) == _scan(text, start, stop), (start, stop)
