"""The report reader's refusals (:mod:`pairaid.core.documents`, English with codes and numbers) in the reader's
language: each message's shape and its words in the catalogue, the numbers and names it holds kept."""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy

_SHAPES = [
    (r"not a readable \.docx file \((?P<detail>.*)\)", gettext_lazy("not a readable .docx file (%(detail)s)")),
    (
        r"the \.docx unpacks to (?P<size>[\d,]+) bytes, more than a report can hold",
        gettext_lazy("the .docx unpacks to %(size)s bytes, more than a report can hold"),
    ),
    (r"PDF is protected by a password", gettext_lazy("PDF is protected by a password")),
    (r"not a readable PDF file \((?P<detail>.*)\)", gettext_lazy("not a readable PDF file (%(detail)s)")),
    (
        r"PDF has no text layer \(scanned\?\); run OCR first",
        gettext_lazy("PDF has no text layer (scanned?); run OCR first"),
    ),
    (r"has no text", gettext_lazy("has no text")),
    (r"empty file", gettext_lazy("empty file")),
    (
        r"(?P<size>[\d.]+ [kM]B) is over the size limit of (?P<limit>[\d.]+ [kM]B)",
        gettext_lazy("%(size)s is over the size limit of %(limit)s"),
    ),
    (
        r"unsupported file type (?P<kind>.+) \(pairaid reads (?P<kinds>.+)\)",
        gettext_lazy("unsupported file type %(kind)s (pairaid reads %(kinds)s)"),
    ),
    (r"binary file \(NUL or control bytes\), not text", gettext_lazy("binary file (NUL or control bytes), not text")),
    (
        r"invalid bytes \(0x(?P<byte>[0-9a-f]+) at byte (?P<at>\d+)\): not UTF-8, GB18030/GBK or Big5 text",
        gettext_lazy("invalid bytes (0x%(byte)s at byte %(at)s): not UTF-8, GB18030/GBK or Big5 text"),
    ),
    (
        r"invalid bytes for (?P<encoding>\S+) \(0x(?P<byte>[0-9a-f]+) at byte (?P<at>\d+)\)",
        gettext_lazy("invalid bytes for %(encoding)s (0x%(byte)s at byte %(at)s)"),
    ),
    (r"not readable HTML \((?P<detail>.*)\)", gettext_lazy("not readable HTML (%(detail)s)")),
]
_COMPILED = [(re.compile(shape), words) for shape, words in _SHAPES]


def refusal_words(message: str) -> str | None:
    """``message`` (a refusal of the report reader, without its file's name) in the active language; ``None``
    when it is none of the reader's."""
    for shape, words in _COMPILED:
        found = shape.fullmatch(message)
        if found:
            return str(words) % found.groupdict() if found.groupdict() else str(words)
    return None
