"""Step: the tables of Chinese reports, read by their column headers, units and row labels.

A Chinese table is a header line of two or more cells split by spaces, none of them a number
("地区  资金(万元)  项目(个)"), maybe a line of units in brackets under it ("(万元)  (个)"), then two or
more rows as wide, a label and numbers (thousands maybe in commas: "12,500"), maybe a unit last.  A
cell's unit is its column's (in the header or under it), its row's, or the caption's ("单位:万元"; a line
that only gives the unit, under the table's title, is read with the title as the caption); a
cell of a money column with no unit written is left out (its scale is unknown).  A cell of another
column counts what its header names (its words before the unit: "项目(个)" counts 项目).  A row labelled
as a total (``total_rows`` of the Chinese ``words.yaml``) is the whole its rows are parts of.  Each
cell read becomes a mention of the rule :data:`~pairaid.core.extract.table_model.ZH_CELL`.

A first column of list numbers ("序号", rows "1  甲县  420") is no column of figures: the label is the cell
after it (a total row leaves that column blank: "合计    800").  A header cell that is a year ("2019年") gives its
column's cells that year as their period; then each row's label says what its cells are and its unit in
brackets ("转移就业(人)", "消费帮扶金额(亿元)") is theirs.  A column of changes (the pattern ``change_column``
of the Chinese ``tables.table_change``: "增长(%)") holds percentages, each the change of its row's figure
in the year column before it over the year column before that, or over the year before (F6).  A column headed as a
total ("合计") beside two or more columns of years totals each row's years: its cells are cumulative over those years
and the row's other cells its parts (F3, F5).  Heading lines inside the table ("(一)重点县") and subtotal rows ("小计")
group its rows (:func:`~pairaid.core.extract.table_groups.zh_groups`): a row is a part of its group's subtotal, a
subtotal of the grand total.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from pairaid.core.extract.chinese_text import HAN
from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.rules import rule_set, word_list
from pairaid.core.extract.table_groups import zh_group_line, zh_groups
from pairaid.core.extract.table_model import ZH_CELL, Table, TableCell, cells_of, lines_of, renumbered
from pairaid.core.units import is_chinese_person_noun, match_chinese_unit

__all__ = ["HAN_CHAR", "chinese_tables", "year_header", "zh_value_column"]

_ZH_CELL_GAP = re.compile(r"[ \t\u3000]+")
_ZH_BAR_GAP = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+")  # spaces, or a bar between cells
_ZH_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")  # 1500, 18,620, 3.5
HAN_CHAR = re.compile(f"[{HAN}]")
_ZH_UNIT_CELL = re.compile(r"^\(([^()]{1,6})\)$")
_ZH_HEADER_UNIT = re.compile(r"\(([^()]{1,6})\)\s*$")
_ZH_CAPTION_UNIT = re.compile(r"单位\s*[:：]\s*([^\s,;)]{1,4})")
# a caption's units, one per column of figures in order ("(单位:万元,个)": money, then a count)
_ZH_CAPTION_UNITS = re.compile(r"单位\s*[:：]\s*([^\s,、;)]{1,4}(?:\s*[,、]\s*[^\s,、;)]{1,4})+)")
# a line that only gives the table's unit ("单位:万元", "(金额单位:万元)")
_ZH_UNIT_LINE = re.compile(r"\(?\s*(?:金额|计量)?单位\s*[:：]\s*[^\s,;)]{1,6}\s*\)?")
_ZH_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?")
# a column headed by the words of a unit ("单位", "计量单位"): each row's cell there is the unit of its figures
_ZH_UNIT_HEADER = re.compile(r"(?:计量)?单位")
_NUMBERING = re.compile(r"序号|编号|序|No\.?", re.I)
_LIST_NUMBER = re.compile(r"\d{1,3}")
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
    year: int | None = None
    row: int = 0
    col: int = 0
    change: bool = False  # a cell of a column of changes (F6)
    group: int | None = None  # its group of rows in a table of two levels of totals
    subtotal: bool = False  # its row is its group's subtotal ("小计")
    row_total: bool = False  # a cell of the column that totals its row's years ("合计" beside "2030年  2031年")


def _zh_cells(line: str, bars: bool = False) -> list[tuple[int, str]]:
    return cells_of(line, _ZH_BAR_GAP if bars else _ZH_CELL_GAP)


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


def chinese_tables(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...], tables: tuple[Table, ...]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """``mentions`` and ``tables`` with the Chinese tables of ``text`` read as the module docstring says, their cells
    as mentions."""
    if not HAN_CHAR.search(text) or not any(s.lang == "zh" for s in sentences):
        return mentions, tables
    lines = lines_of(text)
    found: list[_ZhCell] = []
    k = 0
    while k < len(lines):
        line = lines[k][1]
        if not HAN_CHAR.search(line) or not _ZH_CELL_GAP.search(line.strip()):
            k += 1  # a Chinese header has Chinese words and two cells: no need to split a line of prose
            continue
        # a table of bars under a heading listing one unit per column ("(单位:万元,个)") is read here, by its units;
        # other tables of bars are read by their headers' and rows' own units (tables.py)
        bars = "|" in line and _ZH_CAPTION_UNITS.search(_line_above(lines, k)) is not None
        header = _zh_cells(lines[k][1], bars)
        numbered = len(header) > 2 and bool(_NUMBERING.fullmatch(header[0][1]))
        if numbered:  # "序号  县  资金(万元)": the list numbers' column is no column of figures
            header = header[1:]
        if len(header) < 2 or any(_ZH_NUMBER.fullmatch(c) for _, c in header):
            k += 1
            continue
        unit_col = next((col for col, (_, c) in enumerate(header) if col and _ZH_UNIT_HEADER.fullmatch(c)), None)
        units = [m.group(1) if (m := _ZH_HEADER_UNIT.search(c)) else None for _, c in header]
        j = k + 1
        under = _zh_cells(lines[j][1], bars) if j < len(lines) else []
        if under and len(under) < len(header) and all(_ZH_UNIT_CELL.match(c) for _, c in under):
            for col, (_, c) in zip(range(len(header) - len(under), len(header)), under, strict=True):
                units[col] = c[1:-1]
            j += 1
        rows: list[tuple[int, list[tuple[int, str]]]] = []
        headings: dict[int, int] = {}  # row offset -> how many group headings stand above it in the table
        seen = 0
        while j < len(lines):
            cells = _unnumbered(_zh_cells(lines[j][1], bars), numbered)
            if _zh_row(cells, len(header), unit_col):
                rows.append((lines[j][0], cells))
                headings[lines[j][0]] = seen
                j += 1
            elif (  # "(一)重点县" over its rows: a heading of a group of rows inside the table
                len(header) >= 3
                and zh_group_line(cells)
                and j + 1 < len(lines)
                and _zh_row(_unnumbered(_zh_cells(lines[j + 1][1], bars), numbered), len(header), unit_col)
            ):
                seen += 1
                j += 1
            else:
                break
        if len(rows) < 2:
            k += 1
            continue
        above = [c.strip() for _, c in reversed(lines[:k]) if c.strip()]
        caption = above[0] if above else ""
        if len(above) > 1 and _ZH_UNIT_LINE.fullmatch(caption):  # "单位:万元" under the table's title: both
            caption = f"{above[1]} {caption}"
        grouped = zh_groups(rows, headings)
        found.extend(_zh_row_cells(text, sentences, caption, [c for _, c in header], units, rows, unit_col, grouped))
        k = j
    if not found:
        return mentions, tables
    return _with_zh_cells(text, mentions, tables, found)


def _line_above(lines: list[tuple[int, str]], k: int) -> str:
    """The last line with words above line ``k``."""
    return next((c.strip() for _, c in reversed(lines[max(0, k - 4) : k]) if c.strip()), "")


def _unnumbered(cells: list[tuple[int, str]], numbered: bool) -> list[tuple[int, str]]:
    """A row's cells without its list number ("1  甲县  420") in a table whose first column numbers the rows."""
    return cells[1:] if numbered and cells and _LIST_NUMBER.fullmatch(cells[0][1]) else cells


