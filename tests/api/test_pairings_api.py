"""The pairing registry through the API: writes for the national office and administrators, reads by name."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.registry.models import Pairing
from tests.registry.sources import SOURCE
from tests.web.factories import World, make_figure


def _bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_create(username=user.username).token}"}


def _send(method: str, path: str, body: dict[str, Any], user: Any) -> Any:
    return getattr(Client(), method)(
        f"/api/v1{path}", json.dumps(body), content_type="application/json", headers=_bearer(user)
    )


def test_the_national_office_creates_a_pairing_with_its_source(world: World) -> None:
    response = _send(
        "post",
        "/pairings",
        {
            "donor_area": "370000",
            "recipient_area": "653122",
            "level": "county",
            "programme": "east_west",
            "start_year": 2010,
            "parent": world.kashi.pk,
            "key": "xj2010-shandong-shule",
            "source_url": "https://example.org/scheme",
            "source_title": "Scheme",
            "basis": "stated",
        },
        world.national,
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert {k: body[k] for k in ("key", "donor_area", "recipient_area", "level", "start_year", "end_year")} == {
        "key": "xj2010-shandong-shule",
        "donor_area": "370000",
        "recipient_area": "653122",
        "level": "county",
        "start_year": 2010,
        "end_year": None,
    }
    stored = Pairing.objects.get(pk=body["id"])
    assert (stored.parent, stored.source_url, stored.basis) == (world.kashi, "https://example.org/scheme", "stated")
    assert stored.history.get().history_user == world.national


def test_an_administrator_ends_and_re_assigns_a_pairing_and_both_histories_show_it(world: World) -> None:
    ended = _send("post", f"/pairings/{world.jiangsu.pk}/end", {"end_year": 2012}, world.admin)
    assert ended.status_code == 200 and ended.json()["end_year"] == 2012

    body = {"year": 2011, "recipient_area": "653200", **SOURCE}
    moved = _send("post", f"/pairings/{world.kashi.pk}/reassign", body, world.admin)

    assert moved.status_code == 201, moved.content
    successor = Pairing.objects.get(pk=moved.json()["id"])
    assert (successor.donor_area.code, successor.recipient_area.code) == ("370000", "653200")
    assert successor.start_year == 2011
    assert successor.parent == world.shandong and successor.level == "prefecture"
    old = Pairing.objects.get(pk=world.kashi.pk)
    assert old.end_year == 2010
    reason = old.history.latest("history_id").history_change_reason
    assert reason == f"re-assigned from 2011: #{successor.pk} Shandong Province – Hetian Prefecture"
    assert successor.history.get().history_change_reason == (
        f"re-assignment of #{old.pk} Shandong Province – Kashi Prefecture from 2011"
    )


def test_a_pairing_editor_may_not_change_the_registry(world: World) -> None:
    response = _send("patch", f"/pairings/{world.kashi.pk}", {"end_year": 2010}, world.owner)

    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert Pairing.objects.get(pk=world.kashi.pk).end_year is None


def test_rules_broken_and_names_unknown_answer_in_the_one_error_shape(world: World) -> None:
    overlap = _send(
        "post",
        "/pairings",
        {"donor_area": "370000", "recipient_area": "650000", "level": "province", "start_year": 2012, **SOURCE},
        world.admin,
    )
    assert overlap.status_code == 409 and "already does in 2009–open" in overlap.json()["error"]["message"]
    unknown = _send(
        "post",
        "/pairings",
        {"donor_area": "370000", "recipient_area": "999999", "level": "county", "start_year": 2012},
        world.admin,
    )
    assert unknown.status_code == 422 and unknown.json()["error"]["details"] == [
        {"loc": ["body", "recipient_area"], "msg": "999999 names no area", "type": "invalid"}
    ]
    backwards = _send("patch", f"/pairings/{world.kashi.pk}", {"end_year": 2001}, world.admin)
    assert backwards.status_code == 422 and "cannot end in 2001 before it starts in 2009" in backwards.json()["error"][
        "message"
    ]
    assert Pairing.objects.count() == 3


def test_filters_name_pairings_as_the_command_line_does(world: World) -> None:
    make_figure("aid_funds", "75800000", pairing=world.kashi, year=2009)
    client = Client()

    named = client.get("/api/v1/pairings", {"q": "山东-喀什"}).json()
    assert [p["id"] for p in named["items"]] == [world.kashi.pk]
    shandong = client.get("/api/v1/pairings", {"donor": "Shandong"}).json()
    assert sorted(p["id"] for p in shandong["items"]) == sorted([world.shandong.pk, world.kashi.pk])
    values = client.get("/api/v1/data-values", {"pairing": "Shandong Kashgar"}).json()
    assert [v["value"] for v in values["items"]] == ["75800000"]

    ambiguous = client.get("/api/v1/data-values", {"pairing": "Shandong"})
    assert ambiguous.status_code == 422
    message = ambiguous.json()["error"]["message"]
    assert message.startswith("'Shandong' names 2 pairings: ")
    assert f"{world.shandong.pk} Shandong" in message and f"{world.kashi.pk} Shandong" in message


def test_a_key_the_schema_allows_but_of_another_form_is_refused_with_a_message(world: World) -> None:
    """Regression: the key's pattern and maxLength disagreed for schemathesis (a 107-character
    key the schema called valid); the schema now gives characters and length, the service the form."""
    body = {"donor_area": "370000", "recipient_area": "653122", "level": "county", "start_year": 2010}

    response = _send("post", "/pairings", {**body, "key": "xj2010--shule"}, world.national)
    too_long = _send("post", "/pairings", {**body, "key": "a" * 101}, world.national)

    assert response.status_code == 422
    assert "not a registry key" in response.json()["error"]["message"]
    assert too_long.status_code == 422
    assert not Pairing.objects.filter(key__in=["xj2010--shule", "a" * 101]).exists()
