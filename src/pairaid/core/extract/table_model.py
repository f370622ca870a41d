"""What a table read from a report is: its cells and their mentions, and the text cut into lines and cells.

Shared by the two readers of tables, :mod:`~pairaid.core.extract.tables` (tables of English
reports) and :mod:`~pairaid.core.extract.tables_zh` (tables of Chinese ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pairaid.core.extract.model import Period

__all__ = ["LEADER", "LEADER_END", "ZH_CELL", "Table", "TableCell", "cells_of", "lines_of", "renumbered"]

ZH_CELL = "zh_table_cell"  # the rule of a mention read from a Chinese table's cell
# a dotted leader between a row's label and its figure, as on a slide or a contents page ("Aid funds ...... 3.5",
# "Schools built …… 6", "Cadres ····· 18"): the label says what the figure is, as before a colon
LEADER = re.compile(r"[.·…](?:(?<=[.·])(?:[ \t]?[.·]){2,}|(?<=…)…+)[ \t]*(?=\d)")
# such a leader ending the words before a figure
LEADER_END = re.compile(r"\s*(?:[.·](?:[ \t]?[.·]){2,}|…{2,})[ \t]*$")


@dataclass(frozen=True)
class TableCell:
    """A cell's mention (its index), its column header, its row's label and whether that row is the total."""

    mention: int
    header: str
    label: str
    total: bool
    period: Period | None = None  # the year of its column or row, the rows' years for a total row
    # the row's cells under a column of givers ("Paired cities") and of receivers ("Aided area"), as written
    donor: str | None = None
    recipient: str | None = None
    # a table of two levels of totals: the group of rows it is in (a heading line within the table, "Yili Prefecture",
    # else the rows down to their subtotal), and whether its row is that group's subtotal ("Subtotal", "Yili subtotal")
    group: int | None = None
    subtotal: bool = False
    planned: bool = False  # its row's status says the project is planned, not done (rule plans.table_status)
    # a table whose column totals each row's years ("2030年  2031年  合计"): the cell's row, and whether it is that
    # total; the row's other cells are its parts
    row: int | None = None
    row_total: bool = False


@dataclass(frozen=True)
class Table:
    """A table: caption ("" if none), the sentence before it that introduces it ("" if none), its cells."""

    caption: str
    intro: str
    labels: tuple[str, ...]
    cells: tuple[TableCell, ...]
    # (figure's mention, the change's mention, base year or None): a change column's cells (F6)
    changes: tuple[tuple[int, int, int | None], ...] = ()


def lines_of(text: str) -> list[tuple[int, str]]:
    """The lines of ``text``, each with the offset it starts at."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def cells_of(line: str, gap: re.Pattern[str]) -> list[tuple[int, str]]:
    """The cells of ``line`` split where ``gap`` matches, each with its offset in the line (blank ones left out)."""
    out, pos = [], 0
    for found in [*gap.finditer(line), None]:
        end = found.start() if found is not None else len(line)
        raw = line[pos:end]
        if raw.strip():
            out.append((pos + len(raw) - len(raw.lstrip()), raw.strip()))
        pos = found.end() if found is not None else len(line)
    return out


def renumbered(tables: list[Table] | tuple[Table, ...], new_index: dict[int, int]) -> tuple[Table, ...]:
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
