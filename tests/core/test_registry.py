"""The pairing registry's reader and validator: made-up rows give the named errors; the shipped files validate."""

from __future__ import annotations

import pytest

from pairaid.core.errors import DataError
from pairaid.core.registry import (
    COLUMNS,
    PairingRecord,
    read_pairing_rows,
    read_registry_csv,
    read_shipped_registry,
    shipped_registry,
    validate_pairings,
)

SOURCE = {"source_url": "https://example.org/notice.html", "source_title": "A notice"}


def row(**values: str) -> dict[str, str]:
    base = dict.fromkeys(COLUMNS, "")
    base.update(programme="east_west", level="province", start_year="1996", basis="stated", **SOURCE)
    base.update(values)
    return base


def record(key: str, donor: str, recipient: str, level: str, start: str, end: str = "", parent: str = "") -> dict:
    return row(
        key=key, donor_code=donor, recipient_code=recipient, level=level, start_year=start, end_year=end, parent=parent
    )


def messages(rows: list[dict[str, str]], where: str = "pairings_test.csv") -> list[str]:
    records, errors = read_pairing_rows(rows, where=where)
    return [str(e) for e in errors] + [str(e) for e in validate_pairings(records)]


def test_a_good_row_reads_into_a_record() -> None:
    records, errors = read_pairing_rows(
        [record("xj2010-shandong-kashi", "370000", "653100", "prefecture", "2010")], where="f.csv"
    )
    assert errors == []
    assert records == [
        PairingRecord(
            key="xj2010-shandong-kashi",
            programme="east_west",
            level="prefecture",
            donor_code="370000",
            donor_organisation=None,
            recipient_code="653100",
            recipient_organisation=None,
            start_year=2010,
            end_year=None,
            parent=None,
            source_url="https://example.org/notice.html",
            source_title="A notice",
            basis="stated",
        )
    ]
    assert (records[0].where, records[0].line) == ("f.csv", 2)
    assert records[0].in_force(2010) and not records[0].in_force(2009)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"donor_code": "370000x"}, "f.csv:2: donor_code 370000x is not an area code (six digits)"),
        ({"donor_code": ""}, "f.csv:2: donor_code is empty, and so is donor_organisation: the donor is missing"),
        (
            {"recipient_organisation": "Somebody"},
            "f.csv:2: recipient_code and recipient_organisation are both given; a recipient is one or the other",
        ),
        ({"key": "Shandong_Kashi"}, "f.csv:2: key 'Shandong_Kashi' is not lowercase ascii words joined by dashes"),
        ({"programme": "westward"}, "f.csv:2: programme 'westward' is not one of east_west, xinjiang, tibet"),
        ({"level": ""}, "f.csv:2: level is empty, expected one of province, prefecture, county, institution"),
        ({"start_year": "96"}, "f.csv:2: start_year 96 is not a year between 1949 and 2100"),
        ({"end_year": "1990"}, "f.csv:2: end_year 1990 is before start_year 1996"),
        ({"parent": "ew-a"}, "f.csv:2: parent is the row itself"),
        (
            {"source_url": ""},
            "f.csv:2: source_url is empty: every line needs the address of a public document that states it",
        ),
        ({"source_url": "gov.cn/notice"}, "f.csv:2: source_url gov.cn/notice is not an http(s) address"),
        ({"source_title": " "}, "f.csv:2: source_title is empty: name the document"),
        ({"basis": "guessed"}, "f.csv:2: basis 'guessed' is not one of stated, inferred"),
        ({"basis": "inferred"}, "f.csv:2: note is empty: an inferred line says what it was inferred from"),
    ],
)
def test_a_bad_row_gives_an_error_naming_file_line_and_column(values: dict[str, str], expected: str) -> None:
    rows = [row(key="ew-a", donor_code="370000", recipient_code="650000") | values]
    records, errors = read_pairing_rows(rows, where="f.csv")
    assert [str(e) for e in errors] == [expected]
    assert records == []
    assert errors[0].column == expected.split(": ", 1)[1].split(" ")[0]


def test_a_row_lacking_columns_is_one_error_and_blank_rows_are_skipped() -> None:
    records, errors = read_pairing_rows([{"key": "ew-a"}, dict.fromkeys(COLUMNS, "")], where="f.csv", first_line=5)
    assert records == []
    assert [str(e) for e in errors] == [f"f.csv:5: missing column(s): {', '.join(COLUMNS[1:])}"]


