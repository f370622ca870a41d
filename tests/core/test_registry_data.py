"""The shipped registry's content: the pairs of the 2016 guidance, the 2010 Xinjiang scheme, Tibet's prefectures."""

from __future__ import annotations

from pairaid.core.registry import PairingRecord, shipped_registry

# 《关于进一步加强东西部扶贫协作工作的指导意见》 (2016): the province-level pairs ...
GUIDANCE_2016_PROVINCES = {
    ("110000", "150000"),  # Beijing - Inner Mongolia
    ("120000", "620000"),  # Tianjin - Gansu
    ("310000", "530000"),  # Shanghai - Yunnan
    ("320000", "610000"),  # Jiangsu - Shaanxi
    ("330000", "510000"),  # Zhejiang - Sichuan
    ("350000", "640000"),  # Fujian - Ningxia
    ("370000", "500000"),  # Shandong - Chongqing
    ("440000", "450000"),  # Guangdong - Guangxi
}
# ... and the pairs reaching autonomous and the poorest prefectures (9 provinces, 13 cities)
GUIDANCE_2016_PREFECTURES = {
    ("110000", "130700"),  # Beijing - Zhangjiakou
    ("110000", "130600"),  # Beijing - Baoding
    ("120000", "130800"),  # Tianjin - Chengde
    ("210200", "520200"),  # Dalian - Liupanshui
    ("310000", "520300"),  # Shanghai - Zunyi
    ("320000", "630100"),  # Jiangsu - Xining
    ("320000", "630200"),  # Jiangsu - Haidong
    ("320500", "520600"),  # Suzhou - Tongren
    ("330100", "422800"),  # Hangzhou - Enshi
    ("330100", "522600"),  # Hangzhou - Qiandongnan
    ("330200", "222400"),  # Ningbo - Yanbian
    ("330200", "522300"),  # Ningbo - Qianxinan
    ("350100", "621100"),  # Fuzhou - Dingxi
    ("350200", "622900"),  # Xiamen - Linxia
    ("370100", "433100"),  # Jinan - Xiangxi
    ("370200", "520400"),  # Qingdao - Anshun
    ("370200", "621200"),  # Qingdao - Longnan
    ("440000", "513300"),  # Guangdong - Ganzi
    ("440100", "522700"),  # Guangzhou - Qiannan
    ("440100", "520500"),  # Guangzhou - Bijie
    ("440600", "513400"),  # Foshan - Liangshan
    ("442000", "530600"),  # Zhongshan - Zhaotong
    ("441900", "530600"),  # Dongguan - Zhaotong
    ("440400", "533300"),  # Zhuhai - Nujiang
}


def in_force(year: int, programme: str, level: str | None = None) -> list[PairingRecord]:
    return [
        r
        for r in shipped_registry()
        if r.programme == programme and r.in_force(year) and (level is None or r.level == level)
    ]


def test_in_2017_the_east_west_province_pairs_are_those_of_the_2016_guidance() -> None:
    assert {(r.donor, r.recipient) for r in in_force(2017, "east_west", "province")} == GUIDANCE_2016_PROVINCES


def test_in_2017_every_city_pair_of_the_2016_guidance_is_in_force() -> None:
    pairs = {(r.donor, r.recipient) for r in in_force(2017, "east_west", "prefecture")}
    assert pairs >= GUIDANCE_2016_PREFECTURES
    # the guidance counts 13 cities among its donors
    cities = {d for d, _ in GUIDANCE_2016_PREFECTURES if not d.endswith("0000")}
    assert len(cities) == 13


def test_the_2010_adjustment_moves_shandong_from_xinjiang_to_chongqing() -> None:
    shandong = {
        (r.recipient, r.start_year, r.end_year)
        for r in shipped_registry()
        if r.programme == "east_west" and r.donor == "370000" and r.level == "province"
    }
    assert shandong == {("650000", 1996, 2010), ("500000", 2010, None), ("620000", 2021, None)}
    assert [r.recipient for r in in_force(2011, "east_west", "province") if r.donor == "370000"] == ["500000"]


def test_in_2011_the_xinjiang_scheme_has_its_19_donors_each_with_recipients() -> None:
    records = in_force(2011, "xinjiang")
    donors = {r.donor for r in records if r.level == "province"}
    assert len(donors) == 19
    assert "440300" in donors  # Shenzhen, one of the 19 beside Guangdong
    for donor in donors:
        assert [r for r in records if r.donor == donor and r.level != "province"], donor
    shandong = {r.recipient for r in records if r.donor == "370000"}
    assert shandong == {"650000", "653100", "653122", "653123", "653127", "653128"}
    beijing = {r.recipient for r in records if r.donor == "110000"}
    assert beijing == {"650000", "653200", "653201", "653221", "653222", "653224", "661400"}
    divisions = {r.recipient for r in records if r.recipient.startswith("66")}
    # the 2010 scheme reached 12 divisions: all but the 11th and the 12th
    assert divisions == {f"66{n:02d}00" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14)}


def test_every_prefecture_of_tibet_has_donors_from_1995() -> None:
    recipients = {r.recipient for r in in_force(1995, "tibet", "prefecture")}
    assert recipients == {"540100", "540200", "540300", "540400", "540500", "542400", "542500"}
    shigatse = {r.donor for r in in_force(2010, "tibet", "prefecture") if r.recipient == "540200"}
    assert shigatse == {"310000", "370000", "230000", "220000", "宝钢集团", "中化集团"}
    tibet = [r for r in shipped_registry() if r.programme == "tibet"]
    fujian = [(r.recipient, r.start_year, r.end_year) for r in tibet if r.donor == "350000"]
    assert fujian == [("540400", 1994, 2016), ("540300", 2016, None)]


def test_keys_name_programme_and_first_year() -> None:
    prefix = {"east_west": "ew", "xinjiang": "xj", "tibet": "tb"}
    for r in shipped_registry():
        assert r.key.startswith(f"{prefix[r.programme]}{r.start_year}-"), r.key
        assert r.where == f"pairings_{r.programme}.csv", r.key
