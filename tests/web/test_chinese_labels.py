"""Chinese pages name what the codelists name (issue 13): the activity form's sectors, the pairing page's
assessment evidence (indicators, units, judgements in words), in the reader's language."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client

from tests.web.factories import World, make_figure


def _client(user: object, language: str) -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def _options(page: str, select: str) -> list[tuple[str, str]]:
    found = re.search(rf'<select name="{select}"[^>]*>(.*?)</select>', page, re.S)
    assert found, f"no <select name={select}>"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', found.group(1))


def test_the_activity_form_lists_sectors_by_their_name_in_the_readers_language(world: World) -> None:
    zh = dict(_options(_client(world.owner, "zh-hans").get("/activities/new/").content.decode(), "sector"))
    en = dict(_options(_client(world.owner, "en").get("/activities/new/").content.decode(), "sector"))
    assert zh["agriculture"] == "农业" and zh["infrastructure"] == "基础设施"
    assert en["agriculture"] == "Agriculture and agricultural standardisation"
    assert en["infrastructure"] == "Rural infrastructure"
    assert zh.keys() == en.keys() and len(zh) > 5
    assert not [n for code, n in zh.items() if code and re.search("[A-Za-z]", n)], "English on the Chinese page"


def _assessment(client: Client, url: str) -> str:
    """The words of the pairing page's assessment (score, criteria, evidence), without the tags."""
    page = client.get(url).content.decode()
    section = page[page.rindex("<p", 0, page.index('class="assessment-score"')) :]
    section = section[: section.index("</section>")]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section)))


def test_the_pairing_pages_assessment_says_its_evidence_by_names_in_the_readers_language(world: World) -> None:
    from pairaid.assessment.services import rubric_sync
    from pairaid.checks.services import findings_refresh
    from pairaid.datasets.services import datasets_sync
    from pairaid.plans.services import plan_get_or_create, plan_value_set

    datasets_sync()
    rubric_sync()
    make_figure("leader_visits", "30", pairing=world.kashi)
    whole = make_figure("aid_funds", "16000000", pairing=world.kashi)
    part = make_figure("grant_funds", "20000000", pairing=world.kashi)
    part.part_of = whole  # a part larger than its whole: a finding of the checks
    part.save()
    findings_refresh(pairing=world.kashi, year=2009)
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="20000000")
    url = f"/pairings/{world.kashi.pk}/?year=2009"

    zh = _assessment(_client(world.viewer, "zh-hans"), url)
    en = _assessment(_client(world.viewer, "en"), url)

    assert not re.findall(r"[A-Za-z_]+", zh), f"codes or English on the Chinese page: {zh}"
    assert "领导互访：已填报30人次（未设目标）" in zh
    assert "援助资金：计划2000万元，完成1600万元（80.0%）" in zh
    assert "1项错误：分项之和超过总数" in zh
    assert "未填报：" in zh and "数据集未报送" in zh
    assert "Leaders' exchange visits: 30 person-times reported (no target)" in en
    assert "Aid funds provided (all channels): 16 million yuan done of 20 million yuan planned (80.0%)" in en
    assert "1 error: the parts add up to more than the whole" in en
    assert "dataset not submitted" in en
    assert "leader_visits" not in en and "person_time" not in en and "parts_exceed_whole" not in en


def test_the_page_header_counts_unread_notifications_with_the_user_in_one_query(world: World) -> None:
    """The signed-in user is read with their unread notifications (pairaid.web.auth): no query of its own per page;
    the count is right before and after reading them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from pairaid.notifications.services import notification_mark_read, notify

    notify(users=[world.owner], subject="first")
    notify(users=[world.owner], subject="second")
    notify(users=[world.viewer], subject="someone else's")
    client = _client(world.owner, "en")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/pairings/").content.decode()
    assert "Notifications (2)</a>" in page
    assert not [q for q in queries if "notifications_notification" in q["sql"] and "auth_user" not in q["sql"]]
    notification_mark_read(user=world.owner)
    assert "Notifications (" not in client.get("/pairings/").content.decode()
    assert "通知 (1)" in _client(world.viewer, "zh-hans").get("/pairings/").content.decode()


NO_TEXT = "没有文字"


def test_the_report_readers_refusals_are_said_in_chinese_on_the_job_page(world: World, work_off: Any) -> None:
    """The reader's refusals of a .docx, a PDF, texts and an unknown type, uploaded together and read by the
    job, said in the reader's language on the job's page and its progress by their codes (issue 13: they were
    recognised by their English wording), each file's named, the numbers kept; English as the reader wrote it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pairaid.jobs.models import Job

    files = [("a.docx", b"not a zip"), ("b.pdf", b"%PDF-1.4 nothing"), ("c.txt", b" \n "), ("d.txt", b"ab\xff")]
    form = {"file": [SimpleUploadedFile(name, data) for name, data in files], "report_year": 2009,
            "donor": "Shandong", "recipient": "Kashi"}
    client = _client(world.owner, "zh-hans")
    response = client.post("/documents/upload/", form)
    assert response.status_code == 302 and work_off() == 1
    job = Job.objects.get()
    codes = [(f["filename"], f["code"]) for f in job.result["files"]]
    assert codes == [("a.docx", "docx_unreadable"), ("b.pdf", "pdf_unreadable"), ("c.txt", "no_text"),
                     ("d.txt", "bad_bytes")]
    said = client.get(f"/jobs/{job.pk}/progress/").json()["error"].split("; ")
    assert said[0].startswith("a.docx: 不是可读取的 .docx 文件（")
    assert said[1].startswith("b.pdf: 不是可读取的 PDF 文件（")
    assert said[2:] == [
        f"c.txt: {NO_TEXT}",
        "d.txt: 无效字节（第 2 字节处为 0xff）：不是 UTF-8、GB18030/GBK 或 Big5 编码的文本",
    ]
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert NO_TEXT in page and "不是可读取的 .docx 文件（" in page and "has no text" not in page
    english = _client(world.owner, "en").get(f"/jobs/{job.pk}/progress/").json()["error"]
    assert english == job.error  # English as the reader wrote it
    kinds = ".docx, .htm, .html, .pdf, .text, .txt"
    for code, data in (("pdf_no_text", None), ("bad_bytes_for", {"encoding": "utf-16", "byte": "63", "at": "6"}),
                       ("unsupported_type", {"kind": "'.odt'", "kinds": kinds}), ("empty", None)):
        from django.utils import translation

        from pairaid.jobs.selectors import file_error

        with translation.override("zh-hans"):
            worded = file_error({"error": "whatever the English said", "code": code, "params": data})
        assert worded == {
            "pdf_no_text": "PDF 文件没有文字层（可能是扫描件），请先进行文字识别（OCR）",
            "bad_bytes_for": "无效字节（utf-16 编码，第 6 字节处为 0x63）",
            "unsupported_type": f"不支持的文件类型 '.odt'（可读取 {kinds}）",
            "empty": "空文件",
        }[code]
