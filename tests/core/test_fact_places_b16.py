"""Classes of place error of blind set b16 (issue 11: each fact's donor and recipient), each fixed as a general
rule and tested here on made-up text (no sentence or value of any report; real area names where the rule reads
the gazetteer or the shipped registry of pairings)."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report


def _sides(text: str, year: int, **given: str) -> dict[str, tuple[str | None, str | None]]:
    ex = read_report(text, report_year=year, **given)
    return {ex.mentions[f.mention].text: (f.donor, f.recipient) for f in ex.facts}


# -- class 1: a county-level pairing below the registry's (a district or county-level city and a county) ---------

DISTRICT_TITLE = (
    "Licang-Ziyun pairing: work report for 2019\n\nZiyun County office\n\n"
    "1. Funds. In 2019 Qingdao's Licang District allocated 12.5 million yuan of financial assistance to Ziyun, "
    "the poorest county of Guizhou it helps. Licang firms set up 2 factories in the county and invested 40 million "
    "yuan.\n"
)
RELATIVE_PAIRED = (
    "Changshu and Yanhe look back on a year of work\n\n"
    "Tongren, Guizhou, Dec. 2, 2020 -- Changshu, the Jiangsu county-level city that has been paired with Yanhe "
    "County of Tongren since 2013, delivered 41.3 million yuan of East-West cooperation funds to the county this "
    "year.\n\nThe money went into 17 projects.\n"
)


@pytest.mark.parametrize(
    ("text", "year", "figure", "donor", "recipient"),
    [
        # a title of two areas the gazetteer knows names the pairing, though the registry pairs Qingdao with Guizhou
        (DISTRICT_TITLE, 2019, "40 million yuan", "Licang", "Ziyun"),
        (DISTRICT_TITLE, 2019, "12.5 million yuan", "Licang", "Ziyun"),
        # "X, the city ... that has been paired with Y": a county-level pair within the registry's Jiangsu-Tongren
        (RELATIVE_PAIRED, 2020, "17 projects", "Changshu", "Yanhe County"),
    ],
)
def test_a_county_level_pairing_named_by_title_or_opening_is_the_reports(
    text: str, year: int, figure: str, donor: str, recipient: str
) -> None:
    assert _sides(text, year)[figure] == (donor, recipient)


def test_a_title_whose_donor_is_no_area_still_takes_the_pairing_its_opening_names() -> None:
    text = (
        "Twenty Years of Shandong-Kashgar Cooperation\n\n"
        "In 2010 Shandong sent 120 teachers to Shule County of Kashgar.\n"
    )
    assert _sides(text, 2010)["120 teachers"][0] == "Shandong"


def test_an_appositive_without_a_pairing_verb_names_no_pairing() -> None:
    text = (
        "Changshu and Yanhe look back on a year of work\n\n"
        "Tongren, Guizhou, Dec. 2, 2020 -- Changshu, the Jiangsu county-level city that borders Shanghai, "
        "delivered 41.3 million yuan of East-West cooperation funds to Tongren this year.\n"
    )
    assert _sides(text, 2020)["41.3 million yuan"] == ("Jiangsu", "Tongren")


# -- class 2: a province's cities named in a section on the places they aid give what the section tells ----------

CITY_SECTIONS = (
    "Fujian Province's Aid to Ningxia\n\n"
    "      【Overview】 In 2011 Fujian's Fuzhou and Xiamen cities continued to help the poor counties of Ningxia. "
    "The province spent 90 million Yuan in all.\n\n"
    "      【Xiji County】 Fuzhou and Putian were paired with Xiji County. The two cities put 31 million Yuan into the "
    "county and built 12 schools. Doctors sent by Putian treated 2,300 patients. Fujian hospitals sent 15 "
    "doctors.\n\n"
    "      【Haiyuan County】 Haiyuan received 27 million Yuan from Xiamen and Quanzhou. In Haiyuan, 8 clinics were "
    "built and 40 teachers from Fujian taught there.\n\n"
    "      【Longde County】 Sanming, Nanping and four other cities help Longde. Aid to Longde came to 19 million "
    "Yuan.\n\n"
    "      【Labour】 Fujian firms in Fuzhou, Xiamen and Quanzhou took on 5,600 workers from Xiji.\n"
)


@pytest.mark.parametrize(
    ("figure", "donor"),
    [
        ("31 million Yuan", "Fuzhou and Putian"),  # the cities the section says are paired with its county
        ("12 schools", "Fuzhou and Putian"),
        ("2,300 patients", "Putian"),  # "sent by Putian": its own givers
        ("15 doctors", "Fujian"),  # the province's hospitals act: the province gives
        ("27 million Yuan", "Xiamen and Quanzhou"),  # "N from A and B"
        ("8 clinics", "Xiamen and Quanzhou"),  # carried to the section's later sentences
        ("40 teachers", "Fujian"),  # "N teachers from Fujian": a "from" phrase of its own words
        # negatives: a list that does not name all its cities, an overview, firms "in" cities
        ("19 million Yuan", "Fujian Province"),
        ("90 million Yuan", "Fujian Province"),
        ("5,600 workers", "Fujian Province"),
    ],
)
def test_the_cities_a_section_on_a_place_names_as_acting_are_its_figures_donors(figure: str, donor: str) -> None:
    assert _sides(CITY_SECTIONS, 2011)[figure][0] == donor


# -- class 3: a sentence listing the section's places sets no one of them as the scene of the next ---------------

LISTED_PLACES = (
    "Fujian Province's Aid to Ningxia\n\n"
    "      【Guyuan City】 Xiamen and Quanzhou look after Yuanzhou District, Dalongshan County and Xiji County. "
    "They provided 30 million Yuan. Fujian hospitals sent 16 doctors.\n\n"
    "      【Wuzhong City】 Fuzhou now looks after Tongxin County. It provided 12 million Yuan.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"),
    [
        # the list ends in a place the gazetteer knows, after one it does not: the section's place, not the last
        ("30 million Yuan", "Guyuan City"),
        ("16 doctors", "Guyuan City"),
        ("12 million Yuan", "Tongxin County"),  # negative: one place named is the scene of the next sentence
    ],
)
def test_a_list_of_the_sections_places_leaves_its_figures_to_the_section(figure: str, recipient: str) -> None:
    assert _sides(LISTED_PLACES, 2011)[figure][1] == recipient


# -- class 4: a heading that lists places gives its section's figures to them all ----------------------------------

LISTED_HEADINGS = (
    "Fujian Province's Aid to Ningxia\n\n"
    "      【Xiji and Longde】 Xiamen's aid of 40 million Yuan built 420 houses.\n\n"
    "      【Tongxin, Yanchi and Hongsipu】 Quanzhou sent 18 doctors.\n\n"
    "      【Fuzhou and Putian】 The two cities trained 600 farmers.\n\n"
    "      【Labour and jobs】 Fujian took in 900 workers.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"),
    [
        ("40 million Yuan", "Xiji and Longde"),
        ("420 houses", "Xiji and Longde"),
        ("18 doctors", "Tongxin, Yanchi and Hongsipu"),  # one name the gazetteer does not know: still the list
        # negatives: a list of the donor's own cities, and a heading of words, give no place of their own
        ("600 farmers", "Ningxia"),
        ("900 workers", "Ningxia"),
    ],
)
def test_a_heading_listing_places_gives_its_figures_to_the_list(figure: str, recipient: str) -> None:
    assert _sides(LISTED_HEADINGS, 2011)[figure][1] == recipient


# -- class 5: two places joined by "and the" are a list too: no one of them is the scene of the next sentence ------


@pytest.mark.parametrize(
    ("aided", "recipient"),
    [
        ("Aksu Prefecture and the First Division of the Corps", "Aksu Prefecture"),  # the chapter's recipient
        ("the First Division of the Corps", "First Division"),  # negative: one place named is the scene
    ],
)
def test_places_joined_by_and_the_set_no_one_scene(aided: str, recipient: str) -> None:
    text = (
        "Zhejiang Province Support for Aksu Prefecture\n\n"
        f"      【Overview】 In 2015 Zhejiang helped {aided} with farm projects. "
        "The province's aid funds came to 900 million Yuan.\n"
    )
    assert _sides(text, 2015)["900 million Yuan"][1] == recipient


# -- class 6: a place named as the venue of an event is no place its figures go to ---------------------------------

VENUE = (
    "Shandong Province's Aid to Kashgar Prefecture\n\n"
    "      【Shule County】 Jinan enterprises signed 9 contracts at the Kashgar trade fair. "
    "Jinan built 3 schools in Kashgar.\n"
)


@pytest.mark.parametrize(
    ("figure", "recipient"),
    [
        ("9 contracts", "Shule County"),  # "at the Kashgar trade fair": the section's county
        ("3 schools", "Kashgar"),  # negative: built "in Kashgar" goes there
    ],
)
def test_a_place_naming_an_event_is_no_recipient(figure: str, recipient: str) -> None:
    assert _sides(VENUE, 2011)[figure][1] == recipient


# -- class 7: a product named after a place ("Guanling cattle") is no other area of the recipient's province --------


@pytest.mark.parametrize(
    ("trade", "recipient"),
    [
        ("Ziyun's Guanling cattle sold well in Qingdao.", "Ziyun"),  # the province around Ziyun is Ziyun here
        ("Licang also helps Zhenning County.", "Guizhou"),  # negative: another county named: the province stays
    ],
)
def test_a_product_named_after_a_place_names_no_other_area(trade: str, recipient: str) -> None:
    text = (
        "Licang-Ziyun pairing: work report for 2019\n\n"
        f"1. Trade. {trade}\n\n"
        "2. Labour. 800 people were placed in jobs in Guizhou with Licang's help.\n"
    )
    assert _sides(text, 2019)["800 people"][1] == recipient


# -- class 8: givers listed "each" or "respectively" before one place written as a list of as many names -----------


def _facts_of(text: str, figure: str) -> list[tuple[str | None, str | None]]:
    ex = read_report(text, report_year=2011)
    return [(f.donor, f.recipient) for f in ex.facts if ex.mentions[f.mention].text == figure]


def test_givers_each_giving_to_a_list_of_as_many_places_pair_up_in_order() -> None:
    text = (
        "Fujian Province's Aid to Ningxia\n\n"
        "      【Guyuan City】 Fuzhou, Xiamen and Quanzhou each gave 2 million Yuan to Xiji, Longde and Pengyang "
        "counties for clinics.\n"
    )
    assert _facts_of(text, "2 million Yuan") == [("Fuzhou", "Xiji"), ("Xiamen", "Longde"), ("Quanzhou", "Pengyang")]


def test_givers_giving_to_a_list_of_other_length_give_to_the_whole_list() -> None:
    text = (
        "Fujian Province's Aid to Ningxia\n\n"
        "      【Guyuan City】 Fuzhou and Xiamen each gave 2 million Yuan to Xiji, Longde and Pengyang counties.\n"
    )
    recipients = {r for _, r in _facts_of(text, "2 million Yuan")}
    assert len(recipients) == 1 and recipients.pop().startswith("Xiji, Longde and Pengyang")  # not split


# -- class 9: a province the donor aids nothing in, named in passing, is no scene of the next sentence ---------------


@pytest.mark.parametrize(
    ("passing", "recipient"),
    [
        ("The floods did damage in Hunan as well.", "Yunnan"),  # Shanghai aids nothing in Hunan
        ("The floods did damage in Wenshan Prefecture.", "Wenshan Prefecture"),  # negative: an aided area
    ],
)
def test_a_province_named_in_passing_is_no_scene(passing: str, recipient: str) -> None:
    text = f"Shanghai-Yunnan Pairing Cooperation\n\n【Overview】 {passing} In all 312 projects were carried out.\n"
    assert _sides(text, 2008)["312 projects"][1] == recipient
