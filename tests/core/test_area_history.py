"""Areas cpca's table lacks (the Production and Construction Corps), and areas' other codes and names."""

from __future__ import annotations

import pytest

from pairaid.core.area_history import OtherCode, load_area_history
from pairaid.core.areas import AreaRecord, area_codes, load_area_records
from pairaid.core.gazetteer_store import default_gazetteer


def _by_code() -> dict[str, AreaRecord]:
    """The area table's records by their own code."""
    return {r.code: r for r in load_area_records()}


def test_the_corps_its_fourteen_divisions_and_its_twelve_cities_are_areas() -> None:
    index = _by_code()
    divisions = [r for r in index.values() if r.parent_code == "660000"]
    assert [d.code for d in divisions] == [f"66{n:02d}00" for n in range(1, 15)]
    assert {d.level for d in divisions} == {"prefecture"}
    cities = {r.code: r.parent_code for r in index.values() if r.code.startswith("6590")}
    assert cities == {
        "659001": "660800",
        "659002": "660100",
        "659003": "660300",
        "659004": "660600",
        "659005": "661000",
        "659006": "660200",
        "659007": "660500",
        "659008": "660400",
        "659009": "661400",
        "659010": "660700",
        "659011": "661300",
        "659012": "660900",
    }
    kokdala = index["659008"]
    assert (kokdala.name_zh, kokdala.name_en, kokdala.level, kokdala.established) == (
        "可克达拉市",
        "Kekedala City",
        "county",
        2015,
    )
    assert index["659002"].established == 2002  # a city of cpca's table, given its year


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("农三师", "660300"),
        ("兵团第三师", "660300"),
        ("XPCC 14th Division", "661400"),
        ("Fourteenth Division", "661400"),
        ("建工师", "661100"),
        ("兵团", "660000"),
        ("Xinjiang Production and Construction Corps", "660000"),
        ("Beitun", "659005"),
        ("可克达拉", "659008"),
        ("日喀则地区", "540200"),  # the prefecture's name until 2014
        ("吐鲁番地区", "650400"),
        ("林芝县", "540402"),  # the county became Bayi District in 2015
    ],
)
def test_names_of_the_corps_and_former_names_resolve(name: str, code: str) -> None:
    best = default_gazetteer().best(name)
    assert best is not None and best.area.code == code


def test_the_later_name_of_nagqu_ranks_first() -> None:
    # the table has 那曲地区, a city since 2017; 那曲县 (now 色尼区) is a close second
    assert [c.area.code for c in default_gazetteer().resolve("那曲市")][:2] == ["542400", "542421"]


def test_a_report_of_2009_names_the_county_level_city_of_shigatse_now_a_district() -> None:
    found = [c.area.code for c in default_gazetteer().resolve("日喀则市")]
    assert found[:2] == ["540200", "540202"]  # the city of today first, the former county-level city next


def test_former_and_later_codes_give_their_area_with_years() -> None:
    codes = area_codes()
    assert codes["542300"].code == "540200"
    assert codes["542300"].other_codes == (OtherCode("542300", "日喀则地区", None, 2014),)
    assert codes["540600"].code == "542400"
    assert codes["540600"].other_codes[0].in_use(2018, None)
    assert not codes["540600"].other_codes[0].in_use(2010, None)
    assert codes["542300"].other_codes[0].in_use(1994, 2014)
    assert not codes["542300"].other_codes[0].in_use(1994, None)
    assert codes["540200"] is _by_code()["540200"]


def test_every_entry_names_a_listed_source() -> None:
    history = load_area_history()
    assert len(history.added) == 22  # the Corps, 14 divisions, 7 cities newer than cpca's table
    assert set(history.parents) == {"659001", "659002", "659003", "659004", "659006"}
