"""What the verbs print: a table on a wide terminal, the same rows as wrapped lines elsewhere.

A table squeezed into 80 columns breaks its words and file paths mid-word, and a table written to a
file or a pipe is hard to search. On a terminal at least :data:`WIDE` columns wide a verb's table
is drawn as it is; anywhere else (a narrower terminal, a file, a pipe, a test) each row becomes a
line with its first cell, then the other cells as ``column: value`` wrapped under it, and no word is
broken.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

UNIT_LABELS = {"m2": "m²", "person_time": "person-times", "CNY/person": "CNY per person"}
MEASURE_UNITS = {"CNY", "ha", "km", "m2", "mu", "t", "kg", "m", "m3", "CNY/person"}
#: Columns from which tables are drawn as tables (and help in Rich's panels).
WIDE = 100


def is_wide(console: Console, wide: int = WIDE) -> bool:
    """Whether ``console`` is a terminal of at least ``wide`` columns (:data:`WIDE` by default)."""
    return console.is_terminal and console.width >= wide


def _cell_text(cell: object) -> Text:
    text = Text.from_markup(cell) if isinstance(cell, str) else cell if isinstance(cell, Text) else Text(str(cell))
    lines = [line for line in text.split("\n") if line.plain.strip()]
    return Text(" / ").join(lines) if lines else Text()


def _wrapped(text: Text, width: int) -> list[Text]:
    """``text`` in lines of at most ``width`` cells, broken at spaces only (a longer word keeps a line)."""
    lines: list[Text] = []
    line = Text()
    for word in text.split(" "):
        if not word.plain:
            continue
        if line.plain and line.cell_len + 1 + word.cell_len > width:
            lines.append(line)
            line = Text()
        line = Text.assemble(line, " ", word) if line.plain else word
    return [*lines, line] if line.plain else lines


def _print_lines(console: Console, text: Text, *, indent: int = 0) -> None:
    for line in _wrapped(text, max(console.width - indent, 20)):
        console.print(Text.assemble(" " * indent, line), no_wrap=True, overflow="ignore", crop=False, highlight=False)


def show_line(console: Console, markup: str, *, indent: int = 0) -> None:
    """Print ``markup`` wrapped to the console's width at spaces only (no word broken), as a row of
    :func:`show_table` is wrapped."""
    _print_lines(console, Text.from_markup(markup), indent=indent)


def show_table(console: Console, table: Table, *, wide: int = WIDE) -> None:
    """Print ``table`` as a table on a terminal at least ``wide`` columns wide, else as one wrapped paragraph
    per row (a table with a column of sentences asks for more than :data:`WIDE`, so that they are not squeezed)."""
    if is_wide(console, wide):
        console.print(table)
        return
    if table.title:
        _print_lines(console, _cell_text(table.title))
    columns = [(str(column.header), [_cell_text(cell) for cell in column.cells]) for column in table.columns]
    for row in range(table.row_count):
        _print_lines(console, columns[0][1][row] if columns else Text())
        rest = [Text.assemble(f"{header}: ", cells[row]) for header, cells in columns[1:] if cells[row].plain]
        _print_lines(console, Text("; ").join(rest), indent=2)


def value_text(value: Decimal, unit: str) -> str:
    """A value with thousands separators and its unit: ``1,574,000,000 CNY``, ``7.01 km``, ``39 projects``."""
    number = f"{int(value):,}" if value == value.to_integral_value() else f"{value.normalize():,f}"
    return f"{number} {unit_text(unit, value)}"


def unit_text(unit: str, value: Decimal) -> str:
    """How a unit reads after ``value``: m2 → m², a counted noun in the plural (project → projects)."""
    if unit in UNIT_LABELS:
        return UNIT_LABELS[unit]
    if unit in MEASURE_UNITS or value == 1:
        return unit
    if unit.endswith(("ch", "sh", "s", "x")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"
