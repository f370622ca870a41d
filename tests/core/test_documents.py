"""Reading report files: every format, every encoding, every kind of bad input.

Each test writes its own small fixture file into ``tmp_path``.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import docx
import pytest
import weasyprint

from pairaid.core.documents import DEFAULT_MAX_BYTES, Document, read_document, read_document_bytes
from pairaid.core.errors import InputError

SENTENCE = "In 2012, City A provided aid funds of 12.5 million yuan to County B."
CHINESE = "二〇一二年，甲市向乙县提供援助资金1250万元，其中无偿援助800万元。\n喀什地区疏勒县"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- plain text and encodings ---------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (("Aid report\n" + CHINESE).encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ("Aid report\n" + CHINESE).encode("utf-8"), "utf-8-sig"),
        (("Aid report\n" + CHINESE).encode("gb18030"), "gb18030"),
        (("Aid report\n" + CHINESE).encode("gbk"), "gb18030"),
        (("Aid report\n" + CHINESE).encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_it_reads_text_in_each_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    document = read_document(write(tmp_path, "report.txt", data))
    assert document.text == "Aid report\n" + CHINESE
    assert document.encoding == encoding
    assert document.media_type == "text/plain"
    assert document.title == "Aid report"
    assert document.filename == "report.txt"
    assert document.sha256 == hashlib.sha256(document.text.encode("utf-8")).hexdigest()


TRADITIONAL = "二零一二年，甲市向乙縣提供援助資金1250萬元，其中無償援助800萬元，新建學校12所。\n喀什地區疏勒縣"


def test_it_reads_a_traditional_report_in_big5(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "report.txt", TRADITIONAL.encode("big5")))
    assert (document.text, document.encoding) == (TRADITIONAL, "big5")


def test_a_big5_report_is_read_into_figures(tmp_path: Path) -> None:
    from pairaid.core.extract import read_report

    document = read_document(write(tmp_path, "report.txt", TRADITIONAL.encode("big5")))
    found = [(m.text, int(m.value), m.unit) for m in read_report(document.text, report_year=2012).mentions]
    assert found == [("1250萬元", 12_500_000, "CNY"), ("800萬元", 8_000_000, "CNY"), ("12所", 12, "count")]


def test_a_short_gbk_line_among_english_is_still_gb18030() -> None:
    text = "In 2009 Shandong gave 1.5 billion yuan to 疏勒县."
    document = read_document_bytes(text.encode("gbk"), filename="short.txt")
    assert (document.text, document.encoding) == (text, "gb18030")


def test_it_prefers_utf8_when_the_bytes_decode_as_utf8() -> None:
    document = read_document_bytes("援助资金".encode(), filename="a.txt")
    assert (document.text, document.encoding) == ("援助资金", "utf-8")


def test_it_normalises_line_endings_and_keeps_offsets_of_the_stored_text() -> None:
    document = read_document_bytes(b"\xef\xbb\xbf  Title\r\n\r\nIn 2012 aid was 3 million yuan.\rEnd", filename="a.txt")
    assert document.text == "  Title\n\nIn 2012 aid was 3 million yuan.\nEnd"
    assert document.title == "Title"
    start = document.text.index("3 million")
    assert document.text[start : start + 15] == "3 million yuan."


def test_the_same_text_in_two_encodings_has_one_hash() -> None:
    one = read_document_bytes(CHINESE.encode("utf-8"), filename="a.txt")
    two = read_document_bytes(CHINESE.replace("\n", "\r\n").encode("gb18030"), filename="b.txt")
    assert one.sha256 == two.sha256


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title> Shandong–Kashi
 report 2012 </title>
<style>p { color: red }</style><script>var total = "99 million yuan";</script></head>
<body>
<header><a href="/">Yearbook home</a></header>
<nav><ul><li>Menu</li><li>Search</li></ul></nav>
<main>
<h1>Overview</h1><p>In 2012, City A provided aid
   funds of <b>12.5</b>&nbsp;million yuan to County B.</p>
<h2>Projects</h2>
<ul><li>19 key projects</li><li>6 schools<br>2 clinics</li></ul>
<table><tr><th>Year</th><th>Funds</th></tr><tr><td>2012</td><td>12.5</td></tr></table>
<!-- 77 million yuan in a comment -->
</main>
<aside>Related: 5 other reports</aside>
<footer>Tel 010-12345678</footer>
<script>document.write("300 households")</script>
</body></html>
"""

PAGE_TEXT = (
    "Overview\n"
    "In 2012, City A provided aid funds of 12.5 million yuan to County B.\n"
    "Projects\n"
    "19 key projects\n"
    "6 schools\n"
    "2 clinics\n"
    "Year\tFunds\n"
    "2012\t12.5"
)


def test_it_reads_the_content_of_an_html_page_without_scripts_or_chrome(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "page.html", PAGE.encode("utf-8")))
    assert document.text == PAGE_TEXT
    assert document.title == "Shandong–Kashi report 2012"
    assert document.media_type == "text/html"
    assert "99 million" not in document.text and "Menu" not in document.text and "Tel" not in document.text


def test_it_reads_a_gbk_htm_page(tmp_path: Path) -> None:
    page = "<html><head><title>对口帮扶</title></head><body><h1>概况</h1><p>援助资金1250万元。</p></body></html>"
    document = read_document(write(tmp_path, "page.htm", page.encode("gbk")))
    assert document.text == "概况\n援助资金1250万元。"
    assert (document.title, document.encoding) == ("对口帮扶", "gb18030")


