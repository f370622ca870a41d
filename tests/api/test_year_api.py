"""The reporting year through the API: plan against actual, planned values, a dataset's steps (409 once
frozen), events, the assessment and its rubric."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.assessment.services import rubric_sync
from pairaid.datasets.services import datasets_sync
from tests.web.factories import World, make_figure, make_world


@pytest.fixture
def world(db: None) -> World:
    datasets_sync()
    rubric_sync()
    return make_world()


def _call(user: Any, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token_create(username=user.username).token}"} if user else {}
    data = json.dumps(body) if body is not None else None
    return getattr(Client(), method)(path, data=data, content_type="application/json", headers=headers)


def test_a_planned_value_and_plan_against_actual(world: World) -> None:
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    put = _call(world.owner, "put", f"/api/v1/plans/{world.kashi.pk}/2009/values",
                {"indicator": "aid_funds", "value": "20000000"})
    assert put.status_code == 200, put.content
    assert (put.json()["kind"], Decimal(put.json()["value"])) == ("planned", Decimal("20000000"))

    top = _call(None, "get", f"/api/v1/pairings/{world.shandong.pk}/plan-execution?year=2009").json()
    assert [(r["indicator"], Decimal(r["planned"]), Decimal(r["actual"]), r["rate"]) for r in top["execution"]] == [
        ("aid_funds", Decimal("20000000"), Decimal("16000000"), "80")
    ]
    assert [r["subject"] for r in top["recipients"]] == ["Kashi Prefecture"]
    promised = _call(None, "get", "/api/v1/areas/653100/promised?year=2009").json()
    assert [(r["indicator"], r["rate"]) for r in promised] == [("aid_funds", "80")]
    assert _call(None, "get", "/api/v1/data-values?kind=planned").json()["count"] == 1
    refused = _call(world.colleague, "put", f"/api/v1/plans/{world.kashi.pk}/2009/values",
                    {"indicator": "aid_funds", "value": "1"})
    assert refused.status_code == 403


def test_a_dataset_through_its_steps_then_409(world: World) -> None:
    figure = make_figure("aid_funds", "75800000", pairing=world.shandong)
    base = f"/api/v1/datasets/{world.shandong.pk}/2009"
    assert _call(None, "get", base).json()["state"] == "open"
    submitted = _call(world.owner, "post", base + "/submit", {}).json()
    assert (submitted["state"], submitted["waiting_for"]) == ("submitted", "national")
    assert _call(world.owner, "post", base + "/approve", {}).status_code == 403
    assert _call(world.national, "post", base + "/approve", {}).json()["state"] == "approved"
    frozen = _call(world.national, "post", base + "/freeze", {}).json()
    assert (frozen["state"], frozen["filled"], frozen["total"]) == ("frozen", 1, 15)
    patch = _call(world.owner, "patch", f"/api/v1/data-values/{figure.pk}", {"value": "76000000"})
    assert patch.status_code == 409 and patch.json()["error"]["code"] == "conflict"
    assert _call(world.owner, "post", base + "/correct", {}).status_code == 409  # no reason: a conflict of rules
    corrected = _call(world.owner, "post", base + "/correct", {"reason": "late grant"}).json()
    assert (corrected["version"], corrected["state"], corrected["reason"]) == (2, "open", "late grant")
    assert _call(world.owner, "patch", f"/api/v1/data-values/{figure.pk}", {"value": "76000000"}).status_code == 200


def test_the_national_office_configures_a_dataset(world: World) -> None:
    body = {"indicators": ["aid_funds", "jobs"], "levels": ["province"]}
    assert _call(world.owner, "put", "/api/v1/datasets/annual_return", body).status_code == 403
    done = _call(world.national, "put", "/api/v1/datasets/annual_return", body).json()
    assert done == {"code": "annual_return", "indicators": ["aid_funds", "jobs"], "levels": ["province"]}
    bad = _call(world.national, "put", "/api/v1/datasets/annual_return", {"indicators": ["happiness"]})
    assert bad.status_code == 422


def test_events_and_the_assessment(world: World) -> None:
    created = _call(world.owner, "post", "/api/v1/events", {
        "kind": "visit", "pairing": world.kashi.pk, "year": 2009,
        "fields": {"title": "Leaders to Kashi", "direction": "to_recipient", "leaders": 30, "date": "2009-05-04"},
    })
    assert created.status_code == 201, created.content
    events = _call(None, "get", f"/api/v1/events?pairing={world.shandong.pk}&year=2009").json()
    assert [(e["title"], e["date"]) for e in events] == [("Leaders to Kashi", "2009-05-04")]
    bad = _call(world.owner, "post", "/api/v1/events", {
        "kind": "visit", "pairing": world.kashi.pk, "year": 2009, "fields": {"direction": "sideways"}})
    assert bad.status_code == 422
    patched = _call(world.owner, "patch", f"/api/v1/events/visit/{created.json()['id']}", {"fields": {"leaders": 31}})
    assert patched.status_code == 200

    ranking = _call(None, "get", "/api/v1/assessment?year=2009").json()
    assert {r["pairing_id"] for r in ranking} == {world.shandong.pk, world.kashi.pk, world.jiangsu.pk}
    kashi = next(r for r in ranking if r["pairing_id"] == world.kashi.pk)
    exchanges = next(c for c in kashi["criteria"] if c["code"] == "exchanges")
    assert exchanges["evidence"][0] == "Leaders' exchange visits: not reported"  # by names, not codes
    chinese = Client().get("/api/v1/assessment?year=2009", headers={"Accept-Language": "zh-hans"}).json()
    kashi = next(r for r in chinese if r["pairing_id"] == world.kashi.pk)
    assert next(c for c in kashi["criteria"] if c["code"] == "exchanges")["evidence"][0] == "领导互访：未填报"
    assert _call(world.owner, "patch", "/api/v1/assessment/criteria/results", {"weight": "5"}).status_code == 403
    changed = _call(world.national, "patch", "/api/v1/assessment/criteria/results", {"weight": "5"}).json()
    assert changed["weight"] == "5"


def test_a_data_value_kind_is_written_read_and_filtered(world: World) -> None:
    figure = {"indicator": "schools", "pairing": world.kashi.pk, "period_start": "2010-01-01",
              "period_end": "2010-12-31", "value": "8"}
    planned = _call(world.owner, "post", "/api/v1/data-values", {**figure, "kind": "planned"})
    assert planned.status_code == 201, planned.content
    actual = _call(world.owner, "post", "/api/v1/data-values", {**figure, "value": "6"})
    assert (planned.json()["kind"], actual.json()["kind"]) == ("planned", "actual")  # actual when not given
    assert _call(world.owner, "post", "/api/v1/data-values", {**figure, "kind": "hoped"}).status_code == 422

    target = _call(world.owner, "patch", f"/api/v1/data-values/{planned.json()['id']}", {"kind": "target"})
    assert (target.status_code, target.json()["kind"]) == (200, "target")
    listed = _call(None, "get", "/api/v1/data-values?kind=target").json()["items"]
    assert [(r["id"], Decimal(r["value"])) for r in listed] == [(planned.json()["id"], Decimal("8"))]
    both = _call(None, "get", "/api/v1/data-values?indicator=schools").json()["items"]
    kinds = sorted((r["kind"], Decimal(r["value"])) for r in both)
    assert kinds == [("actual", Decimal("6")), ("target", Decimal("8"))]


def test_plan_against_actual_in_chinese(world: World) -> None:
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    plan = {"indicator": "aid_funds", "value": "20000000"}
    _call(world.owner, "put", f"/api/v1/plans/{world.kashi.pk}/2009/values", plan)
    english = Client().get(f"/api/v1/pairings/{world.kashi.pk}/plan-execution?year=2009").json()
    chinese = Client().get(
        f"/api/v1/pairings/{world.kashi.pk}/plan-execution?year=2009", headers={"Accept-Language": "zh-hans"}
    ).json()
    assert english["execution"][0]["label"] == "Aid funds provided (all channels)"
    assert chinese["execution"][0]["label"] == "援助资金"


def test_an_event_names_only_areas_of_its_pairing_and_keeps_no_empty_history(world: World) -> None:
    from pairaid.events.models import CadreBatch, Visit

    def post(fields: dict[str, Any]) -> Any:
        body = {"kind": "cadre_batch", "pairing": world.kashi.pk, "year": 2009,
                "fields": {"number": 6, "persons": 3, **fields}}
        return _call(world.owner, "post", "/api/v1/events", body)

    shule = post({"area": "653122"})  # within Kashi: stored
    assert shule.status_code == 201, shule.content
    assert CadreBatch.objects.get(pk=shule.json()["id"]).area.code == "653122"
    assert post({"area": "654002"}).status_code == 403  # Yining, Jiangsu – Yili's: not the pairing's
    assert post({"area": "999999"}).status_code == 422
    assert post({"area_id": 1}).status_code == 422  # a foreign key by its name only, not by its column
    assert post({"evidence_id": 1}).status_code == 422 and post({"evidence": 1}).status_code == 422
    assert CadreBatch.objects.count() == 1

    visit = _call(world.owner, "post", "/api/v1/events", {
        "kind": "visit", "pairing": world.kashi.pk, "year": 2009,
        "fields": {"title": "To Kashi", "direction": "to_recipient"}})
    assert visit.status_code == 201, visit.content
    url = f"/api/v1/events/visit/{visit.json()['id']}"
    assert _call(world.owner, "patch", url, {"fields": {"title": None}}).status_code == 422  # was a server error
    assert _call(world.owner, "patch", url, {"fields": {"year": 1900}}).status_code == 422
    found = Visit.objects.get(pk=visit.json()["id"])
    rows = found.history.count()
    assert _call(world.owner, "patch", url, {"fields": {}}).status_code == 200
    assert _call(world.owner, "patch", url, {"fields": {"title": "To Kashi"}}).status_code == 200
    assert found.history.count() == rows  # nothing changed: no empty history row
    assert _call(world.owner, "patch", url, {"fields": {"title": "To Kashi, again"}}).status_code == 200
    assert found.history.count() == rows + 1


def test_an_area_outside_the_pairing_is_refused_alike_by_plans_events_and_figures(world: World) -> None:
    """Issue 13: a planned value of an area outside the pairing's recipient area answered 409, the same refusal of
    an event 403. Naming an area that is not the pairing's is a refusal of rights (403, as for a figure, an
    activity's areas and an event); a request invalid in itself (an area code that names no area) is 422."""
    from pairaid.events.models import CadreBatch
    from pairaid.indicators.models import DataValue
    from pairaid.plans.models import Plan

    yining = "654002"  # Jiangsu – Yili's, outside Shandong – Kashi
    plan = _call(world.owner, "put", f"/api/v1/plans/{world.kashi.pk}/2009/values",
                 {"indicator": "houses", "value": "200", "area": yining})
    event = _call(world.owner, "post", "/api/v1/events", {
        "kind": "cadre_batch", "pairing": world.kashi.pk, "year": 2009,
        "fields": {"number": 6, "persons": 3, "area": yining}})
    figure = _call(world.owner, "post", "/api/v1/data-values", {
        "indicator": "houses", "pairing": world.kashi.pk, "area": yining,
        "period_start": "2009-01-01", "period_end": "2009-12-31", "value": "200"})
    assert [r.status_code for r in (plan, event, figure)] == [403, 403, 403], plan.content
    assert {r.json()["error"]["code"] for r in (plan, event, figure)} == {"forbidden"}
    assert "lies outside the recipient area" in plan.json()["error"]["message"]
    unknown = _call(world.owner, "put", f"/api/v1/plans/{world.kashi.pk}/2009/values",
                    {"indicator": "houses", "value": "200", "area": "999999"})
    assert unknown.status_code == 422 and unknown.json()["error"]["details"][0]["loc"] == ["body", "area"]
    assert not Plan.objects.exists() and not CadreBatch.objects.exists()
    assert not DataValue.objects.filter(indicator__code="houses").exists()
