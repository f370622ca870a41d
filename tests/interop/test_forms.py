"""The yearly Excel form: export, import, round trip, and every bad cell named with nothing stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pairaid.activities.models import Activity, Transaction
from pairaid.cli.main import app
from pairaid.indicators.models import DataValue
from pairaid.interop.form_export import form_export
from pairaid.interop.form_import import FormError, form_import
from pairaid.registry.models import Pairing

pytestmark = pytest.mark.django_db


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def _rows(path: Path, sheet: str) -> dict[str, tuple[object, ...]]:
    """Rows of a sheet keyed by first cell (and disaggregation on Indicators)."""
    rows = _cells(path)[sheet][1:]
    if sheet == "Indicators":
        return {f"{r[0]}|{r[3] or ''}": r for r in rows}
    return {str(r[0]): r for r in rows}


def _counts() -> tuple[int, int, int, list[tuple[object, ...]]]:
    values = list(DataValue.objects.order_by("pk").values_list("pk", "value", "status", "qualifier"))
    return Activity.objects.count(), Transaction.objects.count(), DataValue.objects.count(), values


def test_export_import_export_gives_the_same_workbook(sample_root: Pairing, tmp_path: Path) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    form_export(pairing=sample_root, year=2009, path=first)
    before = _counts()
    summary = form_import(path=first)
    assert summary.counts["data_values"] == {"created": 0, "changed": 0, "unchanged": 13}
    assert summary.counts["activities"] == {"created": 0, "changed": 0, "unchanged": 14}
    assert summary.counts["transactions"] == {"created": 0, "changed": 0, "unchanged": 10}
    assert _counts() == before
    form_export(pairing=sample_root, year=2009, path=second)
    assert _cells(first) == _cells(second)


def test_the_form_holds_the_sample_figures_activities_and_money(sample_root: Pairing, tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    done = form_export(pairing=sample_root, year=2009, path=path)
    assert (done.activities, done.transactions) == (14, 10)
    cells = _cells(path)
    assert cells["Read me"][2][:2] == ("pairing id", sample_root.pk) and cells["Read me"][4][:2] == ("year", 2009)
    indicators = _rows(path, "Indicators")
    assert indicators["aid_funds|"] == (
        "aid_funds",
        "Aid funds provided (all channels)",
        "援助资金",
        None,
        "CNY",
        "year",
        None,
        1574000000,
        "exact",
    )
    assert indicators["grant_funds|"][7] == 75800000
    assert indicators["enterprises|"][7:] == (780, "more_than")
    assert indicators["lectures|kind:seminar"][7] == 159
    assert indicators["social_donations|"][7] is None  # a blank row to fill in
    activities = _rows(path, "Activities")
    assert activities["SDXJ-2009-01"][4:7] == ("agriculture", 2, "653122, 653123, 653128")
    money = _cells(path)["Transactions"][1:]
    assert ("SDXJ-2009-03", None, "disbursement", "government_aid", 20000000) in [r[:5] for r in money]
    book = load_workbook(path)
    lists = [v.formula1 for v in book["Activities"].data_validations.dataValidation]
    assert "=Codelists!$D$2:$D$17" in lists  # sector codes


def _fill(path: Path, edits: dict[str, dict[str, object]], appended: dict[str, list[list[object]]]) -> None:
    book = load_workbook(path)
    for sheet, cells in edits.items():
        for ref, value in cells.items():
            book[sheet][ref] = value
    for sheet, rows in appended.items():
        for row in rows:
            book[sheet].append(row)
    book.save(path)


def _row_of(path: Path, sheet: str, key: str) -> int:
    for number, row in enumerate(_cells(path)[sheet], start=1):
        if f"{row[0]}|{row[3] or ''}" == key or row[0] == key:
            return number
    raise AssertionError(key)


def test_a_filled_form_is_stored_as_entered_figures_activities_and_transactions(
    sample_root: Pairing, tmp_path: Path
) -> None:
    path = tmp_path / "form.xlsx"
    form_export(pairing=sample_root, year=2009, path=path)
    grant, donations = _row_of(path, "Indicators", "grant_funds|"), _row_of(path, "Indicators", "social_donations|")
    shule = Pairing.objects.get(name="Shandong – Shule County")
    _fill(
        path,
        {"Indicators": {f"H{grant}": 76000000, f"H{donations}": "12,500,000.50", f"I{donations}": "about"}},
        {
            "Activities": [
                [
                    "SDXJ-2009-20",
                    shule.pk,
                    "Village clinic, Shule",
                    "疏勒村卫生室",
                    "health",
                    1,
                    "653122",
                    date(2009, 5, 1),
                    None,
                    "yes",
                    6,
                ],
            ],
            "Transactions": [["SDXJ-2009-20", None, "disbursement", "grant", "1500000.00", date(2009, 11, 30), None]],
        },
    )
    summary = form_import(path=path)
    assert summary.counts["data_values"] == {"created": 1, "changed": 1, "unchanged": 12}
    assert summary.counts["activities"]["created"] == 1 and summary.counts["transactions"]["created"] == 1
    grant_value = DataValue.objects.get(pairing=sample_root, indicator__code="grant_funds", period_end__year=2009)
    assert (grant_value.value, grant_value.status) == (Decimal("76000000"), "entered")
    donation = DataValue.objects.get(pairing=sample_root, indicator__code="social_donations")
    assert (donation.value, donation.qualifier, donation.status, donation.subject_key) == (
        Decimal("12500000.5"),
        "about",
        "entered",
        f"pairing:{sample_root.pk}",
    )
    clinic = Activity.objects.get(identifier="SDXJ-2009-20")
    assert (clinic.pairing, clinic.title_zh, clinic.is_key_project, clinic.batch) == (shule, "疏勒村卫生室", True, 6)
    assert [a.code for a in clinic.recipient_areas.all()] == ["653122"]
    paid = Transaction.objects.get(activity=clinic)
    assert (paid.value, paid.value_date, paid.finance_type) == (Decimal("1500000.00"), date(2009, 11, 30), "grant")


def test_every_bad_cell_is_named_and_nothing_is_stored(sample_root: Pairing, tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    form_export(pairing=sample_root, year=2009, path=path)
    grant, aid = _row_of(path, "Indicators", "grant_funds|"), _row_of(path, "Indicators", "aid_funds|")
    first_activity = _row_of(path, "Activities", "SDXJ-2009-01")
    _fill(
        path,
        {
            "Indicators": {f"H{grant}": 99, f"E{aid}": "km"},  # a good change beside the bad cells
            "Activities": {f"E{first_activity}": "fishing", f"G{first_activity}": "653122, 999999"},
        },
        {
            "Transactions": [
                ["SDXJ-2009-03", None, "disbursement", "grant", "abc", date(2009, 12, 1), None],
                ["SDXJ-2009-03", None, "payment", "grant", -5, "2010-01-02", None],
                ["NO-SUCH", None, "disbursement", "grant", 1, "31/12/2009", None],
            ]
        },
    )
    before = _counts()
    with pytest.raises(FormError) as raised:
        form_import(path=path)
    assert raised.value.problems == [
        f"Indicators!E{aid}: 'km' is not the unit of aid_funds (CNY)",
        f"Activities!E{first_activity}: 'fishing' is not a sector code (see the Codelists sheet)",
        f"Activities!G{first_activity}: '999999' is not a known area code",
        "Transactions!E12: 'abc' is not a number",
        "Transactions!E13: money cannot be negative: -5 yuan",
        "Transactions!F13: 2010-01-02 is not in 2009, the form's year",
        "Transactions!C13: 'payment' is not a transaction type (see the Codelists sheet)",
        "Transactions!A14: 'NO-SUCH' is not an activity of this form",
        "Transactions!F14: '31/12/2009' is not a date (YYYY-MM-DD)",
    ]
    assert _counts() == before


def test_the_cli_verbs_write_and_read_the_form(sample_root: Pairing, tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    wrote = CliRunner().invoke(app, ["export-form", "--pairing", "Shandong-Xinjiang", "--year", "2009", str(path)])
    assert wrote.exit_code == 0, wrote.output
    assert "14 activities, 10 transactions" in wrote.output
    read = CliRunner().invoke(app, ["import-form", str(path)])
    assert read.exit_code == 0, read.output
    assert "data values: 0 new, 0 changed, 13 unchanged" in " ".join(read.output.split())
    _fill(path, {}, {"Transactions": [["SDXJ-2009-03", None, "disbursement", "grant", "abc", date(2009, 12, 1), None]]})
    bad = CliRunner().invoke(app, ["import-form", str(path)])
    assert bad.exit_code == 1
    assert "Transactions!E12: 'abc' is not a number" in bad.output
    not_a_form = tmp_path / "empty.xlsx"
    not_a_form.write_bytes(b"not a workbook")
    assert "is not an Excel workbook" in CliRunner().invoke(app, ["import-form", str(not_a_form)]).output
