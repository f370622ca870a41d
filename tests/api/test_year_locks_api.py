"""Issue 13: a locked year holds its events as it holds its figures (409, for the year an event leaves and the
year it enters), and a plan's count is a whole number as a figure's is (422)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.core.errors import LockedError
from pairaid.datasets.services import datasets_sync, submission_submit
from pairaid.events.models import Visit
from pairaid.events.services import event_delete
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_world


@pytest.fixture
def world(db: None) -> World:
    datasets_sync()
    return make_world()


def _call(user: Any, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=user.username).token}"} if user else {}
    data = json.dumps(body) if body is not None else None
    return getattr(Client(), method)(path, data=data, content_type="application/json", headers=headers)


def _visit(world: World, year: int, title: str) -> Any:
    return _call(world.owner, "post", "/api/v1/events", {
        "kind": "visit", "pairing": world.kashi.pk, "year": year,
        "fields": {"title": title, "direction": "to_recipient"}})


def test_events_of_a_submitted_year_neither_change_nor_move_in_or_out(world: World) -> None:
    inside = _visit(world, 2009, "In the locked year").json()["id"]
    outside = _visit(world, 2010, "In an open year").json()["id"]
    submission_submit(user=world.owner, pairing=world.kashi, year=2009)

    out = _call(world.owner, "patch", f"/api/v1/events/visit/{inside}", {"fields": {"year": 2010}})
    into = _call(world.owner, "patch", f"/api/v1/events/visit/{outside}", {"fields": {"year": 2009}})
    retitled = _call(world.owner, "patch", f"/api/v1/events/visit/{inside}", {"fields": {"title": "Changed"}})
    added = _visit(world, 2009, "A new one")

    assert [r.status_code for r in (out, into, retitled, added)] == [409, 409, 409, 409]
    assert out.json()["error"]["code"] == "conflict"
    kept = sorted(Visit.objects.values_list("title", "year"))
    assert kept == [("In an open year", 2010), ("In the locked year", 2009)]
    with pytest.raises(LockedError):
        event_delete(user=world.owner, event=Visit.objects.get(pk=inside))
    assert Visit.objects.filter(pk=inside).exists()
    # the open year stays open
    opened = _call(world.owner, "patch", f"/api/v1/events/visit/{outside}", {"fields": {"title": "Open"}})
    assert opened.status_code == 200
    assert _visit(world, 2010, "Another").status_code == 201


def test_a_province_s_submitted_year_holds_the_events_of_its_prefectures(world: World) -> None:
    submission_submit(user=world.owner, pairing=world.shandong, year=2009)
    assert _visit(world, 2009, "Under the province").status_code == 409
    assert _visit(world, 2008, "Before").status_code == 201


def test_a_plan_counts_whole_people_as_a_figure_does(world: World) -> None:
    url = f"/api/v1/plans/{world.kashi.pk}/2009/values"
    half = _call(world.owner, "put", url, {"indicator": "people_trained", "value": "0.5"})
    posted = _call(world.owner, "post", "/api/v1/data-values", {
        "indicator": "people_trained", "value": "0.5", "pairing": world.kashi.pk, "year": 2009})

    assert (half.status_code, posted.status_code) == (422, 422)
    assert [d["loc"] for d in half.json()["error"]["details"]] == [["body", "value"]]
    assert not DataValue.objects.filter(indicator__code="people_trained").exists()
    whole = _call(world.owner, "put", url, {"indicator": "people_trained", "value": "5"})
    assert (whole.status_code, Decimal(whole.json()["value"])) == (200, Decimal("5"))
    assert _call(world.owner, "put", url, {"indicator": "aid_funds", "value": "0.5"}).status_code == 200  # money
