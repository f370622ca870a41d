"""Reading a filled yearly form (:mod:`pairaid.interop.form_export`) cell by cell.

:func:`form_read` checks every cell — codes against the codelists, units against the
indicator's unit, numbers, dates, identifiers — and raises :class:`FormError` naming
each bad cell ("Transactions!E7: 'abc' is not a number"); :mod:`pairaid.interop.form_import`
stores what it read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pairaid.activities.models import Activity, ActivityStatus, FinanceType, TransactionType
from pairaid.activities.services import money
from pairaid.core.codelists import sectors
from pairaid.core.errors import InputError, PairaidError
from pairaid.core.period_dates import period_from_years
from pairaid.geo.models import Area
from pairaid.indicators.models import (
    PeriodKind,
    Qualifier,
)
from pairaid.indicators.selectors import indicator_codelist
from pairaid.interop import form_export
from pairaid.interop.selectors import tree_ids
from pairaid.registry.models import Pairing

Row = dict[str, Any]
LARGEST = Decimal(10) ** 20
"""Numbers in a form stay below 10^20 (a data value holds 24 digits, 4 of them decimals)."""
SHEETS = (form_export.README, form_export.INDICATORS, form_export.ACTIVITIES, form_export.TRANSACTIONS)


class FormError(InputError):
    """A form with bad cells; ``problems`` holds one message per cell, the message all of them."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:50] + ([f"… and {len(problems) - 50} more"] if len(problems) > 50 else [])
        super().__init__(f"the form was not stored ({len(problems)} problem(s)):\n" + "\n".join(shown))


class _Reader:
    """Cell readers that note a problem (sheet!cell: message) and return ``None`` instead of raising."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def text(self, value: object) -> str:
        return "" if value is None else str(value).strip()

    def short(self, where: str, value: object, longest: int) -> str:
        """The cell's text, noted as a problem when longer than the ``longest`` characters stored."""
        text = self.text(value)
        if len(text) > longest:
            self.bad(where, f"{len(text)} characters is too long (at most {longest})")
        return text

    def number(self, where: str, value: object, *, required: bool = False) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.bad(where, "a number is needed")
            return None
        if isinstance(value, bool):
            self.bad(where, f"{value!r} is not a number")
            return None
        try:
            if isinstance(value, float):
                found = Decimal(repr(value))
            elif isinstance(value, int | Decimal):
                found = Decimal(value)
            else:
                found = Decimal(str(value).strip().replace(",", "").replace(" ", ""))
        except (InvalidOperation, ValueError):
            self.bad(where, f"{value!r} is not a number")
            return None
        if not found.is_finite():
            self.bad(where, f"{value!r} is not a number")
            return None
        if abs(found) >= LARGEST:
            self.bad(where, f"{value!r} is too large (at most 20 digits before the decimal point)")
            return None
        return found

    def whole(self, where: str, value: object, *, required: bool = False) -> int | None:
        found = self.number(where, value, required=required)
        if found is None:
            return None
        if found != found.to_integral_value():
            self.bad(where, f"{value!r} is not a whole number")
            return None
        return int(found)

    def day(self, where: str, value: object, *, required: bool = False) -> date | None:
        try:
            found = form_export.as_date(value)
        except ValueError:
            self.bad(where, f"{value!r} is not a date (YYYY-MM-DD)")
            return None
        if found is None and required:
            self.bad(where, "a date is needed")
        return found

    def code(self, where: str, value: object, allowed: list[str] | tuple[str, ...], what: str) -> str | None:
        text = self.text(value)
        if text not in allowed:
            self.bad(where, f"{text!r} is not a {what} (see the {form_export.CODELISTS} sheet)")
            return None
        return text


def _rows(sheet: Any, columns: tuple[str, ...], reader: _Reader) -> list[tuple[int, dict[str, Any]]]:
    header = [reader.text(c.value) for c in sheet[1]][: len(columns)]
    if tuple(header) != columns:
        reader.bad(f"{sheet.title}!1", f"the header row is not {', '.join(columns)}")
        return []
    found = []
    for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=len(columns), values_only=True), start=2):
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        found.append((number, dict(zip(columns, cells, strict=False))))
    return found


def _where(sheet: str, columns: tuple[str, ...], name: str, row: int) -> str:
    return f"{sheet}!{get_column_letter(columns.index(name) + 1)}{row}"


