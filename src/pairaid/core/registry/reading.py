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

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CODE = re.compile(r"[0-9]{6}")
_YEAR = re.compile(r"[0-9]{4}")
_URL = re.compile(r"https?://[^\s/]+\.[^\s]+")


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
        if code and organisation:
            self.error(f"{name}_code", f"and {name}_organisation are both given; a {name} is one or the other")
        elif not code and not organisation:
            self.error(f"{name}_code", f"is empty, and so is {name}_organisation: the {name} is missing")
        elif code and not _CODE.fullmatch(code):
            self.error(f"{name}_code", f"{code} is not an area code (six digits)")
        return code or None, organisation or None


def is_pairing_key(key: str) -> bool:
    """Whether ``key`` has the form of a registry key: lowercase letters and digits, words joined by one dash."""
    return _KEY.fullmatch(key) is not None


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
    key = row.text("key")
    if not _KEY.fullmatch(key):
        row.error("key", f"{key!r} is not lowercase ascii words joined by dashes")
    programme = row.choice("programme", PROGRAMMES)
    level = row.choice("level", PAIRING_LEVELS)
    donor_code, donor_organisation = row.side("donor")
    recipient_code, recipient_organisation = row.side("recipient")
    start, end = row.year("start_year", required=True), row.year("end_year", required=False)
    if start is not None and end is not None and end < start:
        row.error("end_year", f"{end} is before start_year {start}")
    parent = row.text("parent")
    if parent and not _KEY.fullmatch(parent):
        row.error("parent", f"{parent!r} is not a key")
    elif parent and parent == key:
        row.error("parent", "is the row itself")
    url, title = row.text("source_url"), row.text("source_title")
    if not url:
        row.error("source_url", "is empty: every line needs the address of a public document that states it")
    elif not _URL.fullmatch(url):
        row.error("source_url", f"{url} is not an http(s) address")
    if not title:
        row.error("source_title", "is empty: name the document")
    basis = row.choice("basis", BASES)
    note = row.text("note")
    if basis == "inferred" and not note:
        row.error("note", "is empty: an inferred line says what it was inferred from")
    if row.errors or start is None:
        return None
    return PairingRecord(
        key=key,
        programme=cast(Programme, programme),
        level=cast(PairingLevel, level),
        donor_code=donor_code,
        donor_organisation=donor_organisation,
        recipient_code=recipient_code,
        recipient_organisation=recipient_organisation,
        start_year=start,
        end_year=end,
        parent=parent or None,
        source_url=url,
        source_title=title,
        basis=cast(Basis, basis),
        note=note,
        where=row.where,
        line=row.line,
    )


def read_registry_csv(text: str, *, where: str) -> tuple[list[PairingRecord], list[RegistryError]]:
    """Read one registry CSV text (UTF-8, header row of :data:`COLUMNS`) row by row.

    A missing header column is one error for the file; an unknown column too.
    Lines are the text's own (a quoted field spanning lines counts them all).
    """
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = [h.strip() for h in reader.fieldnames or ()]
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
