"""Changing, ending and re-assigning pairings: the rows stored and the history kept."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from pairaid.core.errors import ConflictError, DataError
from pairaid.geo.models import Area
from pairaid.registry.models import Pairing
from pairaid.registry.services import (
    PairingReassignSpec,
    pairing_create,
    pairing_end,
    pairing_reassign,
    pairing_update,
)
from tests.registry.sources import SOURCE, sourced

pytestmark = pytest.mark.django_db


def area(code: str) -> Area:
    return Area.objects.get(code=code)


@pytest.fixture
def admin() -> object:
    return get_user_model().objects.create_user("admin-user")


@pytest.fixture
def shandong_xinjiang() -> Pairing:
    top = pairing_create(sourced("370000", "650000", "province", start_year=1996, key="sd-xj"))
    pairing_create(sourced("370000", "653100", "prefecture", start_year=1996, parent=top))
    return top


def test_a_re_assignment_ends_the_pairing_and_starts_one_with_a_new_recipient(
    shandong_xinjiang: Pairing, admin: object
) -> None:
    chongqing = pairing_reassign(
        PairingReassignSpec(**SOURCE, pairing=shandong_xinjiang, year=2010, recipient_area=area("500000")), user=admin
    )

    old = Pairing.objects.get(pk=shandong_xinjiang.pk)
    assert (old.start_year, old.end_year) == (1996, 2009)
    assert (chongqing.donor_area.code, chongqing.recipient_area.code) == ("370000", "500000")
    assert (chongqing.level, chongqing.programme, chongqing.start_year, chongqing.end_year) == (
        "province",
        "east_west",
        2010,
        None,
    )
    # the pairing under the old one ends with it
    assert list(old.children.values_list("end_year", flat=True)) == [2009]
    old_history = list(old.history.order_by("history_id").values_list("history_type", "end_year", "history_user"))
    assert old_history == [("+", None, None), ("~", 2009, admin.pk)]  # type: ignore[attr-defined]
    reason = old.history.latest("history_id").history_change_reason
    assert reason == f"re-assigned from 2010: #{chongqing.pk} Shandong Province – Chongqing"
    new_history = chongqing.history.get()
    assert new_history.history_type == "+"
    # the reason fits the history's column (100 characters), on every database
    assert new_history.history_change_reason == (
        f"re-assignment of #{old.pk} Shandong Province – Xinjiang Uygur Autonomous Region from 2010"
    )


def test_a_re_assignment_gives_a_recipient_a_new_donor_and_keeps_the_parent_that_contains_it(admin: object) -> None:
    top = pairing_create(sourced("370000", "653100", "prefecture", start_year=2010))
    shule = pairing_create(sourced("370100", "653122", "county", start_year=2010, parent=top))

    qingdao = pairing_reassign(
        PairingReassignSpec(**SOURCE, pairing=shule, year=2014, donor_area=area("370200")), user=admin
    )

    assert (qingdao.donor_area.code, qingdao.recipient_area.code, qingdao.parent) == ("370200", "653122", top)
    assert Pairing.objects.get(pk=shule.pk).end_year == 2013


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 2010}, "either a new donor or a new recipient"),
        ({"year": 2010, "donor_area": "310000", "recipient_area": "500000"}, "either a new donor or a new recipient"),
        ({"year": 2010, "recipient_area": "650000"}, "is already the recipient of"),
        ({"year": 1996, "recipient_area": "500000"}, "starts in 1996: a re-assignment from 1996 leaves it no year"),
    ],
)
def test_a_re_assignment_that_changes_nothing_or_no_year_is_refused(
    shandong_xinjiang: Pairing, kwargs: dict[str, object], message: str
) -> None:
    sides = {k: area(str(v)) for k, v in kwargs.items() if k != "year"}
    with pytest.raises(DataError, match=message):
        pairing_reassign(
            PairingReassignSpec(**SOURCE, pairing=shandong_xinjiang, year=int(str(kwargs["year"])), **sides)  # type: ignore[arg-type]
        )

    assert Pairing.objects.count() == 2
    assert Pairing.objects.get(pk=shandong_xinjiang.pk).end_year is None


def test_a_pairing_that_ended_long_ago_is_not_re_assigned(shandong_xinjiang: Pairing) -> None:
    pairing_end(pairing=shandong_xinjiang, end_year=2000)

    with pytest.raises(DataError, match="ended in 2000; it cannot be re-assigned from 2010"):
        pairing_reassign(
            PairingReassignSpec(**SOURCE, pairing=shandong_xinjiang, year=2010, recipient_area=area("500000"))
        )


def test_a_second_pairing_of_the_same_sides_in_overlapping_years_is_refused(shandong_xinjiang: Pairing) -> None:
    with pytest.raises(
        ConflictError, match=r"pairs 370000 with 650000 in 2005–open, as sd-xj \(stored\) already does in 1996–open"
    ):
        pairing_create(sourced("370000", "650000", "province", start_year=2005))

    pairing_end(pairing=shandong_xinjiang, end_year=2004)
    later = pairing_create(sourced("370000", "650000", "province", start_year=2005))
    assert later.start_year == 2005


def test_an_update_changes_the_named_fields_and_records_who(shandong_xinjiang: Pairing, admin: object) -> None:
    pairing_update(
        pairing=shandong_xinjiang,
        data={"source_url": "https://example.org/a.html", "basis": "stated", "note": " seen "},
        user=admin,
        reason="source found",
    )

    stored = Pairing.objects.get(pk=shandong_xinjiang.pk)
    assert (stored.source_url, stored.basis, stored.note) == ("https://example.org/a.html", "stated", "seen")
    last = stored.history.latest("history_id")
    assert (last.history_user_id, last.history_change_reason) == (admin.pk, "source found")  # type: ignore[attr-defined]
    with pytest.raises(DataError, match="no field colour that can be changed"):
        pairing_update(pairing=stored, data={"colour": "red"})
    with pytest.raises(DataError, match="unknown basis 'hearsay'"):
        pairing_update(pairing=stored, data={"basis": "hearsay"})
