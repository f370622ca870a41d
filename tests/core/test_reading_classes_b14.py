"""Classes of reading error of blind set b14 (issue 11), each fixed as a general rule and tested here on
made-up text (no sentence, name or value of any report): flattened tables with a column of changes whose cells
are signed ("+8", "+12.5%"), and page counts ("page 2 of 9")."""

from __future__ import annotations

from decimal import Decimal

from pairaid.core.extract import Period, read_report


def _period(p: Period) -> str:
    return f"cumulative:{p.start_year}-{p.end_year}" if p.kind == "cumulative" else f"{p.kind}:{p.year}"


def _facts(text: str, year: int = 2012) -> dict[str, list[tuple[str, str, str | None, int | None]]]:
    ex = read_report(text, report_year=year, donor="Anhe", recipient="Baishan")
    out: dict[str, list[tuple[str, str, str | None, int | None]]] = {}
    for f in ex.facts:
        change = str(f.change_percent) if f.change_percent is not None else None
        out.setdefault(ex.mentions[f.mention].text, []).append(
            (f.indicator, _period(f.period), change, f.change_base_year)
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
