"""Who may edit, review and see what (pairaid.accounts.permissions)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from pairaid.accounts import permissions as p
from tests.web.factories import World, area, make_activity, make_figure, make_transaction


def test_a_pairing_editor_edits_their_pairing_and_the_pairings_below_it(world: World) -> None:
    assert p.can_edit_pairing(world.owner, world.shandong)
    assert p.can_edit_pairing(world.owner, world.kashi)
    assert not p.can_edit_pairing(world.owner, world.jiangsu)


def test_a_colleague_on_another_pairing_edits_nothing_of_ours(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    tx = make_transaction(activity)
    figure = make_figure("aid_funds", "1000", pairing=world.kashi)
    assert not p.can_edit_activity(world.colleague, activity)
    assert not p.can_edit_transaction(world.colleague, tx)
    assert not p.can_edit_datavalue(world.colleague, figure)
    assert not p.can_review(world.colleague, figure)
    assert p.can_edit_activity(world.owner, activity)
    assert p.can_edit_transaction(world.owner, tx)


def test_a_recipient_editor_edits_figures_of_their_area_and_the_areas_below(world: World) -> None:
    shule = make_figure("gdp", "2000000000", area_=area("653122"))
    yining = make_figure("gdp", "3000000000", area_=area("654002"))
    assert p.can_edit_datavalue(world.recipient_editor, shule)
    assert not p.can_edit_datavalue(world.recipient_editor, yining)
    assert not p.can_edit_pairing(world.recipient_editor, world.kashi)


def test_the_national_office_reviews_everything_but_edits_no_pairing(world: World) -> None:
    figure = make_figure("aid_funds", "1000", pairing=world.jiangsu, status="extracted")
    assert p.can_review(world.national, figure)
    assert not p.can_edit_datavalue(world.national, figure)
    assert not p.can_edit_pairing(world.national, world.jiangsu)


def test_viewers_change_nothing_and_administrators_everything(world: World) -> None:
    figure = make_figure("aid_funds", "1000", pairing=world.jiangsu)
    assert not p.can_edit_datavalue(world.viewer, figure)
    assert not p.can_upload(world.viewer)
    assert p.can_edit_datavalue(world.admin, figure)
    assert p.can_edit_pairing(world.admin, world.kashi)


@pytest.mark.parametrize(("setting", "visible"), [("accepted", {"entered", "accepted", "corrected"}), ("none", set())])
def test_anonymous_visitors_see_confirmed_figures_or_nothing(
    world: World, settings, setting: str, visible: set[str]
) -> None:
    settings.ANONYMOUS_ACCESS = setting
    for status in ("extracted", "accepted", "corrected", "rejected", "entered"):
        make_figure("aid_funds", "1", pairing=world.kashi, status=status, year=2000 + len(status))
    seen = set(p.visible_datavalues(AnonymousUser()).values_list("status", flat=True))
    assert seen == visible
    assert set(p.visible_datavalues(world.viewer).values_list("status", flat=True)) == {
        "extracted",
        "accepted",
        "corrected",
        "rejected",
        "entered",
    }
