"""Review that can fix anything (issue 13): any field corrected with the original kept, no orphan
accepted, copies of confirmed figures closed as "same as #N", filters, bulk, numbers as people write them."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.core.errors import DataError
from pairaid.indicators.models import DataValue
from pairaid.review.services import datavalue_accept
from pairaid.web.number_fields import read_typed_number
from tests.web.factories import World, make_figure, make_report


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("80,000,000", "80000000"),
        ("75.8 million", "75800000"),
        ("1,234.5", "1234.5"),
        ("7580万", "75800000"),
        ("1.5亿", "150000000"),
        ("八千万", "80000000"),
        ("８０，０００", "80000"),
        ("eighty", "80"),
        ("2.5亿元", "250000000"),
        ("80,000,000 yuan", "80000000"),
        ("12元", "12"),
        ("-5", "-5"),
    ],
)
def test_numbers_are_read_as_people_write_them(typed: str, value: str) -> None:
    assert read_typed_number(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["", "many", "12 schools", "3-5", "1,2,3"])
def test_what_is_not_one_number_is_refused(typed: str) -> None:
    assert read_typed_number(typed) is None


def test_a_reviewer_corrects_the_indicator_place_period_and_value_and_the_report_stays(world: World) -> None:
    report = make_report(world.kashi)
    form = {
        "indicator": "jobs",
        "area": "653122",
        "period_kind": "year",
        "year": "2010",
        "value": "4,500",
        "qualifier": "more_than",
    }
    response = _client(world.owner).post(f"/figures/{report.trained.pk}/correct/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    dv = DataValue.objects.select_related("indicator", "area").get(pk=report.trained.pk)
    assert (dv.status, dv.indicator.code, dv.area.code, dv.value, dv.qualifier) == (
        "corrected",
        "jobs",
        "653122",
        4500,
        "more_than",
    )
    assert (dv.period_start.isoformat(), dv.period_end.isoformat()) == ("2010-01-01", "2010-12-31")
    assert dv.original_value == 4456
    assert dv.as_read == {
        "indicator": "people_trained",
        "area": None,
        "period_start": "2009-01-01",
        "period_end": "2009-12-31",
        "qualifier": "exact",
    }
    reason = "corrected: area, indicator, period_end, period_start, qualifier, value"
    assert dv.history.latest().history_change_reason == reason
    page = _client(world.owner).get(f"/documents/{report.document.pk}/").content.decode()
    assert "As read:" in page and "People trained" in page


def test_a_correction_with_a_mistake_shows_the_form_again_with_it(world: World) -> None:
    report = make_report(world.kashi)
    response = _client(world.owner).post(f"/figures/{report.schools.pk}/correct/", {"value": "twelve-ish"})
    assert response.status_code == 422
    assert "is not a number" in response.content.decode()
    assert DataValue.objects.get(pk=report.schools.pk).status == "extracted"
    negative = _client(world.owner).post(f"/figures/{report.schools.pk}/correct/", {"value": "-5"})
    assert negative.status_code == 422
    page = negative.content.decode()
    assert "A figure cannot be negative." in page and "is not a number" not in page
    money = _client(world.owner).post(f"/figures/{report.aid.pk}/correct/", {"value": "2.5亿元"})
    assert money.status_code == 302, money.content.decode()[:2000]
    assert DataValue.objects.get(pk=report.aid.pk).value == 250000000


def test_the_evidence_view_opens_the_correction_of_one_figure(world: World) -> None:
    report = make_report(world.kashi)
    page = _client(world.owner).get(f"/documents/{report.document.pk}/?correct={report.aid.pk}").content.decode()
    assert f'id="correct-{report.aid.pk}"' in page and 'name="indicator"' in page and 'value="75,800,000"' in page
    assert page.count('class="correction"') == 1


def test_a_figure_with_no_subject_cannot_be_accepted(world: World) -> None:
    report = make_report(world.kashi)
    orphan = make_figure("schools", "3", status="extracted", evidence=report.schools.evidence, year=2011)
    with pytest.raises(DataError, match="no subject"):
        datavalue_accept(user=world.national, data_value=orphan)
    page = _client(world.national).get(f"/documents/{report.document.pk}/").content.decode()
    card = page[page.index(f'id="figure-{orphan.pk}"') :]
    card = card[: card.index("</li>")]
    assert "no subject" in card and 'name="accept"' not in card and "Correct" in card


def test_a_copy_of_a_confirmed_figure_is_shown_as_such_and_closed_in_one_click(world: World) -> None:
    report = make_report(world.kashi)
    confirmed = make_figure("aid_funds", "75800000", pairing=world.kashi, status="entered")
    page = _client(world.owner).get(f"/documents/{report.document.pk}/").content.decode()
    card = page[page.index(f'id="figure-{report.aid.pk}"') :]
    card = card[: card.index("</li>")]
    assert f"#{confirmed.pk}</a> is confirmed" in card and f"Same as #{confirmed.pk}" in card
    assert 'name="accept"' not in card
    response = _client(world.owner).post(f"/figures/{report.aid.pk}/same_as/")
    assert response.status_code == 302
    aid = DataValue.objects.get(pk=report.aid.pk)
    assert (aid.status, aid.same_as_id) == ("rejected", confirmed.pk)
    assert aid.history.latest().history_change_reason == f"same as #{confirmed.pk}"


def test_the_queue_filters_by_indicator_certainty_and_rule_and_sorts_by_certainty(world: World) -> None:
    report = make_report(world.kashi)
    DataValue.objects.filter(pk=report.schools.pk).update(rule="built_count")
    client = _client(world.owner)

    def shown(query: str) -> list[int]:
        html = client.get(f"/review/?{query}").content.decode()
        return [int(pk) for pk in re.findall(r'<li class="figure [^"]*" id="figure-(\d+)"', html)]

    everything = [report.aid.pk, report.schools.pk, report.trained.pk, report.cadres.pk]
    assert shown("") == everything
    assert shown("indicator=schools") == [report.schools.pk]
    assert shown("certainty=uncertain") == [report.cadres.pk]
    assert shown("rule=built_count") == [report.schools.pk]
    assert shown("order=certainty")[0] == report.cadres.pk
    assert shown(f"pairing={world.jiangsu.pk}") == []


def test_figures_ticked_in_the_queue_are_reviewed_in_one_step(world: World) -> None:
    report = make_report(world.kashi)
    ids = [report.schools.pk, report.trained.pk]
    response = _client(world.owner).post("/review/bulk/", {"ids": ids, "action": "accept"})
    assert response.status_code == 302
    assert sorted(DataValue.objects.filter(status="accepted").values_list("pk", flat=True)) == sorted(ids)
    refused = _client(world.colleague).post("/review/bulk/", {"ids": [report.aid.pk], "action": "reject"})
    assert refused.status_code == 403 and DataValue.objects.get(pk=report.aid.pk).status == "extracted"


def test_the_api_corrects_any_field_and_closes_copies(world: World) -> None:
    report = make_report(world.kashi)
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    body = {"indicator": "jobs", "area": "653122", "value": "4500"}
    path = f"/api/v1/data-values/{report.trained.pk}/correct"
    response = Client().post(path, json.dumps(body), content_type="application/json", headers=headers)
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["indicator"], data["area"], data["value"]) == ("jobs", "653122", "4500")
    assert data["original_value"] == "4456"
    assert data["as_read"] == {"indicator": "people_trained", "area": None}
    confirmed = make_figure("aid_funds", "75800000", pairing=world.kashi, status="entered")
    closed = Client().post(f"/api/v1/data-values/{report.aid.pk}/same-as", headers=headers)
    assert closed.status_code == 200 and closed.json()["same_as"] == confirmed.pk


def test_ingest_keeps_the_rule_and_the_certainty_of_each_figure(world: World) -> None:
    from pairaid.core.documents import read_document_bytes
    from pairaid.ingest.services import document_ingest
    from tests.web.factories import REPORT

    document = read_document_bytes(REPORT.encode(), filename="kashi-2009.txt", max_bytes=10**6)
    result = document_ingest(document=document, report_year=2009, donor="Shandong", recipient="Kashi")
    figures = DataValue.objects.filter(evidence__document=result.document)
    assert figures.exists()
    assert all(f.rule and f.certainty is not None and 0 <= f.certainty <= 1 for f in figures)


def test_a_field_the_report_left_empty_shows_as_a_dash_not_as_none(db: None) -> None:
    from pairaid.web.templatetags.pairaid_web import as_read_items

    shown = as_read_items({"area": None, "indicator": "people_trained"})
    assert shown == [("area", "—"), ("indicator", "People trained")]
