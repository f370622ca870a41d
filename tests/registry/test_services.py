"""Pairings and organisations: the services' rules, the database's last guard, the pairing tree."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from pairaid.core.errors import DataError
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_list, pairing_tree
from pairaid.registry.services import (
    PairingSpec,
    organisation_get_or_create,
    pairing_attach,
    pairing_create,
    pairing_end,
    pairing_get_or_create,
)
from tests.registry.sources import SOURCE, sourced

pytestmark = pytest.mark.django_db


def area(code: str) -> Area:
    return Area.objects.get(code=code)


def test_it_creates_a_nested_pairing_tree() -> None:
    top = pairing_create(sourced("370000", "650000", "province", start_year=2009))
    kashi = pairing_create(sourced("370000", "653100", "prefecture", start_year=2009, parent=top))
    shule = pairing_create(sourced("370000", "653122", "county", start_year=2009, parent=kashi))

    tree = pairing_tree(root=top)

    assert tree.pairing == top
    assert [n.pairing for n in tree.children] == [kashi]
    assert [n.pairing for n in tree.children[0].children] == [shule]
    assert tree.walk() == [top, kashi, shule]


def test_get_or_create_finds_the_pairing_of_the_sides_in_force_in_the_start_year() -> None:
    first, created = pairing_get_or_create(sourced("370000", "653122", "county", start_year=2009, name="A"))
    again, created_again = pairing_get_or_create(sourced("370000", "653122", "county", start_year=2009, name="B"))

    assert (created, created_again) == (True, False)
    assert again == first and again.name == "A"
    assert Pairing.objects.count() == 1


def test_it_refuses_a_pairing_without_a_donor() -> None:
    with pytest.raises(DataError, match="needs a donor"):
        pairing_create(PairingSpec(**SOURCE, recipient_area=area("653122"), level="county", start_year=2009))


def test_it_refuses_a_pairing_that_ends_before_it_starts() -> None:
    with pytest.raises(DataError, match="cannot end in 2008 before it starts in 2009"):
        pairing_create(sourced("370000", "653122", "county", start_year=2009, end_year=2008))


def test_it_refuses_an_unknown_level() -> None:
    with pytest.raises(DataError, match="unknown pairing level 'town'"):
        pairing_create(sourced("370000", "653122", "town", start_year=2009))


def test_the_database_refuses_an_end_before_the_start_when_services_are_bypassed() -> None:
    pairing = pairing_create(sourced("370000", "650000", "province", start_year=2009))

    with pytest.raises(IntegrityError), transaction.atomic():
        Pairing.objects.filter(pk=pairing.pk).update(end_year=2001)


def test_a_pairing_ends_and_drops_out_of_later_years() -> None:
    pairing = pairing_create(sourced("370000", "650000", "province", start_year=1996))
    pairing_end(pairing=pairing, end_year=2009)

    assert list(pairing_list(year=2009)) == [pairing]
    assert list(pairing_list(year=2010)) == []


def test_an_organisation_is_found_again_by_name_and_area() -> None:
    first, created = organisation_get_or_create(name="Xinwen Mining Group", kind="enterprise", area=area("370000"))
    again, created_again = organisation_get_or_create(
        name="Xinwen Mining Group", name_zh="新汶矿业集团", area=area("370000")
    )

    assert (created, created_again) == (True, False)
    assert again == first
    assert (again.kind, again.name_zh) == ("enterprise", "新汶矿业集团")


def test_an_organisation_of_an_unknown_kind_is_refused() -> None:
    with pytest.raises(DataError, match="unknown organisation kind 'firm'"):
        organisation_get_or_create(name="X", kind="firm")


def test_a_pairing_is_attached_under_a_parent_but_never_under_itself() -> None:
    top = pairing_create(sourced("370000", "650000", "province", start_year=2009))
    kashi = pairing_create(sourced("370000", "653100", "prefecture", start_year=2009))

    pairing_attach(pairing=kashi, parent=top)

    assert pairing_tree(root=top).walk() == [top, kashi]
    with pytest.raises(DataError, match="the tree would loop"):
        pairing_attach(pairing=top, parent=kashi)


def test_a_pairing_keeps_its_key_and_source_and_no_two_pairings_share_a_key() -> None:
    kashi = pairing_create(
        PairingSpec(
            donor_area=area("370000"),
            recipient_area=area("653100"),
            level="prefecture",
            programme="xinjiang",
            start_year=2010,
            key="xj-shandong-kashi",
            source_url="https://example.org/notice.html",
            source_title="Notice",
            basis="stated",
        )
    )
    unkeyed = [
        pairing_create(
            PairingSpec(
                **SOURCE,
                donor_area=area("370000"),
                recipient_area=area(code),
                level="province",
                start_year=2009,
            )
        )
        for code in ("650000", "500000")
    ]

    stored = Pairing.objects.get(key="xj-shandong-kashi")
    assert (stored.pk, stored.source_url, stored.basis) == (kashi.pk, "https://example.org/notice.html", "stated")
    assert [p.key for p in unkeyed] == ["", ""]
    with pytest.raises(DataError, match="The key 'xj-shandong-kashi' is used by another pairing"):
        pairing_create(sourced("370000", "653122", "county", start_year=2010, key="xj-shandong-kashi"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Pairing.objects.filter(pk=unkeyed[0].pk).update(key="xj-shandong-kashi")
    with pytest.raises(DataError, match="unknown basis 'guessed'"):
        pairing_create(sourced("370000", "653122", "county", start_year=2010, basis="guessed"))


def test_get_or_create_finds_a_longer_pairing_of_the_same_sides_and_creates_one_after_it_ended() -> None:
    registered = pairing_create(sourced("370000", "650000", "province", start_year=1996, end_year=2010))

    found, created = pairing_get_or_create(sourced("370000", "650000", "province", start_year=2009))
    later, created_later = pairing_get_or_create(sourced("370000", "650000", "province", start_year=2011))

    assert (found, created) == (registered, False)
    assert created_later and (later.start_year, later.end_year) == (2011, None)
