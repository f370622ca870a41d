"""Importing registry lines: bad rows named and nothing stored, a second import changes nothing, a changed
line updates its pairing with history. The lines are made up for the tests (real area codes)."""

from __future__ import annotations

import pytest

from pairaid.core.registry import read_registry_csv
from pairaid.geo.models import Area
from pairaid.registry.imports import PairingImportError, pairings_import
from pairaid.registry.models import Pairing
from pairaid.registry.services import PairingSpec, pairing_create
from tests.registry.sources import SOURCE

pytestmark = pytest.mark.django_db

HEADER = (
    "key,programme,level,donor_code,donor_organisation,recipient_code,recipient_organisation,"
    "start_year,end_year,parent,source_url,source_title,basis,note\n"
)
GOOD = HEADER + (
    "t-sd-xj,east_west,province,370000,,650000,,1996,2009,,https://example.org/a,Notice A,stated,\n"
    "t-sd-kashi,east_west,prefecture,370000,,653100,,1996,2009,t-sd-xj,https://example.org/a,Notice A,stated,\n"
    "t-sd-shule,east_west,county,370000,,653122,,1996,2009,t-sd-kashi,https://example.org/b,Report B,inferred,"
    "listed after Kashi\n"
    "t-mining-shule,east_west,institution,,Test Mining Group,,Test Hospital,2005,,,https://example.org/c,C,stated,\n"
)


def _import(text: str, *, dry_run: bool = False) -> object:
    records, errors = read_registry_csv(text, where="lines.csv")
    return pairings_import(records=records, read_errors=errors, dry_run=dry_run)


def _stored() -> list[tuple[object, ...]]:
    return list(
        Pairing.objects.order_by("key").values_list(
            "key",
            "level",
            "donor_area__code",
            "donor_organisation__name",
            "recipient_area__code",
            "recipient_organisation__name",
            "start_year",
            "end_year",
            "parent__key",
            "basis",
        )
    )


def test_an_import_stores_every_line_with_its_parent_and_source() -> None:
    done = _import(GOOD)

    assert done.created == ("t-sd-xj", "t-mining-shule", "t-sd-kashi", "t-sd-shule")  # type: ignore[attr-defined]
    assert _stored() == [
        ("t-mining-shule", "institution", None, "Test Mining Group", None, "Test Hospital", 2005, None, None, "stated"),
        ("t-sd-kashi", "prefecture", "370000", None, "653100", None, 1996, 2009, "t-sd-xj", "stated"),
        ("t-sd-shule", "county", "370000", None, "653122", None, 1996, 2009, "t-sd-kashi", "inferred"),
        ("t-sd-xj", "province", "370000", None, "650000", None, 1996, 2009, None, "stated"),
    ]
    shule = Pairing.objects.get(key="t-sd-shule")
    assert (shule.source_url, shule.source_title) == ("https://example.org/b", "Report B")
    assert shule.note == "listed after Kashi"
    assert shule.history.get().history_change_reason == "imported lines.csv:4"


def test_a_second_import_changes_nothing() -> None:
    _import(GOOD)
    history = Pairing.history.count()

    again = _import(GOOD)

    assert (again.created, again.changed, again.unchanged) == ((), (), 4)  # type: ignore[attr-defined]
    assert Pairing.history.count() == history


def test_a_changed_line_updates_its_pairing_and_the_history_keeps_the_change() -> None:
    _import(GOOD)
    changed = GOOD.replace("653122,,1996,2009,", "653122,,1996,2008,")

    done = _import(changed)

    assert (done.created, done.changed, done.unchanged) == ((), ("t-sd-shule",), 3)  # type: ignore[attr-defined]
    shule = Pairing.objects.get(key="t-sd-shule")
    assert shule.end_year == 2008
    assert list(shule.history.order_by("history_id").values_list("end_year", "history_change_reason")) == [
        (2009, "imported lines.csv:4"),
        (2008, "imported lines.csv:4"),
    ]


def test_bad_lines_are_all_named_and_nothing_is_stored() -> None:
    bad = HEADER + (
        "t-a,east_west,province,370000,,650000,,1996,,,https://example.org/a,A,stated,\n"
        "t-b,east_west,province,999999,,650000,,1996,,,https://example.org/a,A,stated,\n"
        "t-c,east_west,prefecture,370000,,653100,,2001,1999,,https://example.org/a,A,stated,\n"
        "t-d,east_west,county,370000,,653122,,1996,,t-missing,,A,stated,\n"
        "t-e,east_west,province,370000,,650000,,2000,,,https://example.org/a,A,stated,\n"
    )

    with pytest.raises(PairingImportError) as raised:
        _import(bad)

    problems = raised.value.problems
    assert [p.split(":")[1] for p in problems] == ["3", "4", "5", "6"]  # in line order
    assert "lines.csv:4: end_year 1999 is before start_year 2001" in problems
    assert "lines.csv:5: source_url is empty: every line needs the address of a public document that states it" in (
        problems
    )
    assert any(p.startswith("lines.csv:3: donor_code 999999 is not an area code") for p in problems)
    assert any(p.startswith("lines.csv:6: key t-e pairs 370000 with 650000") for p in problems)
    assert Pairing.objects.count() == 0


def test_a_dry_run_counts_and_stores_nothing() -> None:
    done = _import(GOOD, dry_run=True)

    assert len(done.created) == 4 and done.dry_run  # type: ignore[attr-defined]
    assert Pairing.objects.count() == 0


def test_a_line_clashing_with_a_stored_pairing_is_refused() -> None:
    pairing_create(
        PairingSpec(
            donor_area=Area.objects.get(code="370000"),
            recipient_area=Area.objects.get(code="650000"),
            level="province",
            programme="east_west",
            start_year=2005,
            key="entered-by-hand",
            **SOURCE,
        )
    )

    with pytest.raises(PairingImportError, match=r"lines\.csv:2: key t-sd-xj pairs 370000 with 650000 in 1996–2009"):
        _import(GOOD)
    assert list(Pairing.objects.values_list("key", flat=True)) == ["entered-by-hand"]


def test_a_pairing_entered_without_a_key_takes_the_key_of_its_line() -> None:
    entered = pairing_create(
        PairingSpec(
            donor_area=Area.objects.get(code="370000"),
            recipient_area=Area.objects.get(code="650000"),
            level="province",
            start_year=2009,
            **SOURCE,
        )
    )

    done = _import(GOOD)

    assert done.changed == ("t-sd-xj",)  # type: ignore[attr-defined]
    stored = Pairing.objects.get(pk=entered.pk)
    assert (stored.key, stored.start_year, stored.end_year, stored.source_url) == (
        "t-sd-xj",
        1996,
        2009,
        "https://example.org/a",
    )
    assert Pairing.objects.count() == 4
