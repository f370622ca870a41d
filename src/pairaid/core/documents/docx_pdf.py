"""Word (.docx) and PDF files -> plain text.

* ``.docx`` (python-docx): body paragraphs and tables in document order; one line
  per paragraph, one line per table row with its cells separated by a tab (a
  merged cell counted once, a cell's own paragraphs joined by a space). Page
  headers and footers are left out, like a web page's chrome.
* ``.pdf`` (pypdf): the text layer of each page, pages separated by a line break.
  A PDF whose pages carry no text (a scan) is refused: there is nothing to read
  without OCR.
"""

from __future__ import annotations

import io
import logging
import zipfile

import docx
import pypdf
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]
from pypdf.errors import PyPdfError

from pairaid.core.errors import InputError

#: How much bigger than the size limit the unpacked parts of a .docx may be: a big .docx is big for its
#: pictures, which do not compress, and the XML of even a 1,000-page report is some tens of MB.
DOCX_UNPACKED_RATIO = 2


def docx_to_text(data: bytes, *, name: str, max_bytes: int) -> str:
    """The text of a .docx file's body.

    Raises:
        InputError: not a readable .docx, or its parts unpack to more than
            ``DOCX_UNPACKED_RATIO × max_bytes`` (a zip bomb: 1 MB unpacking to 1 GB).
    """
    _check_unpacked(data, name=name, max_bytes=max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, etree.XMLSyntaxError, KeyError, ValueError) as exc:
        reason = _reason(exc)
        raise InputError(f"{name}: not a readable .docx file ({reason})", code="docx_unreadable",
                         params={"detail": reason}) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(_table_lines(block))
    return "\n".join(lines)


def _check_unpacked(data: bytes, *, name: str, max_bytes: int) -> None:
    # The sizes the zip's directory declares; zipfile never reads past a part's declared
    # size, so a lying directory cannot get round the check. Not a zip: the reader refuses it.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    if unpacked > DOCX_UNPACKED_RATIO * max_bytes:
        raise InputError(f"{name}: the .docx unpacks to {unpacked:,} bytes, more than a report can hold",
                         code="docx_too_big", params={"size": f"{unpacked:,}"})


def _table_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        lines.append("\t".join(cells).rstrip("\t"))
    return lines


def pdf_to_text(data: bytes, *, name: str) -> str:
    """The text layer of a PDF, page after page.

    Raises :class:`InputError` when the file is not a readable PDF, is encrypted
    with a password, or has no text layer.
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: PDF is protected by a password", code="pdf_password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        reason = _reason(exc)
        raise InputError(f"{name}: not a readable PDF file ({reason})", code="pdf_unreadable",
                         params={"detail": reason}) from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise InputError(f"{name}: PDF has no text layer (scanned?); run OCR first", code="pdf_no_text")
    return text


def _reason(exc: Exception) -> str:
    message = str(exc).strip().splitlines()
    return message[0] if message else type(exc).__name__
