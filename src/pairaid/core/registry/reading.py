"""Reading registry rows and CSV files into records, each row checked on its own.

:func:`read_pairing_rows` reads rows (column name → value, from a CSV file or a
spreadsheet); :func:`read_registry_csv` reads one CSV text. Neither raises on
bad input: each returns the records read and one :class:`RegistryError` per
problem, naming the file, line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from pairaid.core.registry.checks import record_problems
from pairaid.core.registry.records import (
    BASES,
    COLUMNS,
    FIRST_YEAR,
    LAST_YEAR,
    PAIRING_LEVELS,
    PROGRAMMES,
    Basis,
    PairingLevel,
    PairingRecord,
    Programme,
    RegistryError,
)

_CODE = re.compile(r"[0-9]{6}")
_YEAR = re.compile(r"[0-9]{4}")


class _Row:
    """One raw row being read, collecting its errors."""

    def __init__(self, raw: Mapping[str, object], where: str, line: int) -> None:
        self.raw = raw
        self.where = where
        self.line = line
        self.errors: list[RegistryError] = []

    def text(self, column: str) -> str:
        value = self.raw.get(column)
        return "" if value is None else str(value).strip()

    def error(self, column: str, message: str) -> None:
        self.errors.append(RegistryError(self.where, self.line, column, f"{column} {message}" if column else message))

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        value = self.text(column)
        if not value:
            self.error(column, f"is empty, expected one of {', '.join(allowed)}")
        elif value not in allowed:
            self.error(column, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def year(self, column: str, *, required: bool) -> int | None:
        value = self.text(column)
        if not value:
            if required:
                self.error(column, "is empty")
            return None
        if value.endswith(".0"):  # a spreadsheet's number
            value = value[:-2]
        if not _YEAR.fullmatch(value) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            self.error(column, f"{value} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
            return None
        return int(value)

    def side(self, name: str) -> tuple[str | None, str | None]:
        code, organisation = self.text(f"{name}_code"), self.text(f"{name}_organisation")
        if code.endswith(".0"):
            code = code[:-2]
        if code and not _CODE.fullmatch(code):
            self.error(f"{name}_code", f"{code} is not an area code (six digits)")
        return code or None, organisation or None


def read_pairing_rows(
    rows: Iterable[Mapping[str, object]], *, where: str, first_line: int = 2
) -> tuple[list[PairingRecord], list[RegistryError]]:
    """Read rows (column name → value) into records, checking each row on its own.

    ``where`` names the file in errors; ``first_line`` is the line of the first
    row (2 under a header). A row with any error gives no record. Blank rows are
    skipped. The checks: every column of :data:`COLUMNS` present, ``key`` of
    lowercase ascii words joined by dashes, ``programme``, ``level`` and
    ``basis`` among their choices, each side an area code or an organisation,
    years between 1949 and 2100 and in order, a parent other than the row
    itself, an http(s) ``source_url`` and a ``source_title``, and a ``note``
    on every inferred row saying what it was inferred from.
    """
    records: list[PairingRecord] = []
    errors: list[RegistryError] = []
    for offset, raw in enumerate(rows):
        if not any(str(v).strip() for v in raw.values() if v is not None):
            continue
        row = _Row(raw, where, first_line + offset)
        record = _read_row(row)
        errors.extend(row.errors)
        if record is not None:
            records.append(record)
    return records, errors


def _read_row(row: _Row) -> PairingRecord | None:
    missing = [c for c in COLUMNS if c not in row.raw]
    if missing:
        row.error("", f"missing column(s): {', '.join(missing)}")
        return None
    programme = row.choice("programme", PROGRAMMES)
    level = row.choice("level", PAIRING_LEVELS)
    donor_code, donor_organisation = row.side("donor")
    recipient_code, recipient_organisation = row.side("recipient")
    start, end = row.year("start_year", required=True), row.year("end_year", required=False)
    basis = row.choice("basis", BASES)
    record = PairingRecord(
        key=row.text("key"),
        programme=cast(Programme, programme),
        level=cast(PairingLevel, level),
        donor_code=donor_code,
        donor_organisation=donor_organisation,
        recipient_code=recipient_code,
        recipient_organisation=recipient_organisation,
        start_year=start if start is not None else FIRST_YEAR,  # an unread start is reported above
        end_year=end,
        parent=row.text("parent") or None,
        source_url=row.text("source_url"),
        source_title=row.text("source_title"),
        basis=cast(Basis, basis),
        note=row.text("note"),
        where=row.where,
        line=row.line,
    )
    row.errors += record_problems(record)
    row.errors.sort(key=lambda e: COLUMNS.index(e.column) if e.column in COLUMNS else -1)
    if row.errors or start is None:
        return None
    return record


def _other_separator(header: Sequence[str]) -> str | None:
    """The separator a header row was written with when it is not a comma (";" from a spreadsheet set to a
    European locale, a tab), or None."""
    if len(header) != 1:
        return None
    for separator in (";", "\t", "|"):
        if sum(c in header[0].split(separator) for c in COLUMNS) > 1:
            return separator
    return None


def read_registry_csv(text: str, *, where: str) -> tuple[list[PairingRecord], list[RegistryError]]:
    """Read one registry CSV text (UTF-8, header row of :data:`COLUMNS`) row by row.

    A missing header column is one error for the file; an unknown column too; an
    empty text and a header written with another separator (";") are named as such.
    Lines are the text's own (a quoted field spanning lines counts them all).
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return [], [RegistryError(where, 0, "", "the file is empty: a registry file starts with a header row")]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in reader.fieldnames or ()]
    separator = _other_separator(header)
    if separator is not None:
        message = f"the columns are separated by {separator!r}, not by commas: save the file as comma-separated CSV"
        return [], [RegistryError(where, 1, "", message)]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    problems = []
    if missing:
        problems.append(RegistryError(where, 1, "", f"header lacks column(s): {', '.join(missing)}"))
    if unknown:
        problems.append(RegistryError(where, 1, "", f"header has unknown column(s): {', '.join(unknown)}"))
    if problems:
        return [], problems
    reader.fieldnames = header
    records: list[PairingRecord] = []
    errors: list[RegistryError] = []
    line = 2
    for raw in reader:
        found, problems = read_pairing_rows([raw], where=where, first_line=line)
        records += found
        errors += problems
        line = reader.line_num + 1
    return records, errors