def _read_indicators(book: Any, reader: _Reader, year: int) -> list[Row]:
    known = {i.code: i for i in indicator_codelist()}
    out = []
    for number, cells in _rows(book[form_export.INDICATORS], form_export.INDICATOR_COLUMNS, reader):

        def at(name: str, number: int = number) -> str:
            return _where(form_export.INDICATORS, form_export.INDICATOR_COLUMNS, name, number)

        value = reader.number(at("value"), cells["value"])
        code = reader.code(at("indicator code"), cells["indicator code"], list(known), "known indicator code")
        if value is None or code is None:
            continue
        if value < 0:
            reader.bad(at("value"), f"{value} is negative")
        if value != value.quantize(Decimal("0.0001")):
            reader.bad(at("value"), f"{value} has more than four decimals")
        unit = reader.text(cells["unit"]) or known[code].unit
        if unit != known[code].unit:
            reader.bad(at("unit"), f"{unit!r} is not the unit of {code} ({known[code].unit})")
        kind = reader.code(at("period kind"), cells["period kind"], PeriodKind.values, "period kind")
        qualifier = reader.text(cells["qualifier"]) or Qualifier.EXACT
        if qualifier not in Qualifier.values:
            reader.bad(at("qualifier"), f"{qualifier!r} is not a qualifier (see the {form_export.CODELISTS} sheet)")
        first = reader.whole(at("from year"), cells["from year"], required=kind == PeriodKind.CUMULATIVE)
        if kind is None:
            continue
        try:
            period = period_from_years(kind, year=year, start_year=first, end_year=year)
        except PairaidError as exc:
            reader.bad(at("from year"), str(exc))
            continue
        out.append(
            {
                "where": at("value"),
                "indicator": code,
                "disaggregation": reader.short(at("disaggregation"), cells["disaggregation"], 100),
                "unit": unit,
                "period": period,
                "value": value,
                "qualifier": qualifier,
            }
        )
    keys = [(r["indicator"], r["disaggregation"], r["period"]) for r in out]
    for r, key in zip(out, keys, strict=True):
        if keys.count(key) > 1:
            reader.bad(r["where"], f"{r['indicator']} {r['disaggregation']} is given twice for this period")
    return out


def _read_activities(book: Any, reader: _Reader, tree: set[int]) -> list[Row]:
    columns = form_export.ACTIVITY_COLUMNS
    sector_codes = [s.code for s in sectors()]
    out: list[Row] = []
    seen: set[str] = set()
    for number, cells in _rows(book[form_export.ACTIVITIES], columns, reader):

        def at(name: str, number: int = number) -> str:
            return _where(form_export.ACTIVITIES, columns, name, number)

        identifier = reader.short(at("identifier"), cells["identifier"], 64)
        if not identifier:
            reader.bad(at("identifier"), "an activity needs an identifier")
        elif identifier in seen:
            reader.bad(at("identifier"), f"{identifier!r} is given twice")
        seen.add(identifier)
        pairing_id = reader.whole(at("pairing id"), cells["pairing id"], required=True)
        if pairing_id is not None and pairing_id not in tree:
            reader.bad(at("pairing id"), f"pairing {pairing_id} is not this form's pairing or under it")
        title = reader.short(at("title (en)"), cells["title (en)"], 300)
        if not title:
            reader.bad(at("title (en)"), "a title is needed")
        status = reader.whole(at("status code"), cells["status code"], required=True)
        if status is not None and status not in ActivityStatus.values:
            reader.bad(at("status code"), f"{status} is not an activity status code (IATI 1–6)")
        codes = [c for c in reader.text(cells["recipient area codes"]).replace("，", ",").split(",") if c.strip()]
        start = reader.day(at("start date"), cells["start date"])
        end = reader.day(at("end date"), cells["end date"])
        if start and end and start > end:
            reader.bad(at("end date"), f"the activity ends on {end} before it starts on {start}")
        key = reader.text(cells["key project"]).lower() or "no"
        if key not in ("yes", "no"):
            reader.bad(at("key project"), f"{cells['key project']!r} is not yes or no")
        out.append(
            {
                "where": at("identifier"),
                "areas_at": at("recipient area codes"),
                "identifier": identifier,
                "pairing_id": pairing_id,
                "title": title,
                "title_zh": reader.short(at("title (zh)"), cells["title (zh)"], 300),
                "sector": reader.code(at("sector code"), cells["sector code"], sector_codes, "sector code"),
                "status": status,
                "area_codes": [c.strip() for c in codes],
                "start_date": start,
                "end_date": end,
                "is_key_project": key == "yes",
                "batch": reader.whole(at("batch"), cells["batch"]),
            }
        )
    all_codes = {c for r in out for c in r["area_codes"]}
    areas = {a.code: a for a in Area.objects.filter(code__in=all_codes)}
    for r in out:
        for code in r["area_codes"]:
            if code not in areas:
                reader.bad(r["areas_at"], f"{code!r} is not a known area code")
        r["areas"] = [areas[c] for c in r["area_codes"] if c in areas]
    taken = (
        Activity.objects.filter(identifier__in=seen).exclude(pairing_id__in=tree).values_list("identifier", flat=True)
    )
    for r in out:
        if r["identifier"] in set(taken):
            reader.bad(r["where"], f"activity {r['identifier']!r} belongs to a pairing outside this form")
    return out


