"""The yearly statistical form of a pairing as an Excel workbook (openpyxl): its layout and its export.

Sheets (the layout :mod:`pairaid.interop.form_import` reads back):

* ``Read me``: the pairing (id in B3, name in B4), the year (B5), donor and
  recipient, and how to fill the form;
* ``Indicators``: one row per figure about the pairing itself for the year —
  indicator code, names (en, zh), disaggregation, unit, period kind (``year``,
  ``as_of``, ``cumulative``), first year of a cumulative period, value, qualifier —
  and a blank row for every codelist indicator with no stored total, to fill in;
* ``Activities``: identifier, pairing id, titles (en, zh), sector code, IATI
  activity-status code, recipient area codes (comma-separated 6-digit codes),
  start and end date, key project (yes/no), batch;
* ``Transactions``: activity identifier (or, for money of a pairing with no
  activity, the pairing id), transaction type, finance type, value in yuan, value
  date, description;
* ``Codelists``: the codes the columns accept; the code columns carry Excel data
  validation lists that point at them.

Values are written as numbers (integers where whole), dates as dates; only
confirmed figures (accepted, corrected, entered) are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pairaid.activities.models import ActivityStatus, FinanceType, TransactionType
from pairaid.core.codelists import sectors
from pairaid.indicators.models import PeriodKind, Qualifier
from pairaid.indicators.selectors import indicator_codelist
from pairaid.interop.selectors import activities_of_year, datavalues_of_pairing, transactions_of_year, tree_ids
from pairaid.registry.models import Pairing

README = "Read me"
INDICATORS = "Indicators"
ACTIVITIES = "Activities"
TRANSACTIONS = "Transactions"
CODELISTS = "Codelists"

INDICATOR_COLUMNS = (
    "indicator code",
    "name (en)",
    "name (zh)",
    "disaggregation",
    "unit",
    "period kind",
    "from year",
    "value",
    "qualifier",
)
ACTIVITY_COLUMNS = (
    "identifier",
    "pairing id",
    "title (en)",
    "title (zh)",
    "sector code",
    "status code",
    "recipient area codes",
    "start date",
    "end date",
    "key project",
    "batch",
)
TRANSACTION_COLUMNS = (
    "activity identifier",
    "pairing id",
    "transaction type",
    "finance type",
    "value (yuan)",
    "value date",
    "description",
)
#: Groups of the codelist left out of the blank rows: context figures are about areas, not pairings.
FORM_SKIPS_GROUPS = ("context",)
PAIRING_ID_CELL, YEAR_CELL = "B3", "B5"

HELP = (
    "Fill in the Indicators, Activities and Transactions sheets, then run: pairaid import-form FILE.xlsx",
    "Indicators: a value for each figure of the pairing in the year; leave a value empty to skip the row.",
    "Units are the indicator's unit (money in yuan, CNY); period kind is year, as_of or cumulative "
    "(give 'from year' for cumulative).",
    "Activities: one row per project; recipient area codes are 6-digit administrative codes, comma-separated.",
    "Transactions: money of an activity (its identifier) or of a pairing with no activity (its id); "
    "value in yuan with at most two decimals; value date in the form's year.",
    "Codes must come from the Codelists sheet. Nothing is stored when any cell is wrong; every wrong cell is named.",
    "Rows are added or changed, never deleted: remove a figure, activity or transaction in pairaid itself.",
)


@dataclass(frozen=True)
class FormSummary:
    """What :func:`form_export` wrote: the file, the pairing and year, and rows per sheet."""

    path: Path
    pairing: Pairing
    year: int
    indicator_rows: int
    activities: int
    transactions: int


def cell_number(value: Decimal) -> int | float:
    """A ``Decimal`` as Excel stores it: an ``int`` when whole, else a ``float`` (at most four decimals,
    which a float keeps exactly enough to read back as the same ``Decimal``)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _header(sheet: Worksheet, columns: tuple[str, ...], widths: dict[int, int] | None = None) -> None:
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = (widths or {}).get(index, 16)


def _codelists(book: Workbook) -> dict[str, str]:
    """Write the Codelists sheet; return each list's range for data validation."""
    sheet = book.create_sheet(CODELISTS)
    lists: dict[str, list[object]] = {
        "indicator code": [i.code for i in indicator_codelist()],
        "period kind": list(PeriodKind.values),
        "qualifier": list(Qualifier.values),
        "sector code": [s.code for s in sectors()],
        "status code": list(ActivityStatus.values),
        "transaction type": list(TransactionType.values),
        "finance type": list(FinanceType.values),
        "key project": ["yes", "no"],
    }
    _header(sheet, tuple(lists), {i: 24 for i in range(1, len(lists) + 1)})
    ranges = {}
    for index, (name, codes) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        for row, code in enumerate(codes, start=2):
            sheet.cell(row=row, column=index, value=code)
        ranges[name] = f"{CODELISTS}!${letter}$2:${letter}${len(codes) + 1}"
    return ranges


def _validate(sheet: Worksheet, columns: tuple[str, ...], ranges: dict[str, str], rows: int) -> None:
    last = max(rows + 200, 500)
    for index, name in enumerate(columns, start=1):
        if name in ranges:
            check = DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True)
            check.error = f"{name}: use a code of the {CODELISTS} sheet"
            sheet.add_data_validation(check)
            letter = get_column_letter(index)
            check.add(f"{letter}2:{letter}{last}")


