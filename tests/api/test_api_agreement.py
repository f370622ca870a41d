"""The API says what it takes and takes what it says (issue 13): ``null`` for a criterion's weight is refused by
name (was 200, nothing changed); an error names the field as the client wrote it (was ``["body", "body", …]``);
an event is read with its pairing's id, as it is written (was its name); a restore that changes nothing adds
no history row."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.assessment.models import Criterion
from tests.web.factories import World, make_figure


def _call(user: Any, method: str, path: str, body: Any = None) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=user.username).token}"} if user else {}
    data = json.dumps(body) if body is not None else None
    return getattr(Client(), method)(path, data=data, content_type="application/json", headers=headers)


def test_a_criterions_weight_or_params_given_as_null_is_refused_by_name(world: World) -> None:
    from pairaid.assessment.services import rubric_sync

    rubric_sync()
    path = "/api/v1/assessment/criteria/results"
    criterion = Criterion.objects.get(code="results")
    before = (criterion.weight, criterion.params, criterion.history.count())
    for field in ("weight", "params"):
        refused = _call(world.national, "patch", path, {field: None})
        assert refused.status_code == 422, refused.content
        assert refused.json()["error"]["details"] == [{
            "loc": ["body", field], "type": "null",
            "msg": "null is not a value of this field: leave the field out to keep it",
        }]
    unchanged = _call(world.national, "patch", path, {})
    assert unchanged.status_code == 200 and unchanged.json()["weight"] == "10"
    same = _call(world.national, "patch", path, {"weight": "10"})
    assert same.status_code == 200
    criterion.refresh_from_db()
    assert (criterion.weight, criterion.params, criterion.history.count()) == before  # no empty history row
    changed = _call(world.national, "patch", path, {"weight": "12.5"})
    assert Decimal(changed.json()["weight"]) == Decimal("12.5") and criterion.history.count() == before[2] + 1


def test_an_error_names_the_field_as_the_client_wrote_it(world: World) -> None:
    wrong = _call(world.owner, "post", "/api/v1/data-values", {"indicator": "aid_funds", "value": "x", "valu": 1})
    assert sorted(tuple(d["loc"]) for d in wrong.json()["error"]["details"]) == [
        ("body", "period_end"), ("body", "period_start"), ("body", "valu"), ("body", "value")
    ]
    not_an_object = _call(world.owner, "post", "/api/v1/events", [])
    assert [d["loc"] for d in not_an_object.json()["error"]["details"]] == [["body"]]


def test_an_event_is_read_with_its_pairings_id_as_it_is_written(world: World) -> None:
    fields = {"title": "Leaders to Kashi", "direction": "to_recipient", "leaders": 3}
    body = {"kind": "visit", "pairing": world.kashi.pk, "year": 2009, "fields": fields}
    created = _call(world.owner, "post", "/api/v1/events", body)
    assert created.status_code == 201, created.content
    events = _call(None, "get", f"/api/v1/events?pairing={world.shandong.pk}&year=2009").json()
    assert [(e["title"], e["pairing"], e["pairing_name"]) for e in events] == [
        ("Leaders to Kashi", world.kashi.pk, str(world.kashi))
    ]
    chinese = Client().get(f"/api/v1/events?pairing={world.kashi.pk}&year=2009", headers={"Accept-Language": "zh-hans"})
    assert chinese.json()[0]["pairing_name"] == "山东省—喀什地区"
    schema = Client().get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schema["EventOut"]["properties"]["pairing"]["type"] == schema["EventIn"]["properties"]["pairing"]["type"]
    assert schema["EventOut"]["properties"]["pairing"]["type"] == "integer"


def test_a_restore_that_changes_nothing_adds_no_history_row(world: World) -> None:
    from pairaid.entry.services import datavalue_update

    figure = make_figure("aid_funds", "1000", pairing=world.kashi)
    datavalue_update(user=world.owner, data_value=figure, data={"value": 2000})
    datavalue_update(user=world.owner, data_value=figure, data={"value": 1000})  # back as version 1 was
    first, latest = figure.history.order_by("history_id")[0], figure.history.order_by("history_id").last()
    client = Client()
    client.force_login(world.owner)
    for version in (first, latest):  # both hold 1000, as the figure stands
        answer = client.post(f"/history/datavalue/{figure.pk}/{version.history_id}/restore/")
        assert answer.status_code == 302
    assert figure.history.count() == 3
    older = figure.history.order_by("history_id")[1]
    client.post(f"/history/datavalue/{figure.pk}/{older.history_id}/restore/")
    figure.refresh_from_db()
    assert (figure.value, figure.history.count()) == (2000, 4)