def _zh_row(cells: list[tuple[int, str]], width: int, unit_col: int | None = None) -> bool:
    """Whether a line's cells are a row of a table ``width`` cells wide: a label, then numbers, maybe a unit
    (last, or in the column ``unit_col`` headed "单位")."""
    if len(cells) != width or _ZH_NUMBER.fullmatch(cells[0][1]):
        return False
    blank = _blank_cells()
    if unit_col is not None:
        figures = [c for col, (_, c) in enumerate(cells[1:], start=1) if col != unit_col]
        return (
            _zh_unit(cells[unit_col][1]) is not None
            and any(map(_ZH_NUMBER.fullmatch, figures))
            and all(_ZH_NUMBER.fullmatch(c) or c in blank for c in figures)
        )
    tail = cells[-1][1]
    numbers = cells[1:-1] if not _ZH_NUMBER.fullmatch(tail) and _zh_unit(tail) else cells[1:]
    return any(_ZH_NUMBER.fullmatch(c) for _, c in numbers) and all(
        _ZH_NUMBER.fullmatch(c) or c in blank for _, c in numbers
    )


@cache
def _blank_cells() -> frozenset[str]:
    """Cells that stand for no figure ("—"; ``blank_cells`` of the Chinese ``words.yaml``): a row may hold them."""
    return frozenset(word_list("blank_cells", "zh"))