def _readme(book: Workbook, pairing: Pairing, year: int) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = README
    sheet["A1"] = "pairaid yearly statistical form"
    sheet["A1"].font = Font(bold=True, size=14)
    for row, (label, value) in enumerate(
        [
            ("pairing id", pairing.pk),
            ("pairing", str(pairing)),
            ("year", year),
            ("donor", pairing.donor_label),
            ("recipient", pairing.recipient_label),
        ],
        start=3,
    ):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        sheet.cell(row=row, column=2, value=value)
    for row, line in enumerate(HELP, start=10):
        sheet.cell(row=row, column=1, value=line)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60


def _indicator_rows(pairing: Pairing, year: int) -> list[list[object]]:
    stored: dict[str, list[list[object]]] = {}
    for value in datavalues_of_pairing(pairing=pairing, year=year):
        item = value.indicator
        stored.setdefault(item.code, []).append(
            [
                item.code,
                item.name_en,
                item.name_zh,
                value.disaggregation or None,
                value.unit,
                value.period_kind,
                value.period_start.year if value.period_kind == PeriodKind.CUMULATIVE else None,
                cell_number(value.value),
                value.qualifier,
            ]
        )
    rows: list[list[object]] = []
    for item in indicator_codelist():
        mine = sorted(stored.pop(item.code, []), key=lambda r: (str(r[3] or ""), str(r[5]), r[6] or 0))
        if not any(r[3] is None for r in mine) and item.group not in FORM_SKIPS_GROUPS:
            kind = PeriodKind.AS_OF if item.default_kind == "stock" else PeriodKind.YEAR
            mine.insert(0, [item.code, item.name_en, item.name_zh, None, item.unit, str(kind), None, None, None])
        rows.extend(mine)
    return rows


def _activity_rows(pairing_ids: list[int] | None, year: int) -> list[list[object]]:
    return [
        [
            a.identifier,
            a.pairing_id,
            a.title,
            a.title_zh or None,
            a.sector,
            a.status,
            ", ".join(area.code for area in sorted(a.recipient_areas.all(), key=lambda area: area.code)) or None,
            a.start_date,
            a.end_date,
            "yes" if a.is_key_project else "no",
            a.batch,
        ]
        for a in activities_of_year(pairing_ids=pairing_ids, year=year)
    ]


def _transaction_rows(pairing_ids: list[int] | None, year: int) -> list[list[object]]:
    return [
        [
            t.activity.identifier if t.activity_id else None,
            None if t.activity_id else t.pairing_id,
            t.transaction_type,
            t.finance_type,
            cell_number(t.value),
            t.value_date,
            t.description or None,
        ]
        for t in transactions_of_year(pairing_ids=pairing_ids, year=year)
    ]


def form_workbook(*, pairing: Pairing, year: int) -> tuple[Workbook, tuple[int, int, int]]:
    """The form of ``pairing`` (with every pairing under it) for ``year``, and its row counts
    (indicator rows, activities, transactions)."""
    ids = tree_ids(pairing=pairing)
    book = Workbook()
    _readme(book, pairing, year)
    counts = []
    for title, columns, rows, widths in (
        (INDICATORS, INDICATOR_COLUMNS, _indicator_rows(pairing, year), {1: 28, 2: 40, 3: 20, 4: 30}),
        (ACTIVITIES, ACTIVITY_COLUMNS, _activity_rows(ids, year), {1: 20, 3: 50, 4: 30, 7: 24}),
        (TRANSACTIONS, TRANSACTION_COLUMNS, _transaction_rows(ids, year), {1: 20, 5: 18, 7: 40}),
    ):
        sheet = book.create_sheet(title)
        _header(sheet, columns, widths)
        for row in rows:
            sheet.append(row)
        for column_name in ("start date", "end date", "value date"):
            if column_name in columns:
                letter = get_column_letter(columns.index(column_name) + 1)
                for cell in sheet[letter][1:]:
                    cell.number_format = "yyyy-mm-dd"
        counts.append(len(rows))
    ranges = _codelists(book)
    for title, columns in ((INDICATORS, INDICATOR_COLUMNS), (ACTIVITIES, ACTIVITY_COLUMNS)):
        _validate(book[title], columns, ranges, book[title].max_row)
    _validate(book[TRANSACTIONS], TRANSACTION_COLUMNS, ranges, book[TRANSACTIONS].max_row)
    return book, (counts[0], counts[1], counts[2])


def form_export(*, pairing: Pairing, year: int, path: Path) -> FormSummary:
    """Write the yearly form of ``pairing`` for ``year`` to ``path`` (.xlsx; parent folders are made)."""
    book, (indicator_rows, activities, transactions) = form_workbook(pairing=pairing, year=year)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return FormSummary(path, pairing, year, indicator_rows, activities, transactions)


def as_date(value: object) -> date | None:
    """A cell's date: a ``date``/``datetime`` cell or ``YYYY-MM-DD`` text; ``None`` for an empty cell.

    Raises:
        ValueError: anything else.
    """
    from datetime import datetime

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(value)