def test_spreadsheet_numbers_read_as_codes_and_years() -> None:
    values = row(key="ew-a", donor_code="370000", recipient_code="650000") | {"start_year": 1996.0, "end_year": 2010}
    values["donor_code"] = 370000  # type: ignore[assignment]
    records, errors = read_pairing_rows([values], where="f.xlsx")
    assert errors == []
    assert (records[0].donor_code, records[0].start_year, records[0].end_year) == ("370000", 1996, 2010)


def test_an_area_code_must_be_in_the_area_table_and_the_level_must_be_the_recipients() -> None:
    assert messages(
        [
            record("ew-a", "370099", "650000", "province", "1996"),
            record("ew-b", "370000", "653100", "province", "1996"),
        ]
    ) == [
        "pairings_test.csv:2: donor_code 370099 is not an area code of the area table",
        "pairings_test.csv:3: level province is not the level of the recipient 喀什地区 (prefecture)",
    ]


def test_an_organisation_recipient_makes_an_institution_pairing() -> None:
    bad = row(key="ew-a", donor_code="370000", recipient_organisation="A hospital", level="county")
    good = row(key="ew-b", donor_code="370000", recipient_organisation="A school", level="institution")
    assert messages([bad, good]) == [
        "pairings_test.csv:2: level county: a recipient organisation makes an institution pairing"
    ]


def test_duplicate_keys_and_overlapping_pairs_are_named() -> None:
    assert messages(
        [
            record("ew-a", "370000", "650000", "province", "1996", "2010"),
            record("ew-a", "350000", "640000", "province", "1996"),
            record("ew-c", "370000", "650000", "province", "2010", "2012"),
            record("ew-d", "370000", "650000", "province", "2011"),
        ]
    ) == [
        "pairings_test.csv:3: key ew-a is used twice (first at pairings_test.csv:2)",
        "pairings_test.csv:4: key ew-c pairs 370000 with 650000 in 2010–2012, as ew-a (pairings_test.csv:2) "
        "already does in 1996–2010",
        "pairings_test.csv:5: key ew-d pairs 370000 with 650000 in 2011–open, as ew-c (pairings_test.csv:4) "
        "already does in 2010–2012",
    ]


def test_the_same_pair_in_two_programmes_or_in_turn_is_no_duplicate() -> None:
    rows = [
        record("ew-a", "370000", "653100", "prefecture", "1996", "2009"),
        record("ew-b", "370000", "653100", "prefecture", "2010"),
        record("xj-a", "370000", "653100", "prefecture", "2010") | {"programme": "xinjiang"},
    ]
    assert messages(rows) == []


def test_a_parent_must_exist_cover_the_years_and_contain_both_sides() -> None:
    assert messages(
        [
            record("ew-sd-xj", "370000", "650000", "province", "1996", "2010"),
            record("ew-sd-kashi", "370000", "653100", "prefecture", "1996", "2010", parent="ew-sd-xj"),
            record("ew-qd-shule", "370200", "653122", "county", "2005", "2010", parent="ew-sd-kashi"),
            record("ew-late", "370000", "653100", "prefecture", "2009", "2012", parent="ew-sd-xj"),
            record("ew-bj-kashi", "110000", "653200", "prefecture", "2000", "2005", parent="ew-sd-xj"),
            record("ew-orphan", "370000", "653200", "prefecture", "2011", parent="ew-missing"),
            record("xj-a", "370000", "653128", "county", "2005", "2010", parent="ew-sd-kashi")
            | {"programme": "xinjiang"},
        ]
    ) == [
        "pairings_test.csv:5: key ew-late pairs 370000 with 653100 in 2009–2012, as ew-sd-kashi "
        "(pairings_test.csv:3) already does in 1996–2010",
        "pairings_test.csv:5: parent ew-sd-xj runs 1996–2010, which does not cover this pairing's 2009–2012",
        "pairings_test.csv:6: donor_code 110000 is neither parent ew-sd-xj's donor 370000 nor within it",
        "pairings_test.csv:7: parent ew-missing is not the key of a pairing",
        "pairings_test.csv:8: parent ew-sd-kashi is of programme east_west, not xinjiang",
    ]


def test_a_parent_may_be_a_known_record_and_cycles_are_caught() -> None:
    known = read_pairing_rows([record("ew-sd-xj", "370000", "650000", "province", "1996", "2010")], where="db")[0]
    records, _ = read_pairing_rows(
        [
            record("ew-sd-kashi", "370000", "653100", "prefecture", "1996", "2010", parent="ew-sd-xj"),
            record("ew-x", "370000", "653122", "county", "2000", "2001", parent="ew-y"),
            record("ew-y", "370000", "653122", "county", "2002", "2003", parent="ew-x"),
        ],
        where="new.csv",
    )
    assert [str(e) for e in validate_pairings(records, known=known)] == [
        "new.csv:3: parent ew-y leads back to ew-x: a pairing is its own ancestor",
        "new.csv:4: parent ew-x leads back to ew-y: a pairing is its own ancestor",
    ]


