"""What the verbs print: a table on a wide terminal, the same rows as wrapped lines elsewhere.

A table squeezed into 80 columns breaks its words and file paths mid-word, and a table written to a
file or a pipe is hard to search. On a terminal at least :data:`WIDE` columns wide a verb's table
is drawn as it is; anywhere else (a narrower terminal, a file, a pipe, a test) each row becomes a
line with its first cell, then the other cells as ``column: value`` wrapped under it by display width
(a Chinese character takes two columns), and no word is broken (Chinese text breaks between characters).
"""

from __future__ import annotations

from decimal import Decimal

from rich.cells import cell_len
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


#: Closing marks that never start a line: they stay with the character before them.
_NO_LINE_START = frozenset("，。、；：！？）」』》〉】”’…·,.;:!?)")


def _pieces(text: Text) -> list[tuple[Text, bool]]:
    """``text`` cut where a line may break: at spaces, and between wide (East Asian) characters, which
    Chinese writes with no space; each piece with whether it follows the one before with no space."""
    plain, pieces, start, spaced = text.plain, [], 0, True
    while start < len(plain):
        if plain[start] == " ":
            start, spaced = start + 1, True
            continue
        end = start + 1
        if cell_len(plain[start]) == 2:
            while end < len(plain) and plain[end] in _NO_LINE_START:
                end += 1
        else:
            while end < len(plain) and plain[end] != " " and cell_len(plain[end]) != 2:
                end += 1
        pieces.append((text[start:end], not spaced and bool(pieces)))
        start, spaced = end, False
    return pieces


def _wrapped(text: Text, width: int) -> list[Text]:
    """``text`` in lines of at most ``width`` cells (a wide character counts two), broken at spaces and
    between Chinese characters only (a longer word keeps a line)."""
    lines: list[Text] = []
    line = Text()
    for piece, glued in _pieces(text):
        space = "" if glued else " "
        if line.plain and line.cell_len + len(space) + piece.cell_len > width:
            lines.append(line)
            line, space = Text(), ""
        line = Text.assemble(line, space, piece) if line.plain else piece
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
