"""Place names to area codes: tables of names as they are written, grouped by where they come from."""

from __future__ import annotations

import pytest

from pairaid.core.areas import load_area_records
from pairaid.core.gazetteer import Gazetteer
from pairaid.core.gazetteer_store import default_gazetteer
from pairaid.core.name_queries import normalise

# name as written -> the code of the top candidate (GB/T 2260 codes of cpca's table)
FROM_THE_BRIEF = [
    ("Kashgar", "653100"),
    ("喀什地区", "653100"),
    ("Kashi Prefecture", "653100"),
    ("kashi", "653100"),
    ("“Kashi”", "653100"),
    ("Yuepu Lake", "653128"),
    ("伽师县", "653129"),
    ("Xinjiang Uygur Autonomous Region", "650000"),
    ("Inner Mongolia", "150000"),
    ("Guangxi Zhuang Autonomous Region", "450000"),
    ("Yarkand", "653125"),
]

# forms found in the yearbook reports of ../shared/corpus (English translations)
FROM_THE_REPORTS = [
    ("Shandong Province", "370000"),
    ("Xinjiang Autonomous Region", "650000"),
    ("Inner Mongolia Autonomous Region", "150000"),
    ("Shule County", "653122"),
    ("Yingjisha County", "653123"),
    ("Yuepuhu County", "653128"),
    ("Jiashi County", "653129"),
    ("Kizilsu Kirgiz Autonomous Prefecture", "653000"),
    ("Kizilsu Prefecture", "653000"),
    ("Tuoli County", "654224"),
    ("Zhong County", "500233"),
    ("Kai County", "500154"),  # 开县, 开州区 since 2016
    ("An County", "510705"),  # 安县, 安州区 since 2016
    ("Fengjie County", "500236"),
    ("Chongqing City", "500000"),
    ("Qingdao City", "370200"),
    ("Tongren Prefecture", "520600"),  # 铜仁地区, 铜仁市 since 2011
    ("Qiannan Autonomous Prefecture", "522700"),
    ("Xingshan County", "420526"),
    ("Yan’an", "610600"),
    ("Naqu", "542400"),
    ("Tacheng", "654200"),
]

