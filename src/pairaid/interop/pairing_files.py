"""Pairing registry files: reading a CSV or Excel file of registry lines, and writing the pairings as one.

The columns are the shipped registry's (:data:`pairaid.core.registry.COLUMNS`,
described in ``pairaid/core/data/registry/README.md``); an export read back by
:func:`pairings_file_import` changes nothing. Pairings the format cannot hold
(without a source, given only as a count, or of a programme or level it has no
word for) are left out of an export and counted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pairaid.core.errors import InputError
from pairaid.core.registry import COLUMNS, PairingRecord, RegistryError, read_pairing_rows, read_registry_csv
from pairaid.registry.imports import PairingImport, pairings_import
from pairaid.registry.selectors import pairing_records

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class PairingExport:
    """What an export wrote: the lines, and the pairings left out (the format cannot hold them)."""

    text: str | None
    lines: int
    left_out: int


def pairings_file_read(*, path: Path) -> tuple[list[PairingRecord], list[RegistryError]]:
    """The registry lines of a ``.csv`` (UTF-8) or ``.xlsx`` file (first sheet, header row first), and every
    problem a row has on its own.

    Raises:
        InputError: a missing file, another kind of file, or a file that cannot be read as one.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(f"{path}: a pairing file is .csv or .xlsx")
    if not path.is_file():
        raise InputError(f"{path} does not exist")
    if path.stat().st_size == 0:
        raise InputError(f"{path}: the file is empty")
    if suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{path} is not UTF-8 text") from None
        return read_registry_csv(text, where=path.name)
    return _read_workbook(path)


def _read_workbook(path: Path) -> tuple[list[PairingRecord], list[RegistryError]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True)
    except Exception:  # openpyxl raises several types, with its own words, for a file that is not a workbook
        raise InputError(f"{path} is not an Excel workbook (.xlsx)") from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
        written = list(formulas.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
        formulas.close()
    if not any(any(cell not in (None, "") for cell in row) for row in rows):
        return [], [RegistryError(path.name, 0, "", "the file is empty: a registry file starts with a header row")]
    header = [str(cell).strip() if cell is not None else "" for cell in (rows[0] if rows else ())]
    while header and not header[-1]:
        header.pop()
    missing = [c for c in COLUMNS if c not in header]
    unknown = [h for h in header if h and h not in COLUMNS]
    problems = []
    if missing:
        problems.append(RegistryError(path.name, 1, "", f"header lacks column(s): {', '.join(missing)}"))
    if unknown:
        problems.append(RegistryError(path.name, 1, "", f"header has unknown column(s): {', '.join(unknown)}"))
    if problems:
        return [], problems
    raw = [{name: _cell(value) for name, value in zip(header, row, strict=False) if name} for row in rows[1:]]
    unread = _formulas_without_values(header, rows, written, where=path.name)
    records, errors = read_pairing_rows(raw, where=path.name)
    cells = {(e.line, e.column) for e in unread}
    errors = sorted([*unread, *(e for e in errors if (e.line, e.column) not in cells)], key=lambda e: e.line)
    return [r for r in records if r.line not in {line for line, _ in cells}], errors


def _formulas_without_values(
    header: list[str], rows: list[tuple[Any, ...]], written: list[tuple[Any, ...]], *, where: str
) -> list[RegistryError]:
    """The cells that hold a formula whose value the file does not store (a workbook written by a program
    and never opened in a spreadsheet): read as values they would be empty."""
    found = []
    for offset, (values, formulas) in enumerate(zip(rows[1:], written[1:], strict=False)):
        for name, value, formula in zip(header, values, formulas, strict=False):
            if name and value is None and isinstance(formula, str) and formula.startswith("="):
                message = (
                    f"{name} is a formula without a stored value ({formula}): open the file in a spreadsheet "
                    "and save it, or write the value"
                )
                found.append(RegistryError(where, offset + 2, name, message))
    return found


def _cell(value: Any) -> object:
    """A cell as the reader takes it: whole numbers without ".0", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def pairings_file_import(*, path: Path, dry_run: bool = False, user: Any = None) -> PairingImport:
    """Read the file at ``path`` and import its lines (:func:`pairaid.registry.imports.pairings_import`).

    Raises:
        InputError: the file cannot be read.
        PairingImportError: any bad line (every one named); nothing is stored.
    """
    records, errors = pairings_file_read(path=path)
    return pairings_import(records=records, read_errors=errors, dry_run=dry_run, user=user, reason="imported from")


def pairings_export(*, fmt: str = "csv", path: Path | None = None) -> PairingExport:
    """Write every pairing the format can hold as registry lines, parents first: CSV to ``path`` or, without
    one, as the returned ``text``; Excel (``xlsx``) to ``path``.

    Raises:
        InputError: an unknown format, or Excel without a path.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    rows = pairing_records()
    lines = [_line(record) for _, record in rows if record is not None]
    left_out = sum(1 for _, record in rows if record is None)
    if fmt == "xlsx":
        if path is None:
            raise InputError("an Excel export needs --out FILE.xlsx")
        _write_workbook(path, lines)
        return PairingExport(None, len(lines), left_out)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(lines)
    if path is None:
        return PairingExport(buffer.getvalue(), len(lines), left_out)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return PairingExport(None, len(lines), left_out)


def _line(record: PairingRecord) -> dict[str, str]:
    return {column: "" if (value := getattr(record, column)) is None else str(value) for column in COLUMNS}


def _write_workbook(path: Path, lines: list[dict[str, str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "pairings"
    sheet.append(list(COLUMNS))
    for line in lines:
        sheet.append([line[column] for column in COLUMNS])  # codes and years as text, as written
    book.save(path)
