"""Classes of place error of blind set b20 (issue 11: each fact's donor and recipient), each fixed as a general
rule and tested here on made-up text (no sentence or value of any report; real area names where the rule reads
the gazetteer)."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from pairaid.core.extract.opening_parties import opening_pairing
from pairaid.core.extract.places import report_parties
from pairaid.core.extract.title_pairing import title_pairing


def _sides(text: str, year: int, **given: str) -> dict[str, tuple[str | None, str | None]]:
    ex = read_report(text, report_year=year, **given)
    return {ex.mentions[f.mention].text: (f.donor, f.recipient) for f in ex.facts}


# -- class 1: a national overview whose title holds a hyphenated word of policy (F9: national parties) ---------


def test_a_hyphenated_word_of_a_title_is_no_pairing_and_the_overview_stays_national() -> None:
    text = (
        "The Nation's Development-Oriented Poverty Work: The Coast Helps the Interior\n\n"
        "From 2031 to 2033 the eastern provinces gave the western areas 2.4 billion yuan of aid.\n"
    )
    parties = report_parties(text, text.splitlines()[0])
    assert (parties.donor, parties.recipient, parties.kind) == (
        "eastern provinces and municipalities", "western poor areas", "national",
    )
    assert _sides(text, 2033)["2.4 billion yuan"] == ("eastern provinces and municipalities", "western poor areas")


def test_a_title_of_two_names_joined_by_a_hyphen_still_names_its_pairing() -> None:
    title = "Anhe-Baishan Pairing Assistance"
    parties = report_parties(f"{title}\n\nIn 2031 the work went on.\n", title)
    assert (parties.donor, parties.recipient) == ("Anhe", "Baishan")


# -- class 2: a headline naming an eastern area and a western one in words of its own (F9) --------------------

HEADLINES = [
    ("Xiamen aid brings water and a school to Zhouqu", ("Xiamen", "Zhouqu")),
    ("Xiamen Finishes Its Task of Rebuilding Zhouqu", ("Xiamen", "Zhouqu")),
    ("Farmers of Zhouqu sell walnuts to buyers in Xiamen", ("Xiamen", "Zhouqu")),
    ("Zhouqu County Statistical Communique", None),
    ("Xiamen and Fuzhou sign an accord", None),
]


@pytest.mark.parametrize(("title", "expected"), HEADLINES)
def test_a_headline_names_its_pairing_by_its_areas_need(title: str, expected: tuple[str, str] | None) -> None:
    assert title_pairing(title) == expected


def test_a_headline_pairing_the_registry_does_not_list_gives_its_figures_both_sides() -> None:
    text = (
        "Xiamen Finishes Its Task of Rebuilding Zhouqu\n\n"
        "After the flood of 2031, Xiamen was asked to help Zhouqu in Gansu Province rebuild.\n\n"
        "From 2031 to 2033 Xiamen put 940 million yuan into 61 projects in Zhouqu.\n"
    )
    sides = _sides(text, 2033)
    assert sides["940 million yuan"] == ("Xiamen", "Zhouqu")
    assert sides["61 projects"] == ("Xiamen", "Zhouqu")


def test_a_province_s_own_communique_keeps_no_donor() -> None:
    text = "Gansu Province Statistical Communique\n\nIn 2031 Gansu Province built 45 schools.\n"
    assert all(donor is None for donor, _ in _sides(text, 2031).values())


# -- class 3: the donor's own province named in its opening is no second donor (F9: the partner as written) -----


def test_the_donor_s_own_province_in_the_opening_is_not_a_co_donor() -> None:
    text = (
        "Foshan and Liangshan look back on the year\n\n"
        "Foshan found work for 3,300 poor people of Liangshan, 1,900 of them in Guangdong. "
        "Skills courses were held for 4,450 people.\n"
    )
    assert opening_pairing(text, 2019) == ("Foshan", "Liangshan")
    assert _sides(text, 2019)["4,450 people"] == ("Foshan", "Liangshan")


def test_a_dashed_title_opening_with_the_keeps_its_two_sides() -> None:
    title = "The Anhe-Baishan Pairing Assistance"
    parties = report_parties(f"{title}\n\nIn 2031 the work went on.\n", title)
    assert parties.kind == "pairing" and parties.recipient == "Baishan"


# -- class 4: places listed "such as" after a group of areas are its examples, not the figure's place (F9) -------


def test_places_given_as_examples_of_a_group_are_not_the_figure_s_place() -> None:
    text = (
        "Shandong-Chongqing Cooperation Progress\n\n"
        "In 2023 Shandong sent 40 doctors to the county hospitals.\n\n"
        "150 projects were started in the paired counties, such as Fengjie, Yunyang and Wushan.\n"
    )
    assert _sides(text, 2023)["150 projects"] == ("Shandong", "Chongqing")
    named = text.replace("such as", "above all in")
    assert _sides(named, 2023)["150 projects"] == ("Shandong", "Fengjie, Yunyang and Wushan")
