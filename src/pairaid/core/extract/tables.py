"""Step: tables flattened into lines, read by their column headers, row labels and caption.

A table is a header line of three or more cells split by two or more spaces, none of them a number
("Prefecture  Funds  Projects  Villages"), then two or more lines of as many cells, a label and
numbers ("Wenshan  9,860  142  38").  The line above the header, when there is one, is its caption;
a unit written there or in a header cell ("(Unit: 10,000 yuan)", "Funds (10,000 yuan)") scales the
cells of the columns of money (``money_columns`` of ``words.yaml``), which become sums of yuan.  The
caption's or header's unit is no mention (it states no amount).  A cell of another column counts what its header
names ("projects").  A row labelled ``Total`` (``total_rows``) is the whole its rows are parts of.

Years may stand in the header or as row labels.  A header cell that is a year ("Prefecture  2004  2005
Change (%)") gives its column's cells that year as their period, and the caption says what they are
(its money words or unit make them money); a row labelled with a year ("2011  78,600  112") gives its
cells that year, and the total row of such a table covers the rows' years (cumulative, F5).  A column
whose header is a change (the pattern ``change_column`` of ``tables.table_change``: "Change (%)",
"Growth (%)") holds percentages: each is the change of its row's figure in the year column before it
over the year column before that (or over the year before, F6), and stays an unbound mention.

:func:`read_tables` gives the tables and the mentions with their cells read so; the contexts step
gives a cell its column (caption and header) and the sentence that introduces the table, and the
places step its row's label.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from pairaid.core.extract.chinese_text import HAN
from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.rules import rule_set, word_list
from pairaid.core.units import is_chinese_person_noun, is_person_noun, match_chinese_unit, singular

__all__ = ["ZH_CELL", "Table", "TableCell", "read_tables"]

ZH_CELL = "zh_table_cell"  # the rule of a mention read from a Chinese table's cell

_CELL_GAP = re.compile(r"\s{2,}|\t")
_NUMBER = re.compile(r"[\d.,]+%?")
_YEAR = re.compile(r"(?:19|20)\d\d")
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
    period: Period | None = None  # the year of its column or row, the rows' years for a total row


@dataclass(frozen=True)
class Table:
    """A table: caption ("" if none), the sentence before it that introduces it ("" if none), its cells."""

    caption: str
    intro: str
    labels: tuple[str, ...]
    cells: tuple[TableCell, ...]
    # (figure's mention, the change's mention, base year or None): a change column's cells (F6)
    changes: tuple[tuple[int, int, int | None], ...] = ()


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
    money, totals, change = _column_words()
    starts = {m.start: i for i, m in enumerate(mentions)}
    out = list(mentions)
    tables: list[Table] = []
    drop: set[int] = set()
    k = 0
    while k < len(lines):
        start, line = lines[k]
        header = _cells(line)
        found = _table_rows(lines, k, header)
        if found is None:
            k += 1
            continue
        header, rows, j = found
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
        years = {col: int(name) for col, (_, name) in enumerate(header) if col and _YEAR.fullmatch(name)}
        changes = {col for col, (_, name) in enumerate(header) if col and change.search(name)}
        row_years = [int(cells[0][1]) for _, cells in rows if _YEAR.fullmatch(cells[0][1])]
        cells_out = []
        table_changes: list[tuple[int, int, int | None]] = []
        for row_at, cells in rows:
            label = cells[0][1]
            total = bool(totals.match(label))
            row_year = int(label) if _YEAR.fullmatch(label) else None
            in_row: dict[int, int] = {}
            for col, (offset, _) in enumerate(cells[1:], start=1):
                found_at = starts.get(row_at + offset)
                if found_at is None:
                    continue
                i = found_at
                in_row[col] = i
                name = header[col][1]
                scale = _scale(name) or caption_scale
                m = out[i]
                if col in changes or name.endswith("%)") or name == "%":
                    out[i] = replace(m, unit="percent", noun=None, rule=m.rule + "+table")
                elif (money.search(name) or (col in years and money.search(caption))) and scale is not None:
                    out[i] = replace(m, unit="CNY", value=m.value * scale, noun=None, rule=m.rule + "+table")
                elif m.unit == "count" and m.noun is None and col not in years:
                    noun = singular(name.split()[-1].lower())
                    counted = "person" if is_person_noun(noun) else "count"
                    out[i] = replace(m, unit=counted, noun=noun, rule=m.rule + "+table")
                if col in changes:
                    continue
                period = _cell_period(years.get(col), row_year, total, row_years)
                cells_out.append(TableCell(i, name, label, total, period))
            for col in sorted(changes & set(in_row)):
                figure = next((c for c in range(col - 1, 0, -1) if c in in_row and c not in changes), None)
                if figure is None:
                    continue
                earlier = [years[c] for c in years if c < figure]
                base = max(earlier) if earlier else (years[figure] - 1 if figure in years else None)
                if base is None and row_year is not None:
                    base = row_year - 1
                table_changes.append((in_row[figure], in_row[col], base))
        intro = _intro(text, sentences, caption_at)
        labels = tuple(cells[0][1] for _, cells in rows if not totals.match(cells[0][1]))
        tables.append(Table(caption, intro, labels, tuple(cells_out), tuple(table_changes)))
        k = j
    if tables:
        mentions, read = _without(out, drop, tables)
        return _chinese_tables(text, sentences, mentions, read)
    return _chinese_tables(text, sentences, mentions, ())


@cache
def _column_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words of a money column's header, of a total row's label, and of a change column's header."""
    money = re.compile(rf"\b(?:{'|'.join(word_list('money_columns'))})\b", re.I)
    totals = re.compile(rf"^(?:{'|'.join(word_list('total_rows'))})\b", re.I)
    return money, totals, rule_set("en").link("change_column")


