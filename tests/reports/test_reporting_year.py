"""The pairing report shows the reporting year: plan against actual (and promised against arrived
by recipient), the year's events and the assessment, in every format and both languages."""

from __future__ import annotations

import io

import pytest

from pairaid.reports.selectors import report_context
from pairaid.reports.services import report_bytes
from pairaid.sample.loader import sample_load

pytestmark = pytest.mark.django_db


def test_plan_events_and_assessment_in_english() -> None:
    root = sample_load().root
    md = report_bytes(context=report_context(pairing=root, year=2009, with_charts=False), fmt="md").decode()
    # the Qilu park's planned investment against what was invested, of Shandong–Xinjiang's tree and at Shule,
    # whose plan it is (not again at Kashi, which plans nothing itself: issue 12)
    assert "| Enterprise investment | 5.1 billion yuan | 1.5 billion yuan | 29.4% |" in md
    assert "| Shule County | Enterprise investment | 5.1 billion yuan | 1.5 billion yuan | 29.4% |" in md
    assert "| Kashi Prefecture | Enterprise investment |" not in md
    assert "leaders: more than 30 people" in md  # the summary counts leaders, not their trips
    assert "batch no. 6; cadres: 10 people; in Shule County" in md
    assert "booths: 146; contracts signed: 30; contract value: 4.577 billion yuan" in md
    assert "## Assessment" in md and "| Plan execution | 7.4 | 25 |" in md and "Score: " in md


def test_plan_events_and_assessment_in_chinese_without_english_sentences() -> None:
    root = sample_load().root
    context = report_context(pairing=root, year=2009, language="zh-hans", with_charts=False)
    md = report_bytes(context=context, fmt="md").decode()
    assert "| 企业投资 | 51亿元 | 15亿元 | 29.4% |" in md
    assert "互访考察：帮扶方赴受援地；厅局级领导；领导30余人；" in md
    assert "选派干部：第6批；干部10人；派驻疏勒县" in md
    assert "签约金额45.77亿元" in md and "合作领域10个" in md
    assert "总分：" in md and "| 计划执行 | 7.4 | 25 |" in md
    assert "Department-level" not in md and "Commodity Fair" not in md  # titles typed in English


def test_the_workbook_and_the_document_have_the_reporting_year() -> None:
    from docx import Document
    from openpyxl import load_workbook

    root = sample_load().root
    context = report_context(pairing=root, year=2009, with_charts=False)
    book = load_workbook(io.BytesIO(report_bytes(context=context, fmt="xlsx")))
    assert {"Plan", "Events", "Assessment"} <= set(book.sheetnames)
    plan = [[c.value for c in row] for row in book["Plan"].iter_rows(min_row=2)]
    assert [str(root), "Enterprise investment", "5.1 billion yuan", "1.5 billion yuan", 29.4] in [
        [r[0], r[1], r[2], r[3], float(r[4])] for r in plan
    ]
    doc = Document(io.BytesIO(report_bytes(context=context, fmt="docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert {"Plan against actual", "Events and exchanges", "Assessment"} <= set(headings)