def test_an_html_page_without_a_title_takes_its_first_line() -> None:
    document = read_document_bytes(b"<p>First paragraph</p><pre>a  b\nc</pre>", filename="x.html")
    assert document.text == "First paragraph\na  b\nc"
    assert document.title == "First paragraph"


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Aid: 3 million yuan</p></body></html>'
    assert read_document_bytes(page.encode(), filename="x.html").text == "Aid: 3 million yuan"


# --- Word and PDF ------------------------------------------------------------------------


def test_it_reads_the_paragraphs_and_tables_of_a_docx(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_heading("Aid report 2012", level=1)
    word.add_paragraph(SENTENCE)
    table = word.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["County", "Funds", "Projects"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["County B", "12.5", "6"], strict=True):
        cell.text = text
    word.add_paragraph("Of which grants were 8 million yuan.")
    word.sections[0].footer.paragraphs[0].text = "Page footer 010-1234"
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_document(write(tmp_path, "report.docx", buffer.getvalue()))
    assert document.text == (
        f"Aid report 2012\n{SENTENCE}\nCounty\tFunds\tProjects\nCounty B\t12.5\t6\nOf which grants were 8 million yuan."
    )
    assert document.title == "Aid report 2012"
    assert document.encoding is None
    assert document.media_type.endswith("wordprocessingml.document")


@pytest.fixture(scope="module")
def text_pdf() -> bytes:
    html = f"<h1>Aid report 2012</h1><p>{SENTENCE}</p>"
    return weasyprint.HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def test_it_reads_the_text_layer_of_a_pdf(tmp_path: Path, text_pdf: bytes) -> None:
    document = read_document(write(tmp_path, "report.pdf", text_pdf))
    assert document.text == f"Aid report 2012\n{SENTENCE}"
    assert (document.title, document.media_type, document.encoding) == ("Aid report 2012", "application/pdf", None)


def test_a_pdf_without_text_is_refused_as_scanned(tmp_path: Path) -> None:
    drawing = weasyprint.HTML(string='<div style="width:5cm;height:2cm;background:#000"></div>').write_pdf()
    with pytest.raises(InputError, match=r"^.*scan\.pdf: PDF has no text layer \(scanned\?\)"):
        read_document(write(tmp_path, "scan.pdf", drawing))


def test_a_handwritten_minimal_pdf_is_read() -> None:
    assert read_document_bytes(minimal_pdf("Aid: 3 million yuan"), filename="m.pdf").text == "Aid: 3 million yuan"


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with one line of Helvetica text, written by hand."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", r"empty\.txt: empty file$"),
        ("blank.txt", b"  \n\t\n", r"blank\.txt: has no text$"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", r"binary\.txt: binary file"),
        ("controls.txt", bytes(range(1, 9)) * 100, r"controls\.txt: binary file"),
        ("invalid.txt", b"Aid funds \xff\xfe of 3 million", r"invalid\.txt: invalid bytes \(0xff at byte 10\)"),
        ("latin1.txt", "Caf\xe9 aid".encode("latin-1"), r"latin1\.txt: invalid bytes \(0xe9 at byte 3\)"),
        ("sheet.xlsx", b"PK\x03\x04", r"sheet\.xlsx: unsupported file type '\.xlsx'"),
        ("noext", b"text", r"noext: unsupported file type without a suffix"),
        ("broken.pdf", b"%PDF-1.4 garbage", r"broken\.pdf: not a readable PDF file"),
        ("broken.docx", b"not a zip", r"broken\.docx: not a readable \.docx file"),
        ("blank.html", b"<html><script>x=1</script></html>", r"blank\.html: has no text$"),
    ],
)
def test_bad_input_gives_one_clear_line(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_document(write(tmp_path, name, data))
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError, match=message):
        read_document_bytes(data, filename=name)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB of holes, no disk used
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"huge\.txt: 50 MB is over the size limit of 20 MB$"):
        read_document(path)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_the_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"x" * 2048)
    with pytest.raises(InputError, match=r"a\.txt: 2 kB is over the size limit of 1 kB$"):
        read_document(path, max_bytes=1024)
    assert read_document(path, max_bytes=4096).text == "x" * 2048


def test_missing_directory_and_unreadable_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file$"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match=r"folder\.txt: is a directory, not a file$"):
        (tmp_path / "folder.txt").mkdir()
        read_document(tmp_path / "folder.txt")
    plain = write(tmp_path, "plain.txt", b"text")
    with pytest.raises(InputError, match=r"plain\.txt/inner\.txt: cannot be read \(Not a directory\)$"):
        read_document(plain / "inner.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"text")
    path.chmod(0)
    with pytest.raises(InputError, match=r"locked\.txt: cannot be read \(Permission denied\)$"):
        read_document(path)


def test_a_document_is_immutable() -> None:
    document = read_document_bytes(b"text", filename="a.txt")
    assert isinstance(document, Document)
    with pytest.raises(AttributeError):
        document.text = "other"  # type: ignore[misc]


def test_corpus_reports_are_stored_exactly_as_written(shared_dir: Path) -> None:
    """Gold offsets refer to the files as they are, so reading must not change a UTF-8 report."""
    for path in sorted((shared_dir / "corpus" / "reports").glob("*.txt")):
        document = read_document(path)
        assert document.text == path.read_text(encoding="utf-8"), path.name
        assert document.encoding == "utf-8"


def test_a_docx_whose_parts_unpack_to_more_than_twice_the_limit_is_refused_unread(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "a" * 4096)

    with pytest.raises(InputError, match=r"bomb.docx: the .docx unpacks to 4,096 bytes"):
        read_document(bomb, max_bytes=1024)
