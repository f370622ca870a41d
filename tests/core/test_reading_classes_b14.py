"""Classes of reading error of blind set b14 (issue 11), each fixed as a general rule and tested here on
made-up text (no sentence, name or value of any report): flattened tables with a column of changes whose cells
are signed ("+8", "+12.5%"), and page counts ("page 2 of 9")."""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.extract import read_report
from tests.core.fact_views import period_key


def _facts(text: str, year: int = 2012) -> dict[str, list[tuple[str, str, str | None, int | None]]]:
    ex = read_report(text, report_year=year, donor="Anhe", recipient="Baishan")
    out: dict[str, list[tuple[str, str, str | None, int | None]]] = {}
    for f in ex.facts:
        change = str(f.change_percent) if f.change_percent is not None else None
        out.setdefault(ex.mentions[f.mention].text, []).append(
            (f.indicator, period_key(f.period), change, f.change_base_year)
        )
    return out


BARRED_CHANGES = (
    "Anhe and Baishan: Main Figures, 2012\n\n"
    "Item | 2012 | 2011 | Change\n"
    "Fiscal aid funds (million yuan) | 84.5 | 60.0 | +40.8%\n"
    "Aid projects (number) | 41 | 33 | +8\n"
    "Doctors sent (persons) | 25 | 28 | -3\n\n"
    "Compiled by the Anhe office; page 2 of 9.\n"
)


def test_signed_cells_of_a_change_column_are_rates_or_differences_in_their_rows_unit() -> None:
    ex = read_report(BARRED_CHANGES, report_year=2012, donor="Anhe", recipient="Baishan")
    got = {BARRED_CHANGES[m.start : m.end]: (m.value, m.unit, m.noun) for m in ex.mentions}
    assert got["84.5"] == (Decimal("84500000"), "CNY", None)
    assert got["40.8%"] == (Decimal("40.8"), "percent", None)
    assert got["8"] == (Decimal(8), "count", "project")
    assert got["3"] == (Decimal(3), "person", "doctor")
    assert "9" not in got  # the count of pages
    facts = _facts(BARRED_CHANGES)
    assert facts["84.5"] == [("government_aid_funds", "year:2012", "40.8", 2011)]
    assert facts["60.0"] == [("government_aid_funds", "year:2011", None, None)]
    assert facts["41"] == [("aid_projects", "year:2012", None, None)]
    assert "8" not in facts and "3" not in facts and "40.8%" not in facts  # changes stay unbound


def test_a_plus_before_a_telephone_number_is_no_sign_of_a_figure() -> None:
    ex = read_report("Anhe sent 12 teachers to Baishan. Call +86 for the office.\n", report_year=2012)
    assert [m.text for m in ex.mentions] == ["12 teachers"]


TITLE_CASE_HEADER = (
    "Table 4  Anhe's aid to Baishan by county, 2012\n"
    "Aided county Aiding district Aid funds (10,000 yuan) Wells dug Doctors trained (persons)\n"
    "Linxi Dongcheng 850 14 120\n"
    "Heping Xicheng 620 9 85\n"
    "Total 1,470 23 205\n"
    "Source: Anhe aid office.\n"
)


def test_a_single_spaced_header_splits_at_its_capitals_and_its_first_columns_name_the_sides() -> None:
    ex = read_report(TITLE_CASE_HEADER, report_year=2012, donor="Anhe", recipient="Baishan")
    got = {TITLE_CASE_HEADER[m.start : m.end]: (m.value, m.unit, m.noun) for m in ex.mentions}
    assert got["850"] == (Decimal(8_500_000), "CNY", None)
    assert got["1,470"] == (Decimal(14_700_000), "CNY", None)
    assert got["120"] == (Decimal(120), "person", "doctor")
    assert "10,000 yuan" not in got  # the header's unit states no amount
    sides = {
        (ex.mentions[f.mention].text, f.indicator): (f.donor, f.recipient, f.period.year)
        for f in ex.facts
        if f.indicator in ("aid_funds", "people_trained")
    }
    assert sides[("850", "aid_funds")] == ("Dongcheng", "Linxi", 2012)
    assert sides[("620", "aid_funds")] == ("Xicheng", "Heping", 2012)
    assert sides[("1,470", "aid_funds")] == ("Anhe", "Baishan", 2012)
    assert sides[("85", "people_trained")] == ("Xicheng", "Heping", 2012)


def test_addresses_day_ranges_and_settlers() -> None:
    text = (
        "Anhe held a trade fair in Baishan from 12 to 14 May, where 30 contracts were signed. "
        "A village begun in 2001 with 2,400 settlers now has 9,000 residents.\n\n"
        "Anhe Aid Office, 88 Heping Road, Anhe 100021.\n"
    )
    ex = read_report(text, report_year=2012)
    got = {text[m.start : m.end]: (m.unit, m.noun) for m in ex.mentions}
    assert got == {
        "30 contracts": ("count", "contract"),
        "2,400 settlers": ("person", "settler"),
        "9,000 residents": ("person", "resident"),
    }


