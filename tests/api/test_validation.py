"""Inputs the API accepted and should not have (issue 13), and what its OpenAPI document says of them."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_activity, make_figure


def _send(world: World, method: str, path: str, body: Any) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    return getattr(Client(), method)(path, json.dumps(body), content_type="application/json", headers=headers)


def _figure(**fields: Any) -> dict[str, Any]:
    return {"period_start": "2010-01-01", "period_end": "2010-12-31", "value": "4", **fields}


def _details(response: Any) -> Any:
    assert response.status_code == 422, response.content
    return response.json()["error"]["details"]


def _refused(field: str, message: str) -> list[dict[str, Any]]:
    """The details of a request refused by a rule about one field: the shape the parser's errors have."""
    return [{"loc": ["body", field], "msg": message, "type": "invalid"}]


def test_a_count_is_a_whole_number(world: World) -> None:
    body = _figure(indicator="people_trained", pairing=world.kashi.pk, value="0.5")
    details = _details(_send(world, "post", "/api/v1/data-values", body))
    assert details == _refused("value", "People trained counts whole things: 0.5 is not a whole number.")
    assert not DataValue.objects.exists()


def test_the_unit_is_the_indicators(world: World) -> None:
    body = _figure(indicator="gdp", pairing=world.kashi.pk, value="1000", unit="km")
    details = _details(_send(world, "post", "/api/v1/data-values", body))
    assert details == _refused("unit", "The unit of GDP of the recipient area is CNY, not km.")


def test_a_correction_to_an_indicator_in_another_unit_needs_that_unit_and_the_value(world: World) -> None:
    dv = make_figure("enterprises", "780", pairing=world.kashi, status="extracted")
    path = f"/api/v1/data-values/{dv.pk}/correct"
    said = (
        "GDP of the recipient area counts in yuan, this figure in enterprises: "
        "to change its indicator, give the unit yuan (CNY) and the value in it."
    )
    assert _details(_send(world, "post", path, {"indicator": "gdp"})) == _refused("unit", said)
    assert _details(_send(world, "post", path, {"indicator": "gdp", "unit": "CNY"})) == _refused("unit", said)
    assert _details(_send(world, "post", path, {"indicator": "gdp", "unit": "enterprise", "value": "780"})) == _refused(
        "unit", said
    )
    headers = {
        "Authorization": f"Bearer {token_create(username=world.owner.username).token}",
        "Accept-Language": "zh-hans",
    }
    chinese = Client().post(path, json.dumps({"indicator": "gdp"}), content_type="application/json", headers=headers)
    assert chinese.status_code == 422
    said_zh = "地区生产总值以元计，此数据以家计：改换指标须同时给出单位元（CNY）及以该单位计的数值。"
    assert chinese.json()["error"]["details"] == _refused("unit", said_zh)
    dv.refresh_from_db()
    assert (dv.status, dv.indicator.code, dv.unit, dv.value) == ("extracted", "enterprises", "enterprise", 780)
    done = _send(world, "post", path, {"indicator": "gdp", "unit": "CNY", "value": "78000000"})
    assert done.status_code == 200, done.content
    dv.refresh_from_db()
    assert (dv.status, dv.indicator.code, dv.unit, dv.value, dv.original_value) == (
        "corrected",
        "gdp",
        "CNY",
        78000000,
        780,
    )
    assert dv.as_read == {"indicator": "enterprises", "unit": "enterprise"}


def test_a_year_period_is_a_calendar_year(world: World) -> None:
    body = _figure(indicator="schools", pairing=world.kashi.pk, period_start="2010-03-05", period_end="2012-07-01")
    details = _details(_send(world, "post", "/api/v1/data-values", body))
    assert details == _refused("period_end", "A year period runs from 1 January to 31 December of one year.")
    cumulative = _send(world, "post", "/api/v1/data-values", {**body, "period_kind": "cumulative"})
    assert cumulative.status_code == 201
    assert (cumulative.json()["period_start"], cumulative.json()["period_end"]) == ("2010-03-05", "2012-07-01")


