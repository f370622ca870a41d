"""The permission matrix: for each write endpoint and form, the owner can, a colleague on
another pairing cannot, an anonymous visitor cannot. A denial must leave the database as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity, Transaction
from pairaid.audit.selectors import history_entries
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_activity, make_figure, make_report, make_transaction


@dataclass(frozen=True)
class Objects:
    activity: Activity
    transaction: Transaction
    figure: DataValue
    report: Any
    old_version: int


def _objects(world: World) -> Objects:
    activity = make_activity(world.kashi, "SD-KS-001")
    tx = make_transaction(activity)
    figure = make_figure("jobs", "1000", pairing=world.kashi, status="entered")
    figure.value = 1500
    figure.save()
    return Objects(activity, tx, figure, make_report(world.kashi), history_entries(instance=figure)[1].history_id)


def _snapshot() -> str:
    rows = [
        list(Activity.objects.order_by("pk").values_list("pk", "identifier", "title", "status", "pairing_id")),
        list(Transaction.objects.order_by("pk").values_list("pk", "value", "transaction_type", "description")),
        list(DataValue.objects.order_by("pk").values_list("pk", "value", "status", "original_value")),
    ]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


Call = Callable[[Client, World, Objects, dict[str, str]], Any]


def _api(method: str, path: Callable[[World, Objects], str], body: Callable[[World, Objects], dict[str, Any]]) -> Call:
    def call(client: Client, world: World, objs: Objects, headers: dict[str, str]) -> Any:
        return getattr(client, method)(
            path(world, objs), data=json.dumps(body(world, objs)), content_type="application/json", headers=headers
        )

    return call


def _form(path: Callable[[World, Objects], str], data: Callable[[World, Objects], dict[str, Any]]) -> Call:
    def call(client: Client, world: World, objs: Objects, headers: dict[str, str]) -> Any:
        return client.post(path(world, objs), data=data(world, objs))

    return call


def _activity_body(w: World, o: Objects) -> dict[str, Any]:
    return {"identifier": "SD-KS-NEW", "title": "Shule water works", "sector": "infrastructure", "pairing": w.kashi.pk}


def _figure_body(w: World, o: Objects) -> dict[str, Any]:
    return {
        "indicator": "schools",
        "pairing": w.kashi.pk,
        "period_start": "2010-01-01",
        "period_end": "2010-12-31",
        "value": "4",
    }


API_CASES: dict[str, Call] = {
    "api activity create": _api("post", lambda w, o: "/api/v1/activities", _activity_body),
    "api activity update": _api(
        "patch", lambda w, o: f"/api/v1/activities/{o.activity.pk}", lambda w, o: {"title": "Renamed"}
    ),
    "api transaction create": _api(
        "post",
        lambda w, o: "/api/v1/transactions",
        lambda w, o: {
            "activity": o.activity.pk,
            "transaction_type": "commitment",
            "finance_type": "grant",
            "value": "250000.00",
            "value_date": "2009-09-30",
        },
    ),
    "api transaction update": _api(
        "patch", lambda w, o: f"/api/v1/transactions/{o.transaction.pk}", lambda w, o: {"value": "2000000.00"}
    ),
    "api figure create": _api("post", lambda w, o: "/api/v1/data-values", _figure_body),
    "api figure update": _api(
        "patch", lambda w, o: f"/api/v1/data-values/{o.figure.pk}", lambda w, o: {"value": "1600"}
    ),
    "api figure accept": _api("post", lambda w, o: f"/api/v1/data-values/{o.report.aid.pk}/accept", lambda w, o: {}),
    "api figure correct": _api(
        "post", lambda w, o: f"/api/v1/data-values/{o.report.aid.pk}/correct", lambda w, o: {"value": "75900000"}
    ),
    "api figure reject": _api("post", lambda w, o: f"/api/v1/data-values/{o.report.aid.pk}/reject", lambda w, o: {}),
}

FORM_CASES: dict[str, Call] = {
    "form activity create": _form(
        lambda w, o: "/activities/new/",
        lambda w, o: {
            "identifier": "SD-KS-NEW",
            "title": "Shule water works",
            "sector": "infrastructure",
            "status": 2,
            "pairing": w.kashi.pk,
        },
    ),
    "form activity edit": _form(
        lambda w, o: f"/activities/{o.activity.pk}/edit/",
        lambda w, o: {
            "identifier": "SD-KS-001",
            "title": "Renamed",
            "sector": "education",
            "status": 3,
            "pairing": w.kashi.pk,
        },
    ),
    "form transaction create": _form(
        lambda w, o: "/transactions/new/",
        lambda w, o: {
            "activity": o.activity.pk,
            "transaction_type": "commitment",
            "finance_type": "grant",
            "value": "250000.00",
            "value_date": "2009-09-30",
        },
    ),
    "form transaction edit": _form(
        lambda w, o: f"/transactions/{o.transaction.pk}/edit/",
        lambda w, o: {
            "activity": o.activity.pk,
            "transaction_type": "disbursement",
            "finance_type": "grant",
            "value": "2000000.00",
            "value_date": "2009-06-30",
        },
    ),
    "form figure create": _form(
        lambda w, o: "/figures/new/",
        lambda w, o: {
            "indicator": o.report.schools.indicator_id,
            "pairing": w.kashi.pk,
            "period_kind": "year",
            "year": 2010,
            "value": "4",
            "qualifier": "exact",
        },
    ),
    "form figure edit": _form(
        lambda w, o: f"/figures/{o.figure.pk}/edit/",
        lambda w, o: {
            "indicator": o.figure.indicator_id,
            "pairing": w.kashi.pk,
            "period_kind": "year",
            "year": 2009,
            "value": "1600",
            "qualifier": "exact",
        },
    ),
    "form figure accept": _form(lambda w, o: f"/figures/{o.report.aid.pk}/accept/", lambda w, o: {}),
    "form figure correct": _form(
        lambda w, o: f"/figures/{o.report.aid.pk}/correct/", lambda w, o: {"value": "75900000"}
    ),
    "form figure reject": _form(lambda w, o: f"/figures/{o.report.aid.pk}/reject/", lambda w, o: {}),
    "form bulk accept": _form(lambda w, o: f"/documents/{o.report.document.pk}/accept-confident/", lambda w, o: {}),
    "form restore": _form(lambda w, o: f"/history/datavalue/{o.figure.pk}/{o.old_version}/restore/", lambda w, o: {}),
}

CASES = {**API_CASES, **FORM_CASES}


def _client(world: World, who: str, api: bool) -> tuple[Client, dict[str, str]]:
    client = Client()
    if who == "anonymous":
        return client, {}
    user = getattr(world, who)
    if api:
        return client, {"Authorization": f"Bearer {token_create(username=user.username).token}"}
    client.force_login(user)
    return client, {}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_owner_can(world: World, case: str) -> None:
    objs = _objects(world)
    client, headers = _client(world, "owner", case.startswith("api"))
    before = _snapshot()
    response = CASES[case](client, world, objs, headers)
    assert response.status_code in (200, 201, 302), response.content[:500]
    if response.status_code == 200 and not case.startswith("api"):
        pytest.fail(f"the form was shown again: {response.content[:2000]!r}")
    assert _snapshot() != before


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("who", ["colleague", "anonymous"])
def test_others_cannot(world: World, case: str, who: str) -> None:
    objs = _objects(world)
    client, headers = _client(world, who, case.startswith("api"))
    before = _snapshot()
    response = CASES[case](client, world, objs, headers)
    assert _snapshot() == before, f"{who} changed data through {case}"
    if case.startswith("api"):
        expected = 401 if who == "anonymous" else 403
        assert response.status_code == expected
        assert response.json()["error"]["code"] in {"forbidden", "not_authenticated"}
    elif who == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    else:
        assert response.status_code in (200, 302, 403)
