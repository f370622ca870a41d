"""HTML -> plain text, the way a reader sees the page's content.

Parsed with lxml's HTML parser (tolerant of broken markup). Scripts, styles and
site chrome (``nav``, ``header``, ``footer``, ``aside``, forms, iframes) are
dropped; each block element (headings, paragraphs, list items, table rows…)
becomes its own line, so headings stay on their own lines; table cells are
separated by a tab; whitespace inside a line collapses to one space, except in
``pre``. Empty lines are dropped. The result is the text that gets stored, and
every offset into a document refers to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from pairaid.core.errors import InputError

_DROPPED = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "iframe", "object", "embed", "svg", "canvas", "button", "select", "dialog", "menu",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li",
        "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BREAK = "\n"
_CELL = "\t"


def html_to_text(html: str, *, name: str) -> tuple[str, str]:
    """Extract the readable text of an HTML page; returns ``(text, title)``.

    ``title`` is the page's ``<title>`` (whitespace collapsed), else its first
    ``<h1>``, else ``""``. Raises :class:`InputError` when the markup holds no
    element at all.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: not readable HTML ({exc})", code="html_unreadable", params={"detail": exc}) from None
    title = _title(root)
    lines: list[str] = []
    current: list[str] = []
    for token, pre in _tokens(root, pre=False):
        if token == _BREAK and not pre:
            _end_line(current, lines)
        elif pre:
            pieces = token.split("\n")
            current.append(pieces[0])
            for piece in pieces[1:]:
                _end_line(current, lines)
                current.append(piece)
        elif token == _CELL:
            current.append(_CELL)
        else:
            current.append(_SPACE.sub(" ", token))
    _end_line(current, lines)
    return "\n".join(lines), title


def _end_line(current: list[str], lines: list[str]) -> None:
    line = "".join(current).strip(" \t")
    line = re.sub(r" *\t *", "\t", line)
    if line.strip():
        lines.append(line)
    current.clear()


def _tokens(element: lxml.html.HtmlElement, *, pre: bool) -> Iterator[tuple[str, bool]]:
    """Text pieces of ``element`` and its descendants in reading order, with block breaks.

    Yields ``(text, preformatted)``; ``(_BREAK, False)`` ends a line and
    ``(_CELL, False)`` separates table cells. Tails are yielded by the parent.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if not tag or tag in _DROPPED:
        return
    block = tag in _BLOCKS
    inner_pre = pre or tag in {"pre", "textarea", "listing"}
    if block:
        yield _BREAK, False
    if tag == "br":
        yield _BREAK, False
    if element.text:
        yield element.text, inner_pre
    for child in element:
        yield from _tokens(child, pre=inner_pre)
        if child.tail:
            yield child.tail, inner_pre
    if tag in _CELLS:
        yield _CELL, False
    if block:
        yield _BREAK, False


def _title(root: lxml.html.HtmlElement) -> str:
    for path in ("//title", "//h1"):
        for found in root.xpath(path):
            text = _SPACE.sub(" ", found.text_content()).strip()
            if text:
                return text
    return ""