def _read_transactions(book: Any, reader: _Reader, tree: set[int], year: int, activity_ids: set[str]) -> list[Row]:
    columns = form_export.TRANSACTION_COLUMNS
    out = []
    stored = set(Activity.objects.filter(pairing_id__in=tree).values_list("identifier", flat=True))
    for number, cells in _rows(book[form_export.TRANSACTIONS], columns, reader):

        def at(name: str, number: int = number) -> str:
            return _where(form_export.TRANSACTIONS, columns, name, number)

        identifier = reader.text(cells["activity identifier"])
        pairing_id = reader.whole(at("pairing id"), cells["pairing id"])
        if bool(identifier) == (pairing_id is not None):
            reader.bad(at("activity identifier"), "give an activity identifier or a pairing id, one of them")
        elif identifier and identifier not in activity_ids | stored:
            reader.bad(at("activity identifier"), f"{identifier!r} is not an activity of this form")
        elif pairing_id is not None and pairing_id not in tree:
            reader.bad(at("pairing id"), f"pairing {pairing_id} is not this form's pairing or under it")
        value = reader.number(at("value (yuan)"), cells["value (yuan)"], required=True)
        if value is not None:
            try:
                value = money(value)
            except PairaidError as exc:
                reader.bad(at("value (yuan)"), str(exc))
        value_date = reader.day(at("value date"), cells["value date"], required=True)
        if value_date is not None and value_date.year != year:
            reader.bad(at("value date"), f"{value_date} is not in {year}, the form's year")
        out.append(
            {
                "where": at("activity identifier"),
                "identifier": identifier,
                "pairing_id": pairing_id,
                "transaction_type": reader.code(
                    at("transaction type"), cells["transaction type"], TransactionType.values, "transaction type"
                ),
                "finance_type": reader.code(
                    at("finance type"), cells["finance type"], FinanceType.values, "finance type"
                ),
                "value": value,
                "value_date": value_date,
                "description": reader.short(at("description"), cells["description"], 300),
            }
        )
    return out


def _pairing_and_year(book: Any, reader: _Reader) -> tuple[Pairing | None, int | None]:
    sheet = book[form_export.README]
    pairing_id = reader.whole(
        f"{form_export.README}!{form_export.PAIRING_ID_CELL}", sheet[form_export.PAIRING_ID_CELL].value, required=True
    )
    year = reader.whole(
        f"{form_export.README}!{form_export.YEAR_CELL}", sheet[form_export.YEAR_CELL].value, required=True
    )
    pairing = Pairing.objects.filter(pk=pairing_id).first() if pairing_id is not None else None
    if pairing_id is not None and pairing is None:
        reader.bad(f"{form_export.README}!{form_export.PAIRING_ID_CELL}", f"there is no pairing {pairing_id}")
    return pairing, year


def _unsaved_formulas(path: Path, book: Any, reader: _Reader) -> None:
    """Note every formula cell without a saved result (a form filled by a program, never opened
    in a spreadsheet): its value would otherwise read as an empty cell and be skipped."""
    formulas = load_workbook(path, read_only=True)
    try:
        for name in SHEETS:
            for row in formulas[name].iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "f" and book[name][cell.coordinate].value is None:
                        reader.bad(
                            f"{name}!{cell.coordinate}",
                            f"the formula {cell.value} has no saved result; type the value, "
                            "or open and save the form in a spreadsheet first",
                        )
    finally:
        formulas.close()


def form_read(*, path: Path) -> tuple[Pairing, int, list[Row], list[Row], list[Row]]:
    """The form at ``path`` checked cell by cell: its pairing, year, and figure, activity and transaction rows.

    Raises:
        InputError: a file that is not an .xlsx workbook or lacks a sheet of the form.
        FormError: bad cells, one message each.
    """
    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except Exception:  # openpyxl raises several types, with its own words, for a file that is not a workbook
        raise InputError(f"{path} is not an Excel workbook (.xlsx)") from None
    missing = [s for s in SHEETS if s not in book]
    if missing:
        raise InputError(f"{path} is not a pairaid form: no sheet {', '.join(missing)}")
    reader = _Reader()
    _unsaved_formulas(path, book, reader)
    pairing, year = _pairing_and_year(book, reader)
    if pairing is None or year is None:
        raise FormError(reader.problems)
    tree = set(tree_ids(pairing=pairing) or [])
    values = _read_indicators(book, reader, year)
    activities = _read_activities(book, reader, tree)
    transactions = _read_transactions(book, reader, tree, year, {r["identifier"] for r in activities})
    if reader.problems:
        raise FormError(reader.problems)
    return pairing, year, values, activities, transactions
