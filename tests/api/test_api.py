"""The REST API: reads with filters and pages, writes, review, tokens, and one error shape."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.indicators.models import DataValue
from tests.web.factories import World, area, make_activity, make_figure, make_report


def _bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_create(username=user.username).token}"}


def _error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_data_values_filter_by_indicator_pairing_area_period_and_status(world: World) -> None:
    make_figure("aid_funds", "75800000", pairing=world.kashi, year=2009)
    make_figure("aid_funds", "50000000", pairing=world.kashi, year=2008)
    make_figure("schools", "12", pairing=world.kashi, year=2009)
    make_figure("gdp", "2000000000", area_=area("653122"), year=2009)
    client = Client()
    got = client.get(f"/api/v1/data-values?indicator=aid_funds&pairing={world.kashi.pk}&year=2009").json()
    assert got["count"] == 1 and got["items"][0]["value"] == "75800000"
    assert got["items"][0]["period_start"] == "2009-01-01" and got["items"][0]["indicator"] == "aid_funds"
    assert [i["area"] for i in client.get("/api/v1/data-values?area=653122").json()["items"]] == ["653122"]
    assert client.get("/api/v1/data-values?status=entered&page_size=2&page=2").json()["count"] == 4
    assert len(client.get("/api/v1/data-values?status=entered&page_size=2&page=2").json()["items"]) == 2


def test_anonymous_reads_see_confirmed_figures_only_and_nothing_when_off(world: World, settings) -> None:
    report = make_report(world.kashi)
    make_figure("jobs", "300", pairing=world.kashi)
    assert [i["indicator"] for i in Client().get("/api/v1/data-values").json()["items"]] == ["jobs"]
    assert Client().get(f"/api/v1/data-values/{report.aid.pk}").status_code == 404
    assert Client().get("/api/v1/data-values", headers=_bearer(world.viewer)).json()["count"] == 5
    settings.ANONYMOUS_ACCESS = "none"
    response = Client().get("/api/v1/areas")
    assert response.status_code == 401 and _error(response)["code"] == "not_authenticated"


def test_every_error_has_one_shape(world: World) -> None:
    client = Client()
    assert _error(client.get("/api/v1/pairings/999999"))["code"] == "not_found"
    assert _error(client.get("/api/v1/no-such-thing"))["code"] == "not_found"
    invalid = client.get("/api/v1/data-values?year=1200")
    assert invalid.status_code == 422 and _error(invalid)["details"][0]["loc"] == ["query", "year"]
    bad_token = client.get("/api/v1/areas", headers={"Authorization": "Bearer pat_wrong"})
    assert bad_token.status_code == 401 and _error(bad_token)["code"] == "not_authenticated"
    wrong_method = client.delete("/api/v1/areas")
    assert wrong_method.status_code == 405 and _error(wrong_method)["code"] == "method_not_allowed"
    forbidden = client.post(
        f"/api/v1/data-values/{make_report(world.kashi).aid.pk}/accept", headers=_bearer(world.colleague)
    )
    assert forbidden.status_code == 403 and _error(forbidden)["code"] == "forbidden"


def test_an_editor_enters_and_changes_records_through_the_api(world: World) -> None:
    client, headers = Client(), _bearer(world.owner)
    body = {
        "identifier": "SD-KS-42",
        "title": "Shule clinic",
        "sector": "health",
        "pairing": world.kashi.pk,
        "recipient_areas": ["653122"],
    }
    created = client.post("/api/v1/activities", json.dumps(body), content_type="application/json", headers=headers)
    assert created.status_code == 201 and created.json()["recipient_areas"] == ["653122"]
    pk = created.json()["id"]
    tx = client.post(
        "/api/v1/transactions",
        json.dumps(
            {
                "activity": pk,
                "transaction_type": "disbursement",
                "finance_type": "grant",
                "value": "1234567.89",
                "value_date": "2009-12-31",
            }
        ),
        content_type="application/json",
        headers=headers,
    )
    assert tx.status_code == 201 and tx.json()["value"] == "1234567.89"
    figure = client.post(
        "/api/v1/data-values",
        json.dumps(
            {
                "indicator": "patients_treated",
                "activity": pk,
                "period_start": "2009-01-01",
                "period_end": "2009-12-31",
                "value": "5000",
            }
        ),
        content_type="application/json",
        headers=headers,
    )
    assert figure.status_code == 201 and figure.json()["status"] == "entered" and figure.json()["unit"] == "person"
    assert figure.json()["updated_by"] == "owner"
    backwards = client.post(
        "/api/v1/data-values",
        json.dumps(
            {
                "indicator": "jobs",
                "pairing": world.kashi.pk,
                "period_start": "2009-12-31",
                "period_end": "2009-01-01",
                "value": "1",
            }
        ),
        content_type="application/json",
        headers=headers,
    )
    assert backwards.status_code == 422
    patched = client.patch(
        f"/api/v1/activities/{pk}", json.dumps({"status": 4}), content_type="application/json", headers=headers
    )
    assert patched.json()["status"] == 4


def test_review_through_the_api_keeps_the_extracted_value(world: World) -> None:
    report = make_report(world.kashi)
    client, headers = Client(), _bearer(world.national)
    corrected = client.post(
        f"/api/v1/data-values/{report.schools.pk}/correct",
        json.dumps({"value": "13"}),
        content_type="application/json",
        headers=headers,
    ).json()
    assert (corrected["status"], corrected["value"], corrected["original_value"]) == ("corrected", "13", "12")
    assert corrected["updated_by"] == "national"
    assert client.post(f"/api/v1/data-values/{report.aid.pk}/reject", headers=headers).json()["status"] == "rejected"
    assert DataValue.objects.get(pk=report.aid.pk).history.first().history_user == world.national


def test_documents_and_evidence_are_served_with_their_spans(world: World) -> None:
    report = make_report(world.kashi)
    doc = Client().get(f"/api/v1/documents/{report.document.pk}").json()
    assert doc["text"].startswith("Shandong's aid to Kashi")
    spans = Client().get(f"/api/v1/evidence?document={report.document.pk}").json()["items"]
    assert [s["text"] for s in spans] == ["75.80 million yuan", "12 schools", "4,456 people", "38 cadres"]


def test_the_openapi_document_is_served() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/data-values" in schema["paths"] and schema["components"]["securitySchemes"]["BearerToken"]
    assert Client().get("/api/v1/docs").status_code == 200


def test_sessions_need_the_csrf_token_for_writes(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner)
    response = client.post("/api/v1/activities", json.dumps({}), content_type="application/json")
    assert response.status_code == 403 and _error(response)["code"] == "forbidden"


def test_activity_list_filters_by_pairing(world: World) -> None:
    make_activity(world.kashi, "A-1")
    make_activity(world.jiangsu, "B-1")
    items = Client().get(f"/api/v1/activities?pairing={world.jiangsu.pk}").json()["items"]
    assert [i["identifier"] for i in items] == ["B-1"]


def test_the_api_docs_load_their_assets_from_this_server() -> None:
    from django.contrib.staticfiles import finders

    html = Client().get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "/static/ninja/swagger-ui.css" in html
    assert "cdn" not in html.lower() and "https://" not in html
    assert finders.find("ninja/swagger-ui-bundle.js") and finders.find("ninja/swagger-ui-init.js")


def test_details_are_one_list_of_loc_msg_type_and_the_schema_types_them(world: World) -> None:
    """Issue 13: a 422 of the parser gave a list, a 422 of a rule a dict ({field: [messages]}), and the schema
    said nothing of either. Now both are the list the schema documents; other errors give an empty one."""
    client, headers = Client(), _bearer(world.owner)

    def post(body: dict[str, Any]) -> Any:
        return client.post("/api/v1/data-values", json.dumps(body), content_type="application/json", headers=headers)

    year = {"indicator": "schools", "pairing": world.kashi.pk, "period_start": "2010-01-01", "period_end": "2010-12-31"}
    parsed = post({**year, "value": "x"})
    ruled = post({**year, "value": "4", "unit": "km"})
    assert (parsed.status_code, ruled.status_code) == (422, 422), (parsed.content, ruled.content)
    assert [(d["loc"], d["type"]) for d in _error(parsed)["details"]] == [(["body", "value"], "value_error")]
    assert _error(ruled)["details"] == [
        {"loc": ["body", "unit"], "msg": "The unit of Schools built or renovated is school, not km.", "type": "invalid"}
    ]
    assert _error(client.get("/api/v1/pairings/999999"))["details"] == []

    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert components["ErrorBody"]["properties"]["details"]["items"] == {"$ref": "#/components/schemas/ErrorDetail"}
    assert components["ErrorDetail"]["required"] == ["loc", "msg", "type"]
    assert components["ErrorDetail"]["properties"]["loc"]["items"] == {"type": "string"}
