"""Writes that leaked past the rights checks (issue 13), each with the smallest request that showed it.

Every refusal is a 403 that leaves the database as it was.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity
from pairaid.entry.services import activity_update
from pairaid.indicators.models import DataValue
from pairaid.sources.models import SourceDocument
from tests.web.factories import REPORT, World, make_activity


def _post_api(user: Any, path: str, body: dict[str, Any]) -> Any:
    token = token_create(username=user.username).token
    return Client().post(
        path, data=json.dumps(body), content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )


def _figure(**subject: Any) -> dict[str, Any]:
    return {"indicator": "schools", "period_start": "2010-01-01", "period_end": "2010-12-31", "value": "4", **subject}


def _browser(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_l1_a_figure_naming_another_pairing_beside_the_editors_own_activity_is_refused(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-001")
    response = _post_api(world.owner, "/api/v1/data-values", _figure(pairing=world.jiangsu.pk, activity=activity.pk))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not DataValue.objects.exists()


def test_l1_the_editors_own_activity_with_its_own_pairing_is_entered(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-001")
    response = _post_api(world.owner, "/api/v1/data-values", _figure(pairing=world.kashi.pk, activity=activity.pk))
    assert response.status_code == 201
    assert response.json()["activity"] == activity.pk


def test_l2_a_figure_of_an_area_outside_the_pairing_is_refused_through_the_api(world: World) -> None:
    response = _post_api(world.owner, "/api/v1/data-values", _figure(pairing=world.kashi.pk, area="150000"))
    assert response.status_code == 403
    assert not DataValue.objects.exists()


def test_l2_a_figure_of_an_area_outside_the_pairing_is_refused_on_the_form(world: World) -> None:
    from pairaid.indicators.models import Indicator

    form = {
        "indicator": Indicator.objects.get(code="schools").pk,
        "pairing": world.kashi.pk,
        "area_code": "150000",
        "period_kind": "year",
        "year": 2010,
        "value": "4",
        "qualifier": "exact",
    }
    assert _browser(world.owner).post("/figures/new/", form).status_code == 403
    assert not DataValue.objects.exists()


def test_l2_an_area_within_the_pairings_recipient_area_is_entered(world: World) -> None:
    response = _post_api(world.owner, "/api/v1/data-values", _figure(pairing=world.kashi.pk, area="653122"))
    assert response.status_code == 201
    assert (response.json()["pairing"], response.json()["area"]) == (world.kashi.pk, "653122")


def test_l3_a_restore_may_not_move_an_activity_into_a_pairing_the_user_cannot_edit(world: World) -> None:
    activity = make_activity(world.jiangsu, "JS-YL-001")
    jiangsu_version = activity.history.latest().history_id
    activity_update(user=world.admin, activity=activity, data={"pairing": world.kashi})
    response = _browser(world.owner).post(f"/history/activity/{activity.pk}/{jiangsu_version}/restore/")
    assert response.status_code == 403
    assert Activity.objects.get(pk=activity.pk).pairing_id == world.kashi.pk
    assert activity.history.count() == 2


def test_a_report_naming_no_pairing_is_refused_at_upload_for_an_editor(world: World, work_off) -> None:
    """An editor names the report's donor and recipient: the upload is refused at once (a form error, no job,
    nothing stored), not later by the worker that reads it."""
    from pairaid.jobs.models import Job

    upload = SimpleUploadedFile("kashi-2009.txt", REPORT.encode(), content_type="text/plain")
    browser = _browser(world.colleague)
    response = browser.post("/documents/upload/", {"file": upload, "report_year": 2009})
    assert response.status_code == 422
    assert "Name the report&#x27;s donor and recipient: you may upload reports only about the pairings" in (
        response.content.decode()
    )
    assert (Job.objects.count(), work_off(), SourceDocument.objects.count()) == (0, 0, 0)
    upload = SimpleUploadedFile("kashi-2009.txt", REPORT.encode(), content_type="text/plain")
    chinese = Client(headers={"Accept-Language": "zh-hans"})
    chinese.force_login(world.colleague)
    page = chinese.post("/documents/upload/", {"file": upload, "report_year": 2009, "donor": "Jiangsu"})
    assert page.status_code == 422 and "请填写报告的援助方和受援方" in page.content.decode()


def test_a_report_naming_another_pairing_may_not_be_uploaded(world: World) -> None:
    upload = SimpleUploadedFile("note.txt", b"In 2009 Jiangsu built 3 schools in Yili.\n", content_type="text/plain")
    form = {"file": upload, "report_year": 2009, "donor": "Jiangsu", "recipient": "Yili"}
    assert _browser(world.owner).post("/documents/upload/", form).status_code == 403
    assert not SourceDocument.objects.exists()


def test_the_national_office_uploads_a_report_about_any_pairing(world: World, work_off) -> None:
    upload = SimpleUploadedFile("kashi-2009.txt", REPORT.encode(), content_type="text/plain")
    response = _browser(world.national).post("/documents/upload/", {"file": upload, "report_year": 2009})
    assert response.status_code == 302 and work_off() == 1
    assert SourceDocument.objects.get().filename == "kashi-2009.txt"


def test_a_recipient_areas_editor_enters_actual_figures_but_not_the_pairings_plan(world: World) -> None:
    """Issue 13: an editor whose membership is a recipient area (Kashi) POSTed a planned figure of Shandong – Kashi,
    which only the pairing's editors may plan (PUT /plans refused them). A planned figure is the pairing's plan."""
    shule = {"pairing": world.kashi.pk, "area": "653122"}
    actual = _post_api(world.recipient_editor, "/api/v1/data-values", _figure(**shule))
    assert actual.status_code == 201, actual.content
    planned = _post_api(world.recipient_editor, "/api/v1/data-values", _figure(**shule, kind="planned", value="9"))
    assert planned.status_code == 403 and planned.json()["error"]["code"] == "forbidden"
    token = token_create(username=world.recipient_editor.username).token
    made_planned = Client().patch(
        f"/api/v1/data-values/{actual.json()['id']}", data=json.dumps({"kind": "planned"}),
        content_type="application/json", headers={"Authorization": f"Bearer {token}"},
    )
    assert made_planned.status_code == 403  # nor turns their own figure into a planned one
    assert list(DataValue.objects.filter(indicator__code="schools").values_list("kind", "value")) == [("actual", 4)]
    by_the_pairing = _post_api(world.owner, "/api/v1/data-values", _figure(**shule, kind="planned", value="9"))
    assert by_the_pairing.status_code == 201, by_the_pairing.content