def test_a_csv_text_reports_header_problems_once_and_counts_its_lines() -> None:
    records, errors = read_registry_csv("key,programme,colour\n", where="x.csv")
    assert records == []
    assert [str(e) for e in errors] == [
        "x.csv:1: header lacks column(s): level, donor_code, donor_organisation, recipient_code, "
        "recipient_organisation, start_year, end_year, parent, source_url, source_title, basis, note",
        "x.csv:1: header has unknown column(s): colour",
    ]
    text = ",".join(COLUMNS) + "\n"
    text += 'ew-a,east_west,province,370000,,650000,,1996,,,https://e.org/a,A,stated,"two\nlines"\n'
    text += "ew-b,east_west,province,37000,,650000,,1996,,,https://e.org/a,A,stated,\n"
    records, errors = read_registry_csv("\ufeff" + text, where="x.csv")
    assert [r.key for r in records] == ["ew-a"]
    assert records[0].note == "two\nlines"
    assert [str(e) for e in errors] == ["x.csv:4: donor_code 37000 is not an area code (six digits)"]


def test_the_shipped_registry_validates() -> None:
    reading = read_shipped_registry()
    assert [str(e) for e in reading.errors] == []
    keys = [r.key for r in shipped_registry()]
    assert len(keys) == len(set(keys)) == len(reading.records)
    # parents come first
    assert all(r.parent is None or keys.index(r.parent) < keys.index(r.key) for r in shipped_registry())


def test_every_shipped_line_has_a_source_and_says_how_it_is_known() -> None:
    for r in shipped_registry():
        assert r.source_url.startswith(("http://", "https://")) and r.source_title, r.key
        assert r.basis == "stated" or r.note, r.key


def test_shipped_registry_raises_when_a_file_does_not_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    import pairaid.core.registry as registry

    bad = ",".join(COLUMNS) + "\new-a,east_west,province,370000,,650000,,1996,,,,,stated,\n"
    monkeypatch.setattr(registry, "shipped_registry_files", lambda: [("pairings_bad.csv", bad)])
    shipped_registry.cache_clear()
    try:
        with pytest.raises(DataError, match=r"pairings_bad\.csv:2: source_url is empty"):
            shipped_registry()
    finally:
        monkeypatch.undo()
        shipped_registry.cache_clear()


def test_a_former_code_serves_only_in_its_years_and_an_area_only_once_it_exists() -> None:
    assert messages(
        [
            record("tb-a", "370000", "542300", "prefecture", "1995", "2013"),  # 日喀则地区's code until 2014
            record("tb-b", "310000", "542300", "prefecture", "1995"),
            record("xj-a", "320000", "659008", "county", "2010"),  # 可克达拉市, set up in 2015
            record("xj-b", "320000", "659008", "county", "2015"),
        ]
    ) == [
        "pairings_test.csv:3: recipient_code 542300 was the code of 日喀则地区 until 2014, not in all of "
        "1995–open: write 540200 (日喀则市)",
        "pairings_test.csv:4: recipient_code 659008 (可克达拉市) was established in 2015, after start_year 2010",
        "pairings_test.csv:5: key xj-b pairs 320000 with 659008 in 2015–open, as xj-a (pairings_test.csv:4) "
        "already does in 2010–open",
    ]


def test_a_former_code_and_the_current_code_are_one_area() -> None:
    # the same pair written with the former and the current code of Shigatse overlaps
    assert messages(
        [
            record("tb-a", "370000", "542300", "prefecture", "1995", "2013"),
            record("tb-b", "370000", "540200", "prefecture", "2013", "2020"),
            record("tb-c", "370000", "540202", "county", "2014", "2015", parent="tb-b"),
        ]
    ) == [
        "pairings_test.csv:3: key tb-b pairs 370000 with 540200 in 2013–2020, as tb-a (pairings_test.csv:2) "
        "already does in 1995–2013"
    ]


def test_a_division_of_the_corps_nests_under_xinjiang() -> None:
    assert messages(
        [
            record("xj-zj", "330000", "650000", "province", "2010"),
            record("xj-zj-1", "330000", "660100", "prefecture", "2010", parent="xj-zj"),
            record("xj-zj-alar", "330000", "659002", "county", "2010", parent="xj-zj-1"),
        ]
    ) == []
