"""Open-data exports: data values as CSV, and a Frictionless data package (datapackage.json + CSV).

The CSV has one row per confirmed data value (accepted, corrected, entered; with
``include_extracted`` also the figures read from reports and not yet reviewed, told
apart by the ``status`` column), its subject named with code and name, and its evidence: the SHA-256 of the source
document's stored text and the span (Python ``str`` indices, end exclusive) —
anyone holding the document can find the sentence. Numbers are written as plain
decimals without exponent or trailing zeros (``1574000000``, ``7.01``).

The data package (Frictionless Data Package v1 / Table Schema) adds the
activities and transactions tables; its ``datapackage.json`` is written here
directly (no library needed). Rows are streamed from the database, so a national
export of a million values stays within memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from pairaid import __version__
from pairaid.indicators.statements import PairingForest
from pairaid.interop.selectors import activities_active_in, datavalues_for_export, transactions_of_year
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairing_index

#: (column, Table Schema type, description) of the data values table.
DATAVALUE_FIELDS = (
    ("indicator", "string", "indicator code (pairaid codelist, spec/indicators.csv)"),
    ("indicator_name", "string", "indicator name in English"),
    ("subject_key", "string", "subject of the figure: pairing:<id>, area:<id>, activity:<id>, joined by |"),
    (
        "subject_code",
        "string",
        "subject's codes: pairing:<registry key, else donor-recipient area codes>, area:<6-digit code>, "
        "activity:<identifier>, joined by |; unresolved for a figure no registered pairing fits",
    ),
    (
        "subject_name",
        "string",
        "subject's names (English / Chinese), joined by |; for a subject not resolved, as written",
    ),
    ("period_kind", "string", "year (a flow), cumulative (a sum between years) or as_of (a stock)"),
    ("period_start", "date", "first day the figure covers"),
    ("period_end", "date", "last day the figure covers"),
    ("disaggregation", "string", "what part of the total the figure is (empty for a total)"),
    ("value", "number", "the figure, in unit"),
    ("unit", "string", "unit code: CNY (yuan), person, person_time, ha, km, m2, or a counted noun"),
    ("qualifier", "string", "exact, more_than, nearly, about, less_than or up_to"),
    ("status", "string", "extracted (read from a report), accepted, corrected or entered"),
    ("kind", "string", "actual (what was done), planned (what a plan promised) or target"),
    ("document_sha256", "string", "SHA-256 of the source document's text (empty for an entered figure)"),
    ("span_start", "integer", "first character of the evidence in the document's text"),
    ("span_end", "integer", "character after the evidence (end exclusive)"),
)
ACTIVITY_FIELDS = (
    ("identifier", "string", "activity identifier"),
    ("pairing_id", "integer", "pairing the activity belongs to"),
    ("pairing", "string", "that pairing's name"),
    ("title", "string", "title in English"),
    ("title_zh", "string", "title in Chinese"),
    ("sector", "string", "sector code (spec/sectors.csv)"),
    ("status", "integer", "IATI ActivityStatus code on the day of the export (from the dates: ended is closed)"),
    ("recipient_areas", "string", "recipient area codes (6-digit, GB/T 2260), space-separated"),
    ("start_date", "date", "start date"),
    ("end_date", "date", "end date"),
    ("is_key_project", "boolean", "a key project"),
    ("batch", "integer", "numbered batch"),
)
TRANSACTION_FIELDS = (
    ("activity", "string", "activity identifier (empty for money of a pairing with no activity)"),
    ("pairing_id", "integer", "pairing of money with no activity"),
    ("transaction_type", "string", "incoming_funds, commitment, disbursement or expenditure"),
    ("finance_type", "string", "funding channel: grant, government_aid, social_donation, enterprise_investment…"),
    ("value", "number", "amount"),
    ("currency", "string", "ISO 4217 currency code (CNY: yuan)"),
    ("value_date", "date", "value date"),
)


#: The subject code of a figure no registered pairing fits (and that names no area nor activity).
UNRESOLVED = "unresolved"
#: Its name when its document names neither donor nor recipient.
NO_SIDES = "(no pairing, area or activity: its document names neither donor nor recipient)"


def pairing_code(found: Pairing) -> str:
    """A pairing's stable code: its registry key, else its donor's and recipient's codes (``370000-653100``;
    an organisation by its name), never the database's id."""
    if found.key:
        return found.key
    sides = [
        area.code if area is not None else (organisation.name if organisation is not None else "")
        for area, organisation in (
            (found.donor_area, found.donor_organisation),
            (found.recipient_area, found.recipient_organisation),
        )
    ]
    return "-".join(sides)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: the files and rows per table."""

    paths: tuple[Path, ...]
    rows: dict[str, int]


def plain(value: Decimal | None) -> str:
    """A ``Decimal`` as plain text without exponent or trailing zeros (``""`` for ``None``)."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _subject(
    pairing: tuple[str, str] | None, area: tuple[str, str, str] | None, activity: tuple[str, str] | None, written: str
) -> tuple[str, str]:
    """The subject's codes and names, most specific first (activity, pairing, area); a figure whose
    subject was not resolved is named as its report wrote donor and recipient."""
    codes, names = [], []
    if activity is not None:
        codes.append(f"activity:{activity[0]}")
        names.append(activity[1])
    if pairing is not None:
        codes.append(f"pairing:{pairing[0]}")
        names.append(pairing[1])
    if area is not None:
        codes.append(f"area:{area[0]}")
        names.append(" / ".join(part for part in area[1:] if part))
    if not codes:  # no pairing, area nor activity: named as its document writes the sides, and why
        return UNRESOLVED, written or NO_SIDES
    return " | ".join(codes), " | ".join(names)


