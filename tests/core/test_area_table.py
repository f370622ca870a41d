"""The area table built from cpca's code table: counts, parents, names, pinyin, English, data files."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

from pairaid.core.area_history import load_area_history
from pairaid.core.area_names import name_rules, place_pinyin, split_area_name
from pairaid.core.areas import PLACEHOLDER_NAMES, AreaRecord, level_of, load_area_records


def _by_code() -> dict[str, AreaRecord]:
    """The area table's records by their own code."""
    return {r.code: r for r in load_area_records()}


def test_it_has_34_province_level_divisions_including_taiwan_hong_kong_and_macao() -> None:
    provinces = [r for r in load_area_records() if r.level == "province" and r.parent_code is None]

    assert len(provinces) == 34
    assert {"710000", "810000", "820000"} <= {r.code for r in provinces}
    # and the Production and Construction Corps, of province level, within Xinjiang
    assert [(r.code, r.parent_code) for r in load_area_records() if r.level == "province" and r.parent_code] == [
        ("660000", "650000")
    ]


def test_it_has_at_least_2800_county_level_and_300_prefecture_level_areas() -> None:
    levels = Counter(r.level for r in load_area_records())

    assert levels["county"] >= 2800
    assert levels["prefecture"] >= 300


def test_codes_are_six_digits_unique_and_in_order() -> None:
    codes = [r.code for r in load_area_records()]

    assert all(re.fullmatch(r"[0-9]{6}", c) for c in codes)
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_placeholders_of_the_code_scheme_are_dropped() -> None:
    records = load_area_records()

    assert not [r for r in records if r.name_zh in PLACEHOLDER_NAMES]
    assert not {"110100", "500200", "429000", "659000"} & {r.code for r in records}


def test_every_parent_exists_and_is_one_level_up_or_the_province() -> None:
    index = _by_code()
    for record in load_area_records():
        if record.level == "province":
            assert record.parent_code == ("650000" if record.code == "660000" else None)
            continue
        assert record.parent_code is not None
        parent = index[record.parent_code]
        # the Corps' divisions (66NN00) and cities (6590NN) lie within the Corps (660000)
        assert record.code.startswith(parent.code[:2]) or parent.code.startswith("66")
        assert (record.level, parent.level) in {
            ("prefecture", "province"),
            ("county", "prefecture"),
            ("county", "province"),
        }


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("110105", "110000"),  # 朝阳区, Beijing: cpca's 110100 is a 市辖区 placeholder
        ("500233", "500000"),  # 忠县, Chongqing
        ("429004", "420000"),  # 仙桃市, a county-level city under Hubei directly
        ("659001", "660800"),  # 石河子市, under Xinjiang directly in GB/T 2260, here within the 8th division
        ("660800", "660000"),  # the 8th division within the Production and Construction Corps
        ("660000", "650000"),  # the Corps within Xinjiang
        ("653122", "653100"),  # 疏勒县 in 喀什地区
        ("653100", "650000"),
    ],
)
def test_parents(code: str, parent: str) -> None:
    assert _by_code()[code].parent_code == parent


@pytest.mark.parametrize(
    ("code", "name_zh", "pinyin", "name_en", "level"),
    [
        ("650000", "新疆维吾尔自治区", "Xinjiang", "Xinjiang Uygur Autonomous Region", "province"),
        ("150000", "内蒙古自治区", "Neimenggu", "Inner Mongolia Autonomous Region", "province"),
        ("110000", "北京市", "Beijing", "Beijing", "province"),
        ("370000", "山东省", "Shandong", "Shandong Province", "province"),
        ("610000", "陕西省", "Shaanxi", "Shaanxi Province", "province"),
        ("653100", "喀什地区", "Kashi", "Kashi Prefecture", "prefecture"),
        ("653101", "喀什市", "Kashi", "Kashi City", "county"),
        ("653122", "疏勒县", "Shule", "Shule County", "county"),
        ("653125", "莎车县", "Shache", "Shache County", "county"),
        ("653128", "岳普湖县", "Yuepuhu", "Yuepuhu County", "county"),
        ("653129", "伽师县", "Jiashi", "Jiashi County", "county"),
        ("653200", "和田地区", "Hetian", "Hetian Prefecture", "prefecture"),
        ("653221", "和田县", "Hetian", "Hetian County", "county"),
        ("653000", "克孜勒苏柯尔克孜自治州", "Kezilesu", "Kizilsu Kirgiz Autonomous Prefecture", "prefecture"),
        ("653131", "塔什库尔干塔吉克自治县", "Tashiku'ergan", "Tashiku'ergan Tajik Autonomous County", "county"),
        ("522700", "黔南布依族苗族自治州", "Qiannan", "Qiannan Bouyei Miao Autonomous Prefecture", "prefecture"),
        ("152900", "阿拉善盟", "Alashan", "Alxa League", "prefecture"),
        ("152921", "阿拉善左旗", "Alashanzuo", "Alashan Left Banner", "county"),
        ("150521", "科尔沁左翼中旗", "Ke'erqinzuoyizhong", "Ke'erqin Left Middle Banner", "county"),
        ("429021", "神农架林区", "Shennongjia", "Shennongjia Forestry District", "county"),
        ("610103", "碑林区", "Beilin", "Beilin District", "county"),
    ],
)
def test_names(code: str, name_zh: str, pinyin: str, name_en: str, level: str) -> None:
    record = _by_code()[code]

    assert (record.name_zh, record.name_pinyin, record.name_en, record.level) == (name_zh, pinyin, name_en, level)


