"""Step: tables flattened into lines, read by their column headers, row labels and caption.

A table is a header line of three or more cells split by two or more spaces, none of them a number
("Prefecture  Funds  Projects  Villages"), perhaps wrapped onto lines of words under its cells, two or more, left- or
right-aligned ("Funds in place" over "(10,000 yuan)": :func:`wrapped_header`), or bottom-aligned on lines above it
(:func:`~pairaid.core.extract.table_headers.header_above`), then two or more lines of as
many cells, a label and numbers ("Wenshan  9,860  142  38").  The line above the header, when there is one, is
its caption; a unit written there or in a header cell ("(Unit: 10,000 yuan)", "Funds (10,000 yuan)") scales the
cells of the columns of money (``money_columns`` of ``words.yaml``), which become sums of yuan.  The
caption's or header's unit is no mention (it states no amount).  A cell of another column counts what its header
names ("projects").  A row labelled ``Total`` (``total_rows``) is the whole its rows are parts of; rows labelled
with pairings ("Anhe - Baishan" under "Pairing") give each cell its giver and receiver (:func:`_row_pairs`).

Years may stand in the header or as row labels.  A header cell that is a year ("Prefecture  2004  2005
Change (%)") gives its column's cells that year as their period, and the caption says what they are
(its money words or unit make them money); a row labelled with a year ("2011  78,600  112") gives its
cells that year, and the total row of such a table covers the rows' years (cumulative, F5).  A column
whose header is a change (the pattern ``change_column`` of ``tables.table_change``: "Change (%)",
"Growth (%)") holds percentages: each is the change of its row's figure in the year column before it
over the year column before that (or over the year before, F6), and stays an unbound mention.

:func:`read_tables` gives the tables and the mentions with their cells read so; the contexts step
gives a cell its column (caption and header) and the sentence that introduces the table, and the
places step its row's label.  The tables of Chinese reports are read by :mod:`~pairaid.core.extract.tables_zh`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pairaid.core.extract.model import Mention, Period, Sentence
from pairaid.core.extract.rules import rule_set, word_list
from pairaid.core.extract.spaced_tables import spaced_cells
from pairaid.core.extract.table_groups import group_line, row_groups, status_words
from pairaid.core.extract.table_headers import NUMBER as _NUMBER
from pairaid.core.extract.table_headers import RULE_LINE, header_above, wrapped_header
from pairaid.core.extract.table_headers import cells as _cells
from pairaid.core.extract.table_model import ZH_CELL, Table, TableCell, lines_of, renumbered
from pairaid.core.extract.table_units import (
    MONEY_CELL,
    UNIT,
    bracketed_money,
    header_counts,
    labelled_rows,
    measured,
    row_unit_cell,
    scale_of,
    stock_row,
)
from pairaid.core.extract.tables_zh import HAN_CHAR, chinese_tables, zh_value_column
from pairaid.core.extract.vertical_tables import VerticalTable, vertical_tables

# Table, TableCell and ZH_CELL are read from here by the later steps
__all__ = ["ZH_CELL", "Table", "TableCell", "read_tables", "value_column"]

_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_SPAN = re.compile(r"\b(?P<start>(?:19|20)\d\d)\s*(?:[-–—~]|to)\s*(?P<end>(?:19|20)\d\d)\b")
_SIGNS = "+-−"
_INTRODUCES = re.compile(r"\b(?:table|as\s+follows|below)\b", re.I)


def read_tables(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]
) -> tuple[tuple[Mention, ...], tuple[Table, ...]]:
    """The mentions with the cells of every table read by their column, and the tables (rules above)."""
    lines = lines_of(text)
    money, totals, change = _column_words()
    starts = {m.start: i for i, m in enumerate(mentions)}
    out = list(mentions)
    tables: list[Table] = []
    drop = labelled_rows(text, out, starts) | bracketed_money(text, out)
    if drop:
        mentions = tuple(out)
    spaced = spaced_cells(lines)  # "Linxi 812 9 14": tables whose cells single spaces split
    vertical = vertical_tables(lines)  # a web table copied one cell per line
    for at, (head, _, _, no_figures) in vertical.items():
        spaced[at] = head
        drop |= {i for i, m in enumerate(mentions) if any(a <= m.start < b for a, b in no_figures)}
    k = 0
    while k < len(lines):
        start, line = lines[k]
        header = spaced.get(k) or _cells(line)
        found = _vertical(vertical[k]) if k in vertical else _table_rows(lines, k, header, spaced)
        if found is None:
            k += 1
            continue
        header, rows, j, lead, groups, statuses = found
        # a bottom-aligned header: "Aid" over "funds" over "(yuan)"
        header, above = header_above(lines, k, header) if k not in spaced else (header, 0)
        givers, takers = _side_columns(header[:lead])
        pairs = _row_pairs(header[0][1], [cells[0][1] for _, cells in rows], totals)
        caption_at, caption = next(((a, c) for a, c in reversed(lines[: k - above]) if c.strip()), (start, ""))
        caption_scale = scale_of(caption)
        span = _YEAR_SPAN.search(caption)  # "Anhe's aid by county, 2016-2020": each cell sums those years (F5)
        caption_years = (
            Period("cumulative", start_year=int(span["start"]), end_year=int(span["end"]), rule="table_caption_years")
            if span is not None and span["start"] < span["end"]
            else None
        )
        unit = UNIT.search(caption)
        units = [(caption_at + unit.start(), caption_at + unit.end())] if unit is not None else []
        # a header's unit ("Funds (10,000 yuan)") states no amount either, nor a row label's ("Funds (10,000 yuan)
        # | 2,865 | 5,930" under a header of years)
        # ... nor a unit cell of a row ("Fiscal aid | 10,000 yuan | 38,200 | 41,500")
        row_cells = [(a + off, cell) for a, c in rows for off, cell in c[:lead]]
        wrapped = wrapped_header(lines, k, _cells(line))[1] if k not in spaced else 0
        wrapping = lines[k + 1 : k + 1 + wrapped]  # "(10,000 yuan)" under a cell
        row_cells += [(a + off, cell) for a, c in [*wrapping, *lines[k - above : k]] for off, cell in _cells(c)]
        for at, cell in [(start + offset, cell) for offset, cell in spaced.get(k) or _cells(line)] + row_cells:
            in_cell = UNIT.search(cell) or MONEY_CELL.fullmatch(cell)
            if in_cell is not None:
                units.append((at + in_cell.start(), at + in_cell.end()))
        for i, m in enumerate(mentions):  # the caption's unit states no amount
            if any(a <= m.start < b for a, b in units):
                drop.add(i)
        years = {col: int(name) for col, (_, name) in enumerate(header) if col and _YEAR.fullmatch(name)}
        changes = {col for col, (_, name) in enumerate(header) if col and change.search(name)}
        row_years = [int(cells[0][1]) for _, cells in rows if _YEAR.fullmatch(cells[0][1])]
        grouped = row_groups(rows, groups, totals)
        cells_out = []
        table_changes: list[tuple[int, int, int | None]] = []
        for row_at, cells in rows:
            changes_in_units: set[int] = set()
            label = cells[0][1]
            group, subtotal = grouped.get(row_at, (None, None))
            total = bool(totals.match(label)) or subtotal is not None
            planned = statuses.get(row_at, False)
            row_year = int(label) if _YEAR.fullmatch(label) else None
            in_row: dict[int, int] = {}
            for col, (offset, cell) in enumerate(cells[1:], start=1):
                found_at = starts.get(row_at + offset)
                if found_at is None and cell[:1] in _SIGNS:  # "+57": the figure starts after its sign
                    found_at = starts.get(row_at + offset + 1)
                if found_at is None:
                    continue
                i = found_at
                name = header[col][1]
                if col in changes and not _percent_change(cell, name):
                    changes_in_units.add(col)  # "+57" under "Change": the row's figure's own unit, no rate
                else:
                    in_row[col] = i
                # under a header of years a row of words says what its cells are ("Aid projects | 214 | 486")
                # ... and under a header that names no kind ("Indicator | Value")
                # ... and so does it for a difference under "Change" ("Aid projects | 214 | 186 | +28")
                dated_row = col in years or value_column(name) or col in changes_in_units
                what = label if dated_row and row_year is None and not total else name
                if what == label and (unit_cell := row_unit_cell(cells[1:lead])):
                    what = f"{label} ({unit_cell})"  # the row's unit cell: "Fiscal aid (10,000 yuan)"
                scale = scale_of(what) or caption_scale
                m = out[i]
                if (col in changes and col not in changes_in_units) or name.endswith("%)") or name == "%":
                    out[i] = replace(m, unit="percent", noun=None, rule=m.rule + "+table")
                # ... and under a header of years, or one naming no kind ("County | Amount"), a money caption's
                # unit holds for every row ("Aid funds by county, 2016-2020 (million yuan)")
                elif (
                    money.search(what) or ((col in years or value_column(name)) and money.search(caption))
                ) and scale is not None:
                    out[i] = replace(m, unit="CNY", value=m.value * scale, noun=None, rule=m.rule + "+table")
                elif m.unit == "count" and m.noun is None and (measure := measured(what)) is not None:
                    out[i] = replace(m, unit=measure[0], value=m.value * measure[1], rule=m.rule + "+table")
                elif m.unit == "count" and m.noun is None and (col not in years or what != name):
                    counted, noun = header_counts(what)
                    out[i] = replace(m, unit=counted, noun=noun, rule=m.rule + "+table")
                if col in changes_in_units:  # a difference: a cell under its column's header, read unbound
                    cells_out.append(TableCell(i, name, label, total))
                if col in changes:
                    continue
                period = _cell_period(years.get(col), row_year, total, row_years) or caption_years
                if period is not None and period.kind == "year" and col in years and stock_row(label):
                    period = Period("as_of", year=period.year, rule="table_stock_row")  # "Cadres on post"
                # a total row's label ("Total") is no giver nor receiver: the whole's are the report's
                donor = (cells[givers][1] or None) if givers is not None and not total else None
                recipient = (cells[takers][1] or None) if takers is not None and not total else None
                if label in pairs:  # "Anhe - Baishan" under "Pairing": the row's giver and receiver
                    donor, recipient = pairs[label]
                if subtotal:  # "Yili subtotal", or "Subtotal" under the heading line "Yili Prefecture"
                    recipient = subtotal
                cells_out.append(
                    TableCell(
                        i, name, label, total, period, donor, recipient, group, subtotal is not None, planned
                    )
                )
            for col in sorted(changes & set(in_row)):
                figure = next((c for c in range(col - 1, 0, -1) if c in in_row and c not in changes), None)
                dated = [c for c in years if c < col and c in in_row]
                if figure in years and dated:  # "2017  2016  Change (%)": the change of the latest year's figure
                    figure = max(dated, key=lambda c: years[c])
                if figure is None:
                    continue
                if figure in years:  # the latest year before it over the figure's year
                    earlier = [y for y in years.values() if y < years[figure]]
                else:
                    earlier = [years[c] for c in years if c < figure]
                base = max(earlier) if earlier else (years[figure] - 1 if figure in years else None)
                if base is None and row_year is not None:
                    base = row_year - 1
                table_changes.append((in_row[figure], in_row[col], base))
        intro = _intro(text, sentences, caption_at)
        labels = tuple(cells[0][1] for _, cells in rows if not totals.match(cells[0][1]))
        tables.append(Table(caption, intro, labels, tuple(cells_out), tuple(table_changes)))
        k = j
    if tables or drop:
        mentions, read = _without(out, drop, tables)
        return chinese_tables(text, sentences, mentions, read)
    return chinese_tables(text, sentences, mentions, ())


@cache
def _side_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    give = re.compile(rf"\b(?:{'|'.join(word_list('donor_columns'))})\b", re.I)
    take = re.compile(rf"\b(?:{'|'.join(word_list('recipient_columns'))})\b", re.I)
    return give, take


_PAIR_LABEL = re.compile(r"^(?P<donor>[A-Z][\w.' ]*?)\s+[-–—]\s+(?P<recipient>[A-Z][\w.' ]*)$")
_PAIR_HEADER = re.compile(r"\b(?:pair(?:ing)?s?|twin(?:ning|ned)?|partners?)\b|\s[-–—]\s", re.I)


def _row_pairs(header: str, labels: list[str], totals: re.Pattern[str]) -> dict[str, tuple[str, str]]:
    """``{label: (giver, receiver)}`` of a table whose rows are labelled with pairings ("Anhe - Baishan" under
    "Pairing (east - west)"): every row but the total two names split by a spaced dash, under a header that names
    pairs or is itself split so; else empty."""
    if not _PAIR_HEADER.search(header):
        return {}
    rows = [label for label in labels if not totals.match(label)]
    split = {label: _PAIR_LABEL.match(label) for label in rows}
    if len(rows) < 2 or any(m is None for m in split.values()):
        return {}
    return {label: (m["donor"], m["recipient"]) for label, m in split.items() if m is not None}


def _side_columns(labels: list[tuple[int, str]]) -> tuple[int | None, int | None]:
    """Of a table's columns of words before its numbers, the one of the givers ("Aiding province") and the one
    of the receivers ("Aided area"), or ``None``."""
    give, take = _side_words()
    givers = next((c for c, (_, name) in enumerate(labels) if give.search(name)), None)
    takers = next((c for c, (_, name) in enumerate(labels) if c != givers and take.search(name)), None)
    return givers, takers


@cache
def _column_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The words of a money column's header, of a total row's label, and of a change column's header."""
    money = re.compile(rf"\b(?:{'|'.join(word_list('money_columns'))})\b", re.I)
    totals = re.compile(rf"^(?:{'|'.join(word_list('total_rows'))})\b", re.I)
    return money, totals, rule_set("en").link("change_column")


