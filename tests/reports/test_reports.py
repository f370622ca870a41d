"""The sample's annual report in every format, the overview, and ``pairaid report``."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.indicators.models import DataValue
from pairaid.registry.models import Pairing
from pairaid.reports.selectors import overview_context, report_context
from pairaid.reports.services import report_bytes, report_html, report_markdown
from pairaid.sample.loader import sample_load
from pairaid.sources.models import Evidence
from tests.checks.factories import document

pytestmark = pytest.mark.django_db

NOTE = "Shandong gave 1.574 billion yuan of aid funds to Xinjiang in 2009."  # written for this test
GONE = "no change on last year: no figure for 2008"  # a change not shown says why (issue 12)
START = NOTE.index("1.574 billion yuan")
END = START + len("1.574 billion yuan")


@pytest.fixture
def sample_pairing() -> Pairing:
    """The loaded sample; its aid funds figure given evidence in a document written for the test."""
    sample_load()
    root = Pairing.objects.get(name="Shandong – Xinjiang")
    doc = document(NOTE, title="Test note")
    start = NOTE.index("1.574 billion yuan")
    evidence = Evidence.objects.create(document=doc, start=start, end=start + len("1.574 billion yuan"))
    DataValue.objects.filter(pairing=root, indicator__code="aid_funds", period_end__year=2009).update(evidence=evidence)
    return root


def test_the_html_report_shows_the_headline_figures_with_links_to_evidence(sample_pairing: Pairing) -> None:
    context = report_context(pairing=sample_pairing, year=2009)
    html = report_html(context=context)
    doc_id = Evidence.objects.get(start=NOTE.index("1.574")).document_id
    (aid,) = [f for f in context.results if f.code == "aid_funds"]
    assert f'<a href="{settings.SITE_URL}/documents/{doc_id}/#span-{START}-{END}">1.574 billion yuan</a>' in html
    assert f'<sup><a href="#note-{aid.note}">[{aid.note}]</a></sup>' in html
    assert f'<li id="note-{aid.note}" value="{aid.note}">“{NOTE}” — <a href="{settings.SITE_URL}/documents/' in html
    assert "75.8 million yuan" in html
    assert '<table class="activities">' in html
    assert "Qilu logistics park, Shule" in html and "20 million yuan" in html
    assert html.count('<img class="chart" src="data:image/svg+xml;base64,') >= 2
    assert [s.title for s in context.sources] == ["Test note"]


def test_the_activities_table_has_money_outputs_and_status(sample_pairing: Pairing) -> None:
    rows = {a.identifier: a for a in report_context(pairing=sample_pairing, year=2009, with_charts=False).activities}
    shule_park = rows["SDXJ-2009-03"]
    assert (shule_park.sector, shule_park.place, shule_park.shown_money) == (
        "Industrial and logistics parks",
        "Shule County",
        "20 million yuan",
    )
    assert "Roads built 7.01 km" in shule_park.outputs
    assert shule_park.status == "Implementation"


def test_an_activity_output_that_is_a_part_is_named_by_its_disaggregation(sample_pairing: Pairing) -> None:
    """The fair's contracts and the project-investment agreements among them: the part says what it is,
    never a second bare value of the same indicator beside the whole (in English and Chinese)."""
    fair = "SDXJ-2009-11"
    en_context = report_context(pairing=sample_pairing, year=2009, with_charts=False)
    (en,) = [a for a in en_context.activities if a.identifier == fair]
    assert "Value of signed cooperation agreements 4.577 billion yuan; " in en.outputs
    assert "Value of signed cooperation agreements (project investment) 3.573 billion yuan" in en.outputs
    zh_context = report_context(pairing=sample_pairing, year=2009, language="zh-hans", with_charts=False)
    (zh,) = [a for a in zh_context.activities if a.identifier == fair]
    assert "签约资金（项目投资） 35.73亿元" in zh.outputs and "kind:" not in zh.outputs


def test_chinese_labels_and_amounts(sample_pairing: Pairing) -> None:
    html = report_html(context=report_context(pairing=sample_pairing, year=2009, language="zh-hans"))
    assert "15.74亿元" in html and "7580万元" in html
    assert "援助项目" in html and "资料来源" in html
    assert "疏勒县" in html  # Shule County, in the activities table


def test_markdown_cites_the_evidence(sample_pairing: Pairing) -> None:
    context = report_context(pairing=sample_pairing, year=2009, with_charts=False)
    md = report_markdown(context=context)
    (aid,) = [f for f in context.results if f.code == "aid_funds"]
    shown = f"1.574 billion yuan [{aid.note}]"
    row = f"| Aid funds provided (all channels) | Shandong – Xinjiang | {shown} | 2009 | {GONE} |"
    assert row in md
    assert f"{aid.note}. “{NOTE}” — Test note <{settings.SITE_URL}/documents/" in md


def test_xlsx_has_one_sheet_per_table_with_names_and_numbers(sample_pairing: Pairing) -> None:
    """Indicators by their names, not their codes (the codes are the open-data exports')."""
    from openpyxl import load_workbook

    book = load_workbook(
        io.BytesIO(report_bytes(context=report_context(pairing=sample_pairing, year=2009), fmt="xlsx"))
    )
    assert book.sheetnames[:5] == ["Overview", "Pairing tree", "Channels", "Sectors", "Activities"]
    overview = {row[0]: row for row in book["Overview"].iter_rows(min_row=2, values_only=True)}
    assert overview["Aid funds provided (all channels)"][2] == 1574000000
    assert overview["Grants (free aid)"][2] == 75800000
    assert overview["People trained"][2] == 38775  # the training centres' 6,300 inside Kashi's 38,755
    assert "aid_funds" not in {c for row in book["Overview"].iter_rows(values_only=True) for c in row}
    results = {row[0]: row for row in book["Results"].iter_rows(min_row=2, values_only=True)}
    note = results["Aid funds provided (all channels)"][7]
    notes = {f"[{row[0]}]": row[1] for row in book["Notes"].iter_rows(min_row=2, values_only=True)}
    assert notes[note] == f"“{NOTE}”"  # quoted, as in every format


def test_docx_has_the_sections_and_a_chart(sample_pairing: Pairing) -> None:
    from docx import Document

    doc = Document(io.BytesIO(report_bytes(context=report_context(pairing=sample_pairing, year=2009), fmt="docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Summary", "Overview", "How the totals were counted"]
    assert {"Activities", "Economic cooperation", "Results", "The recipient's economy", "Sources"} <= set(headings)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "1.574 billion yuan" in cells and any(c.startswith("1.574 billion yuan [") for c in cells)
    assert any(f"“{NOTE}” — Test note" in p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) >= 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_pdf_shows_chinese_names_on_page_one(sample_pairing: Pairing, tmp_path: Path) -> None:
    from PIL import Image

    pdf = report_bytes(context=report_context(pairing=sample_pairing, year=2009, language="zh-hans"), fmt="pdf")
    assert pdf.startswith(b"%PDF")
    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(tmp_path / "r.pdf"), str(tmp_path / "page")],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    dark = sum(1 for p in page.getdata() if p < 128)
    assert dark > 2000  # text and a chart, not a blank page
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "15.74亿元" in text and "年度对口帮扶工作报告" in text  # the CJK font embedded, not boxes


def test_the_overview_compares_pairings_with_last_year(sample_pairing: Pairing) -> None:
    context = overview_context(year=2009, with_charts=False)
    headline = {f.code: f for f in context.headline}
    assert headline["aid_funds"].shown == "1.574 billion yuan"
    assert [p.label for p in context.pairings] == ["Shandong – Xinjiang"]


def test_pairaid_report_writes_the_file(sample_pairing: Pairing, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(
        app, ["report", "--pairing", "Shandong-Xinjiang", "--year", "2009", "--format", "md", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "1.574 billion yuan" in out.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["report", "--year", "2009"])
    assert bad.exit_code == 1 and "either --pairing P or --overview" in bad.output


@pytest.mark.parametrize("which", [["--pairing", "Shandong-Xinjiang"], ["--overview"]])
def test_a_report_for_a_year_without_figures_is_refused(
    sample_pairing: Pairing, tmp_path: Path, which: list[str]
) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["report", *which, "--year", "1999", "--out", str(out)])
    assert result.exit_code == 1
    assert "no figures for" in result.output and "in 1999: nothing to report" in result.output
    assert not out.exists()


def test_the_report_lists_errors_then_warnings_then_notes_and_the_overview_words_its_first_200(
    sample_pairing: Pairing,
) -> None:
    from pairaid.checks.models import Finding
    from pairaid.reports.rows import Notes, finding_rows

    for severity in ("info", "warning", "error", "info", "warning"):
        Finding.objects.create(
            rule="parts_exceed_whole", severity=severity, message="m", pairing=sample_pairing, year=2009
        )
    rows = finding_rows(pairing_ids=None, year=2009, language="en", notes=Notes("en"))
    assert [r.severity for r in rows] == ["Error", "Warning", "Warning", "Info", "Info"]
    assert rows[0].message == "The parts add up to more than the whole."  # no figures: the rule's title
    first = finding_rows(
        pairing_ids=[sample_pairing.pk], year=2009, language="zh-hans", notes=Notes("zh-hans"), limit=2
    )
    title = "分项之和超过总数。"
    assert [(r.severity, r.message) for r in first] == [("错误", title), ("警告", title)]
