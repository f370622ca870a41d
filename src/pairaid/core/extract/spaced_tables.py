"""English tables whose cells a flattening ran together with single spaces (issue 11): the cells of their lines.

A header of columns whose names end in their units in brackets ("Aided county Relief money (10,000 yuan) Wells
(number) Nurses sent (persons)"), or ends in years and a change ("Item Units 2012 2011 Growth(%)"), or is one word
per column ("County Funds Projects Villages"), over two or more rows of a label (maybe its unit after it,
"Government aid RMB 10,000", under "Units") and as many numbers as the header has columns of figures ("Linxi 812 9
14"); failing those, a header split before each capitalised word outside brackets ("Aided city Aiding city Aid
funds (10,000 yuan) Projects"), its last columns over the rows' numbers and the first over their words, one word
each ("Linxi Dongcheng 850 14": receiver and giver). :func:`spaced_cells` gives each such line's cells with their
offsets, as the cells of a table split by tabs or wide gaps are, for :mod:`~pairaid.core.extract.tables` to read
the table as any other.
The first column's name stands in the first bracketed column's cell too: its words cannot be told apart ("Aided
county Relief money (10,000 yuan)"), and the rules read both ("aided": the rows' labels are the receivers).
"""

from __future__ import annotations

import re

from pairaid.core.extract.table_headers import NUMBER, cells

__all__ = ["spaced_cells"]

Cells = list[tuple[int, str]]

_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CHANGE = re.compile(r"(?:change|growth|increase|y-?o-?y|\+/-|±)?\s*\(?%\)?", re.I)
_UNIT_HEADER = re.compile(r"units?", re.I)
# a row's unit after its label, under a column "Units": "RMB 10,000", "10,000 yuan", "person-times", "km", "wells"
_ROW_UNIT = re.compile(
    r"(?:(?:CNY|RMB|yuan)\s+[\d,]+(?:\s+(?:million|billion))?|[\d,]+\s+(?:yuan|CNY|RMB)"
    r"|(?:ten\s+thousand|hundred\s+million|million|billion)\s+(?:yuan|CNY|RMB)|[A-Za-z²-]+)$",
    re.I,
)
_BRACKET_END = re.compile(r"\)(?=\s|$)")
_ROWS_AT_LEAST = 2
_LABEL_WORDS = 3  # the words of the label of a row under a header split at its capitals ("Kizilsu subtotal")


def spaced_cells(lines: list[tuple[int, str]]) -> dict[int, Cells]:
    """``{line index: cells}`` of the header and rows of each table of ``lines`` written with single spaces."""
    out: dict[int, Cells] = {}
    k = 0
    while k < len(lines) - _ROWS_AT_LEAST:
        line = lines[k][1]
        single = "  " not in line and "\t" not in line and len(cells(line)) == 1
        header = _header(line) if single else None
        rows: dict[int, Cells] = {}
        j = k + 1
        if header is not None:
            columns, unit_column = header
            while j < len(lines) and (row := _row(lines[j][1], len(columns) - 1 - unit_column, unit_column)):
                rows[j] = row
                j += 1
        if len(rows) < _ROWS_AT_LEAST and single:  # "Aided city Aiding city Aid funds (10,000 yuan) Projects"
            columns, rows, j = _title_case_table(lines, k)
        if len(rows) >= _ROWS_AT_LEAST:
            out[k] = columns
            out.update(rows)
            k = j
        else:
            k += 1
    return out


def _title_case_table(lines: list[tuple[int, str]], k: int) -> tuple[Cells, dict[int, Cells], int]:
    """The header of line ``k`` split where a word opens with a capital letter outside brackets, one column each
    ("Aided city | Aiding city | Aid funds (10,000 yuan) | Projects | Schools built"), its last columns over the
    numbers of the rows below (as many as the first row has) and the first over the rows' words: one word each
    when there are two or more such columns ("Linxi Anhe 520 12 3": receiver and giver, "Total 900 30 5" a total);
    the rows and the index of the line after them, or no rows when the lines below do not fit."""
    below = lines[k + 1][1].rstrip() if k + 1 < len(lines) else ""
    if not below[-1:].isdigit() or lines[k][1].rstrip().endswith((".", ":", ";")):
        return [], {}, k + 1  # no number ends the line below, or the line is a sentence: no table (read at once)
    columns = _title_case_columns(lines[k][1])
    figures = _trailing_numbers(below)
    labels = len(columns) - figures
    if figures < _ROWS_AT_LEAST or labels < 1:  # two columns of numbers at least
        return columns, {}, k + 1
    rows: dict[int, Cells] = {}
    j = k + 1
    while j < len(lines) and (row := _row(lines[j][1], figures, 0)) is not None:
        words = _tokens(lines[j][1][: row[1][0]])
        if len(words) > (labels if labels > 1 else _LABEL_WORDS):
            break  # one word per column of words; one column of words holds a label of a few ("Yining County")
        rows[j] = words + [(row[1][0], "")] * (labels - len(words)) + row[1:] if labels > 1 else row
        j += 1
    split = sum(1 for row in rows.values() if row[labels - 1][1]) if labels > 1 else len(rows)
    if split < _ROWS_AT_LEAST:  # the rows' words fit the columns of words: one each in two rows at least
        return columns, {}, k + 1
    return columns, rows, j