def _table_rows(
    lines: list[tuple[int, str]], k: int, header: list[tuple[int, str]]
) -> tuple[list[tuple[int, str]], list[tuple[int, list[tuple[int, str]]]], int] | None:
    """The header (with an empty label cell put first when it has none: "  2004  2005"), the rows and the
    index of the line after them of the table whose header is line ``k``, or ``None`` when no table
    starts there: a header of three or more cells, none a number but a year (two will do when every row
    is labelled with a year), then two or more rows as wide, a label (a word or a year) and numbers."""
    if len(header) < 2 or any(_NUMBER.fullmatch(c) and not _YEAR.fullmatch(c) for _, c in header):
        return None
    dated = any(_YEAR.fullmatch(c) for _, c in header)
    if dated and _ZH_HAN.search(lines[k][1]):
        return None
    if dated and _YEAR.fullmatch(header[0][1]):
        header = [(-1, ""), *header]  # no header over the labels
    rows = []
    j = k + 1
    while j < len(lines):
        cells = _cells(lines[j][1])
        label = cells[0][1] if cells else ""
        if (
            len(cells) != len(header)
            or (_NUMBER.fullmatch(label) and not _YEAR.fullmatch(label))
            or not all(_NUMBER.fullmatch(c) for _, c in cells[1:])
        ):
            break
        rows.append((lines[j][0], cells))
        j += 1
    by_year = sum(1 for _, cells in rows if _YEAR.fullmatch(cells[0][1]))
    if len(rows) < 2 or (len(header) < 3 and by_year < 2):
        return None
    if by_year and _ZH_HAN.search(lines[k][1]):
        return None
    return header, rows, j


def _cell_period(column: int | None, row: int | None, total: bool, row_years: list[int]) -> Period | None:
    """A cell's period: its column's year, its row's year, or for the total row of rows labelled with
    years those years (cumulative); ``None`` when the table dates neither."""
    if column is not None:
        return Period("year", year=column, rule="table_column_year")
    if row is not None:
        return Period("year", year=row, rule="table_row_year")
    if total and len(row_years) > 1:
        return Period("cumulative", start_year=min(row_years), end_year=max(row_years), rule="table_years_total")
    return None


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
    return tuple(kept), _renumbered(tables, new_index)


