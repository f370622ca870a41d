"""Donor and recipient of facts (gold-format.md F4, F9; issue 10 part 3): places through the pairing
registry, the scene of a sentence and of a paragraph, and the side acting.  Every sentence is made up;
the places are real so that the shipped registry and the gazetteer know them."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.opening_parties import opening_pairing
from pairaid.core.extract.pairing_places import recipient_places
from pairaid.core.extract.places import report_parties

SHANDONG = "Shandong - Xinjiang Pairing-off Poverty Alleviation\n"


def places(text: str, year: int = 2009) -> list[tuple[str, str | None, str | None]]:
    ex = read_report(text, report_year=year)
    return [(ex.mentions[f.mention].text, f.donor, f.recipient) for f in ex.facts]


def test_a_name_is_read_against_the_pairings_in_force_in_the_report_year() -> None:
    in_2009 = recipient_places("Shandong", 2009)
    assert in_2009.area_of("Kashi") == "653100"  # the prefecture Shandong helped, not Kashi City
    assert in_2009.area_of("Kashgar") == "653100"
    assert in_2009.area_of("Shule County") == "653122"
    assert in_2009.area_of("Hetian") == "653200"  # the prefecture, not the county or the city
    assert in_2009.area_of("Lhasa") is None  # no pairing of Shandong's
    assert recipient_places("Shandong", 2009).codes != recipient_places("Shandong", 2012).codes
    assert recipient_places(None, 2009).area_of("Kashi") is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a recipient place named anywhere in the sentence, without a preposition
        ("In 2009, 12 officials of Shandong headed groups to visit Kashi.", [("12 officials", "Shandong", "Kashi")]),
        (
            "To help Shule County's farmers, Shandong invested 9 million yuan.",
            [("9 million yuan", "Shandong", "Shule County")],
        ),
        # a place in the figure's own clause wins over one named earlier in the sentence
        (
            "Shandong signed 20 technology projects with Kashi and held 300 trainings for 9,000 people, and"
            " arranged 15 technicians of Xinjiang to study in Shandong.",
            [
                ("20 technology projects", "Shandong", "Kashi"),
                ("300 trainings", "Shandong", "Kashi"),
                ("9,000 people", "Shandong", "Kashi"),
                ("15 technicians", "Shandong", "Xinjiang"),
            ],
        ),
        # "X of Y" where Y holds X is one place, as written (gold-format.md F9)
        (
            "In 2009, Shandong gave aid funds of 8 million yuan to Shule County of Xinjiang.",
            [("8 million yuan", "Shandong", "Shule County of Xinjiang")],
        ),
        # "of Sichuan Province, Liaoning had": a list stops at the donor
        (
            "Shandong gave 4 million yuan to Hotan Prefecture, Shandong's cities gave more.",
            [("4 million yuan", "Shandong", "Hotan Prefecture")],
        ),
    ],
)
def test_a_sentence_names_its_figures_place(body: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert places(SHANDONG + body) == expected


def test_a_paragraph_carries_its_place_to_later_figures_until_another_replaces_it() -> None:
    body = (
        "In 2009, Shandong invested 16 million yuan in Shule County. By the end of 2009, 110 houses were built"
        " and 40 schools repaired. In Yingjisha County, Shandong installed solar power for 100 households.\n"
        "Shandong sent 30 teachers.\n"
    )
    assert places(SHANDONG + body) == [
        ("16 million yuan", "Shandong", "Shule County"),
        ("110 houses", "Shandong", "Shule County"),
        ("40 schools", "Shandong", "Shule County"),
        ("100 households", "Shandong", "Yingjisha County"),
        ("30 teachers", "Shandong", "Xinjiang"),  # a new paragraph starts from the report's recipient
    ]


def test_the_county_s_gdp_lands_on_the_county_not_on_the_region() -> None:
    body = "Shandong built 20 projects in Shule County. In 2009, the county's GDP reached 3.5 billion yuan.\n"
    assert places(SHANDONG + body)[-1] == ("3.5 billion yuan", None, "Shule County")


def test_a_breakdown_by_place_does_not_carry_past_its_sentence() -> None:
    body = (
        "In 2009, Shandong gave aid funds of 30 million yuan for Xinjiang; of this, 20 million yuan went to"
        " Shule County and 10 million yuan to Yingjisha County. A total of 45 aid projects were completed.\n"
    )
    assert places(SHANDONG + body)[-1] == ("45 aid projects", "Shandong", "Xinjiang")


def test_a_figure_for_the_above_areas_goes_to_no_one_place_and_neither_do_its_parts() -> None:
    body = (
        "Shandong gave 5 million yuan to Hotan. In all, Shandong gave 19 million yuan for the above areas, of"
        " which 12 million yuan was from the provincial government.\n"
    )
    assert places(SHANDONG + body)[1:] == [("19 million yuan", "Shandong", None), ("12 million yuan", "Shandong", None)]


def test_what_the_aided_side_did_itself_has_no_donor() -> None:
    body = (
        "Shandong invested 9 million yuan in the park. The recipient counties attracted 60 enterprises with an"
        " investment of 2 billion yuan, and 3,000 people got jobs there.\n"
    )
    assert places(SHANDONG + body) == [
        ("9 million yuan", "Shandong", "Xinjiang"),
        ("60 enterprises", None, "Xinjiang"),
        ("2 billion yuan", None, "Xinjiang"),
        ("3,000 people", None, "Xinjiang"),
    ]


def test_a_province_titled_chapter_whose_aid_goes_to_its_prefectures_names_them() -> None:
    text = (
        "Zhejiang - Sichuan Pairing-off Poverty Alleviation\n"
        "In 2010, Zhejiang Province donated 30 million yuan to 12 counties of Guangyuan and Nanchong. It built"
        " 20 new villages.\n"
    )
    assert places(text, 2010) == [
        ("30 million yuan", "Zhejiang", "Guangyuan and Nanchong"),
        ("20 new villages", "Zhejiang", "Guangyuan and Nanchong"),
    ]


@pytest.mark.parametrize(
    ("title", "donor", "recipient"),
    [
        ("Jiangsu Province Counterpart Support for Huocheng County, Yili", "Jiangsu Province", "Huocheng County"),
        ("Tianjin Aid to Chengguan, Tibet", "Tianjin", "Chengguan"),
        ("Shenzhen Pairing Assistance to Bijie", "Shenzhen", "Bijie"),
        # a donor's chapter on several fronts names no one recipient
        ("Fujian's Counterpart Assistance in 2016", "Fujian", None),
        # the donor, a colon, then the aid (issue 11: blind set 5's chapter titles)
        (
            "Anhe Municipality: Counterpart Support to Baishan Prefecture, Region B",
            "Anhe Municipality",
            "Baishan Prefecture",
        ),
        ("Anhe Province: Aid to Baishan, 2015", "Anhe Province", "Baishan"),
        # the aid, then "between" the two sides, the aiding one first
        ("East-West Poverty Alleviation Cooperation between Anhe and Baishan", "Anhe", "Baishan"),
        # a news headline: the two sides joined by a dash, the aid in lower case
        ("Anhe-Baishan cooperation keeps pace in a busy year", "Anhe", "Baishan"),
        # a verb of aid whose object is the recipient, no "to" (issue 11: blind set 12's classes)
        ("Anhe Province Counterpart Helping Baishan", "Anhe Province", "Baishan"),
        ("Anhe Supporting Baishan Prefecture, 2015", "Anhe", "Baishan Prefecture"),
        # "with" the recipient
        ("Anhe's Cooperation with Baishan Prefecture", "Anhe", "Baishan Prefecture"),
        # a table's caption: its label is no side
        ("Table 3  Anhe Aid to Baishan by County, 2016", "Anhe", "Baishan"),
        ("Figure 2.1: Anhe Province Counterpart Support for Baishan", "Anhe Province", "Baishan"),
    ],
)
def test_a_title_that_names_the_aid_in_words_gives_both_sides(title: str, donor: str, recipient: str | None) -> None:
    parties = report_parties(f"{title}\n\nIn 2016 the work went on.\n", title)
    assert (parties.donor, parties.recipient, parties.kind) == (donor, recipient, "pairing")


def test_a_heading_that_is_an_area_s_name_is_its_section_s_place() -> None:
    text = (
        "Fujian - Ningxia Pairing Assistance\n\n"
        "      【Guyuan】Fujian built 12 schools. Its doctors treated 3,000 patients.\n\n"
        "      More houses followed: Fujian built 40 houses.\n\n"
        "      【Education】Fujian sent 30 teachers.\n"
    )
    assert places(text, 2012) == [
        ("12 schools", "Fujian", "Guyuan"),
        ("3,000 patients", "Fujian", "Guyuan"),
        ("40 houses", "Fujian", "Guyuan"),
        ("30 teachers", "Fujian", "Ningxia"),
    ]


def test_a_county_s_section_keeps_its_figures_when_a_sentence_names_the_prefecture_in_passing() -> None:
    text = (
        "Beijing's Counterpart Support to Hotan Prefecture\n"
        "In 2012, Beijing invested 900 million yuan of aid funds in Hotan Prefecture.\n"
        "Moyu County\n"
        "Aid work in Hotan Prefecture went on. Beijing invested 60 million yuan in the county and built 8 clinics.\n"
    )
    got = places(text, 2012)
    assert got[0] == ("900 million yuan", "Beijing", "Hotan Prefecture")
    assert [r for _, _, r in got[1:]] == ["Moyu County", "Moyu County"]


def test_a_figure_sent_to_the_prefecture_in_its_own_words_stays_the_prefecture_s_in_a_county_section() -> None:
    text = (
        "Beijing's Counterpart Support to Hotan Prefecture\n"
        "Moyu County\n"
        "Beijing built 8 clinics in Moyu County. Beijing invested 900 million yuan in Hotan Prefecture.\n"
    )
    assert places(text, 2012)[-1] == ("900 million yuan", "Beijing", "Hotan Prefecture")


def test_a_chapter_of_two_donors_gives_each_figure_to_the_one_named_last_before_it() -> None:
    text = (
        "Anhe and Linxi: Aid to Baishan, Region B\n\n"
        "Anhe sent 20 doctors to Baishan in 2016 and invested 30 million yuan of aid funds.\n\n"
        "Linxi, for its part, provided 12 million yuan of aid funds and built 4 schools.\n"
    )
    assert places(text, 2016) == [
        ("20 doctors", "Anhe", "Baishan"),
        ("30 million yuan", "Anhe", "Baishan"),
        ("12 million yuan", "Linxi", "Baishan"),
        ("4 schools", "Linxi", "Baishan"),
    ]


@pytest.mark.parametrize("actors", ["Both sides", "The two sides", "The two cities", "Both partners"])
def test_both_sides_acting_make_the_pairing_s_figure_with_its_donor(actors: str) -> None:
    text = (
        "Beijing's Counterpart Support to Hotan Prefecture\n"
        f"In 2012, Hotan attracted 30 enterprises. {actors} attracted 20 enterprises to invest.\n"
    )
    got = places(text, 2012)
    assert got[0][:2] == ("30 enterprises", None)  # the aided side acting: no donor (F9)
    assert got[1][:2] == ("20 enterprises", "Beijing")


def test_a_title_word_is_never_the_donor_and_the_opening_names_the_pairing() -> None:
    # issue 11: "Pairing Assistance to B" read "Pairing" as the donor
    text = (
        "Pairing Assistance to Xinjiang\n\n"
        "In 2012 Beijing carried on its aid to Hotan Prefecture. It built 8 clinics.\n"
    )
    assert places(text, 2012) == [("8 clinics", "Beijing", "Hotan Prefecture")]


def test_a_title_naming_both_sides_before_east_west_splits_them_at_and_not_at_the_hyphen() -> None:
    # a tester's title: "A and B East-West cooperation" gave donor "A and B East" and recipient "West"
    text = "Tianjin and Gansu East-West cooperation in 2016\n\nIn 2016 Tianjin built 8 clinics in Gansu.\n"
    assert places(text, 2016) == [("8 clinics", "Tianjin", "Gansu")]


def test_a_headline_of_one_side_takes_the_pairing_its_opening_names() -> None:
    # the donor is the first name the registry pairs with an area the opening names; a prefecture before
    # the counties within it and before the region around it
    text = (
        "Desert towns thrive with help from the capital\n\n"
        "Moyu County and Lop County of Hotan Prefecture have been aided by Beijing since 2010. "
        "Last year Beijing built 8 clinics.\n"
    )
    assert opening_pairing(text, 2012) == ("Beijing", "Hotan Prefecture")
    assert places(text, 2012) == [("8 clinics", "Beijing", "Hotan Prefecture")]


def test_an_opening_of_made_up_or_unpaired_places_names_no_pairing() -> None:
    assert opening_pairing("Aid work\n\nAnhe built 8 clinics in Baishan.\n", 2012) is None
    assert opening_pairing("Aid work\n\nBeijing built 8 clinics in Hotan.\n", None) is None
    assert places("Aid work in Region B\n\nAnhe built 8 clinics in Baishan in 2012.\n", 2012)[0][1] is None


def test_a_title_whose_sides_aid_no_one_takes_the_pairing_its_opening_names() -> None:
    # issue 11 (blind set 7): a short name for each side ("Twenty Years of Jing–Tian") read "Twenty Years of
    # Jing" as the donor; the registry pairs no one with it, and the opening names Beijing and Hotan
    text = (
        "Ten Years of Jing–He Cooperation\n\n"
        "In 2010 Beijing was paired with Hotan Prefecture. In 2012 Beijing built 8 clinics.\n"
    )
    assert places(text, 2012)[0][:2] == ("8 clinics", "Beijing")
    assert (read_report(text, report_year=2012).donor, read_report(text, report_year=2012).recipient) == (
        "Beijing",
        "Hotan Prefecture",
    )
    # a title donor the registry pairs keeps the title's reading; made-up sides stay as the title gives them
    assert places("Beijing's Aid to Hotan\n\nIn 2012 Beijing built 8 clinics.\n", 2012)[0][1] == "Beijing"
    text = "Ten Years of An–Bai Cooperation\n\nIn 2012 Anhe built 8 clinics in Baishan.\n"
    assert places(text, 2012)[0][1] == "Ten Years of An"


def test_an_opening_listing_areas_of_the_title_s_recipient_keeps_the_title_s_recipient() -> None:
    # issue 11 (blind set 7): "its support to B1, B2 and B3 counties of B" made the list the recipient of
    # every figure; the areas all lie within the title's B, so B is the report's recipient
    text = (
        "Beijing's Aid to Hotan\n\nIn 2012 Beijing carried on its support to Moyu, Lop and Hotan counties of"
        " Hotan Prefecture. It built 8 clinics.\n"
    )
    assert read_report(text, report_year=2012).recipient == "Hotan"
    # one area named: it stays the recipient
    text = "Beijing's Aid to Hotan\n\nIn 2012 Beijing carried on its support to Moyu County. It built 8 clinics.\n"
    assert read_report(text, report_year=2012).recipient == "Moyu County"


def test_a_partnership_headline_names_both_sides() -> None:
    text = "Anhe-Baishan partnership: from roads to jobs\n\nIn 2012 the partners built 8 clinics.\n"
    assert places(text, 2012) == [("8 clinics", "Anhe", "Baishan")]


def test_a_figure_given_to_the_region_around_the_recipient_goes_to_the_recipient() -> None:
    # issue 11: "aid to Xinjiang" in a Hotan chapter is Hotan's, not the region's
    text = (
        "Beijing's Aid to Hotan\n\n"
        "In 2012 Beijing invested 900 million yuan in Hotan. The aid to Xinjiang also trained 300 teachers.\n"
    )
    assert places(text, 2012)[-1] == ("300 teachers", "Beijing", "Hotan")


def test_the_region_stays_when_the_opening_names_other_areas_of_it() -> None:
    text = (
        "Beijing's Aid to Zhangjiakou, Chengde and Baoding\n\n"
        "In 2012 Beijing invested 900 million yuan in Zhangjiakou. It also sent 300 teachers to Hebei.\n"
    )
    assert places(text, 2012)[-1] == ("300 teachers", "Beijing", "Hebei")


def test_an_opening_naming_two_donors_of_the_recipient_gives_both() -> None:
    text = (
        "Work report of the prefecture\n\n"
        "Altay Prefecture is aided by Jilin and Heilongjiang. Jilin built 8 clinics. Heilongjiang sent 20 doctors.\n"
    )
    assert opening_pairing(text, 2017) == ("Jilin and Heilongjiang", "Altay Prefecture")
    assert places(text, 2017) == [
        ("8 clinics", "Jilin", "Altay Prefecture"),
        ("20 doctors", "Heilongjiang", "Altay Prefecture"),
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Toksun", "650422"),
        ("Hoxud", "652828"),
        ("Awat", "652928"),
        ("Jimsar", "652327"),
        ("Mori", "652328"),
        ("Nyima", "542430"),
    ],
)
def test_the_english_names_of_aided_counties_are_known(name: str, code: str) -> None:
    # issue 11: a table row or an opening naming the county by its English name went to the prefecture
    from pairaid.core.extract.opening_parties import known_codes

    assert code in known_codes(name)


def test_a_donors_report_on_pairings_in_several_regions_names_no_one_recipient_for_its_totals() -> None:
    text = (
        "Work report of the municipality\n\n"
        "In 2020 Beijing arranged 900 million yuan for the paired counties of Inner Mongolia and of Zhangjiakou "
        "and Chengde. It built 8 clinics in Chengde.\n"
    )
    assert opening_pairing(text, 2020) == ("Beijing", None)
    assert places(text, 2020)[-1] == ("8 clinics", "Beijing", "Chengde")
    # the region around the areas named is no other pairing
    assert opening_pairing("Aid to Xinjiang\n\nIn 2012 Beijing aided Hotan Prefecture.\n", 2012) == (
        "Beijing",
        "Hotan Prefecture",
    )


def test_places_listed_before_respectively_and_a_colon_pair_up_with_the_figures_after() -> None:
    from pairaid.core.extract.respectively_lists import listed_before as _listed_before

    text = (
        "Shanxi's Aid to Changji\n\n"
        "In 2015 Shanxi invested 331 million yuan. It went to Fukang, Jimsar and Mori respectively: 118 million, "
        "104 million and 79 million yuan.\n"
    )
    ex = read_report(text, report_year=2015)
    first = next(m for m in ex.mentions if m.text == "118 million")
    assert _listed_before(text, ex.sentences, first) == ("Fukang", "Jimsar", "Mori")
    other = text.replace("went to Fukang, Jimsar and Mori", "came from canteens, shops and platforms")
    ex = read_report(other, report_year=2015)
    first = next(m for m in ex.mentions if m.text == "118 million")
    assert _listed_before(other, ex.sentences, first) == ()


def test_a_place_s_share_of_a_sum_goes_to_that_place_and_takes_the_sum_s_kind_of_money() -> None:
    """Issue 11 (parts.place_share): shares named by the place that got them, a list of them, places that
    each received a figure and places listed as receiving a run of figures "respectively"."""
    text = (
        "Shanxi's Aid to Changji\n\n"
        "In 2015 Shanxi's provincial and city budgets together put up 400 million yuan. "
        "Fukang got 170 million yuan, Jimsar 140 million yuan and Mori, the smallest county, 90 million yuan.\n\n"
        "In 2015 Shanxi's city finance allocated another 160 million yuan for Changji.\n\n"
        "Qitai and Jimunai each received 20 million yuan of this year's money. "
        "Fukang, Jimsar and Mori received 30 million, 20 million and 10 million yuan respectively.\n"
    )
    ex = read_report(text, report_year=2015)
    got = [(ex.mentions[f.mention].text, f.indicator, f.recipient) for f in ex.facts]
    assert got[0] == ("400 million yuan", "government_aid_funds", "Changji")
    assert got[1:4] == [
        ("170 million yuan", "government_aid_funds", "Fukang"),
        ("140 million yuan", "government_aid_funds", "Jimsar"),
        ("90 million yuan", "government_aid_funds", "Mori"),
    ]
    assert got[4] == ("160 million yuan", "government_aid_funds", "Changji")
    assert [(t, r) for t, _, r in got[5:7]] == [("20 million yuan", "Qitai"), ("20 million yuan", "Jimunai")]
    assert [(t, r) for t, _, r in got[7:]] == [
        ("30 million", "Fukang"),
        ("20 million", "Jimsar"),
        ("10 million yuan", "Mori"),
    ]
    assert [f.part_of for f in ex.facts] == [None, 0, 0, 0, None, 4, 4, 4, 4, 4]  # of the sum before them
    assert {f.indicator for f in ex.facts} == {"government_aid_funds"}


def test_places_listed_before_a_run_told_respectively_or_each_get_their_figures() -> None:
    """Issue 11 (blind set 8): the places listed before a run of figures told "respectively" (as receivers,
    after "In", or paired with the givers listed first) and the places that received a sum "each"."""
    text = (
        "Anhe - Baishan Pairing-off Aid\n\n"
        "In 2012 Anhe allocated 60 million yuan of government aid funds to Baishan.\n\n"
        "The funds were distributed to Linxi County, Heping County and Anle County, which received 10 million yuan,"
        " 20 million yuan and 18 million yuan respectively; Dongshan and Xishan received 6 million yuan each.\n\n"
        "In Linxi, Heping and Anle, 12, 14 and 9 villages were built respectively. Anhe's Nanqu and Beiqu districts,"
        " which are paired with Linxi and Heping, gave 3 million yuan and 2 million yuan respectively.\n"
    )
    ex = read_report(text, report_year=2012)
    got = [(ex.mentions[f.mention].text, f.indicator, f.donor, f.recipient) for f in ex.facts]
    assert got[1:] == [
        ("10 million yuan", "government_aid_funds", "Anhe", "Linxi County"),
        ("20 million yuan", "government_aid_funds", "Anhe", "Heping County"),
        ("18 million yuan", "government_aid_funds", "Anhe", "Anle County"),
        ("6 million yuan", "government_aid_funds", "Anhe", "Dongshan"),
        ("6 million yuan", "government_aid_funds", "Anhe", "Xishan"),
        ("12", "villages", "Anhe", "Linxi"),
        ("14", "villages", "Anhe", "Heping"),
        ("9 villages", "villages", "Anhe", "Anle"),
        ("3 million yuan", "aid_funds", "Anhe's Nanqu", "Linxi"),
        ("2 million yuan", "aid_funds", "Beiqu", "Heping"),
    ], got


def test_a_title_helping_its_recipient_gives_the_chapter_s_figures_both_sides() -> None:
    # issue 11 (blind set 12's classes): "X Counterpart Helping Y" read as a provincial page of X, no donor
    text = (
        "Jiangsu Province Counterpart Helping Shaanxi\n\n"
        "【Funds】 In 2016, Jiangsu Province granted free aid funds of 12 million yuan. Jiangsu built 40 schools.\n"
    )
    assert places(text, 2016) == [
        ("12 million yuan", "Jiangsu Province", "Shaanxi"),
        ("40 schools", "Jiangsu Province", "Shaanxi"),
    ]


def test_the_places_after_a_part_marker_are_the_parts_not_the_whole_s() -> None:
    # issue 11 (blind set 12's classes): "N, of which M went to B1": B1 is M's place; the whole goes where
    # the chapter's figures go
    text = "Shandong - Kashi Pairing Assistance\n" + (
        "In 2009 Shandong gave aid funds of 30 million yuan, of which 12 million yuan went to Shule County.\n\n"
        "By the end of the year 40 projects had been finished, among them 300 houses in Yengisar County.\n"
    )
    assert places(text) == [
        ("30 million yuan", "Shandong", "Kashi"),
        ("12 million yuan", "Shandong", "Shule County"),
        ("40 projects", "Shandong", "Kashi"),
        ("300 houses", "Shandong", "Yengisar County"),
    ]


def test_two_sides_joined_by_a_hyphen_in_an_opening_are_two_names() -> None:
    # issue 11 (blind set 12's classes): "Shandong-Kashi" gave the donor "Shandong-"
    text = "Remarks at the Joint Meeting of Shandong-Kashi Pairing Cooperation\n\nComrades, the work went on.\n"
    assert opening_pairing(text, 2012) == ("Shandong", "Kashi")


def test_a_place_after_into_or_named_by_an_area_word_in_lower_case_is_a_recipient() -> None:
    # issue 11 (blind set 12's classes): "put N into B", "the villages of B area" (a name the gazetteer does not know)
    text = "Shandong - Kashi Pairing Assistance\n\nShandong carried on its aid in 2009.\n\n" + (
        "In 2009 Shandong put 3 million yuan into Shule county. Shandong built 12 schools for the villages of"
        " Tokkuzbash area.\n"
    )
    assert places(text) == [("3 million yuan", "Shandong", "Shule"), ("12 schools", "Shandong", "Tokkuzbash area")]


def test_a_part_whose_own_words_name_its_place_before_it_goes_there() -> None:
    # issue 11 (blind set 12's classes): "Of this, for B1, N yuan was used": not where the whole went
    text = "Shandong - Kashi Pairing Assistance\n\n" + (
        "In 2009 Shandong gave 8 million yuan to Kashi. Of this, for the villages of Shule County 3 million yuan"
        " was used.\n"
    )
    assert places(text) == [("8 million yuan", "Shandong", "Kashi"), ("3 million yuan", "Shandong", "Shule County")]


def test_a_list_of_places_stops_at_a_name_of_the_donor_s_side_or_an_office() -> None:
    # issue 11 (blind set 12's classes): "to B1, Deputy Governor C said"; "to B1 and A1 District M yuan to B2"
    # where A1 District is of the donor's province
    text = "Shandong - Kashi Pairing Assistance\n\n" + (
        "In 2009 Shandong gave 5 million yuan to Shule County, Deputy Governor Wang said.\n\n"
        "Shandong gave 9 million yuan to Yengisar County and Qingdao gave 2 million yuan to Shufu County.\n"
    )
    assert places(text) == [
        ("5 million yuan", "Shandong", "Shule County"),
        ("9 million yuan", "Shandong", "Yengisar County"),
        ("2 million yuan", "Qingdao", "Shufu County"),
    ]


def test_the_prefecture_named_by_its_kind_alone_is_the_chapter_s_recipient() -> None:
    # issue 11 (blind set 12's classes): "invested N in the prefecture, with A1 building M in B1"
    text = "Shandong - Kashi Prefecture Pairing Assistance\n\n" + (
        "In 2009 Shandong invested 30 million yuan of aid funds in the prefecture, with Qingdao building"
        " 12 schools in Shule County.\n"
    )
    got = places(text)
    assert got[0] == ("30 million yuan", "Shandong", "Kashi Prefecture")
    # no anaphor when the sentence has named a place before: "the prefecture" is that one
    text = "Shandong - Kashi Prefecture Pairing Assistance\n\nShandong built 40 houses in Shule County.\n"
    assert places(text) == [("40 houses", "Shandong", "Shule County")]


def test_an_opening_that_pairs_areas_within_the_title_s_sides_makes_them_the_report_s() -> None:
    # issue 11 (blind set 12's classes): "X City, a county-level city of A, was paired with Y County in B"
    text = "Qingdao - Anshun Pairing Assistance\n\n" + (
        "Pingdu City, a county-level city of Qingdao, was paired with Puding County in Anshun in 2016.\n\n"
        "In 2017 Pingdu allocated 3 million yuan of aid funds.\n"
    )
    assert places(text, 2017) == [("3 million yuan", "Pingdu City", "Puding County")]
    # the title's own sides paired: nothing narrower
    text = "Qingdao - Anshun Pairing Assistance\n\n" + (
        "Qingdao was paired with Anshun in 2013.\n\nQingdao built 9 schools.\n"
    )
    assert places(text, 2017) == [("9 schools", "Qingdao", "Anshun")]