def _title_case_columns(line: str) -> Cells:
    """The cells of a header line split before each word that opens with a capital letter outside brackets."""
    out: Cells = []
    depth = 0
    for at, token in _tokens(line):
        if (depth == 0 and token[:1].isupper()) or not out:
            out.append((at, token))
        else:
            out[-1] = (out[-1][0], f"{out[-1][1]} {token}")
        depth = max(0, depth + token.count("(") - token.count(")"))
    return out


def _trailing_numbers(line: str) -> int:
    tokens = _tokens(line)
    n = 0
    while n < len(tokens) and NUMBER.fullmatch(tokens[-1 - n][1]):
        n += 1
    return n if n < len(tokens) else 0


def _tokens(line: str) -> Cells:
    return [(m.start(), m.group()) for m in _TOKEN.finditer(line)]


def _header(line: str) -> tuple[Cells, int] | None:
    """The cells of a header written with single spaces (the label's column first; ``Unit`` second when the rows
    have a unit after their label) and whether it has that unit column, or ``None`` when ``line`` is none."""
    tokens = _tokens(line)
    if len(tokens) < 3 or not tokens[0][1][:1].isalpha():
        return None
    # "Item Units 2012 2011 Growth(%)": years and a change at its end
    n = 0
    while n < len(tokens) - 1 and (_YEAR.fullmatch(tokens[-1 - n][1]) or _CHANGE.fullmatch(tokens[-1 - n][1])):
        n += 1
    years = sum(1 for _, t in tokens[len(tokens) - n :] if _YEAR.fullmatch(t))
    if n >= 2 and years >= 1:
        rest = tokens[: len(tokens) - n]
        unit = len(rest) >= 2 and _UNIT_HEADER.fullmatch(rest[-1][1]) is not None
        label = rest[:-1] if unit else rest
        if any(NUMBER.fullmatch(t) for _, t in label):
            return None
        head = [(label[0][0], " ".join(t for _, t in label))] + ([rest[-1]] if unit else [])
        return head + tokens[len(tokens) - n :], int(unit)
    # "Aided county Relief money (10,000 yuan) Wells (number)": columns that end in their units in brackets
    ends = [m.end() for m in _BRACKET_END.finditer(line)]
    if len(ends) >= 2 and ends[-1] == len(line.rstrip()):
        columns, at = [], 0
        for end in ends:
            segment = line[at:end]
            columns.append((at + len(segment) - len(segment.lstrip()), segment.strip()))
            at = end
        if any("(" not in name for _, name in columns):
            return None
        return [columns[0], *columns], 0
    # "County Funds Projects Villages": one word per column, no number
    if all(t.isalpha() for _, t in tokens):
        return tokens, 0
    return None


def _row(line: str, figures: int, unit_column: int) -> Cells | None:
    """The cells of a row of ``figures`` numbers after a label (and its unit when ``unit_column``), or ``None``."""
    if "  " in line or "\t" in line:
        return None
    tokens = _tokens(line)
    trailing = 0
    while trailing < len(tokens) and NUMBER.fullmatch(tokens[-1 - trailing][1]):
        trailing += 1
    if trailing < figures or (trailing > figures and not unit_column) or len(tokens) == trailing:
        return None
    values = tokens[len(tokens) - figures :]
    label_end = values[0][0]
    words = line[:label_end].rstrip()
    if not re.search(r"[A-Za-z]", words):
        return None
    out: Cells = []
    if unit_column:
        unit = _ROW_UNIT.search(words)
        if unit is None or unit.start() == 0:
            return None
        out = [(0, words[: unit.start()].strip()), (unit.start(), unit.group())]
    else:
        out = [(0, words)]
    return out + values
