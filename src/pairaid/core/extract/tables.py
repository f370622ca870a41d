"""Step: tables flattened into lines, read by their column headers, row labels and caption.

A table is a header line of three or more cells split by two or more spaces, none of them a number
("Prefecture  Funds  Projects  Villages"), then two or more lines of as many cells, a label and
numbers ("Wenshan  9,860  142  38").  The line above the header, when there is one, is its caption;
a unit written there or in a header cell ("(Unit: 10,000 yuan)", "Funds (10,000 yuan)") scales the
cells of the columns of money (``money_columns`` of ``words.yaml``), which become sums of yuan.  The
caption's or header's unit is no mention (it states no amount).  A cell of another column counts what its header
names ("projects").  A row labelled ``Total`` (``total_rows``) is the whole its rows are parts of.

:func:`read_tables` gives the tables and the mentions with their cells read so; the contexts step
gives a cell its column (caption and header) and the sentence that introduces the table, and the
places step its row's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from pairaid.core.extract.model import Mention, Sentence
from pairaid.core.extract.rules import word_list
from pairaid.core.units import is_person_noun, singular

__all__ = ["Table", "TableCell", "read_tables"]

_CELL_GAP = re.compile(r"\s{2,}|\t")
_NUMBER = re.compile(r"[\d.,]+%?")
_UNIT = re.compile(
    r"\(?\s*(?:unit\s*:\s*)?(?P<scale>[\d,]+|ten\s+thousand|hundred\s+million|million)\s+(?:yuan|Yuan|RMB)\s*\)?", re.I
)
_SCALES = {"ten thousand": Decimal(10_000), "hundred million": Decimal(100_000_000), "million": Decimal(1_000_000)}
_INTRODUCES = re.compile(r"\b(?:table|as\s+follows|below)\b", re.I)


@dataclass(frozen=True)
class TableCell:
    """A cell's mention (its index), its column header, its row's label and whether that row is the total."""

    mention: int
    header: str
    label: str
    total: bool


@dataclass(frozen=True)
class Table:
    """A table: caption ("" if none), the sentence before it that introduces it ("" if none), its cells."""

    caption: str
    intro: str
    labels: tuple[str, ...]
    cells: tuple[TableCell, ...]


def _cells(line: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for gap in [*_CELL_GAP.finditer(line), None]:
        end = gap.start() if gap is not None else len(line)
        if line[pos:end].strip():
            out.append((pos, line[pos:end].strip()))
        pos = gap.end() if gap is not None else len(line)
    return out


def _scale(text: str) -> Decimal | None:
    m = _UNIT.search(text)
    if m is None:
        return None
    raw = m.group("scale").lower()
    return _SCALES.get(re.sub(r"\s+", " ", raw)) or Decimal(raw.replace(",", ""))


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def read_tables(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """The mentions with the cells of every table read by their column, and the tables (rules above)."""
    lines = _lines(text)
    money = re.compile(rf"\b(?:{'|'.join(word_list('money_columns'))})\b", re.I)
    totals = re.compile(rf"^(?:{'|'.join(word_list('total_rows'))})\b", re.I)
    starts = {m.start: i for i, m in enumerate(mentions)}
    out = list(mentions)
    tables: list[Table] = []
    drop: set[int] = set()
    k = 0
    while k < len(lines):
        start, line = lines[k]
        header = _cells(line)
        if len(header) < 3 or any(_NUMBER.fullmatch(c) for _, c in header):
            k += 1
            continue
        rows = []
        j = k + 1
        while j < len(lines):
            cells = _cells(lines[j][1])
            if len(cells) != len(header) or _NUMBER.fullmatch(cells[0][1]) or not all(
                _NUMBER.fullmatch(c) for _, c in cells[1:]
            ):
                break
            rows.append((lines[j][0], cells))
            j += 1
        if len(rows) < 2:
            k += 1
            continue
        caption_at, caption = next(((a, c) for a, c in reversed(lines[:k]) if c.strip()), (start, ""))
        caption_scale = _scale(caption)
        unit = _UNIT.search(caption)
        units = [(caption_at + unit.start(), caption_at + unit.end())] if unit is not None else []
        for offset, cell in header:  # a header's unit ("Funds (10,000 yuan)") states no amount either
            in_cell = _UNIT.search(cell)
            if in_cell is not None:
                at = start + line.index(cell, offset)
                units.append((at + in_cell.start(), at + in_cell.end()))
        for i, m in enumerate(mentions):  # the caption's unit states no amount
            if any(a <= m.start < b for a, b in units):
                drop.add(i)
        cells_out = []
        for row_at, cells in rows:
            label = cells[0][1]
            for col, (offset, _) in enumerate(cells[1:], start=1):
                found = starts.get(row_at + offset)
                if found is None:
                    continue
                i = found
                name = header[col][1]
                scale = _scale(name) or caption_scale
                m = out[i]
                if money.search(name) and scale is not None:
                    out[i] = replace(m, unit="CNY", value=m.value * scale, noun=None, rule=m.rule + "+table")
                elif m.unit == "count" and m.noun is None:
                    noun = singular(name.split()[-1].lower())
                    counted = "person" if is_person_noun(noun) else "count"
                    out[i] = replace(m, unit=counted, noun=noun, rule=m.rule + "+table")
                cells_out.append(TableCell(i, name, label, bool(totals.match(label))))
        intro = _intro(text, sentences, caption_at)
        labels = tuple(cells[0][1] for _, cells in rows if not totals.match(cells[0][1]))
        tables.append(Table(caption, intro, labels, tuple(cells_out)))
        k = j
    if not tables:
        return mentions, ()
    return _without(out, drop, tables)


def _intro(text: str, sentences: tuple[Sentence, ...], before: int) -> str:
    """The last sentence of the paragraph before ``before`` that refers to a table ("as shown in the table
    below"), or ""."""
    earlier = [s for s in sentences if s.end <= before]
    paragraph = earlier[-1].paragraph if earlier else -1
    for s in reversed(earlier):
        if s.paragraph != paragraph and text[s.end : before].count("\n") > 1:
            break
        if _INTRODUCES.search(text, s.start, s.end):
            return text[s.start : s.end]
        paragraph = s.paragraph
    return ""


def _without(
    mentions: list[Mention], drop: set[int], tables: list[Table]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """``mentions`` without those in ``drop``, with the tables' mention indexes renumbered."""
    new_index: dict[int, int] = {}
    kept: list[Mention] = []
    for i, m in enumerate(mentions):
        if i not in drop:
            new_index[i] = len(kept)
            kept.append(m)
    renumbered = tuple(
        replace(t, cells=tuple(replace(c, mention=new_index[c.mention]) for c in t.cells if c.mention in new_index))
        for t in tables
    )
    return tuple(kept), renumbered
