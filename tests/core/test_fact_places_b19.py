"""Classes of place error of blind set b19 (issue 11: each fact's donor and recipient), each fixed as a general
rule and tested here on made-up text (no sentence or value of any report; real area names where the rule reads
the gazetteer or the shipped registry of pairings).

Not fitted, because F9 does not settle them and the gold of the held-out sets chose the other way (checked by scoring
``tests/core/heldout`` with each change): a table row's giver column ("B1 | A1 | 12.5") as the row's donor (set 19's
gold gives the chapter's donor, sets 5's the row's); a figure sent "to the two districts" or "into the aided areas"
(set 19: no recipient; the held-out sets: the places counted, or the report's recipient); a later sentence whose
subject is the donor keeping the place its paragraph named before ("... in County B1. Anhe sent N teachers": set 19
the report's recipient, the held-out sets B1).  Kept as the rules read them, fitted to earlier sets, though set 19's
gold differs: a city or district of the donor's province acting ("Anhe's Linxi district arranged N") as the donor; a
facility "in County B1" of a prefecture's pairing going to B1."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report


def _sides(text: str, year: int, **given: str) -> dict[str, tuple[str | None, str | None]]:
    ex = read_report(text, report_year=year, **given)
    return {ex.mentions[f.mention].text: (f.donor, f.recipient) for f in ex.facts}


# -- class 1: a donor's title on support "for the" area named as a whole ----------------------------------------

RESERVOIR = (
    "Hangzhou's Counterpart Support for the Danjiangkou Reservoir Area\n\n"
    "Hangzhou supports Shiyan City in Hubei Province in resettling people moved for the reservoir.\n\n"
    "【Funds】 In 2012 Hangzhou provided 31.5 million yuan of aid. Hangzhou also trained 740 migrants.\n"
)


def test_a_title_of_support_for_the_area_names_its_donor() -> None:
    sides = _sides(RESERVOIR, 2012)
    assert sides["31.5 million yuan"][0] == "Hangzhou"
    assert sides["740 migrants"][0] == "Hangzhou"


# -- class 2: a province's own chapter whose later section names its partner cities (F9: donor null) ----------

PROVINCE_OWN = (
    "Yunnan Province\n\n"
    "In 2029 Yunnan lowered its count of rural poor by 0.9 million.\n\n"
    "【Cooperation with the east】 The partner cities of the east, from Shanghai on the coast to Guangzhou in the "
    "south, gave fiscal aid of 3.1 billion yuan and sent 260 cadres to Yunnan.\n"
)


def test_a_provinces_own_chapter_keeps_no_donor_though_a_later_section_names_partners() -> None:
    sides = _sides(PROVINCE_OWN, 2029)
    assert sides["3.1 billion yuan"] == (None, "Yunnan Province")
    assert sides["260 cadres"] == (None, "Yunnan Province")


# -- class 3: a list of places each followed by its share ("Of the sum, A got N, B M and C K") ---------------------

SHARES = (
    "Shanghai's Aid to Kashgar Prefecture\n\n"
    "In 2015 Shanghai spent 900 million yuan of aid funds in Kashgar. Of this sum, Bachu County received 310 million "
    "yuan, Shache County 280 million yuan, Yecheng County 190 million yuan and Zepu County 120 million yuan.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"),
    [
        ("310 million yuan", "Bachu County"),
        ("280 million yuan", "Shache County"),
        ("190 million yuan", "Yecheng County"),
        ("120 million yuan", "Zepu County"),
    ],
)
def test_each_share_of_a_list_goes_to_the_place_named_just_before_it(figure: str, recipient: str) -> None:
    assert _sides(SHARES, 2015)[figure] == ("Shanghai", recipient)


# -- class 4: "aid to A came to N and to B M": the place after N is the next figure's ---------------------------

AID_TO_EACH = (
    "Shanghai's Aid to Kashgar Prefecture\n\n"
    "【Bachu and Shache counties】 Aid to Bachu amounted to 23.5 million yuan and to Shache 19.1 million yuan.\n\n"
    "【Yecheng and Zepu counties】 Shanghai gave aid funds of 8.4 million yuan to Yecheng County and to Zepu County "
    "6.2 million yuan.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"), [("23.5 million yuan", "Bachu"), ("8.4 million yuan", "Yecheng County")]
)
def test_a_place_that_leads_the_next_figure_is_not_the_figure_before_it(figure: str, recipient: str) -> None:
    assert _sides(AID_TO_EACH, 2015)[figure] == ("Shanghai", recipient)


# -- class 5: a county known by its official Tibetan romanisation as well as its English one ------------------------

TIBET_COUNTY = (
    "Shanghai and Its Aid to Xigaze Prefecture\n\n"
    "【Overview】 Shanghai arranged 90 million yuan for Xigaze in the year.\n\n"
    "【Gyangzê County】 Shanghai's Jiading district arranged 12.4 million yuan for Gyangzê. A farm road of 3.5 "
    "kilometers was paved.\n"
)


def test_a_county_of_its_tibetan_romanisation_is_its_sections_place() -> None:
    sides = _sides(TIBET_COUNTY, 2005)
    assert sides["12.4 million yuan"] == ("Shanghai", "Gyangzê County")
    assert sides["3.5 kilometers"] == ("Shanghai", "Gyangzê County")


# -- class 6: a county named after "Yuan and" (a capitalised currency, no name it ends) -----------------------------

YUAN_AND = (
    "Shanghai's Aid to Kashgar Prefecture\n\n"
    "Shanghai spent 90 million Yuan of aid funds in Kashgar in 2015. Of this sum, Bachu County got 40 million Yuan, "
    "Shache County 30 million Yuan and Shufu County 20 million Yuan.\n"
)


def test_a_county_after_a_capitalised_currency_and_and_is_a_place_of_its_own() -> None:
    assert _sides(YUAN_AND, 2015)["20 million Yuan"] == ("Shanghai", "Shufu County")


# -- class 7: a county known by its common romanisation (Gangca for Gangcha) labels its share ---------------------

LABELLED_SHARES = (
    "Shandong's Aid to Haibei Prefecture, Qinghai\n\n"
    "【Funds】 Shandong arranged 55 million Yuan of aid funds for Haibei in 2013.\n\n"
    "【Use of the funds】 Qilian County: 25 million Yuan; Gangca County: 21 million Yuan; prefecture-level projects: "
    "9 million Yuan.\n"
)


def test_a_county_of_its_common_romanisation_labels_its_share() -> None:
    assert _sides(LABELLED_SHARES, 2013)["21 million Yuan"] == ("Shandong", "Gangca County")


# -- class 8: a numbered division of the Production and Construction Corps is a place as written ------------------

DIVISION = (
    "Tianjin's Aid to Hotan Prefecture\n\n"
    "In 2019 Tianjin allocated 600 million yuan of aid funds, of which 520 million yuan was for Hotan and 80 million "
    "yuan for the 14th Division.\n\nIn Hotan the city also put 270 million yuan into the three counties and 30 "
    "million yuan into the 14th Division.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"),
    [("80 million yuan", "14th Division"), ("270 million yuan", "Hotan")],
)
def test_a_numbered_division_is_a_place_and_no_place_of_the_figure_before(figure: str, recipient: str) -> None:
    assert _sides(DIVISION, 2019)[figure] == ("Tianjin", recipient)


# -- class 9: a province's own chapter whose opening names its partners in passing is no pairing's (F9) -------------

PROVINCE_PASSING = (
    "Poverty Alleviation and Development in Yunnan Province\n\n"
    "【Overview】 In 2029 Yunnan lifted 0.6 million people out of poverty. Shanghai and the central units paired with "
    "Yunnan went on with their help.\n\n"
    "【Funds】 The provincial finance arranged 230 million yuan of poverty alleviation funds. The province also "
    "trained 5,600 village doctors.\n"
)


def test_a_provinces_own_chapter_naming_its_partners_in_passing_has_no_donor() -> None:
    sides = _sides(PROVINCE_PASSING, 2029)
    assert sides["230 million yuan"] == (None, "Yunnan Province")
    assert sides["5,600 village doctors"] == (None, "Yunnan Province")


# -- class 10: a title of two county-level areas, each with its areas in brackets, names its pairing -----------------

BRACKETED_TITLE = (
    "Licang District (Qingdao, Shandong) - Ziyun County (Anshun, Guizhou) East-West Poverty Alleviation Cooperation\n\n"
    "【Overview】 Ziyun, paired with Licang since 2016, got 27.5 million yuan of fiscal aid from Licang in 2020, "
    "on top of 12 million yuan from the Qingdao municipal government.\n"
)


def test_a_title_of_two_bracketed_county_level_areas_names_its_pairing() -> None:
    donor, recipient = _sides(BRACKETED_TITLE, 2020)["27.5 million yuan"]
    assert (donor or "").startswith("Licang") and (recipient or "").startswith("Ziyun")
