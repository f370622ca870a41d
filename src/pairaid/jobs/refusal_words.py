"""The report reader's refusals (:mod:`pairaid.core.documents`) in the reader's language: each refusal by its
code (:attr:`pairaid.core.errors.InputError.code`) to its words in the catalogue, with the values it holds
(numbers, names) kept; never recognised by its English message."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy

WORDS = {
    "docx_unreadable": gettext_lazy("not a readable .docx file (%(detail)s)"),
    "docx_too_big": gettext_lazy("the .docx unpacks to %(size)s bytes, more than a report can hold"),
    "pdf_password": gettext_lazy("PDF is protected by a password"),
    "pdf_unreadable": gettext_lazy("not a readable PDF file (%(detail)s)"),
    "pdf_no_text": gettext_lazy("PDF has no text layer (scanned?); run OCR first"),
    "no_text": gettext_lazy("has no text"),
    "empty": gettext_lazy("empty file"),
    "too_big": gettext_lazy("%(size)s is over the size limit of %(limit)s"),
    "unsupported_type": gettext_lazy("unsupported file type %(kind)s (pairaid reads %(kinds)s)"),
    "binary": gettext_lazy("binary file (NUL or control bytes), not text"),
    "bad_bytes": gettext_lazy("invalid bytes (0x%(byte)s at byte %(at)s): not UTF-8, GB18030/GBK or Big5 text"),
    "bad_bytes_for": gettext_lazy("invalid bytes for %(encoding)s (0x%(byte)s at byte %(at)s)"),
    "html_unreadable": gettext_lazy("not readable HTML (%(detail)s)"),
}


def refusal_words(code: str, params: Mapping[str, object] | None = None) -> str | None:
    """The reader's refusal ``code`` with its ``params`` in the active language; ``None`` for another code."""
    words = WORDS.get(code)
    if words is None:
        return None
    return str(words) % dict(params or {}) if params else str(words)