def _zh_row_cells(
    text: str,
    sentences: tuple[Sentence, ...],
    caption: str,
    header: list[str],
    units: list[str | None],
    rows: list[tuple[int, list[tuple[int, str]]]],
    unit_col: int | None = None,
    grouped: dict[int, tuple[int, bool]] | None = None,
) -> list[_ZhCell]:
    money = re.compile("|".join(word_list("money_columns", "zh")))
    totals = re.compile(rf"^(?:{'|'.join(word_list('total_rows', 'zh'))})")
    scale_word = _ZH_CAPTION_UNIT.search(caption)
    listed = _ZH_CAPTION_UNITS.search(caption)
    if listed is not None:  # one unit per column of figures, in order: each column its own, none the caption's
        per_column = re.split(r"\s*[,、]\s*", listed.group(1))
        if len(per_column) == len(header) - 1 - (unit_col is not None):
            columns = [col for col in range(1, len(header)) if col != unit_col]
            units = [units[0], *units[1:]]
            for col, word in zip(columns, per_column, strict=True):
                units[col] = units[col] or word
            scale_word = None
    starts = [s.start for s in sentences]
    out: list[_ZhCell] = []
    years = {col: int(y.group(1)) for col, name in enumerate(header) if col and (y := year_header().fullmatch(name))}
    changes = {col for col, name in enumerate(header) if col and years and _change_column().search(name)}
    # "2029年  2030年  合计": the column that totals each row's years (F3, F5: cumulative over them)
    row_totals = {col for col, name in enumerate(header) if col and len(years) > 1 and totals.fullmatch(name)}
    for row, (row_at, cells) in enumerate(rows):
        label = cells[0][1]
        row_unit = cells[unit_col][1] if unit_col is not None else None
        row_unit = row_unit or (cells[-1][1] if not _ZH_NUMBER.fullmatch(cells[-1][1]) else None)
        label_unit = found.group(1) if (found := _ZH_HEADER_UNIT.search(label)) else None
        for col, (offset, cell) in enumerate(cells[1:], start=1):
            at = row_at + offset
            sentence = bisect.bisect_right(starts, at) - 1
            if (
                col == unit_col
                or not _ZH_NUMBER.fullmatch(cell)
                or sentence < 0
                or sentences[sentence].end < at + len(cell)
            ):
                continue
            # under a header of years the row's label says what its cells are ("转移就业(人) | 412 | 530")
            # and so does it for the column that totals them ("合计")
            by_label = col in years or col in row_totals or zh_value_column(header[col])
            what = label if by_label else header[col]
            written = units[col] or row_unit or (label_unit if by_label else None)
            written = written or (scale_word.group(1) if scale_word else None)
            read = _zh_unit(written) if written else None
            if read is None and money.search(what):
                continue  # money with no unit written: its scale is unknown
            unit, scale, counts = read if read is not None else ("count", Decimal(1), True)
            noun = _zh_noun(what) if counts and unit != "CNY" else None
            if unit == "count" and noun and is_chinese_person_noun(noun):
                unit = "person"
            total = bool(totals.match(label))
            value = Decimal(cell.replace(",", "")) * scale
            cell_read = _ZhCell(caption, header[col], label, total, at, at + len(cell), value, unit, noun, sentence)
            group, subtotal = (grouped or {}).get(row_at, (None, False))
            out.append(
                cell_read._replace(
                    year=years.get(col),
                    row=row,
                    col=col,
                    change=col in changes,
                    group=group,
                    subtotal=subtotal,
                    row_total=col in row_totals,
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
    kept = renumbered(tables, old_index)
    grouped: dict[str, list[TableCell]] = {}
    labels: dict[str, list[str]] = {}
    changed: dict[str, list[tuple[int, int, int | None]]] = {}
    by_row: dict[tuple[str, int], list[_ZhCell]] = {}
    for c in found:
        by_row.setdefault((c.caption, c.row), []).append(c)
    for c in found:
        labels.setdefault(c.caption, [])
        if c.change:  # a change stays an unbound percentage: the change of its row's figure before it
            row = by_row[(c.caption, c.row)]
            dated = [f for f in row if f.year is not None and not f.change]
            # the change of the latest year's figure, its years in either order ("2031年  2030年  增长(%)")
            figure = max(dated, key=lambda f: f.year or 0, default=None) if dated else None
            figure = figure or max(
                (f for f in row if f.col < c.col and not f.change), key=lambda f: f.col, default=None
            )
            if figure is not None and figure.year is not None:
                earlier = [f.year for f in dated if f.year is not None and f.year < figure.year]
                base = max(earlier) if earlier else figure.year - 1
                changed.setdefault(c.caption, []).append((index[figure.start], index[c.start], base))
            continue
        period = Period("year", year=c.year, rule="table_column_year") if c.year is not None else None
        if c.row_total:  # the total of a row's years: cumulative over the table's years (a blank "—" year too)
            row_years = [f.year for f in found if f.caption == c.caption and f.year is not None]
            if row_years:
                period = Period(
                    "cumulative", start_year=min(row_years), end_year=max(row_years), rule="table_years_total"
                )
        cell = TableCell(index[c.start], c.header, c.label, c.total, period, group=c.group, subtotal=c.subtotal)
        grouped.setdefault(c.caption, []).append(replace(cell, row=c.row, row_total=c.row_total))
        if not c.total and c.label not in labels[c.caption]:
            labels[c.caption].append(c.label)
    zh = tuple(
        Table(caption, "", tuple(labels.get(caption, ())), tuple(cells), tuple(changed.get(caption, ())))
        for caption, cells in grouped.items()
    )
    return tuple(new), kept + zh


@cache
def _change_column() -> re.Pattern[str]:
    """The words of the header of a column of changes ("增长(%)"): ``tables.table_change`` of the Chinese rules."""
    return rule_set("zh").link("change_column")


@cache
def year_header() -> re.Pattern[str]:
    """A column header that is a year, maybe with the words of a year's results ("2030年", "2030年完成",
    ``year_columns`` of the Chinese ``words.yaml``); a plan's column ("2031年目标") is none."""
    return re.compile(rf"((?:19|20)\d\d)\s*年(?:度)?(?:{'|'.join(word_list('year_columns', 'zh'))})?")


@cache
def _zh_value_columns() -> re.Pattern[str]:
    return re.compile(f"(?:{'|'.join(word_list('value_columns', 'zh'))})")


def zh_value_column(name: str) -> bool:
    """A Chinese header naming no kind of figure ("数值", "完成数"; ``value_columns`` of the Chinese ``words.yaml``):
    its cells are what their rows' labels say."""
    return _zh_value_columns().fullmatch(name.strip()) is not None
