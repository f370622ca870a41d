"""Faults a tester found in the review (issue 13): a correction that switched the unit silently (now refused
unless the unit and value in it are given), a bulk
review's message with no count of the refused ones, a correction to no subject answered 403, a queue filtered
by a document that does not exist answered 404."""

from __future__ import annotations

import json

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_figure, make_report


def _client(user: object, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def test_correcting_the_indicator_to_another_unit_needs_the_unit_and_value(world: World) -> None:
    report = make_report(world.kashi)
    client = _client(world.owner)
    form_page = client.get(f"/documents/{report.document.pk}/?correct={report.schools.pk}").content.decode()
    assert '<option value="school" selected>schools</option>' in form_page
    refused = client.post(f"/figures/{report.schools.pk}/correct/", {"indicator": "people_trained"})
    assert refused.status_code == 422
    said = (
        "People trained counts in people, this figure in schools: "
        "to change its indicator, give the unit people (person) and the value in it."
    )
    assert said in refused.content.decode()
    dv = DataValue.objects.get(pk=report.schools.pk)
    assert (dv.status, dv.unit, dv.indicator.code) == ("extracted", "school", "schools")
    form = {"indicator": "people_trained", "unit": "person", "value": "12"}
    response = client.post(f"/figures/{report.schools.pk}/correct/", form, follow=True)
    assert response.status_code == 200
    dv = DataValue.objects.get(pk=report.schools.pk)
    assert (dv.status, dv.unit, dv.value) == ("corrected", "person", 12)
    assert dv.as_read == {"indicator": "schools", "unit": "school"}
    page = response.content.decode()
    assert f"The new indicator counts in people: figure #{dv.pk}&#x27;s unit changed from schools to people." in page
    kept = _client(world.owner, "zh-hans").post(
        f"/figures/{report.trained.pk}/correct/", {"value": "4,500"}, follow=True
    )
    assert "单位" not in "".join(str(m) for m in kept.context["messages"])  # same indicator: no word of the unit


def test_correcting_the_indicator_in_chinese_says_the_units_in_chinese(world: World) -> None:
    report = make_report(world.kashi)
    response = _client(world.owner, "zh-hans").post(
        f"/figures/{report.schools.pk}/correct/", {"indicator": "people_trained", "unit": "school", "value": "12"}
    )
    assert response.status_code == 422
    assert "以人计，此数据以所计：改换指标须同时给出单位人（person）及以该单位计的数值。" in response.content.decode()
    response = _client(world.owner, "zh-hans").post(
        f"/figures/{report.schools.pk}/correct/", {"indicator": "people_trained", "unit": "person", "value": "12"},
        follow=True,
    )
    said = [str(m) for m in response.context["messages"]]
    assert f"新指标的单位是人：数据 #{report.schools.pk} 的单位由所改为人。" in said


def test_a_bulk_review_counts_what_was_done_refused_and_left_with_the_right_plural(world: World) -> None:
    report = make_report(world.kashi)
    confirmed = make_figure("aid_funds", "75800000", pairing=world.kashi, status="entered")
    ids = [report.schools.pk, report.aid.pk]  # the second has a confirmed twin: refused
    response = _client(world.owner).post("/review/bulk/", {"ids": ids, "action": "accept"}, follow=True)
    said = [str(m) for m in response.context["messages"]]
    assert said[0] == "1 figure done, 1 refused, 3 left to review."
    assert said[1].startswith(f"#{report.aid.pk} refused: Figure #{confirmed.pk} is confirmed already")
    trained = [report.trained.pk, report.cadres.pk]
    response = _client(world.owner, "zh-hans").post("/review/bulk/", {"ids": trained, "action": "reject"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["已处理 2 条数据，拒绝 0 条，待审 1 条。"]
    response = _client(world.owner).post("/review/bulk/", {"ids": [report.aid.pk], "action": "same_as"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["1 figure done, 0 refused, 0 left to review."]


def test_a_correction_to_no_subject_is_a_validation_error_not_a_refusal(world: World) -> None:
    report = make_report(world.kashi)
    response = _client(world.owner).post(f"/figures/{report.trained.pk}/correct/", {"pairing": "", "area": ""})
    assert response.status_code == 422
    assert "A figure needs a subject: give its place or its pairing" in response.content.decode()
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    api = Client().post(
        f"/api/v1/data-values/{report.trained.pk}/correct",
        json.dumps({"pairing": None, "area": None}),
        content_type="application/json",
        headers=headers,
    )
    assert api.status_code == 422, api.content
    assert "A figure needs a subject" in api.content.decode()
    dv = DataValue.objects.get(pk=report.trained.pk)
    assert (dv.status, dv.pairing_id) == ("extracted", world.kashi.pk)


def test_the_queue_filtered_by_a_document_that_does_not_exist_is_shown_with_a_word_of_it(world: World) -> None:
    report = make_report(world.kashi)
    response = _client(world.owner).get("/review/?document=99999&indicator=schools")
    assert response.status_code == 200
    page = response.content.decode()
    assert "No document has the id 99999: the document filter matched nothing" in page
    assert f'id="figure-{report.schools.pk}"' in page and f'id="figure-{report.aid.pk}"' not in page
    chinese = _client(world.owner, "zh-hans").get("/review/?document=99999").content.decode()
    assert "没有编号为 99999 的文件" in chinese


def test_a_figure_page_that_is_not_there_is_a_404_and_a_figure_not_ones_own_a_403(world: World) -> None:
    """/figures/N/delete/ answered 403 (no figure is deleted there: it is no page); a figure that does not exist is
    a 404 whatever the action, since every signed-in user reads every figure (its existence leaks nothing)."""
    report = make_report(world.kashi)
    figure = report.aid.pk
    missing = DataValue.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    owner, colleague = _client(world.owner), _client(world.colleague)  # Shandong – Kashi's editor, and not
    assert owner.post(f"/figures/{figure}/delete/").status_code == 404
    assert owner.post(f"/figures/{missing}/delete/").status_code == 404
    assert colleague.post(f"/figures/{missing}/accept/").status_code == 404
    assert colleague.post(f"/figures/{figure}/delete/").status_code == 404
    assert colleague.post(f"/figures/{figure}/accept/").status_code == 403  # there, and not theirs
    anonymous = Client().post(f"/figures/{missing}/delete/")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")
    assert DataValue.objects.get(pk=figure).status == "extracted"
