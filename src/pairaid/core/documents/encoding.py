"""Bytes of a text file -> ``str``: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.

UTF-8 wins whenever the bytes decode cleanly as UTF-8. Otherwise charset-normalizer
is asked. Big5 (read as Big5-HKSCS, its superset; Traditional Chinese pages) is
accepted when it names Big5. GB18030 (a superset of GBK and GB2312) is accepted when
it names a Chinese encoding, or when the bytes decode strictly as GB18030 and what
is not ASCII is mostly CJK ideographs and punctuation (charset-normalizer guesses
poorly on short mixed texts); failing that, Big5 on the same test. Anything else is
refused as invalid bytes rather than guessed.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from pairaid.core.errors import InputError

#: Encodings charset-normalizer may report that GB18030 decodes correctly.
_CHINESE = frozenset({"gb18030", "gbk", "gb2312", "hz", "cp936", "euc_cn"})
#: Encodings charset-normalizer may report that Big5-HKSCS decodes correctly.
_BIG5 = frozenset({"big5", "big5hkscs", "cp950"})
_SNIFF = 8192
#: Share of C0 control bytes (other than tab, newlines, form feed, escape) above which bytes are binary.
_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")


def decode_text(data: bytes, *, name: str) -> tuple[str, str]:
    """Decode the bytes of a text file; returns ``(text, encoding)``.

    ``encoding`` is ``utf-8``, ``utf-8-sig`` (a BOM was stripped), ``utf-16``,
    ``gb18030`` or ``big5``. The BOM is removed and line endings are normalised to ``\\n``.

    Raises :class:`InputError` (message starting with ``name``) for binary data
    (NUL bytes, many control bytes) and for bytes that are neither UTF-8 nor GB18030.
    """
    if data.startswith(codecs.BOM_UTF8):
        return normalise_newlines(_strict(data[3:], "utf-8", name=name)), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return normalise_newlines(_strict(data, "utf-16", name=name)), "utf-16"
    if looks_binary(data):
        raise InputError(f"{name}: binary file (NUL or control bytes), not text", code="binary")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    found = _as_chinese(data)
    if found is None:
        bad = data[utf8_error.start : utf8_error.start + 1].hex()
        raise InputError(
            f"{name}: invalid bytes (0x{bad} at byte {utf8_error.start}): not UTF-8, GB18030/GBK or Big5 text",
            code="bad_bytes",
            params={"byte": bad, "at": utf8_error.start},
        )
    return normalise_newlines(found[0]), found[1]


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` -> ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """Whether bytes are binary: any NUL byte, or many control bytes near the start."""
    if b"\x00" in data:
        return True
    head = data[:_SNIFF]
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return bool(head) and controls / len(head) > _CONTROL_SHARE


def _strict(data: bytes, encoding: str, *, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"{name}: invalid bytes for {encoding} (0x{bad} at byte {exc.start})",
            code="bad_bytes_for",
            params={"encoding": encoding, "byte": bad, "at": exc.start},
        ) from None


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _as_chinese(data: bytes) -> tuple[str, str] | None:
    """The text and ``gb18030`` or ``big5`` when that is what it plausibly is, else ``None``.

    Bytes that decode both ways are read the way that gives more common characters
    (GB2312's first level, Traditional forms counted as their Simplified ones): the
    wrong reading of Chinese text gives rare characters.
    """
    best = from_bytes(data[: 4 * _SNIFF]).best()
    big5 = _decoded(data, "big5hkscs")
    text = _decoded(data, "gb18030")
    if big5 is not None and text is not None and _common_share(big5) != _common_share(text):
        return (big5, "big5") if _common_share(big5) > _common_share(text) else (text, "gb18030")
    if big5 is not None and best is not None and best.encoding in _BIG5:
        return big5, "big5"
    if text is not None and ((best is not None and best.encoding in _CHINESE) or _mostly_cjk(text)):
        return text, "gb18030"
    if big5 is not None and _mostly_cjk(big5):
        return big5, "big5"
    return None


def _common_share(text: str) -> float:
    """The share of the Chinese characters of ``text`` that are common: in GB2312's first level
    (the 3,755 most used), once Traditional forms are made Simplified."""
    from pairaid.core.extract.chinese_text import simplified

    han = [char for char in simplified(text) if 0x4E00 <= ord(char) <= 0x9FFF]
    if not han:
        return 0.0
    return sum(1 for char in han if _first_level(char)) / len(han)


def _first_level(char: str) -> bool:
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _mostly_cjk(text: str) -> bool:
    """Whether at least 80% of the non-ASCII characters are CJK ideographs or CJK/full-width punctuation."""
    wide = [char for char in text if ord(char) > 0x7F]
    if not wide:
        return False
    cjk = sum(1 for char in wide if _is_cjk(char))
    return cjk / len(wide) >= 0.8


def _is_cjk(char: str) -> bool:
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF:
        return True
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
        return True
    return unicodedata.category(char) in {"Pi", "Pf"} or char in "·—…"