def test_patch_refuses_null_for_a_required_field_and_unknown_fields(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    path = f"/api/v1/activities/{activity.pk}"
    assert _details(_send(world, "patch", path, {"title": None}))[0]["loc"][-1] == "title"
    assert _details(_send(world, "patch", path, {"titel": "Shule clinic"}))[0]["loc"][-1] == "titel"
    listed = _details(_send(world, "patch", path, [None, None]))
    assert listed[0]["msg"] == "Value error, the body must be a JSON object"
    activity.refresh_from_db()
    assert activity.title == "Shule bilingual kindergarten"
    assert activity.history.count() == 1
    cleared = _send(world, "patch", path, {"end_date": None})  # a field that may be empty may be cleared
    assert cleared.status_code == 200 and cleared.json()["end_date"] is None


def test_a_patch_that_changes_nothing_adds_no_history_row(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    figure = make_figure("jobs", "1000", pairing=world.kashi)
    for path, body in (
        (f"/api/v1/activities/{activity.pk}", {}),
        (f"/api/v1/activities/{activity.pk}", {"title": "Shule bilingual kindergarten"}),
        (f"/api/v1/data-values/{figure.pk}", {"value": "1000"}),
    ):
        assert _send(world, "patch", path, body).status_code == 200
    assert activity.history.count() == 1
    assert figure.history.count() == 1


def test_money_is_text_or_a_whole_number_never_a_float(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    body = {"activity": activity.pk, "transaction_type": "commitment", "finance_type": "grant"}
    body["value_date"] = "2010-05-01"
    path = "/api/v1/transactions"
    assert _details(_send(world, "post", path, {**body, "value": 1.5}))[0]["loc"][-1] == "value"
    assert _send(world, "post", path, {**body, "value": 2000000}).json()["value"] == "2000000"
    assert _send(world, "post", path, {**body, "value": "80000000.5"}).json()["value"] == "80000000.5"


def test_an_identifier_taken_is_a_conflict(world: World) -> None:
    make_activity(world.kashi, "SD-KS-1")
    body = {"identifier": "SD-KS-1", "title": "Clinic", "sector": "health", "pairing": world.kashi.pk}
    response = _send(world, "post", "/api/v1/activities", body)
    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    assert Activity.objects.count() == 1


def test_an_unknown_query_parameter_is_refused(world: World) -> None:
    response = Client().get("/api/v1/activities?pairng=3", headers={"Authorization": "Bearer nothing"})
    assert _details(response) == [{"loc": ["query", "pairng"], "msg": "unknown parameter", "type": "extra_forbidden"}]


def test_a_yes_or_no_query_parameter_is_true_or_false(world: World) -> None:
    """Regression (schemathesis): ``?top_level=0`` was read as false though the schema's boolean allows
    only true and false."""
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    for written in ("0", "1", "yes", "False"):
        response = Client().get(f"/api/v1/pairings?top_level={written}", headers=headers)
        assert _details(response)[0]["loc"] == ["query", "top_level"], written
    top = Client().get("/api/v1/pairings?top_level=true", headers=headers).json()["items"]
    every = Client().get("/api/v1/pairings?top_level=false", headers=headers).json()["items"]
    assert [p["id"] for p in top] == [world.shandong.pk, world.jiangsu.pk]
    assert {p["id"] for p in every} == {world.shandong.pk, world.kashi.pk, world.jiangsu.pk}


def test_a_body_s_field_is_of_its_documented_json_type(world: World) -> None:
    """Regression (schemathesis): a body's booleans and integers were read from other JSON types
    (``"true"``, ``0``, ``3.0``, ``"3"``, ``false`` as 0); now each is refused with its field named."""
    activity = make_activity(world.kashi, "ST-9")
    for field, written in (("is_key_project", "true"), ("is_key_project", 0), ("status", 3.0), ("status", "3"),
                           ("batch", False), ("pairing", str(world.kashi.pk))):
        response = _send(world, "patch", f"/api/v1/activities/{activity.pk}", {field: written})
        assert [d["loc"] for d in _details(response)] == [["body", field]], (field, written)  # as the client wrote it
    event = _send(world, "post", "/api/v1/events", {"kind": "visit", "pairing": world.kashi.pk, "year": "2009"})
    assert [d["loc"] for d in _details(event)] == [["body", "year"]]
    changed = _send(world, "patch", f"/api/v1/activities/{activity.pk}", {"status": 3, "is_key_project": True})
    assert changed.status_code == 200 and (changed.json()["status"], changed.json()["is_key_project"]) == (3, True)
    figure = _send(world, "post", "/api/v1/data-values", _figure(indicator="schools", pairing=world.kashi.pk))
    assert figure.status_code == 201 and figure.json()["value"] == "4"


def test_the_schema_says_what_the_api_reads(world: World) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/transactions"]["get"]["parameters"]}
    assert parameters["year"] == {"title": "Year", "maximum": 2200, "minimum": 1900, "type": "integer"}  # no null
    patch = schema["components"]["schemas"]["ActivityPatch"]
    assert patch["additionalProperties"] is False
    assert patch["properties"]["title"]["type"] == "string"  # never null
    assert {"type": "null"} in patch["properties"]["end_date"]["anyOf"]  # may be cleared
    value = schema["components"]["schemas"]["TransactionIn"]["properties"]["value"]["anyOf"]
    assert value == [
        {"type": "integer", "minimum": 0, "maximum": 99999999999999},
        {"type": "string", "pattern": r"^[0-9]{1,14}(\.[0-9]{1,2})?$"},
    ]



def test_a_currency_that_is_no_iso_code_is_refused_by_the_api_and_by_entry(world: World) -> None:
    """Regression (issue 15): hand entry stored a transaction through the model, so ``currency="usd"`` passed
    ``full_clean``; now it builds the one ``TransactionSpec`` the loaders use, which refuses it."""
    import pytest
    from django.core.exceptions import ValidationError

    from pairaid.activities.models import Transaction
    from pairaid.entry.services import transaction_create

    activity = make_activity(world.kashi, "SD-KS-1")
    body = {"activity": activity.pk, "transaction_type": "commitment", "finance_type": "grant"}
    body |= {"value": "2000.00", "value_date": "2010-05-01"}
    sent = _details(_send(world, "post", "/api/v1/transactions", {**body, "currency": "usd"}))
    assert sent[0]["loc"][-1] == "currency"
    data = {**body, "activity": activity, "currency": "usd"}
    with pytest.raises(ValidationError) as refused:
        transaction_create(user=world.owner, data=data)
    assert refused.value.messages == ["currency 'usd' is not an ISO 4217 code such as CNY"]
    assert not Transaction.objects.exists()
    stored = transaction_create(user=world.owner, data={**data, "currency": "CNY"})
    assert (stored.value, stored.currency, str(stored.value_date)) == (Decimal("2000.00"), "CNY", "2010-05-01")
    entered = stored.history.get()
    assert (entered.history_user, entered.history_change_reason) == (world.owner, "entered")
