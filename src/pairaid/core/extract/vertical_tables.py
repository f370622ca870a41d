"""English tables flattened one cell per line (issue 11): a web page's table copied as text.

A header of three or more short lines of words ("No." / "Project" / "County" / "Funds (10,000 yuan)" / "Status"), then
records of as many lines, each column either always a number or never one (a column of list numbers under "No." is
left out), one column of numbers at least; a line of a total ("Total", "Subtotal, projects 1-5") followed by a
number for each column of numbers ends it.  :func:`vertical_tables` gives, by the index of the header's first line,
the header and the rows as :mod:`~pairaid.core.extract.tables` reads any table: each cell's offset counted from its
record's first line, so that a record of several lines reads as one row.
"""

from __future__ import annotations

import re

from pairaid.core.extract.table_headers import NUMBER

__all__ = ["VerticalTable", "vertical_tables"]

Cells = list[tuple[int, str]]
# header cells, rows (offset of the record's first line, cells), index of the line after the table, and the spans of
# the text whose numbers are no figures (the list numbers under "No.", the item numbers of a total's label)
VerticalTable = tuple[Cells, list[tuple[int, Cells]], int, list[tuple[int, int]]]

_SHORT = 60  # the longest header line
_LIST_NUMBER_HEADER = re.compile(r"(?:no\.?|#|s/n|serial(?:\s+no\.?)?|item\s+no\.?)", re.I)
_TOTAL = re.compile(r"(?:sub-?\s?)?total\b|grand\s+total\b", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")


def vertical_tables(lines: list[tuple[int, str]]) -> dict[int, VerticalTable]:
    """``{index of the header's first line: (header cells, rows, index of the line after)}`` (module docstring)."""
    out: dict[int, VerticalTable] = {}
    k = 0
    while k < len(lines) - 6:
        found = _table_at(lines, k)
        if found is None:
            k += 1
            continue
        out[k] = found
        k = found[2]
    return out


def _header_line(line: str) -> bool:
    """A line that may be a header cell: "No.", or a few words opening with a capital, no number outside brackets."""
    text = line.strip()
    if _LIST_NUMBER_HEADER.fullmatch(text):
        return True
    return (
        0 < len(text) <= _SHORT
        and text[:1].isupper()
        and not text.endswith((".", ";", ","))
        and not any(ch.isdigit() for ch in _BRACKETS.sub("", text))
    )


def _table_at(lines: list[tuple[int, str]], k: int) -> VerticalTable | None:
    if k and lines[k - 1][1].strip() and not lines[k - 1][1].rstrip().endswith(":"):
        return None  # a table's header opens after a blank line or a line ending in a colon
    n = 0
    while k + n < len(lines) and _header_line(lines[k + n][1]):
        n += 1
    if n < 3:
        return None
    # the header's lines may run into the first record's words: try the widths that leave a number column
    for width in range(n, 2, -1):
        found = _records(lines, k, width)
        if found is not None:
            return found
    return None


def _records(lines: list[tuple[int, str]], k: int, n: int) -> VerticalTable | None:
    header = [lines[k + c][1].strip() for c in range(n)]
    records: list[list[str]] = []
    j = k + n
    while j + n <= len(lines):
        fields = [lines[j + c][1].strip() for c in range(n)]
        if not all(fields) or (records and _TOTAL.match(fields[0])):
            break
        records.append(fields)
        j += n
    if len(records) < 2:
        return None
    numeric = [all(NUMBER.fullmatch(r[c]) for r in records) for c in range(n)]
    wordy = [not any(NUMBER.fullmatch(r[c]) for r in records) for c in range(n)]
    if not all(a or b for a, b in zip(numeric, wordy, strict=True)):
        return None
    skip = {
        c
        for c in range(n)
        if numeric[c]
        and _LIST_NUMBER_HEADER.fullmatch(header[c])
        and [r[c] for r in records] == [str(i) for i in range(1, len(records) + 1)]
    }
    figures = [c for c in range(n) if numeric[c] and c not in skip]
    columns = [c for c in range(n) if c not in skip]
    if not figures or not wordy[columns[0]] or figures[0] == columns[0]:
        return None
    head: Cells = [(lines[k + c][0] - lines[k][0], header[c]) for c in columns]
    no_figures = [
        (lines[k + n + r * n + c][0], lines[k + n + r * n + c][0] + len(lines[k + n + r * n + c][1]))
        for c in skip
        for r in range(len(records))
    ]
    rows: list[tuple[int, Cells]] = []
    for r, fields in enumerate(records):
        first = k + n + r * n
        at = lines[first][0]
        rows.append((at, [(_field_at(lines, first + c) - at, fields[c]) for c in columns]))
    # a total after the records: its label, then a number for each column of numbers
    if j < len(lines) and _TOTAL.match(lines[j][1].strip()):
        numbers = [lines[j + 1 + f][1].strip() for f in range(len(figures)) if j + 1 + f < len(lines)]
        if len(numbers) == len(figures) and all(NUMBER.fullmatch(x) for x in numbers):
            at = lines[j][0]
            label_at = _field_at(lines, j) - at
            no_figures.append((lines[j][0], lines[j][0] + len(lines[j][1])))  # "Subtotal, projects 1-5"
            cells: Cells = []
            for c in columns:
                if c == columns[0]:
                    cells.append((label_at, lines[j][1].strip()))
                elif c in figures:
                    line = j + 1 + figures.index(c)
                    cells.append((_field_at(lines, line) - at, lines[line][1].strip()))
                else:
                    cells.append((label_at, ""))
            rows.append((at, cells))
            j += 1 + len(figures)
    return head, rows, j, no_figures


def _field_at(lines: list[tuple[int, str]], i: int) -> int:
    """Where the words of line ``i`` start in the text."""
    start, line = lines[i]
    return start + len(line) - len(line.lstrip())
