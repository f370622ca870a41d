"""One validation of a pairing for the API, the pages and ``pairings import`` (issue 10's tester's findings).

Each test sends the smallest body that breaks one rule; the API used to store them all (201/200)
while ``pairings import`` refused them, so an export could not be imported again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.interop.pairing_files import pairings_export, pairings_file_import
from pairaid.registry.models import Organisation, Pairing
from tests.registry.sources import SOURCE
from tests.web.factories import World


def _send(method: str, path: str, body: dict[str, Any], user: Any) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=user.username).token}"}
    return getattr(Client(), method)(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", headers=headers
    )


def _county(**changes: Any) -> dict[str, Any]:
    """Shandong – Shule under the world's Shandong – Kashi, valid as it stands."""
    return {
        "donor_area": "370000",
        "recipient_area": "653122",
        "level": "county",
        "start_year": 2010,
        **SOURCE,
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"recipient_area": "370000", "level": "province"}, "recipient_code 370000 is also the donor"),
        ({"recipient_area": "370102"}, "recipient_code 370102 lies within the donor 370000"),
        ({"donor_area": "653122", "recipient_area": "650000", "level": "province"}, "donor_code 653122 lies within"),
        ({"source_url": "", "source_title": ""}, "source_url is empty"),
        ({"level": "prefecture"}, "level prefecture is not the level of the recipient 疏勒县 (county)"),
        ({"programme": "xinjiang", "parent": "kashi"}, "is of programme east_west, not xinjiang"),
        ({"recipient_area": "654021", "parent": "kashi"}, "654021 is neither parent"),
        ({"donor_organisation": "mining"}, "donor_code and donor_organisation are both given"),
        ({"donor_area": None}, "A pairing needs a donor"),
        ({"end_year": 2009}, "cannot end in 2009 before it starts in 2010"),
    ],
)
def test_a_pairing_that_breaks_a_rule_is_refused_with_422_and_not_stored(
    world: World, changes: dict[str, Any], message: str
) -> None:
    mining = Organisation.objects.create(name="Xinwen Mining Group", kind="enterprise")
    named = {"kashi": world.kashi.pk, "mining": mining.pk}
    body = _county(**{k: named.get(v, v) if isinstance(v, str) else v for k, v in changes.items()})

    response = _send("post", "/pairings", body, world.national)

    assert response.status_code == 422, response.content
    assert message in response.json()["error"]["message"]
    assert Pairing.objects.count() == 3


def test_a_duplicate_is_a_conflict_also_when_a_side_is_an_organisation(world: World) -> None:
    mining = Organisation.objects.create(name="Xinwen Mining Group", kind="enterprise")
    body = {**_county(donor_area=None, donor_organisation=mining.pk), "start_year": 2009}
    assert _send("post", "/pairings", body, world.national).status_code == 201

    again = _send("post", "/pairings", {**body, "start_year": 2012}, world.national)

    assert again.status_code == 409
    assert "pairs Xinwen Mining Group with 653122 in 2012–open" in again.json()["error"]["message"]
    assert Pairing.objects.count() == 4


def test_a_patch_is_checked_as_a_creation_is(world: World) -> None:
    created = _send("post", "/pairings", _county(), world.national).json()

    response = _send("patch", f"/pairings/{created['id']}", {"recipient_area": "370102"}, world.national)

    assert response.status_code == 422 and "lies within the donor" in response.json()["error"]["message"]
    assert Pairing.objects.get(pk=created["id"]).recipient_area.code == "653122"


def test_ending_a_pairing_that_has_ended_is_a_conflict_not_a_new_end_year(world: World) -> None:
    assert _send("post", f"/pairings/{world.jiangsu.pk}/end", {"end_year": 2012}, world.admin).status_code == 200

    again = _send("post", f"/pairings/{world.jiangsu.pk}/end", {"end_year": 2015}, world.admin)

    assert again.status_code == 409 and "has ended already, in 2012" in again.json()["error"]["message"]
    assert Pairing.objects.get(pk=world.jiangsu.pk).end_year == 2012


def test_a_re_assignment_that_changes_nothing_is_invalid(world: World) -> None:
    response = _send("post", f"/pairings/{world.kashi.pk}/reassign", {"year": 2012, **SOURCE}, world.admin)

    assert (
        response.status_code == 422 and "either a new donor or a new recipient" in response.json()["error"]["message"]
    )


def test_an_unknown_programme_filter_is_invalid_like_a_bad_year(world: World) -> None:
    assert Client().get("/api/v1/pairings", {"programme": "foo"}).status_code == 422
    assert Client().get("/api/v1/pairings", {"year": "foo"}).status_code == 422


def test_adding_an_indicator_checks_the_right_before_the_body(world: World) -> None:
    response = _send("post", "/indicators", {"code": 12}, world.national)

    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"


def test_a_re_assignment_records_both_links_and_the_api_shows_them(world: World) -> None:
    moved = _send(
        "post",
        f"/pairings/{world.kashi.pk}/reassign",
        {"year": 2011, "recipient_area": "653200", **SOURCE},
        world.admin,
    )
    successor = moved.json()

    old = Client().get(f"/api/v1/pairings/{world.kashi.pk}").json()
    assert (successor["predecessor"], successor["successor"]) == (world.kashi.pk, None)
    assert (old["predecessor"], old["successor"]) == (None, successor["id"])
    listed = {p["id"]: p for p in Client().get("/api/v1/pairings").json()["items"]}
    assert listed[world.kashi.pk]["successor"] == successor["id"]


def test_pairings_of_one_donor_in_neighbouring_years_are_not_linked_unless_re_assigned(world: World) -> None:
    """Regression: links were inferred from a shared side and adjacent years, so two pairings created
    with "New pairing" showed "Continues …" and "Continued by …"."""
    first = _send("post", "/pairings", _county(end_year=2012), world.national).json()
    second = _send("post", "/pairings", _county(recipient_area="653123", start_year=2013), world.national).json()
    client = Client()
    client.force_login(world.admin)

    for pk in (first["id"], second["id"]):
        html = client.get(f"/pairings/{pk}/").content.decode()
        assert "Continues" not in html and "Continued by" not in html
    assert (second["predecessor"], first["successor"]) == (None, None)


def test_what_the_api_stores_is_exported_and_imported_again_without_a_change(world: World, tmp_path: Path) -> None:
    mining = Organisation.objects.create(name="Xinwen Mining Group", kind="enterprise")
    Pairing.objects.filter(pk__in=[world.shandong.pk, world.kashi.pk]).update(**SOURCE, basis="stated")
    _send("post", "/pairings", _county(parent=world.kashi.pk), world.national)
    _send("post", "/pairings", _county(donor_area=None, donor_organisation=mining.pk, key="mining-shule"), world.admin)
    _send(
        "post",
        f"/pairings/{world.kashi.pk}/reassign",
        {"year": 2012, "recipient_area": "653200", **SOURCE},
        world.admin,
    )
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"export.{fmt}"
        pairings_export(fmt=fmt, path=path)

        done = pairings_file_import(path=path, dry_run=True)

        assert (done.created, done.changed, done.unchanged) == ((), (), 5)  # all but the unsourced Jiangsu line
