"""Classes of place error of blind set b19 (issue 11: each fact's donor and recipient), each fixed as a general
rule and tested here on made-up text (no sentence or value of any report; real area names where the rule reads
the gazetteer or the shipped registry of pairings)."""

from __future__ import annotations

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
