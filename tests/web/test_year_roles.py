"""Who may submit and approve a dataset at each level, through the pages and through the API.

A county pairing under Shandong–Kashi (prefecture) under Shandong–Xinjiang (province): its dataset is
submitted by its own editor, approved by Kashi's editor, then Shandong's, then the national office.
Everyone else is refused with 403 and the dataset stays as it was."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.datasets.selectors import submission_current
from pairaid.datasets.services import datasets_sync, submission_approve, submission_submit
from tests.web.factories import World, make_pairing, make_user

# the level each approval waits for, and the user of the world who holds it
LEVELS = ("kashi_editor", "owner", "national")


@pytest.fixture
def chain(world: World) -> dict[str, Any]:
    datasets_sync()
    county = make_pairing("370000", "653121", level="county", parent=world.kashi)
    users = {
        "county_editor": make_user("county_editor", "pairing_editor", pairings=(county,)),
        "kashi_editor": make_user("kashi_editor", "pairing_editor", pairings=(world.kashi,)),
        **{name: getattr(world, name) for name in ("owner", "colleague", "recipient_editor", "national", "viewer")},
        "admin": world.admin,
    }
    return {"county": county, "users": users}


def _step(channel: str, user: Any, county: Any, step: str) -> int:
    if channel == "web":
        client = Client()
        client.force_login(user)
        return client.post(f"/datasets/{county.pk}/2009/{step}/").status_code
    token = token_create(username=user.username).token
    response = Client().post(
        f"/api/v1/datasets/{county.pk}/2009/{step}", data=json.dumps({"reason": ""}),
        content_type="application/json", headers={"Authorization": f"Bearer {token}"},
    )
    return response.status_code


def _state(county: Any) -> tuple[str, int] | None:
    found = submission_current(pairing=county, year=2009)
    return None if found is None else (found.state, found.approvals)


ALLOWED = {"web": 302, "api": 200}


@pytest.mark.parametrize("channel", ["web", "api"])
@pytest.mark.parametrize(
    ("who", "allowed"),
    [("county_editor", True), ("admin", True), ("colleague", False), ("recipient_editor", False),
     ("national", False), ("viewer", False)],
)
def test_who_submits(chain: dict[str, Any], channel: str, who: str, allowed: bool) -> None:
    status = _step(channel, chain["users"][who], chain["county"], "submit")
    if allowed:
        assert (status, _state(chain["county"])) == (ALLOWED[channel], ("submitted", 0))
    else:
        assert (status, _state(chain["county"])) == (403, None)


@pytest.mark.parametrize("channel", ["web", "api"])
@pytest.mark.parametrize(
    ("level", "who", "allowed"),
    [
        # the prefecture above the county approves first: Kashi's editor, not the county's own
        (0, "kashi_editor", True), (0, "admin", True), (0, "county_editor", False), (0, "colleague", False),
        (0, "recipient_editor", False), (0, "national", False), (0, "viewer", False),
        # then the province
        (1, "owner", True), (1, "kashi_editor", False), (1, "county_editor", False), (1, "national", False),
        (1, "viewer", False),
        # last the national office
        (2, "national", True), (2, "admin", True), (2, "owner", False), (2, "kashi_editor", False),
        (2, "county_editor", False), (2, "recipient_editor", False), (2, "viewer", False),
    ],
)
def test_who_approves_at_each_level(chain: dict[str, Any], channel: str, level: int, who: str, allowed: bool) -> None:
    users, county = chain["users"], chain["county"]
    submission = submission_submit(user=users["county_editor"], pairing=county, year=2009)
    for below in LEVELS[:level]:
        submission_approve(user=users[below], submission=submission)
    status = _step(channel, users[who], county, "approve")
    if allowed:
        after = ("approved", 3) if level == 2 else ("submitted", level + 1)
        assert (status, _state(county)) == (ALLOWED[channel], after)
    else:
        assert (status, _state(county)) == (403, ("submitted", level))
