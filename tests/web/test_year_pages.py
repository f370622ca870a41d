"""The reporting year's pages: the pairing page's plan against actual, events and assessment; the plan,
dataset, events, assessment and notification pages; a plan sentence accepted from a document."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from decimal import Decimal

import pytest
from django.test import Client
from openpyxl import load_workbook

from pairaid.assessment.services import rubric_sync
from pairaid.datasets.services import (
    datasets_sync,
    submission_approve,
    submission_correct,
    submission_freeze,
    submission_submit,
)
from pairaid.events.services import event_create
from pairaid.indicators.models import DataValue
from pairaid.plans.services import plan_get_or_create, plan_value_set
from pairaid.sources.models import Evidence, SourceDocument
from tests.web.factories import World, make_figure, make_user, make_world


@pytest.fixture
def world(db: None, settings: pytest.FixtureRequest) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    datasets_sync()
    rubric_sync()
    return make_world()


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_pairing_page_shows_plan_against_actual_the_events_and_the_assessment(world: World) -> None:
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="20000000")
    event_create(user=world.owner, kind="trade_fair", pairing=world.kashi,
                 data={"year": 2009, "date": dt.date(2009, 6, 15), "name": "Kashgar fair", "booths": 146})

    page = Client().get(f"/pairings/{world.kashi.pk}/?year=2009").content.decode()

    section = page[page.index('id="reporting-year"') :]
    assert 'data-code="aid_funds"' in section and "20,000,000" in section and "16,000,000" in section
    assert "80.0%" in section
    assert "Kashgar fair" in section and "booths: 146" in section
    assert 'class="assessment-score"' in section
    assert "Aid funds provided (all channels): 16 million yuan reported (no target)" in section  # names, no codes


def test_the_area_page_shows_what_was_promised_against_what_arrived(world: World) -> None:
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="schools", value="8")
    make_figure("schools", "6", pairing=world.kashi)
    page = Client().get("/areas/653100/?year=2009").content.decode()
    promised = page[page.index('id="promised"') :]
    assert 'data-code="schools"' in promised and "75.0%" in promised


def test_a_pairing_editor_plans_on_the_plan_page(world: World) -> None:
    owner = _client(world.owner)
    response = owner.post(f"/plans/{world.kashi.pk}/2009/values/", {"indicator": _id("jobs"), "value": "900"})
    assert response.status_code == 302
    planned = DataValue.objects.get(kind="planned")
    assert (planned.indicator.code, planned.value, planned.pairing, planned.updated_by) == (
        "jobs", Decimal("900"), world.kashi, world.owner
    )
    owner.post(f"/plans/{world.kashi.pk}/2009/batches/", {"number": 6, "projects": 19, "livelihood_projects": 11})
    page = owner.get(f"/plans/{world.kashi.pk}/2009/").content.decode()
    assert "Key projects, batch 6: 19 planned" in page and "900" in page
    assert _client(world.colleague).post(
        f"/plans/{world.kashi.pk}/2009/values/", {"indicator": _id("jobs"), "value": "1"}
    ).status_code == 403


def _id(code: str) -> int:
    from pairaid.indicators.models import Indicator

    return int(Indicator.objects.get(code=code).pk)


def test_the_dataset_page_walks_submit_approve_freeze_and_correction(world: World) -> None:
    kashi_editor = make_user("kashi_editor", "pairing_editor", pairings=(world.kashi,))
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    url = f"/datasets/{world.kashi.pk}/2009/"
    editor, owner, national = _client(kashi_editor), _client(world.owner), _client(world.national)

    assert 'value="submit"' in editor.get(url).content.decode()
    assert editor.post(url + "submit/").status_code == 302
    assert editor.post(url + "approve/").status_code == 403  # the province approves first
    assert "Notifications (1)" in owner.get("/datasets/").content.decode()
    assert owner.post(url + "approve/").status_code == 302
    assert national.post(url + "approve/").status_code == 302
    assert national.post(url + "freeze/").status_code == 302
    page = owner.get(url).content.decode()
    assert '<strong id="state">Frozen</strong>' in page and 'value="correct"' in page
    owner.post(url + "correct/", {"reason": ""})
    assert "version 2" not in owner.get(url).content.decode()  # no reason, no correction
    owner.post(url + "correct/", {"reason": "a late disbursement"})
    page = owner.get(url).content.decode()
    assert "version 2" in page and "a late disbursement" in page and "Figures as frozen" in page


def test_events_are_recorded_through_their_forms(world: World) -> None:
    owner = _client(world.owner)
    response = owner.post(
        f"/events/new/agreement/{world.kashi.pk}/",
        {"year": 2009, "title": "Framework", "parties": "Shandong; Kashi", "fields_text": "energy\ntourism"},
    )
    assert response.status_code == 302, response.content[:500]
    page = owner.get(f"/events/{world.kashi.pk}/2009/").content.decode()
    assert "Framework" in page and "energy; tourism" in page
    assert _client(world.colleague).get(f"/events/new/visit/{world.kashi.pk}/").status_code == 403


def test_the_assessment_page_ranks_and_its_workbook_downloads(world: World) -> None:
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    page = Client().get("/assessment/?year=2009").content.decode()
    assert page.index(str(world.kashi).split(" (")[0]) < page.index("Jiangsu")
    response = Client().get("/assessment/2009.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert [r[0] for r in list(book["Ranking"].values)[1:]] == [1, 1, 3]  # Shandong holds Kashi's figure: a tie
    national = _client(world.national)
    assert national.post("/assessment/criteria/results/", {"weight": "12", "params": '{"indicators": ["jobs"]}'}
                         ).status_code == 302
    assert "12" in Client().get("/assessment/?year=2009").content.decode()
    assert _client(world.owner).post("/assessment/criteria/results/", {"weight": "1"}).status_code == 403


def test_a_plan_sentence_is_accepted_from_its_document(world: World) -> None:
    text = "Shandong and Kashi in 2009.\n\nFor 2010 the province plans to allocate 25 million yuan to Kashi."
    document = SourceDocument.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), title="plan", report_year=2009, text=text
    )
    start = text.index("25 million yuan")
    mention = Evidence.objects.create(document=document, start=start, end=start + 15, rule="test")
    owner = _client(world.owner)
    assert "25 million yuan —" in owner.get(f"/documents/{document.pk}/").content.decode()
    response = owner.post(
        f"/documents/{document.pk}/planned/",
        {"mention": mention.pk, "indicator": _id("aid_funds"), "pairing": world.kashi.pk, "year": 2010},
    )
    assert response.status_code == 302
    planned = DataValue.objects.get(kind="planned")
    assert (planned.value, planned.evidence, planned.status) == (Decimal("25000000"), mention, "accepted")
    assert "Accept a plan sentence" not in Client().get(f"/documents/{document.pk}/").content.decode()


def test_the_reporting_year_pages_in_chinese(world: World) -> None:
    make_figure("aid_funds", "16000000", pairing=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="20000000")
    owner = Client(headers={"Accept-Language": "zh-hans"})
    owner.force_login(world.owner)

    page = owner.get(f"/plans/{world.kashi.pk}/2009/").content.decode()
    assert "<h2>计划与实际</h2>" in page and "设定计划值" in page and "援助资金" in page and "80.0%" in page
    page = owner.get(f"/datasets/{world.kashi.pk}/2009/").content.decode()
    assert '<strong id="state">填报中</strong>' in page and ">报送</button>" in page and "完整性" in page
    owner.post(f"/datasets/{world.kashi.pk}/2009/submit/")
    assert '<strong id="state">已报送</strong>' in owner.get(f"/datasets/{world.kashi.pk}/2009/").content.decode()
    page = owner.get("/assessment/?year=2009").content.decode()
    assert "年度考核" in page and "考核细则" in page and "下载工作簿（XLSX）" in page
    page = owner.get(f"/pairings/{world.kashi.pk}/?year=2009").content.decode()
    assert "计划与实际" in page and "交流活动" in page


def test_the_dataset_page_says_each_step_in_the_page_language(world: World) -> None:
    """Regression: the list of a version's steps ("submitted", "approved by ...") was English on Chinese pages."""
    datasets_sync()
    submission = submission_submit(user=world.owner, pairing=world.kashi, year=2009)
    submission_approve(user=world.owner, submission=submission)
    submission_approve(user=world.national, submission=submission)
    submission_freeze(user=world.national, submission=submission)
    submission_correct(user=world.owner, submission=submission, reason="晚到的拨款")
    client = Client(headers={"Accept-Language": "zh-hans"})
    client.force_login(world.national)
    page = client.get(f"/datasets/{world.kashi.pk}/2009/").content.decode()
    first_version = page.split('<ol class="steps">')[-1].split("</ol>")[0]  # versions newest first
    steps = [s.split(" · ")[-1].removesuffix("</li>") for s in first_version.split("<li>")[1:]]
    assert steps == ["已报送", f"{world.shandong}审核通过", "国家办公室审核通过", "已锁定"]
    assert "更正第1版：晚到的拨款" in page
    english = Client(headers={"Accept-Language": "en"})
    english.force_login(world.national)
    assert "approved by the national office" in english.get(f"/datasets/{world.kashi.pk}/2009/").content.decode()