def _renumbered(tables: list[Table] | tuple[Table, ...], new_index: dict[int, int]) -> tuple[Table, ...]:
    """``tables`` with their mention indexes renumbered by ``new_index`` (cells and changes not in it dropped)."""
    return tuple(
        replace(
            t,
            cells=tuple(replace(c, mention=new_index[c.mention]) for c in t.cells if c.mention in new_index),
            changes=tuple(
                (new_index[f], new_index[p], base) for f, p, base in t.changes if f in new_index and p in new_index
            ),
        )
        for t in tables
    )


_ZH_CELL_GAP = re.compile(r"[ \t\u3000]+")
_ZH_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ZH_HAN = re.compile(f"[{HAN}]")
_ZH_UNIT_CELL = re.compile(r"^\(([^()]{1,6})\)$")
_ZH_HEADER_UNIT = re.compile(r"\(([^()]{1,6})\)\s*$")
_ZH_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*([^\s,;)]{1,4})")
_ZH_SCALES = {"亿": Decimal(100_000_000), "万": Decimal(10_000), "千": Decimal(1_000), "百": Decimal(100)}


class _ZhCell(NamedTuple):
    caption: str
    header: str
    label: str
    total: bool
    start: int
    end: int
    value: Decimal
    unit: str
    noun: str | None
    sentence: int


