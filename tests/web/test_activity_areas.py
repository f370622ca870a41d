"""An activity's recipient areas are objects its write names (issue 13): each must lie within the recipient area
of the activity's pairing (or be an area the user edits); administrators name any. Refused: 403, nothing stored,
through the API and through the pages alike."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity
from tests.web.factories import World, make_activity, make_user


def _api(user: Any, method: str, path: str, body: dict[str, Any]) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=user.username).token}"}
    return getattr(Client(), method)(path, json.dumps(body), content_type="application/json", headers=headers)


def _web(user: Any, path: str, data: dict[str, Any]) -> Any:
    client = Client()
    client.force_login(user)
    return client.post(path, data=data)


def _codes(activity: Activity) -> list[str]:
    return sorted(a.code for a in activity.recipient_areas.all())


def _form(activity: Activity, codes: str) -> dict[str, Any]:
    return {
        "identifier": activity.identifier,
        "title": activity.title,
        "sector": "education",
        "status": 2,
        "pairing": activity.pairing_id,
        "recipient_area_codes": codes,
    }


def test_a_pairing_editor_may_not_give_an_activity_an_area_outside_its_pairing_through_the_api(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")  # Shandong – Kashi: areas within Kashi 653100
    path = f"/api/v1/activities/{activity.pk}"
    for outside in (["450000"], ["654002"], ["653122", "450000"]):  # Guangxi; Yining (Yili, not Kashi); mixed
        response = _api(world.owner, "patch", path, {"recipient_areas": outside, "title": "Moved"})
        assert response.status_code == 403, outside
        assert response.json()["error"]["code"] == "forbidden"
    activity.refresh_from_db()
    assert (activity.title, _codes(activity)) == ("Shule bilingual kindergarten", [])
    assert activity.history.count() == 1

    body = {"identifier": "SD-KS-2", "title": "Clinic", "sector": "health", "pairing": world.kashi.pk}
    assert _api(world.owner, "post", "/api/v1/activities", {**body, "recipient_areas": ["450000"]}).status_code == 403
    assert not Activity.objects.filter(identifier="SD-KS-2").exists()

    within = _api(world.owner, "patch", path, {"recipient_areas": ["653100", "653122"]})
    assert within.status_code == 200 and within.json()["recipient_areas"] == ["653100", "653122"]
    created = _api(world.owner, "post", "/api/v1/activities", {**body, "recipient_areas": ["653122"]})
    assert created.status_code == 201 and created.json()["recipient_areas"] == ["653122"]


def test_an_administrator_may_name_any_area(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    response = _api(world.admin, "patch", f"/api/v1/activities/{activity.pk}", {"recipient_areas": ["450000"]})
    assert response.status_code == 200
    assert _codes(activity) == ["450000"]


def test_moving_an_activity_checks_the_areas_it_keeps(world: World) -> None:
    """An editor of both pairings moves an activity of Kashi to Shandong – Xinjiang (650000: Kashi lies within),
    not to Jiangsu – Yili with its Kashi area."""
    activity = make_activity(world.kashi, "SD-KS-1")
    activity.recipient_areas.set([world.kashi.recipient_area])
    editor = make_user("both", "pairing_editor", pairings=(world.shandong, world.jiangsu))
    path = f"/api/v1/activities/{activity.pk}"
    assert _api(editor, "patch", path, {"pairing": world.jiangsu.pk}).status_code == 403
    activity.refresh_from_db()
    assert activity.pairing_id == world.kashi.pk
    assert _api(editor, "patch", path, {"pairing": world.shandong.pk}).status_code == 200
    activity.refresh_from_db()
    assert (activity.pairing_id, _codes(activity)) == (world.shandong.pk, ["653100"])


def test_the_activity_form_refuses_an_area_outside_the_pairing(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    response = _web(world.owner, f"/activities/{activity.pk}/edit/", _form(activity, "450000"))
    assert response.status_code == 403
    assert _codes(activity) == []
    new = {**_form(activity, "450000"), "identifier": "SD-KS-2"}
    assert _web(world.owner, "/activities/new/", new).status_code == 403
    assert not Activity.objects.filter(identifier="SD-KS-2").exists()

    saved = _web(world.owner, f"/activities/{activity.pk}/edit/", _form(activity, "653122"))
    assert saved.status_code == 302
    assert _codes(activity) == ["653122"]
