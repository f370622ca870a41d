"""Chinese pages say in Chinese what they used to show in English or as codes (issue 13): the reasons of the
audit trail, the kind of record in the audit log, a figure's history (the fields, the units, what the report
gave), the plan form's indicators, the rubric's rules and parameters, the datasets' codes, a job's refusal."""

from __future__ import annotations

import re

from django.test import Client

from pairaid.assessment.services import rubric_sync
from pairaid.datasets.services import datasets_sync
from pairaid.indicators.selectors import indicator_find
from pairaid.jobs.models import JobKind
from pairaid.jobs.progress import job_fail
from pairaid.jobs.services import job_create
from pairaid.review.services import datavalue_close_as_copy, datavalue_correct
from tests.web.factories import World, make_figure, make_report


def _chinese(user: object) -> Client:
    client = Client(headers={"Accept-Language": "zh-hans"})
    client.force_login(user)
    return client


def _text(html: str) -> str:
    """The page's words (its main part, without the tags)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<main") :]))


def test_a_figures_history_and_the_audit_log_say_reasons_fields_units_and_kinds_in_chinese(world: World) -> None:
    report = make_report(world.kashi)
    corrected = datavalue_correct(
        user=world.owner,
        data_value=report.schools,
        changes={"indicator": indicator_find(code="people_trained"), "unit": "person", "value": report.schools.value},
    )
    confirmed = make_figure("aid_funds", "75800000", pairing=world.kashi, status="entered")
    datavalue_close_as_copy(user=world.owner, data_value=report.aid)
    client = _chinese(world.admin)
    figure = _text(client.get(f"/figures/{corrected.pk}/").content.decode())
    assert "(已更正：指标、单位)" in figure
    assert "单位: 所 → 人" in figure and "更新人: — → owner" in figure
    assert "报告原文所述: — → 指标: schools; 单位: school" in figure  # what the report gave, field by field
    assert "updated by" not in figure and "corrected" not in figure and "{" not in figure
    log = _text(client.get("/manage/audit/?kind=datavalue").content.decode())
    assert f"数据 #{corrected.pk} 2 已更正：指标、单位" in log
    assert f"数据 #{report.aid.pk} 2 与 #{confirmed.pk} 相同" in log
    assert "Data value" not in log and "same as" not in log and "corrected:" not in log


def test_the_plan_form_lists_indicators_by_name_and_the_datasets_show_no_code(world: World) -> None:
    datasets_sync()
    client = _chinese(world.owner)
    plan = client.get(f"/plans/{world.kashi.pk}/2009/").content.decode()
    aid = indicator_find(code="aid_funds")
    assert f'<option value="{aid.pk}">{aid.name_zh}</option>' in plan and ">aid_funds<" not in plan
    datasets = client.get("/datasets/").content.decode()
    assert "annual_return" not in datasets.replace("/datasets/configure/annual_return/", "")


def test_the_assessment_page_names_each_rule_and_its_parameters_in_chinese(world: World) -> None:
    rubric_sync()
    page = _text(_chinese(world.national).get("/assessment/?year=2009").content.decode())
    aid, projects = indicator_find(code="aid_funds"), indicator_find(code="aid_projects")
    assert f"报告数据对照目标 25 指标：{aid.name_zh}、{projects.name_zh}" in page
    assert "每条问题扣分比例：错误 0.25，警告 0.1，提示 0" in page and "执行率最多计 100%" in page
    assert "{'" not in page and "{&#x27;" not in page and "open_findings" not in page


def test_a_jobs_refusal_is_said_in_chinese(world: World) -> None:
    job = job_create(user=world.colleague, kind=JobKind.INGEST, params={"files": []})
    job_fail(job, error="kashi-2009.txt: You may upload reports only about the pairings and areas you edit.")
    client = _chinese(world.colleague)
    said = "kashi-2009.txt: 您只能上传关于您所编辑的结对关系和地区的报告。"
    assert said in client.get(f"/jobs/{job.pk}/").content.decode()
    assert client.get(f"/jobs/{job.pk}/progress/").json()["error"] == said