@cache
def _value_columns() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(word_list('value_columns'))})", re.I)


def value_column(name: str) -> bool:
    """A header naming no kind of figure ("Value", "Amount", "数值"): its cells are what their rows' labels say."""
    return _value_columns().fullmatch(name.strip()) is not None or zh_value_column(name)


def _table_rows(
    lines: list[tuple[int, str]], k: int, header: list[tuple[int, str]], spaced: dict[int, list[tuple[int, str]]]
) -> (
    tuple[list[tuple[int, str]], list[tuple[int, list[tuple[int, str]]]], int, int, dict[int, str], dict[int, bool]]
    | None
):
    """The header (with an empty label cell put first when it has none: "  2004  2005"), the rows, the
    index of the line after them and the number of cells of words that lead each row, of the table whose
    header is line ``k``, or ``None`` when no table starts there: a header of three or more cells, none a
    number but a year (two will do when every row is labelled with a year), then two or more rows as
    wide, a label (a word or a year), in an English table as many further cells of words in every row
    ("Anhe | Baishan County | 12.5 | 30": giver and receiver), and numbers."""
    if len(header) < 2 or any(_NUMBER.fullmatch(c) and not _YEAR.fullmatch(c) for _, c in header):
        return None
    dated = any(_YEAR.fullmatch(c) for _, c in header)
    if dated and HAN_CHAR.search(lines[k][1]):
        return None
    if dated and _YEAR.fullmatch(header[0][1]):
        header = [(-1, ""), *header]  # no header over the labels
    header, wrapped = wrapped_header(lines, k, header) if k not in spaced else (header, 0)
    rows = []
    j = k + 1 + wrapped
    if j < len(lines) and RULE_LINE.fullmatch(lines[j][1]):
        j += 1  # a rule under the header: a Markdown table's "|---|---:|", a line of dashes
    english = not HAN_CHAR.search(lines[k][1])
    # a last column of words saying how far each row's project is ("Status": "completed", "planned")
    status = english and len(header) >= 3 and status_words()[0].search(header[-1][1]) is not None
    lead: int | None = None
    groups: dict[int, str] = {}  # row offset -> the heading line of its group of rows ("Yili Prefecture")
    statuses: dict[int, bool] = {}  # row offset -> whether its status makes its figures a plan
    group: str | None = None
    while j < len(lines):
        cells = spaced.get(j) or _cells(lines[j][1])
        label = cells[0][1] if cells else ""
        if english and j + 1 < len(lines) and group_line(cells, header) and (
            len(spaced.get(j + 1) or _cells(lines[j + 1][1])) == len(header)
        ):
            group = label  # a heading line of a group of rows inside the table
            j += 1
            continue
        own = cells[:-1] if status and len(cells) == len(header) else cells
        width = len(header) - 1 if status else len(header)
        words = next((n for n, (_, c) in enumerate(own) if n and _NUMBER.fullmatch(c)), len(own))
        if english and lead is not None and 0 < words < lead and len(own) - words == width - lead:
            # a row that leaves a cell of words blank ("Total" under "County  Aiding city  Funds"): its numbers
            # keep their columns
            blank = [(cells[words - 1][0] + len(cells[words - 1][1]), "")] * (lead - words)
            cells = [*cells[:words], *blank, *cells[words:]]
            own = cells[:-1] if status and len(cells) == len(header) else cells
            words = lead
        if (
            len(own) != width
            or (_NUMBER.fullmatch(label) and not _YEAR.fullmatch(label))
            or words == len(own)
            or (words > 1 and not english)
            or words != (lead or words)
            or not all(_NUMBER.fullmatch(c) for _, c in own[words:])
            or (status and _NUMBER.fullmatch(cells[-1][1]))
        ):
            break
        lead = words
        rows.append((lines[j][0], cells))
        if group is not None:
            groups[lines[j][0]] = group
        if status:
            statuses[lines[j][0]] = status_words()[1].search(cells[-1][1]) is not None
        j += 1
    if group is not None and rows and lines[j - 1][0] != rows[-1][0]:
        j -= 1  # a heading line after the last row is the text's, not the table's
    by_year = sum(1 for _, cells in rows if _YEAR.fullmatch(cells[0][1]))
    if len(rows) < 2 or (len(header) < 3 and by_year < 2 and not value_column(header[-1][1])):
        return None
    if by_year and HAN_CHAR.search(lines[k][1]):
        return None
    return header, rows, j, lead or 1, groups, statuses