@pytest.mark.parametrize(
    ("name_zh", "pinyin"),
    [
        # place readings pypinyin's general dictionary gets wrong (place_readings.yaml)
        ("伽师", "Jiashi"),
        ("长治", "Changzhi"),
        ("长子", "Zhangzi"),
        ("疏勒", "Shule"),
        ("乌什", "Wushi"),
        ("成都", "Chengdu"),
        ("朝阳", "Chaoyang"),
        ("蚌埠", "Bengbu"),
        ("单县", "Shanxian"),
        ("洪洞", "Hongtong"),
        ("乐清", "Yueqing"),
        ("珲春", "Hunchun"),
        ("陕西", "Shaanxi"),
        # readings pypinyin already gets right, kept so a regression shows
        ("岳普湖", "Yuepuhu"),
        ("和田", "Hetian"),
        ("莎车", "Shache"),
        ("喀什", "Kashi"),
        ("重庆", "Chongqing"),
        ("厦门", "Xiamen"),
        ("六安", "Lu'an"),
        ("延安", "Yan'an"),
        ("番禺", "Panyu"),
        ("绿春", "Lüchun"),
    ],
)
def test_place_readings(name_zh: str, pinyin: str) -> None:
    assert place_pinyin(name_zh) == pinyin


@pytest.mark.parametrize(
    ("name", "base", "groups", "suffix"),
    [
        ("喀什地区", "喀什", (), "地区"),
        ("巴里坤哈萨克自治县", "巴里坤", ("哈萨克族",), "自治县"),
        ("积石山保安族东乡族撒拉族自治县", "积石山", ("保安族", "东乡族", "撒拉族"), "自治县"),
        ("内蒙古自治区", "内蒙古", (), "自治区"),
        ("鄂伦春自治旗", "鄂伦春", (), "自治旗"),
        ("万柏林区", "万柏林", (), "区"),
        ("浦东新区", "浦东", (), "新区"),
        ("和县", "和", (), "县"),
        ("西沙群岛", "西沙", (), "群岛"),
    ],
)
def test_split_area_name(name: str, base: str, groups: tuple[str, ...], suffix: str) -> None:
    parts = split_area_name(name)

    assert (parts.base, parts.ethnic_groups, parts.suffix) == (base, groups, suffix)


def test_coordinates_are_decimals_with_six_places() -> None:
    shule = _by_code()["653122"]

    assert shule.longitude == Decimal("76.048139")
    assert shule.latitude == Decimal("39.401384")
    added = {a.code for a in load_area_history().added}
    missing = {r.code for r in load_area_records() if r.longitude is None or r.latitude is None} - added
    # cpca's table has no coordinates for these six (abolished or newly made areas); area_history.yaml gives none
    assert missing == {"130421", "139001", "139002", "320812", "330204", "410211"}


def test_aliases_carry_the_short_chinese_name_and_the_curated_exonyms() -> None:
    index = _by_code()

    assert index["653100"].aliases[:2] == ("喀什", "Kashgar")
    assert "Yuepu Lake" in index["653128"].aliases
    assert "Inner Mongolia" in index["150000"].aliases
    assert "和" not in index["340523"].aliases  # one character alone names nothing


def test_the_data_files_load_and_each_section_is_used() -> None:
    rules = name_rules()

    assert len(rules.ethnic_groups) == 56  # 55 minorities and 各族 (cpca's 56_nations less 汉族, plus 各族)
    assert {s.zh for s in rules.suffixes} >= {"省", "自治区", "市", "地区", "自治州", "盟", "县", "区", "旗", "自治县"}
    assert "county" in {h.text for h in rules.english_suffixes}
    assert rules.char_readings["勒"] == "le"
    assert dict(rules.phrase_readings)["伽师"] == ("jia", "shi")
    assert all(code in _by_code() for code in rules.english_names)


def test_level_of_reads_the_code() -> None:
    assert [level_of(c) for c in ("650000", "653100", "653122")] == ["province", "prefecture", "county"]


def test_an_alias_for_a_code_not_in_the_table_is_refused() -> None:
    from pairaid.core.areas import load_aliases
    from pairaid.core.errors import DataError

    with pytest.raises(DataError, match="not an area code"):
        load_aliases({"650000"})
    assert "Kashgar" in load_aliases({r.code for r in load_area_records()})["653100"]