def _zh_cells(line: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for gap in [*_ZH_CELL_GAP.finditer(line), None]:
        end = gap.start() if gap is not None else len(line)
        if line[pos:end].strip():
            out.append((pos, line[pos:end]))
        pos = gap.end() if gap is not None else len(line)
    return out


def _zh_unit(word: str) -> tuple[str, Decimal, bool] | None:
    """(unit, scale, whether it counts a noun) of a unit written in a table ("万元", "个", "项", "人"), or ``None``."""
    word = word.strip()
    scale = Decimal(1)
    while word and word[0] in _ZH_SCALES:
        scale *= _ZH_SCALES[word[0]]
        word = word[1:]
    unit = match_chinese_unit(word, 0) if word else None
    if unit is None or unit.end != len(word):
        return None
    return unit.unit, scale * unit.scale, unit.takes_noun


def _zh_noun(header: str) -> str:
    """The counted noun a header names: its words before any unit in brackets ("项目(个)": 项目)."""
    return _ZH_HEADER_UNIT.sub("", header).strip()


def _chinese_tables(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], tables: tuple[Table, ...]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """The Chinese tables of ``text`` read as the module docstring says, with their cells as mentions."""
    if not _ZH_HAN.search(text) or not any(s.lang == "zh" for s in sentences):
        return mentions, tables
    lines = _lines(text)
    found: list[_ZhCell] = []
    k = 0
    while k < len(lines):
        if not _ZH_HAN.search(lines[k][1]):  # a Chinese header has Chinese words: no need to split the line
            k += 1
            continue
        header = _zh_cells(lines[k][1])
        if len(header) < 2 or any(_ZH_NUMBER.fullmatch(c) for _, c in header):
            k += 1
            continue
        units = [m.group(1) if (m := _ZH_HEADER_UNIT.search(c)) else None for _, c in header]
        j = k + 1
        under = _zh_cells(lines[j][1]) if j < len(lines) else []
        if under and len(under) < len(header) and all(_ZH_UNIT_CELL.match(c) for _, c in under):
            for col, (_, c) in zip(range(len(header) - len(under), len(header)), under, strict=True):
                units[col] = c[1:-1]
            j += 1
        rows: list[tuple[int, list[tuple[int, str]]]] = []
        while j < len(lines) and _zh_row(_zh_cells(lines[j][1]), len(header)):
            rows.append((lines[j][0], _zh_cells(lines[j][1])))
            j += 1
        if len(rows) < 2:
            k += 1
            continue
        caption = next((c.strip() for _, c in reversed(lines[:k]) if c.strip()), "")
        found.extend(_zh_row_cells(text, sentences, caption, [c for _, c in header], units, rows))
        k = j
    if not found:
        return mentions, tables
    return _with_zh_cells(text, mentions, tables, found)


def _zh_row(cells: list[tuple[int, str]], width: int) -> bool:
    """Whether a line's cells are a row of a table ``width`` cells wide: a label, then numbers, maybe a unit."""
    if len(cells) != width or _ZH_NUMBER.fullmatch(cells[0][1]):
        return False
    tail = cells[-1][1]
    numbers = cells[1:-1] if not _ZH_NUMBER.fullmatch(tail) and _zh_unit(tail) else cells[1:]
    return bool(numbers) and all(_ZH_NUMBER.fullmatch(c) for _, c in numbers)


def _zh_row_cells(
    text: str,
    sentences: tuple[Sentence, ...],
    caption: str,
    header: list[str],
    units: list[str | None],
    rows: list[tuple[int, list[tuple[int, str]]]],
) -> list[_ZhCell]:
    money = re.compile("|".join(word_list("money_columns", "zh")))
    totals = re.compile(rf"^(?:{'|'.join(word_list('total_rows', 'zh'))})")
    scale_word = _ZH_CAPTION_UNIT.search(caption)
    starts = [s.start for s in sentences]
    out: list[_ZhCell] = []
    for row_at, cells in rows:
        label = cells[0][1]
        row_unit = cells[-1][1] if not _ZH_NUMBER.fullmatch(cells[-1][1]) else None
        for col, (offset, cell) in enumerate(cells[1:], start=1):
            at = row_at + offset
            sentence = bisect.bisect_right(starts, at) - 1
            if not _ZH_NUMBER.fullmatch(cell) or sentence < 0 or sentences[sentence].end < at + len(cell):
                continue
            written = units[col] or row_unit or (scale_word.group(1) if scale_word else None)
            read = _zh_unit(written) if written else None
            if read is None and money.search(header[col]):
                continue  # money with no unit written: its scale is unknown
            unit, scale, counts = read if read is not None else ("count", Decimal(1), True)
            noun = _zh_noun(header[col]) if counts and unit != "CNY" else None
            if unit == "count" and noun and is_chinese_person_noun(noun):
                unit = "person"
            total = bool(totals.match(label))
            out.append(
                _ZhCell(
                    caption, header[col], label, total, at, at + len(cell), Decimal(cell) * scale, unit, noun, sentence
                )
            )
    return out


def _with_zh_cells(
    text: str, mentions: tuple[Mention, ...], tables: tuple[Table, ...], found: list[_ZhCell]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """``mentions`` with the cells ``found`` as mentions (in text order), and the tables with the new ones."""
    by_start = {m.start: m for m in mentions}
    new = [m for m in mentions if m.start not in {c.start for c in found}]
    for c in found:
        noun = c.noun or ""
        new.append(
            Mention(
                c.start,
                c.end,
                text[c.start : c.end],
                c.value,
                c.unit,
                "exact",
                ZH_CELL,
                c.sentence,
                noun=c.noun,
                noun_phrase=noun,
            )
        )
    new.sort(key=lambda m: m.start)
    index = {m.start: i for i, m in enumerate(new)}
    old_index = {
        i: index[m.start] for i, m in enumerate(mentions) if by_start.get(m.start) is m and new[index[m.start]] is m
    }
    kept = _renumbered(tables, old_index)
    grouped: dict[str, list[TableCell]] = {}
    labels: dict[str, list[str]] = {}
    for c in found:
        grouped.setdefault(c.caption, []).append(TableCell(index[c.start], c.header, c.label, c.total))
        if not c.total and c.label not in labels.setdefault(c.caption, []):
            labels[c.caption].append(c.label)
    zh = tuple(Table(caption, "", tuple(labels.get(caption, ())), tuple(cells)) for caption, cells in grouped.items())
    return tuple(new), kept + zh
