"""``pairaid ingest``: the shared seed report twice, bad files beside a good one, encodings, HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.core.documents import MEDIA_TYPES
from pairaid.core.extract import read_report
from pairaid.indicators.models import DataValue
from pairaid.sources.models import Evidence, SourceDocument

runner = CliRunner()
WIDE = {"COLUMNS": "200"}
GOOD = "In 2012, City A provided aid funds of 12.5 million yuan to County B.\n"


def counts() -> tuple[int, int, int]:
    return SourceDocument.objects.count(), Evidence.objects.count(), DataValue.objects.count()


@pytest.mark.django_db
def test_the_seed_report_ingested_twice_is_stored_once(shared_dir: Path) -> None:
    seed = shared_dir / "corpus" / "reports" / "2010_shandong-xinjiang_seed.txt"
    first = runner.invoke(app, ["ingest", str(seed), "--year", "2009"], env=WIDE)
    after_first = counts()
    second = runner.invoke(app, ["ingest", str(seed), "--year", "2009"], env=WIDE)

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "status: new;" in first.stdout and "status: already ingested;" in second.stdout
    extraction = read_report(seed.read_text(encoding="utf-8"), report_year=2009)
    spans = {(mention.start, mention.end) for mention in extraction.mentions}
    assert after_first == (1, len(spans), len(extraction.facts))
    assert len(extraction.facts) > 20
    assert counts() == after_first
    document = SourceDocument.objects.get()
    assert document.text == seed.read_text(encoding="utf-8")
    assert document.report_year == 2009
    grant = DataValue.objects.get(indicator__code="grant_funds", value=75_800_000)
    assert document.text[grant.evidence.start : grant.evidence.end].startswith("75.80 million")


@pytest.mark.django_db
def test_each_bad_file_gives_its_line_and_the_good_file_is_still_stored(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # 50 MB, sparse
        handle.truncate(50 * 1024 * 1024)
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes(b"In 2012 aid funds were \xff\xfe 3 million yuan.")
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_bytes(b"PK\x03\x04")
    unreadable = good / "inside.txt"  # a path through a file: the OS refuses it
    missing = tmp_path / "missing.txt"

    bad = [empty, binary, huge, invalid, sheet, unreadable, missing]
    result = runner.invoke(app, ["ingest", *map(str, [empty, binary, good, huge, invalid, sheet, unreadable, missing])])

    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {empty}: empty file",
        f"error: {binary}: binary file (NUL or control bytes), not text",
        f"error: {huge}: 50 MB is over the size limit of 20 MB",
        f"error: {invalid}: invalid bytes (0xff at byte 23): not UTF-8, GB18030/GBK or Big5 text",
        f"error: {sheet}: unsupported file type '.xlsx' (pairaid reads .docx, .htm, .html, .pdf, .text, .txt)",
        f"error: {unreadable}: cannot be read (Not a directory)",
        f"error: {missing}: no such file",
    ]
    assert SourceDocument.objects.get().filename == "good.txt"
    assert DataValue.objects.get().value == 12_500_000
    assert result.stdout.count("failed") == len(bad)
    assert "Ingested 1 of 8 files" in result.stdout


@pytest.mark.django_db
def test_a_gb18030_report_is_stored_as_its_text(tmp_path: Path) -> None:
    text = "对口帮扶概况\n2012年，甲市向乙县提供援助资金1250万元。\n"
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))

    result = runner.invoke(app, ["ingest", str(path)], env=WIDE)

    assert result.exit_code == 0, result.output
    document = SourceDocument.objects.get()
    assert (document.text, document.title, document.language, document.report_year) == (
        text,
        "对口帮扶概况",
        "zh",
        2012,
    )


@pytest.mark.django_db
def test_an_html_report_is_stored_without_its_scripts(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Aid to County B</title><script>var funds = '99 million yuan';</script></head>"
        f"<body><nav>Home</nav><h1>Aid to County B</h1><p>{GOOD}</p><script>track(300)</script></body></html>"
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")

    result = runner.invoke(app, ["ingest", str(path), "--address", "https://example.org/report.html"], env=WIDE)

    assert result.exit_code == 0, result.output
    document = SourceDocument.objects.get()
    assert document.text == "Aid to County B\n" + GOOD.strip()
    assert (document.media_type, document.address) == ("text/html", "https://example.org/report.html")
    value = DataValue.objects.get()
    assert (value.indicator.code, value.value) == ("aid_funds", 12_500_000)
    assert document.text[value.evidence.start : value.evidence.end] == "12.5 million yuan"


@pytest.mark.django_db
def test_a_word_report_is_ingested_and_a_scanned_pdf_is_refused(tmp_path: Path) -> None:
    import docx
    import weasyprint

    word = docx.Document()
    word.add_heading("Aid to County B", level=1)
    word.add_paragraph(GOOD.strip())
    report = tmp_path / "report.docx"
    word.save(str(report))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(weasyprint.HTML(string='<div style="height:3cm;background:#000"></div>').write_pdf())

    result = runner.invoke(app, ["ingest", str(report), str(scan)], env=WIDE)

    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {scan}: PDF has no text layer (scanned?); run OCR first"
    document = SourceDocument.objects.get()
    assert (document.text, document.media_type) == ("Aid to County B\n" + GOOD.strip(), MEDIA_TYPES[".docx"])
    assert DataValue.objects.get().value == 12_500_000


@pytest.mark.django_db
def test_a_report_without_a_year_names_the_file_once(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("City A provided aid funds of 12.5 million yuan to County B.\n", encoding="utf-8")

    result = runner.invoke(app, ["ingest", str(undated)])

    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {undated}: no year in the text nor in the file name; give --year"
    assert SourceDocument.objects.count() == 0