def datavalue_rows(
    *, pairing_ids: list[int] | None, year: int | None, include_extracted: bool
) -> Iterator[list[object]]:
    """Rows of the data values table (columns of :data:`DATAVALUE_FIELDS`), streamed."""
    names = PairingForest.load().label
    index = pairing_index()
    codes = {pk: pairing_code(p) for pk, p in index.items()}
    qs = datavalues_for_export(pairing_ids=pairing_ids, year=year, include_extracted=include_extracted).values_list(
        "indicator__code",
        "indicator__name_en",
        "subject_key",
        "pairing_id",
        "area__code",
        "area__name_en",
        "area__name_zh",
        "activity__identifier",
        "activity__title",
        "donor_label",
        "recipient_label",
        "period_kind",
        "period_start",
        "period_end",
        "disaggregation",
        "value",
        "unit",
        "qualifier",
        "status",
        "kind",
        "evidence__document__sha256",
        "evidence__start",
        "evidence__end",
    )
    for row in qs.iterator(chunk_size=5000):
        (code, name, key, pairing_id, area, area_en, area_zh, activity, title, donor, recipient) = row[:11]
        (period_kind, start, end, part, value, unit, qual, status, kind, sha, s, e) = row[11:]
        written = " → ".join(side for side in (donor, recipient) if side)
        subject_code, subject_name = _subject(
            (codes.get(pairing_id, str(pairing_id)), names.get(pairing_id, "")) if pairing_id else None,
            (area, area_en, area_zh) if area else None,
            (activity, title) if activity else None,
            f"{written} (as written: no registered pairing fits)" if written else "",
        )
        yield [
            code,
            name,
            key,
            subject_code,
            subject_name,
            period_kind,
            start.isoformat(),
            end.isoformat(),
            part,
            plain(value),
            unit,
            qual,
            status,
            kind,
            sha or "",
            "" if s is None else s,
            "" if e is None else e,
        ]


def _activity_rows(*, pairing_ids: list[int] | None, year: int | None) -> Iterator[list[object]]:
    today = date.today()
    for a in activities_active_in(pairing_ids=pairing_ids, year=year).iterator(chunk_size=2000):
        yield [
            a.identifier,
            a.pairing_id,
            str(a.pairing),
            a.title,
            a.title_zh,
            a.sector,
            a.status_on(today),  # as IATI's activity-status: from its dates on the day of the export
            " ".join(sorted(area.code for area in a.recipient_areas.all())),
            a.start_date.isoformat() if a.start_date else "",
            a.end_date.isoformat() if a.end_date else "",
            "true" if a.is_key_project else "false",
            "" if a.batch is None else a.batch,
        ]


def _transaction_rows(*, pairing_ids: list[int] | None, year: int | None) -> Iterator[list[object]]:
    qs = transactions_of_year(pairing_ids=pairing_ids, year=year).values_list(
        "activity__identifier", "pairing_id", "transaction_type", "finance_type", "value", "currency", "value_date"
    )
    for identifier, pairing_id, kind, finance, value, currency, when in qs.iterator(chunk_size=5000):
        yield [identifier or "", pairing_id or "", kind, finance, plain(value), currency, when.isoformat()]


def _write_csv(path: Path, fields: tuple[tuple[str, str, str], ...], rows: Iterator[list[object]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([name for name, _, _ in fields])
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def datavalues_csv_export(
    *, path: Path, pairing_ids: list[int] | None = None, year: int | None = None, include_extracted: bool = False
) -> ExportSummary:
    """Write the confirmed data values (with ``include_extracted`` the extracted ones too) of these
    pairings, periods ending in ``year`` (all when ``None``), as CSV (UTF-8)."""
    rows = _write_csv(
        path,
        DATAVALUE_FIELDS,
        datavalue_rows(pairing_ids=pairing_ids, year=year, include_extracted=include_extracted),
    )
    return ExportSummary((path,), {"data_values": rows})


def _resource(name: str, fields: tuple[tuple[str, str, str], ...], title: str) -> dict[str, object]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in fields]},
    }


def datapackage_export(
    *, folder: Path, pairing_ids: list[int] | None = None, year: int | None = None, include_extracted: bool = False
) -> ExportSummary:
    """Write a Frictionless data package into ``folder``: ``datapackage.json`` and the CSV files
    ``data_values.csv``, ``activities.csv`` and ``transactions.csv``."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {
        "data_values": _write_csv(
            folder / "data_values.csv",
            DATAVALUE_FIELDS,
            datavalue_rows(pairing_ids=pairing_ids, year=year, include_extracted=include_extracted),
        ),
        "activities": _write_csv(
            folder / "activities.csv", ACTIVITY_FIELDS, _activity_rows(pairing_ids=pairing_ids, year=year)
        ),
        "transactions": _write_csv(
            folder / "transactions.csv", TRANSACTION_FIELDS, _transaction_rows(pairing_ids=pairing_ids, year=year)
        ),
    }
    scope = f"{'all years' if year is None else year}"
    descriptor = {
        "profile": "tabular-data-package",
        "name": "pairaid-export" + ("" if year is None else f"-{year}"),
        "title": f"Pairing-off assistance figures, activities and transactions ({scope})",
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": f"pairaid {__version__}: reports read and figures entered"}],
        "resources": [
            _resource("data_values", DATAVALUE_FIELDS, "Data values with their evidence"),
            _resource("activities", ACTIVITY_FIELDS, "Activities (aid projects)"),
            _resource("transactions", TRANSACTION_FIELDS, "Transactions of activities and pairings"),
        ],
    }
    descriptor_path = folder / "datapackage.json"
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths = (descriptor_path, *(folder / f"{name}.csv" for name in counts))
    return ExportSummary(paths, counts)
