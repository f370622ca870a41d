"""Review steps apply to what awaits review, and a figure's period to its pairing's term (issue 13).

* A rejection is refused while a submitted, approved or frozen dataset holds the figure (409), as an
  acceptance or a correction is: through the API, the figure's page and the queue's bulk step.
* Accept, reject and close as a copy apply to an extracted figure: on an entered, accepted or rejected
  figure they answer 409 and add no row to the audit trail.
* A figure of a pairing of 1996–2010 cannot be of 2015 or of 1990 (422 naming the term), API and page.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from pairaid.accounts.services import token_create
from pairaid.datasets.services import datasets_sync, submission_submit
from pairaid.indicators.models import DataValue, Indicator
from pairaid.review.services import NotAwaitingReview, datavalue_accept, datavalue_correct, datavalues_review
from tests.web.factories import World, make_figure, make_pairing, make_report


def _api(user: Any, path: str, body: dict[str, Any] | None = None, language: str = "en") -> Any:
    token = token_create(username=user.username).token
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": language}
    return Client().post(path, data=json.dumps(body or {}), content_type="application/json", headers=headers)


def _web(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _rows(dv: DataValue) -> int:
    return dv.history.count()  # type: ignore[attr-defined]


def test_a_locked_figure_is_not_rejected_through_the_api_the_page_or_in_bulk(world: World) -> None:
    datasets_sync()
    report = make_report(world.kashi)
    make_figure("jobs", "10", pairing=world.kashi)
    submission_submit(user=world.owner, pairing=world.kashi, year=2009)  # the 2009 dataset holds aid funds
    aid = report.aid
    before = _rows(aid)
    for user in (world.owner, world.national):
        response = _api(user, f"/api/v1/data-values/{aid.pk}/reject", {"reason": "x"})
        assert response.status_code == 409, response.content
        assert "submitted" in response.json()["error"]["message"]
        assert _api(user, f"/api/v1/data-values/{aid.pk}/accept").status_code == 409
    response = _web(world.national).post(f"/figures/{aid.pk}/reject/")
    assert response.status_code == 409 and b"cannot change" in response.content
    result = datavalues_review(user=world.national, data_values=[aid], action="reject")
    assert result.done == () and "submitted" in result.skipped[0][1]
    aid.refresh_from_db()
    assert aid.status == "extracted" and _rows(aid) == before


def test_accept_and_reject_take_only_an_extracted_figure(world: World) -> None:
    entered = make_figure("jobs", "10", pairing=world.kashi)
    rows = _rows(entered)
    for action in ("accept", "reject"):
        response = _api(world.owner, f"/api/v1/data-values/{entered.pk}/{action}")
        assert response.status_code == 409, response.content
        assert "entered" in response.json()["error"]["message"]
    entered.refresh_from_db()
    assert entered.status == "entered" and _rows(entered) == rows

    report = make_report(world.kashi)
    assert _api(world.owner, f"/api/v1/data-values/{report.aid.pk}/accept").status_code == 200
    rows = _rows(report.aid)
    again = _api(world.owner, f"/api/v1/data-values/{report.aid.pk}/accept")  # a repeated accept
    assert again.status_code == 409 and "accepted already" in again.json()["error"]["message"]
    assert _api(world.owner, f"/api/v1/data-values/{report.aid.pk}/reject").status_code == 409
    assert _api(world.owner, f"/api/v1/data-values/{report.aid.pk}/same-as").status_code == 409
    assert _rows(report.aid) == rows  # no empty row in the audit trail
    with translation.override("zh-hans"), pytest.raises(NotAwaitingReview, match="已是“已接受”状态"):
        datavalue_accept(user=world.owner, data_value=report.aid)

    client = _web(world.owner)
    assert client.post(f"/figures/{report.schools.pk}/reject/").status_code == 302
    response = client.post(f"/figures/{report.schools.pk}/accept/")  # a rejection is not undone by an accept
    assert response.status_code == 409 and b"not awaiting review" in response.content
    report.schools.refresh_from_db()
    assert report.schools.status == "rejected"
    with pytest.raises(NotAwaitingReview, match="edit it instead"):
        datavalue_correct(user=world.owner, data_value=entered, changes={"value": 11})
    with pytest.raises(NotAwaitingReview):
        datavalue_accept(user=world.owner, data_value=report.schools)
    result = datavalues_review(user=world.owner, data_values=[report.aid, report.trained], action="accept")
    assert result.done == (report.trained.pk,)
    assert result.skipped == ((report.aid.pk, "it is accepted already, not awaiting review"),)


def test_a_figure_falls_within_its_pairings_term(world: World) -> None:
    ended = make_pairing("370000", "653000", level="prefecture", parent=world.shandong, start_year=1996)
    ended.end_year = 2010
    ended.save()
    body = {
        "indicator": "jobs",
        "pairing": ended.pk,
        "period_kind": "year",
        "value": "10",
    }
    for year, field in ((2015, "period_end"), (1990, "period_start")):
        dates = {"period_start": f"{year}-01-01", "period_end": f"{year}-12-31"}
        response = _api(world.owner, "/api/v1/data-values", {**body, **dates})
        assert response.status_code == 422, response.content
        error = response.json()["error"]
        assert "1996–2010" in error["message"]
        assert error["details"][0]["loc"] == ["body", field]
    response = _api(world.owner, "/api/v1/data-values", {**body, **dates}, language="zh-hans")
    assert "结对期限为1996–2010" in response.json()["error"]["message"], response.content.decode()
    assert not DataValue.objects.filter(pairing=ended).exists()
    within = {"period_start": "2010-01-01", "period_end": "2010-12-31"}
    assert _api(world.owner, "/api/v1/data-values", {**body, **within}).status_code == 201

    jobs = Indicator.objects.get(code="jobs").pk
    form = {"indicator": jobs, "pairing": ended.pk, "period_kind": "year", "value": "10", "qualifier": "exact"}
    client = _web(world.owner)
    response = client.post("/figures/new/", data={**form, "year": 2015})
    assert response.status_code == 200 and "1996–2010" in response.content.decode()
    assert DataValue.objects.filter(pairing=ended).count() == 1
    figure = DataValue.objects.get(pairing=ended)
    token = token_create(username=world.owner.username).token
    response = Client().patch(
        f"/api/v1/data-values/{figure.pk}",
        data=json.dumps({"period_start": "2011-01-01", "period_end": "2011-12-31"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422 and "1996–2010" in response.json()["error"]["message"]
