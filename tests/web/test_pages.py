"""The pages: what they show, in which language, and that report text stays text."""

from __future__ import annotations

import re

from django.test import Client

from tests.web.factories import World, area, make_activity, make_figure, make_report, make_transaction


def _client(user: object | None = None, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def test_the_document_page_marks_every_span_and_shows_script_as_text(world: World) -> None:
    report = make_report(world.kashi)
    html = _client(world.owner).get(f"/documents/{report.document.pk}/").content.decode()
    start = report.document.text.index("75.80 million yuan")
    assert f'<mark id="span-{start}-{start + 18}" class="status-extracted">75.80 million yuan</mark>' in html
    assert len(re.findall(r'<mark id="span-\d+-\d+"', html)) == 4
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert f'href="#span-{start}-{start + 18}"' in html


def test_anonymous_visitors_see_only_confirmed_figures_or_are_sent_to_log_in(world: World, settings) -> None:
    report = make_report(world.kashi)
    make_figure("aid_funds", "70000000", pairing=world.kashi, year=2008, status="accepted")
    html = _client().get("/figures/").content.decode()
    assert "70,000,000" in html and "75,800,000" not in html
    assert _client().get(f"/figures/{report.aid.pk}/").status_code == 404
    settings.ANONYMOUS_ACCESS = "none"
    response = _client().get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_area_names_follow_the_chosen_language(world: World) -> None:
    assert "Shule County" in _client().get("/areas/653122/").content.decode()
    zh = _client(language="zh-hans").get("/areas/653122/").content.decode()
    assert "<h1>疏勒县" in zh and "地区" in zh


def test_the_language_switch_sets_chinese(world: World) -> None:
    client = _client()
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "概览" in html and 'lang="zh-hans"' in html


def test_the_dashboard_totals_confirmed_figures_with_change_on_last_year(world: World) -> None:
    make_figure("aid_funds", "100000000", pairing=world.shandong, year=2008)
    make_figure("aid_funds", "128200000", pairing=world.shandong, year=2009)
    make_figure("aid_funds", "999", pairing=world.shandong, year=2009, status="extracted")
    make_transaction(make_activity(world.kashi, "SD-1"), value="2500000.00")
    html = _client().get("/").content.decode()
    assert "128,200,000" in html and "+28.2%" in html
    assert "999" not in html.split('id="by-pairing"')[1].split("</table>")[0]
    assert "<svg" in html and "2,500,000" in html


def test_the_pairing_page_shows_its_tree_figures_and_history(world: World) -> None:
    make_figure("aid_funds", "50000000", pairing=world.kashi, year=2008)
    make_figure("aid_funds", "75800000", pairing=world.kashi, year=2009)
    make_activity(world.kashi, "SD-KS-9", title="Kashi road works")
    html = _client(world.owner).get(f"/pairings/{world.shandong.pk}/").content.decode()
    assert f'href="/pairings/{world.kashi.pk}/"' in html
    kashi = _client(world.owner).get(f"/pairings/{world.kashi.pk}/?year=2009").content.decode()
    assert "75,800,000" in kashi and "+51.6%" in kashi and "Kashi road works" in kashi
    assert "New activity" in kashi
    assert "New activity" not in _client(world.colleague).get(f"/pairings/{world.kashi.pk}/").content.decode()


def test_reviewing_from_the_document_page_lands_in_the_audit_trail(world: World) -> None:
    report = make_report(world.kashi)
    client = _client(world.owner)
    client.post(f"/figures/{report.aid.pk}/accept/")
    client.post(f"/figures/{report.schools.pk}/correct/", {"value": "13"})
    report.schools.refresh_from_db()
    assert (report.schools.status, report.schools.original_value) == ("corrected", 12)
    html = client.get(f"/figures/{report.schools.pk}/").content.decode()
    assert "owner" in html and "<del>12</del> → <ins>13</ins>" in html


def test_a_form_explains_what_is_wrong_in_the_users_language(world: World) -> None:
    client = _client(world.owner, language="zh-hans")
    data = {
        "activity": "",
        "pairing": "",
        "transaction_type": "commitment",
        "finance_type": "grant",
        "value": "-5",
        "value_date": "2009-01-01",
    }
    html = client.post("/transactions/new/", data).content.decode()
    assert "请选择一个项目或一个结对关系，只能选其一。" in html


def test_search_finds_areas_pairings_and_activities(world: World) -> None:
    make_activity(world.kashi, "SD-KS-7", title="Shule bilingual kindergarten")
    html = _client().get("/search/?q=Shule").content.decode()
    assert 'href="/areas/653122/"' in html and "Shule bilingual kindergarten" in html
    assert area("653122").name_zh in _client(language="zh-hans").get("/search/?q=疏勒").content.decode()


def test_upload_refuses_a_wrong_type(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(world.owner)
    upload = SimpleUploadedFile("report.exe", b"MZ\x00\x00", content_type="application/octet-stream")
    html = client.post("/documents/upload/", {"file": upload, "report_year": 2009}).content.decode()
    assert "Unsupported file type" in html
    assert _client(world.viewer).get("/documents/upload/").status_code == 403


def test_logins_are_locked_after_repeated_failures(world: World, settings) -> None:
    from tests.web.factories import PASSWORD

    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        client.post("/login/", {"username": "owner", "password": "wrong"})
    response = client.post("/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_upload_refuses_a_file_over_the_size_limit(world: World, settings) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("report.txt", b"a" * (1024 * 1024 + 1), content_type="text/plain")
    html = _client(world.owner).post("/documents/upload/", {"file": upload, "report_year": 2009}).content.decode()
    assert "The file report.txt is larger than 1 MB." in html


def test_an_uploaded_report_is_read_into_figures_waiting_for_review(world: World, work_off) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pairaid.jobs.models import Job
    from pairaid.sources.models import SourceDocument
    from tests.web.factories import REPORT

    upload = SimpleUploadedFile("kashi-2009.txt", REPORT.encode(), content_type="text/plain")
    client = _client(world.owner)
    response = client.post(
        "/documents/upload/", {"file": upload, "report_year": 2009, "donor": "Shandong", "recipient": "Kashi"}
    )
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert not SourceDocument.objects.exists(), "the page stores the file and returns; a worker reads it"
    assert client.get(f"/jobs/{job.pk}/progress/").json()["status"] == "queued"
    assert work_off() == 1
    document = SourceDocument.objects.get(filename="kashi-2009.txt")
    assert f'href="/documents/{document.pk}/"' in client.get(f"/jobs/{job.pk}/").content.decode()
    spans = {document.text[e.start : e.end] for e in document.evidence.all()}
    assert "75.80 million yuan" in spans
    assert document.evidence.filter(data_values__status="extracted").exists()


def test_the_activity_page_shows_money_status_history_and_the_trail_of_its_transactions(world: World) -> None:
    from pairaid.entry.services import activity_update, transaction_update

    activity = make_activity(world.kashi, "SD-KS-5", title="Shule clinic")
    tx = make_transaction(activity, value="1000000.00")
    activity_update(user=world.owner, activity=activity, data={"status": 4})
    transaction_update(user=world.owner, transaction_=tx, data={"value": "1200000.00"})
    html = _client(world.owner).get(f"/activities/{activity.pk}/").content.decode()
    assert "Disbursement: 1,200,000" in html
    assert "Implementation → Closed" in html
    assert "<del>1000000</del> → <ins>1200000</ins>" in html


def test_the_pairing_page_words_the_findings_as_the_reports_do_in_the_readers_language(world: World) -> None:
    from pairaid.checks.services import findings_refresh

    whole = make_figure("aid_funds", "75800000", pairing=world.kashi, year=2009)
    grants = make_figure("grant_funds", "100000000", pairing=world.kashi, year=2009)
    grants.part_of = whole
    grants.save()
    assert findings_refresh(pairing=world.shandong, year=2009).errors == 1
    en = _client(world.owner).get(f"/pairings/{world.shandong.pk}/?year=2009").content.decode()
    zh = _client(world.owner, "zh-hans").get(f"/pairings/{world.shandong.pk}/?year=2009").content.decode()
    assert (
        "Kashi Prefecture (喀什地区): the parts of Aid funds provided (all channels) 75.8 million yuan add up to "
        "100 million yuan, more than the whole (Grants (free aid) 100 million yuan)."
    ) in en
    said = "<strong>错误</strong> 山东省—喀什地区：援助资金7580万元的各分项合计1亿元，"
    assert said + "超过总数（无偿援助资金1亿元）。" in zh
    listed = zh[zh.index('<ul class="findings">') :].split("</ul>", 1)[0]
    assert not re.search(r">[^<]*[A-Za-z][^<]*<", listed), listed  # no English in the Chinese findings