CUES = (
    "Anhe - Baishan pairing assistance\n\n"
    "Anhe sent relief teams of 120 people and medical teams of 45 people to the county. "
    "The ninth batch of Anhe cadres in Baishan, 38 people, worked there in 2012. "
    "Six village schools and 3 township clinics were put into use. "
    "Anhe ran 25 training classes attended by 1,900 person-times. "
    "The Anhe doctors in Baishan hospitals handled 18,300 outpatients. "
    "It subsidised 3,200 comfortable housing units and brought 27 villages to the standard of model villages. "
    "Fourteen medical experts from Anhe hospitals worked at the county hospital. "
    "Sales of Baishan beef, mutton and peppers through Anhe markets came to 26 million yuan. "
    "A fruit campaign sold 8,000 tons of mangoes worth 90 million yuan.\n"
)


def test_cues_of_teams_batches_facilities_in_use_training_attended_patients_housing_and_sales() -> None:
    facts = _facts(CUES)
    assert "120 people" not in facts  # a relief team is no professionals sent
    assert facts["45 people"] == [("professionals_sent", "year:2012", None, None)]
    assert facts["38 people"] == [("cadres_seconded", "year:2012", None, None)]
    assert facts["Six village schools"] == [("schools", "year:2012", None, None)]
    assert facts["3 township clinics"] == [("health_facilities", "year:2012", None, None)]
    assert facts["1,900 person-times"] == [("people_trained", "year:2012", None, None)]
    assert facts["18,300 outpatients"] == [("patients_treated", "year:2012", None, None)]
    assert facts["3,200"] == [("houses", "year:2012", None, None)]
    assert facts["27 villages"] == [("villages", "year:2012", None, None)]
    assert facts["Fourteen medical experts"] == [("professionals_sent", "year:2012", None, None)]
    assert facts["26 million yuan"] == [("consumption_assistance", "year:2012", None, None)]
    assert facts["90 million yuan"] == [("consumption_assistance", "year:2012", None, None)]


def _sides(text: str, year: int) -> dict[str, tuple[str | None, str | None]]:
    ex = read_report(text, report_year=year)
    return {ex.mentions[f.mention].text: (f.donor, f.recipient) for f in ex.facts}


def test_a_provincial_chapter_whose_later_section_names_its_eastern_partners_has_no_donor() -> None:
    text = (
        "Hunan Province\n\n"
        "【Overview】 Hunan built 420 new village roads in 2018 and trained 8,100 farmers.\n\n"
        "【East-west cooperation】 Jinan, Hunan's partner in the east, provided aid funds of 96 million yuan to "
        "Xiangxi in 2018.\n"
    )
    sides = _sides(text, 2018)  # the opening paragraph names no pairing: a province's own chapter (F9)
    assert sides["8,100 farmers"] == (None, "Hunan Province")
    assert sides["96 million yuan"] == (None, "Hunan Province")


def test_a_news_headline_of_no_one_area_takes_the_sides_of_an_a_b_pairing_in_its_opening() -> None:
    text = (
        "Officials meet to review the year's work\n\n"
        "XIANGXI, May 4, 2031 -- Officials met in Jishou on Monday for the joint meeting on Jinan–Xiangxi "
        "pairing assistance.\n\n"
        "Jinan sent 45 teachers to Xiangxi in 2030 and allocated 88 million yuan of fiscal funds.\n"
    )
    sides = _sides(text, 2030)
    assert sides["45 teachers"] == ("Jinan", "Xiangxi")
    assert sides["88 million yuan"] == ("Jinan", "Xiangxi")


def test_a_part_named_donations_from_givers_or_a_governments_funds_takes_its_own_channel() -> None:
    facts = _facts(
        "Since 2001 Anhe has provided 2.1 billion yuan in total, including fiscal funds of 1.8 billion yuan and "
        "donations from firms and citizens of 300 million yuan. In 2012 Anhe's aid came to 420 million yuan. "
        "This included the city government's plan funds of 380 million yuan.",
        year=2012,
    )
    assert facts["300 million yuan"] == [("social_donations", "cumulative:2001-2012", None, None)]
    assert facts["380 million yuan"] == [("government_aid_funds", "year:2012", None, None)]


def test_a_page_on_aid_to_a_province_or_a_communique_takes_the_pairing_of_its_later_paragraph_or_section() -> None:
    aid = (
        "Aid to Gansu\n\n"
        "In 2019 the aid work went on around the year's task list, with the southern counties first.\n\n"
        "Tianjin's aid funds for Gansu came to 77 million yuan for the year, spent on 31 projects.\n"
    )
    assert _sides(aid, 2019)["77 million yuan"][0] == "Tianjin"  # a title on aid: no province's own chapter
    communique = (
        "Statistical Communique of Gansu Province on the 2019 Economy (excerpt)\n\n"
        "Gansu Provincial Bureau of Statistics\n\n"
        "IX. East-West Cooperation\n\n"
        "The rural poor fell by 650,000 people over the year.\n\n"
        "Tianjin provided fiscal aid funds of 58 million yuan to Gansu during the year.\n"
    )
    assert _sides(communique, 2019)["58 million yuan"][0] == "Tianjin"  # its first section with a body
