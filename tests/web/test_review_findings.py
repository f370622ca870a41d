"""Regressions from trying to break the pages and the API as an attacker and as a confused user."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from pairaid.accounts.services import token_create
from pairaid.web.templatetags.pairaid_web import number, unit
from tests.web.factories import PASSWORD, World, make_activity, make_figure, make_report


def _client(user: object | None = None, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def test_figures_keep_thousands_separators_and_units_read_in_chinese() -> None:
    with translation.override("zh-hans"):
        assert number(Decimal("1574000000.0000")) == "1,574,000,000"
        assert number(Decimal("7.0100")) == "7.01"
        assert number(Decimal("12345.5")) == "12,345.5"
        assert (unit("CNY"), unit("person_time"), unit("no_such_unit")) == ("元", "人次", "no_such_unit")
    with translation.override("en"):
        assert (unit("CNY"), unit("m2")) == ("yuan", "m²")


def test_the_chinese_dashboard_names_pairings_and_units_in_chinese(world: World) -> None:
    make_figure("aid_funds", "1574000000", pairing=world.shandong)
    html = _client(language="zh-hans").get("/?year=2009").content.decode()
    assert "1,574,000,000" in html and "(元)" in html
    assert "新疆维吾尔自治区</text>" in html  # the chart label
    assert "Xinjiang</text>" not in html


def test_a_javascript_address_is_never_made_a_link(world: World) -> None:
    report = make_report(world.kashi)
    report.document.address = "javascript:alert(1)"
    report.document.save(update_fields=["address"])
    html = _client(world.viewer).get(f"/documents/{report.document.pk}/").content.decode()
    assert "javascript:" not in html


def test_the_bulk_accept_button_shows_only_to_who_may_review(world: World) -> None:
    report = make_report(world.kashi)
    url = f"/documents/{report.document.pk}/"
    assert 'id="accept-confident"' in _client(world.owner).get(url).content.decode()
    assert 'id="accept-confident"' not in _client(world.viewer).get(url).content.decode()
    assert 'id="accept-confident"' not in _client(world.colleague).get(url).content.decode()


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(world: World, settings, work_off) -> None:
    settings.UPLOAD_MAX_BYTES = 1024
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "a" * 4096)
    upload = SimpleUploadedFile("bomb.docx", packed.getvalue())
    client = _client(world.owner, "zh-hans")
    form = {"file": upload, "report_year": 2009, "donor": "Shandong", "recipient": "Kashi"}  # an editor names both
    response = client.post("/documents/upload/", form)
    assert response.status_code == 302 and work_off() == 1
    text = client.get(response["Location"]).content.decode()
    assert "无法作为报告读取" in text and "bomb.docx: 该 .docx 文件解压后为 4,096 字节" in text


def test_a_period_ending_before_it_starts_is_a_field_error_in_the_api(world: World) -> None:
    body = {
        "indicator": "aid_funds",
        "pairing": world.kashi.pk,
        "period_start": "2012-01-01",
        "period_end": "2011-12-31",
        "value": "5",
    }
    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    response = Client().post("/api/v1/data-values", json.dumps(body), content_type="application/json", headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"loc": ["body", "period_end"], "msg": "The period ends before it starts.", "type": "invalid"}
    ]


def test_an_activity_ending_before_it_starts_is_told_on_its_end_date(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-1")
    form = {
        "identifier": "SD-KS-1",
        "title": "Shule clinic",
        "sector": "health",
        "status": 2,
        "pairing": world.kashi.pk,
        "start_date": "2011-05-01",
        "end_date": "2011-01-01",
    }
    html = _client(world.owner, "zh-hans").post(f"/activities/{activity.pk}/edit/", form).content.decode()
    assert "结束日期早于开始日期" in html and "Constraint" not in html


def test_a_recipient_editor_is_not_offered_activity_or_transaction_forms(world: World) -> None:
    client = _client(world.recipient_editor, "zh-hans")
    for url in ("/activities/new/", "/transactions/new/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "您的账户无权" in response.content.decode()
    assert client.get("/figures/new/").status_code == 200


def test_a_lockout_is_explained_in_the_visitors_language_and_spares_colleagues(world: World, settings) -> None:
    settings.AXES_FAILURE_LIMIT = 2
    client = Client(headers={"Accept-Language": "zh-hans"})
    for _ in range(2):
        client.post("/login/", {"username": "owner", "password": "wrong"})
    locked = client.post("/login/", {"username": "owner", "password": PASSWORD})
    assert locked.status_code == 429 and "尝试次数过多" in locked.content.decode()
    colleague = client.post("/login/", {"username": "viewer", "password": PASSWORD})
    assert colleague.status_code == 302


def test_the_trail_shows_recipient_areas_by_code_and_name(world: World) -> None:
    from pairaid.entry.services import activity_update
    from tests.web.factories import area

    activity = make_activity(world.kashi, "SD-KS-2")
    activity_update(user=world.owner, activity=activity, data={}, recipient_areas=[area("653122")])
    html = _client(world.viewer, "zh-hans").get(f"/activities/{activity.pk}/").content.decode()
    assert "653122 疏勒县" in html