def _vertical(
    table: VerticalTable,
) -> tuple[list[tuple[int, str]], list[tuple[int, list[tuple[int, str]]]], int, int, dict[int, str], dict[int, bool]]:
    """A table copied one cell per line as :func:`_table_rows` gives a table: its columns of words before its numbers
    lead each row, and a last column of status words says which rows are plans."""
    header, rows, j, _ = table
    lead = next(
        (n for n, (_, c) in enumerate(rows[0][1]) if n and _NUMBER.fullmatch(c)),
        1,
    )
    status = status_words()[0].search(header[-1][1]) is not None and not _NUMBER.fullmatch(rows[0][1][-1][1])
    statuses = {at: status and status_words()[1].search(cells[-1][1]) is not None for at, cells in rows}
    return header, rows, j, lead, {}, statuses


def _percent_change(cell: str, header: str) -> bool:
    """Whether a cell of a column of changes is a rate ("+55.2%", or any number under "Change (%)"), not a
    difference in its row's unit ("+57" projects under "Change")."""
    return cell.endswith("%") or "%" in header


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
            # with the sentences of its paragraph before it: "A arranged N of fiscal aid. The projects were as follows."
            opening = next((o for o in earlier if o.paragraph == s.paragraph), s)
            return text[opening.start : s.end]
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
    return tuple(kept), renumbered(tables, new_index)