# other spellings, scripts and exonyms
OTHER_FORMS = [
    ("KASHI PREFECTURE", "653100"),
    ("Kashi-Prefecture", "653100"),
    ("Kashi Diqu", "653100"),
    ("Shule Xian", "653122"),
    ("Shulexian", "653122"),
    ("疏勒", "653122"),
    ("Ürümqi", "650100"),
    ("Urumqi", "650100"),
    ("Lhasa", "540100"),
    ("Shigatse", "540200"),
    ("Xigaze", "540200"),
    ("Nyingchi", "540400"),
    ("Nagqu", "542400"),
    ("Ili", "654000"),
    ("伊犁州", "654000"),
    ("Tibet", "540000"),
    ("Ningxia Hui Autonomous Region", "640000"),
    ("Hong Kong", "810000"),
    ("Macau", "820000"),
    ("Shaanxi", "610000"),
    ("Shanxi", "140000"),
    ("Beijing Municipality", "110000"),
    ("Lu'an", "341500"),
    ("Bengbu", "340300"),
    ("Xiamen", "350200"),
    ("Changzhi City", "140400"),
    ("Lvchun County", "532531"),
    ("Aksu Prefecture", "652900"),
    ("Yopurga", "653128"),
    ("Xisha Islands", "460321"),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(("name", "code"), FROM_THE_BRIEF + FROM_THE_REPORTS + OTHER_FORMS)
def test_top_candidate(gazetteer: Gazetteer, name: str, code: str) -> None:
    found = gazetteer.resolve(name)

    assert found, f"nothing for {name!r}"
    assert found[0].area.code == code, [(c.area.code, c.score, c.reason) for c in found]
    assert found[0].match != "fuzzy"


def test_it_reads_a_typo_within_the_context_and_says_it_is_fuzzy(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Shulu County", context="Kashi")

    assert found[0].area.code == "653122"
    assert found[0].match == "fuzzy"
    assert found[0].in_context
    assert "Shule" in found[0].reason and "喀什地区" in found[0].reason


def test_a_shared_name_gives_every_area_ranked_with_reasons(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Hetian")

    # cpca's table: 和田县 is 653221 (653222 is 墨玉县)
    assert [c.area.code for c in found[:3]] == ["653200", "653201", "653221"]
    assert [c.area.level for c in found[:3]] == ["prefecture", "county", "county"]
    assert all("one of 3 areas named Hetian" in c.reason for c in found[:3])
    assert found[0].score > found[1].score
    assert gazetteer.best("Hetian") is None  # too close to call: no silent pick


def test_hotan_gives_the_hetian_candidates(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Hotan")

    assert [c.area.code for c in found] == ["653200", "653201", "653221"]
    assert {c.match for c in found} == {"alias"}


@pytest.mark.parametrize(
    ("name", "code"),
    [("Hetian County", "653221"), ("Hetian City", "653201"), ("Hetian Prefecture", "653200"), ("和田县", "653221")],
)
def test_the_suffix_written_decides_a_shared_name(gazetteer: Gazetteer, name: str, code: str) -> None:
    found = gazetteer.resolve(name)

    assert found[0].area.code == code
    assert gazetteer.best(name) == found[0]
    assert "does not fit" in found[-1].reason


def test_context_decides_between_areas_of_the_same_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Yulin City", context="Shaanxi")[0].area.code == "610800"
    assert gazetteer.resolve("Yulin City", context="Guangxi")[0].area.code == "450900"
    assert gazetteer.resolve("Suzhou", context=["Shandong", "Anhui Province"])[0].area.code == "341300"
    assert gazetteer.resolve("Kashi", context="653100")[0].area.code == "653100"


def test_unknown_names_and_bare_suffixes_give_an_empty_list(gazetteer: Gazetteer) -> None:
    for name in ("Atlantis", "London", "", "   ", "County", "自治州", "“”"):
        assert gazetteer.resolve(name) == [], name
    assert gazetteer.best("Atlantis") is None


def test_a_chinese_name_written_with_the_wrong_character_is_found_by_its_reading(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("疏乐县")

    assert found[0].area.code == "653122"
    assert found[0].match == "pinyin"
    assert "reads Shule" in found[0].reason


def test_typos_without_context(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Kashgr")[0].area.code == "653100"
    assert gazetteer.resolve("Yarkend")[0].area.code == "653125"
    assert gazetteer.resolve("Guangzou")[0].area.code == "440100"
    assert all(c.match == "fuzzy" for c in gazetteer.resolve("Sichaun"))


def test_limit_and_scores(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Chaoyang", limit=2)

    assert len(found) == 2
    assert all(0.0 <= c.score <= 1.0 for c in gazetteer.resolve("Chaoyang", limit=10))


def test_a_gazetteer_over_some_records_knows_only_those() -> None:
    kashi = [r for r in load_area_records() if r.code.startswith("6531")]
    small = Gazetteer(kashi)

    assert small.resolve("Shule")[0].area.code == "653122"
    assert small.resolve("Hetian") == []
    assert small.area("653100") is not None and small.area("650000") is None


@pytest.mark.parametrize(
    ("written", "normalised"),
    [("“Kashi”", "kashi"), ("Yan’an", "yanan"), ("Ürümqi", "urumqi"), ("Kashi-Prefecture", "kashi prefecture")],
)
def test_normalise(written: str, normalised: str) -> None:
    assert normalise(written) == normalised


# the donor and recipient of a report, as ../shared/corpus/index.csv labels them
REPORT_CONTEXT = ("Shandong", "Xinjiang (Kashi)")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kashi", "653100"),  # the recipient itself, not 喀什市 inside it
        ("Kashgar", "653100"),
        ("Xinjiang", "650000"),
        ("Shandong", "370000"),
        ("Shule County", "653122"),
        ("Yingjisha", "653123"),
        ("Yuepu Lake", "653128"),
    ],
)
def test_best_with_the_report_donor_and_recipient_as_context(gazetteer: Gazetteer, name: str, code: str) -> None:
    found = gazetteer.best(name, context=REPORT_CONTEXT)

    assert found is not None and found.area.code == code


def test_best_refuses_what_the_context_cannot_settle(gazetteer: Gazetteer) -> None:
    assert gazetteer.best("Hetian", context=REPORT_CONTEXT) is None
    assert gazetteer.best("Shulu County", context=REPORT_CONTEXT) is None  # one letter from Shule and Shufu
    assert gazetteer.best("Suzhou City") is None


def test_a_bare_province_name_beats_a_county_of_the_same_pinyin(gazetteer: Gazetteer) -> None:
    found = gazetteer.best("Xinjiang")  # 新绛县 is Xinjiang County too

    assert found is not None and found.area.code == "650000"


def test_context_labels_are_read_part_by_part(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve("Wangcang County", context="Sichuan (12 counties of Guangyuan & Nanchong)")

    assert found[0].area.code == "510821"
    assert "within context 广元市 510800" in found[0].reason
