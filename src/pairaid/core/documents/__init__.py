"""Reading report files into text: ``.txt``, ``.html``/``.htm``, ``.docx`` and ``.pdf``.

:func:`read_document` and :func:`read_document_bytes` return a :class:`Document`
whose ``text`` is what pairaid stores and what every evidence offset refers to
(Python ``str`` indices). Text files may be UTF-8 (with or without BOM), UTF-16
with BOM, GB18030/GBK or Big5 (see :mod:`.encoding`); line endings become ``\\n``.

Bad input raises :class:`pairaid.core.errors.InputError` with one line that starts
with the file's name: a missing or unreadable path, a directory, an empty file,
a file over the size limit, a binary file, invalid bytes, an unsupported type, a
PDF without a text layer.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePath

from pairaid.core.documents.docx_pdf import docx_to_text, pdf_to_text
from pairaid.core.documents.encoding import decode_text, normalise_newlines
from pairaid.core.documents.html import html_to_text
from pairaid.core.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "MEDIA_TYPES", "Document", "read_document", "read_document_bytes"]

#: Largest file read by default: 20 MB (MiB). Yearbook reports are a few hundred kB.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The file types read, by suffix.
MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}
#: Longest title kept (the SourceDocument column).
TITLE_MAX = 300


@dataclass(frozen=True)
class Document:
    """A report file read into text.

    ``text`` is the text as stored (line endings ``\\n``, no BOM); ``sha256`` is the
    hex SHA-256 of ``text`` encoded as UTF-8, so the same report in two encodings
    or formats that read to the same text is one document. ``encoding`` is the
    character encoding of a text or HTML file (``utf-8``, ``utf-8-sig``, ``utf-16``,
    ``gb18030``, ``big5``) and ``None`` for ``.docx`` and ``.pdf``. ``title`` is the HTML
    ``<title>`` or else the first non-empty line (at most 300 characters).
    """

    text: str
    media_type: str
    encoding: str | None
    sha256: str
    title: str
    filename: str


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the report file at ``path``; see :func:`read_document_bytes`.

    Raises :class:`InputError` for a missing path, a directory, a file that cannot be
    read, a file larger than ``max_bytes`` (checked before reading), and every
    case :func:`read_document_bytes` refuses.
    """
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    if not path.is_file():
        raise InputError(f"{name}: is not a regular file")
    if path.suffix.lower() not in MEDIA_TYPES:
        raise _unsupported(name, path.suffix)
    _check_size(size, max_bytes, name=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    return _read(data, name=name, filename=path.name, max_bytes=max_bytes)


def read_document_bytes(data: bytes, *, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a report file's bytes; ``filename`` gives the type by its suffix.

    Returns a :class:`Document`. Raises :class:`InputError` for an unsupported
    suffix, empty data or data with no text, data over ``max_bytes``, binary data,
    bytes that are neither UTF-8, GB18030 nor Big5, a broken .docx or PDF, and a PDF with
    no text layer.
    """
    return _read(data, name=filename, filename=PurePath(filename).name, max_bytes=max_bytes)


def _read(data: bytes, *, name: str, filename: str, max_bytes: int) -> Document:
    suffix = PurePath(filename).suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        raise _unsupported(name, suffix)
    _check_size(len(data), max_bytes, name=name)
    encoding: str | None = None
    title = ""
    if media_type == "text/plain":
        text, encoding = decode_text(data, name=name)
    elif media_type == "text/html":
        html, encoding = decode_text(data, name=name)
        text, title = html_to_text(html, name=name)
    elif suffix == ".docx":
        text = normalise_newlines(docx_to_text(data, name=name, max_bytes=max_bytes))
    else:
        text = normalise_newlines(pdf_to_text(data, name=name))
    if not text.strip():
        raise InputError(f"{name}: has no text", code="no_text")
    return Document(
        text=text,
        media_type=media_type,
        encoding=encoding,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=(title or _first_line(text))[:TITLE_MAX],
        filename=filename,
    )


def _check_size(size: int, max_bytes: int, *, name: str) -> None:
    if size == 0:
        raise InputError(f"{name}: empty file", code="empty")
    if size > max_bytes:
        shown = {"size": _megabytes(size), "limit": _megabytes(max_bytes)}
        raise InputError(f"{name}: {shown['size']} is over the size limit of {shown['limit']}", code="too_big",
                         params=shown)


def _megabytes(size: int) -> str:
    """``52428800`` -> ``"50 MB"``, ``2048`` -> ``"2 kB"`` (binary units, one decimal where needed)."""
    amount, unit = (size / (1024 * 1024), "MB") if size >= 1024 * 1024 else (size / 1024, "kB")
    return f"{amount:.1f}".removesuffix(".0") + f" {unit}"


def _unsupported(name: str, suffix: str) -> InputError:
    kinds = ", ".join(sorted(MEDIA_TYPES))
    shown = f"'{suffix}'" if suffix else "without a suffix"
    return InputError(f"{name}: unsupported file type {shown} (pairaid reads {kinds})", code="unsupported_type",
                      params={"kind": shown, "kinds": kinds})


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""
