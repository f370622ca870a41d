"""A write naming an object that does not exist is told so before rights are asked (issue 13): it answered 403,
as if the object were another pairing's. A body field naming no record is invalid in itself: 422 with details at
that field (as an unknown area or indicator code is); a path naming none is 404 (PUT /plans/99999/…, and the web's
restore of a kind of record that has no history)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.utils import translation

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity, Transaction
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_activity


def _send(world: World, method: str, path: str, body: Any, **headers: str) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}", **headers}
    return getattr(Client(), method)(path, json.dumps(body), content_type="application/json", headers=headers)


def _missing(response: Any, field: str, message: str) -> None:
    assert response.status_code == 422, response.content
    assert response.json()["error"]["details"] == [{"loc": ["body", field], "msg": message, "type": "invalid"}]


def _figure(**fields: Any) -> dict[str, Any]:
    return {
        "indicator": "people_trained",
        "period_start": "2010-01-01",
        "period_end": "2010-12-31",
        "value": "4",
        **fields,
    }


def test_a_figure_naming_a_missing_pairing_or_activity_is_422(world: World) -> None:
    answer = _send(world, "post", "/api/v1/data-values", _figure(pairing=99999))
    _missing(answer, "pairing", "No pairing has the id 99999.")
    answer = _send(world, "post", "/api/v1/data-values", _figure(activity=99999))
    _missing(answer, "activity", "No activity has the id 99999.")
    assert not DataValue.objects.exists()


def test_an_activity_or_transaction_naming_a_missing_one_is_422(world: World) -> None:
    body = {"identifier": "X-1", "title": "A school", "sector": "education", "pairing": 99999, "recipient_areas": []}
    _missing(_send(world, "post", "/api/v1/activities", body), "pairing", "No pairing has the id 99999.")
    body = {
        "transaction_type": "disbursement",
        "finance_type": "grant",
        "value": "100",
        "value_date": "2012-05-01",
        "activity": 9999,
    }
    _missing(_send(world, "post", "/api/v1/transactions", body), "activity", "No activity has the id 9999.")
    activity = make_activity(world.kashi, "A-1")
    answer = _send(world, "patch", f"/api/v1/activities/{activity.pk}", {"pairing": 99999})
    _missing(answer, "pairing", "No pairing has the id 99999.")
    assert Activity.objects.count() == 1 and not Transaction.objects.exists()


def test_the_missing_object_is_named_in_chinese(world: World) -> None:
    answer = _send(world, "post", "/api/v1/data-values", _figure(pairing=99999), **{"Accept-Language": "zh-hans"})
    with translation.override("zh-hans"):
        _missing(answer, "pairing", "不存在 id 为 99999 的结对关系。")


def test_an_existing_object_of_another_pairing_is_still_403(world: World) -> None:
    other = make_activity(world.jiangsu, "J-1")
    assert _send(world, "post", "/api/v1/data-values", _figure(activity=other.pk)).status_code == 403
    assert _send(world, "post", "/api/v1/data-values", _figure(pairing=world.jiangsu.pk)).status_code == 403


def test_a_path_naming_nothing_is_404(world: World) -> None:
    assert (
        _send(
            world, "put", "/api/v1/plans/99999/2012/values", {"indicator": "people_trained", "value": "1"}
        ).status_code
        == 404
    )
    web = Client()
    web.force_login(world.owner)
    assert web.post("/history/bogus/15/29/restore/").status_code == 404
    assert web.post("/history/activity/99999/29/restore/").status_code == 404
