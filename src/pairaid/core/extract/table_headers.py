"""The header of an English table written over several lines (issue 11): cells wrapped onto the lines below the
header line (:func:`wrapped_header`) or, bottom-aligned, standing on the lines above it (:func:`header_above`)."""

from __future__ import annotations

import re
from functools import cache

from pairaid.core.extract.rules import word_list
from pairaid.core.extract.table_model import cells_of
from pairaid.core.extract.tables_zh import HAN_CHAR

__all__ = ["NUMBER", "RULE_LINE", "cells", "header_above", "wrapped_header"]

# two white-space characters or a tab (``\s{2,}|\t``), written to open on a white space: the engine skips to one
_CELL_GAP = re.compile(r"\s(?:\s+|(?<=\t))")
_BAR_GAP = re.compile(r"\s{2,}|\t|\s*\|\s*")  # "Anhe | 12.5 | 30": an English table's cells split by bars too
_BLANK_BAR_CELL = re.compile(r"\|(?=[ \t]*\|)")  # a bar another follows with only spaces between
# a cell of a number, signed in a column of changes ("+57", "-3.5%")
NUMBER = re.compile(r"[+\-−]?[\d.,]+%?")
# a line that only rules a table ("|------|-----:|", "------  ------", "+====+====+")
RULE_LINE = re.compile(r"[\s|:+]*[-=]{3,}[-=\s|:+]*")
# a caption or a sentence above a table, not a part of its header: "Table 2 ...", a year, a colon or stop at the end
_NOT_HEADER = re.compile(r"\b(?:table|as\s+follows|below|unit)\b|(?:19|20)\d\d|[:.;]\s*$", re.I)
_ABOVE_LINES = 3  # lines of a bottom-aligned header over its last line at most
_HEADER_WORDS = 4  # words of one cell of such a line at most


@cache
def _group_heading() -> re.Pattern[str]:
    """A line heading a group of rows: a name ending in an area word ("Yili Prefecture"), or words and a colon."""
    areas = "|".join(word_list("area_words"))
    return re.compile(rf"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:{areas})\s*:?|[A-Z][\w' -]*:")


def cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line of an English or Chinese table, each with its offset in the line."""
    if "|" not in line or HAN_CHAR.search(line):
        return cells_of(line, _CELL_GAP)
    out = cells_of(line, _BAR_GAP)
    # an empty cell between two bars ("Subtotal | | 13.38 | 488": no receiver on a total row) keeps its column
    for blank in _BLANK_BAR_CELL.finditer(line):
        at = blank.start() + 1
        if any(offset < at for offset, _ in out):  # between cells, not a Markdown row's leading bars
            out.append((at, ""))
    return sorted(out)


def wrapped_header(
    lines: list[tuple[int, str]], k: int, header: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], int]:
    """The header of line ``k`` with the words of the lines below it that wrap its cells, and how many such lines
    there are (issue 11): lines of words, no number, each cell under one column of the header, found from the
    aligned positions of the cells, left-aligned ("Funds in place" over "(10,000 yuan)") or right-aligned over the
    numbers ("Fiscal aid" over "(10,000 yuan)"), over two or more lines, a unit under some columns only."""
    merged = list(header)
    n = 0
    spans = _column_spans(lines, k, header)
    while k + 1 + n < len(lines) and len(header) >= 3:
        found = cells(lines[k + 1 + n][1])
        if not found or len(found) > len(header) or any(NUMBER.fullmatch(c) for _, c in found):
            break
        if RULE_LINE.fullmatch(lines[k + 1 + n][1]):
            break  # the rule under the header ("-------", "|---|---:|")
        if len(found) == 1 and _group_heading().fullmatch(found[0][1]):
            break  # the heading of the first group of rows ("Yili Prefecture", "Kashgar:"), no wrapped cell
        starts = {offset: c for c, (offset, _) in enumerate(header)}
        cols = _tab_columns(lines[k][1], header, lines[k + 1 + n][1], found) or [
            # a cell that starts where a header cell starts wraps that cell, whatever the rows' numbers' places
            starts[offset] if offset in starts else _column_under(spans, offset, offset + len(words))
            for offset, words in found
        ]
        if None in cols or len(set(cols)) != len(cols):
            break
        for c, (_, words) in zip(cols, found, strict=True):
            assert c is not None
            merged[c] = (merged[c][0], f"{merged[c][1]} {words}")
        n += 1
    return merged, n


def _tab_columns(
    header_line: str, header: list[tuple[int, str]], line: str, found: list[tuple[int, str]]
) -> list[int | None] | None:
    """The columns of the cells ``found`` of ``line`` when it and the header line split their cells by tabs: the
    header cell in the same place among the tab-split fields ("County<tab>Aid funds" over "<tab>(10,000 yuan)"),
    whatever the characters' positions; ``None`` when the lines are not split by tabs alike."""
    if "\t" not in line or "\t" not in header_line:
        return None
    head_fields, fields = _tab_fields(header_line), _tab_fields(line)
    if len(fields) > len(head_fields):
        return None
    column_at = {offset: c for c, (offset, _) in enumerate(header)}
    field_of = {offset: j for j, (offset, _) in enumerate(fields)}
    out: list[int | None] = []
    for offset, _ in found:
        j = field_of.get(offset)
        out.append(column_at.get(head_fields[j][0]) if j is not None and head_fields[j][1] else None)
    return out


