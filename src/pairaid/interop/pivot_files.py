"""The analysis table as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese) and XLSX.

Values are the roll-up's Decimals: in CSV as written, in XLSX as numbers (integers where
whole) with thousands separators shown; an empty cell is a year with nothing stated.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from pairaid.indicators.pivot import PivotTable


def _header(table: PivotTable, row_label: str, total_label: str) -> list[str]:
    return [row_label, *(str(y) for y in table.years), total_label]


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _cell(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def pivot_csv(table: PivotTable, *, row_label: str, total_label: str, national_label: str) -> bytes:
    """The table as CSV: a header of years, one line per row with its total, the national line last."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["key", *_header(table, row_label, total_label)])
    for row in table.rows:
        writer.writerow([row.key, row.label, *(_plain(v) for v in row.values), _plain(row.total)])
    writer.writerow(["", national_label, *(_plain(v) for v in table.national), _plain(table.national_total)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def pivot_xlsx(
    table: PivotTable, *, title: str, row_label: str, total_label: str, national_label: str, unit: str
) -> bytes:
    """The table as an Excel workbook of one sheet: a title line, the header, the rows and the national line."""
    book = Workbook()
    sheet = book.active
    sheet.title = "pivot"
    sheet.append([f"{title} ({unit})"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(["key", *_header(table, row_label, total_label)])
    for row in table.rows:
        sheet.append([row.key, row.label, *(_cell(v) for v in row.values), _cell(row.total)])
    sheet.append(["", national_label, *(_cell(v) for v in table.national), _cell(table.national_total)])
    for column in sheet.iter_cols(min_row=3, min_col=3):
        for cell in column:
            cell.number_format = "#,##0.##"
    sheet.column_dimensions["B"].width = 36
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