def _tab_fields(line: str) -> list[tuple[int, str]]:
    """The fields of ``line`` split at each tab, blank ones too, each with the offset its words start at."""
    out, pos = [], 0
    for field in line.split("\t"):
        out.append((pos + len(field) - len(field.lstrip()), field.strip()))
        pos += len(field) + 1
    return out


def _column_spans(lines: list[tuple[int, str]], k: int, header: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Where each column of the header of line ``k`` lies: its header cell's span, widened by its cell in the first
    line of numbers below (within five lines) when that line has a cell under every header cell."""
    spans = [(offset, offset + len(name)) for offset, name in header]
    for _, line in lines[k + 1 : k + 6]:
        row = cells(line)
        if any(NUMBER.fullmatch(c) for _, c in row):
            if len(row) == len(header):
                spans = [(min(a, o), max(b, o + len(c))) for (a, b), (o, c) in zip(spans, row, strict=True)]
            break
    return spans


def _column_under(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The one column whose span a wrapped header cell from ``start`` to ``end`` overlaps most, of those the one that
    starts nearest it (a start or end within two characters of the column's will do), or ``None`` when it overlaps
    none."""
    overlaps = [min(b, end) - max(a, start) for a, b in spans]
    # on a tie the column that starts nearest the cell ("Labour" over "transferred", beside a wide unit cell)
    best = max(range(len(spans)), key=lambda c: (overlaps[c], -abs(spans[c][0] - start)))
    if overlaps[best] > 0:
        return best
    near = [c for c, (a, b) in enumerate(spans) if abs(a - start) <= 2 or abs(b - end) <= 2]
    return near[0] if len(near) == 1 else None


def header_above(
    lines: list[tuple[int, str]], k: int, header: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], int]:
    """The header of line ``k`` with the words of the lines just above it when the header is bottom-aligned ("Aid"
    over "funds" over "(10,000 yuan)", "Cadres" over "sent"): lines of a few words per cell, no number, each cell
    over one column of line ``k`` (found as in :func:`wrapped_header`), up to three, stopping at a caption ("Table
    1 ...", a year, a final colon, one cell at the margin) or a blank line; and how many such lines there are."""
    merged = list(header)
    if len(header) < 3:
        return merged, 0
    spans = _column_spans(lines, k, header)
    n = 0
    while n < _ABOVE_LINES and k - 1 - n >= 0:
        line = lines[k - 1 - n][1]
        found = cells(line)
        if (
            not found
            or (len(found) == 1 and found[0][0] == 0)  # a line of one cell at the margin: a caption
            or len(found) > len(header)
            or _NOT_HEADER.search(line)
            or any(NUMBER.fullmatch(c) or len(c.split()) > _HEADER_WORDS for _, c in found)
        ):
            break
        cols = [_column_under(spans, offset, offset + len(words)) for offset, words in found]
        if None in cols or len(set(cols)) != len(cols):
            break
        for c, (_, words) in zip(cols, found, strict=True):
            assert c is not None
            merged[c] = (merged[c][0], f"{words} {merged[c][1]}")
        n += 1
    return merged, n
