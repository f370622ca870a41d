"""The yearly form refuses cells the database could not hold, naming the cell, storing nothing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pairaid.activities.services import money
from pairaid.core.errors import DataError
from pairaid.indicators.models import DataValue
from pairaid.interop.form_export import form_export
from pairaid.interop.form_import import FormError, form_import
from pairaid.registry.models import Pairing

pytestmark = pytest.mark.django_db


def _form_with(tmp_path: Path, pairing: Pairing, sheet: str, cell: str, value: object) -> Path:
    path = tmp_path / "form.xlsx"
    form_export(pairing=pairing, year=2009, path=path)
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return path


def _problems(path: Path) -> list[str]:
    before = list(DataValue.objects.order_by("pk").values_list("pk", "value"))
    with pytest.raises(FormError) as caught:
        form_import(path=path)
    assert list(DataValue.objects.order_by("pk").values_list("pk", "value")) == before
    return caught.value.problems


@pytest.mark.parametrize("value", [10**20, 10**30, 1e300])
def test_a_figure_of_twenty_one_digits_is_refused(sample_root: Pairing, tmp_path: Path, value: object) -> None:
    # 10^20 used to be stored on SQLite and then broke every read of the data values
    problems = _problems(_form_with(tmp_path, sample_root, "Indicators", "H2", value))
    assert len(problems) == 1 and problems[0].startswith("Indicators!H2: ") and "too large" in problems[0]


def test_a_figure_just_below_the_limit_is_stored(sample_root: Pairing, tmp_path: Path) -> None:
    form_import(path=_form_with(tmp_path, sample_root, "Indicators", "H2", 10**19))
    assert DataValue.objects.filter(value=Decimal(10**19), indicator__code="aid_funds").count() == 1


def test_money_of_seventeen_digits_is_refused(sample_root: Pairing, tmp_path: Path) -> None:
    problems = _problems(_form_with(tmp_path, sample_root, "Transactions", "E2", 10**17))
    assert problems == ["Transactions!E2: 1E+17 yuan is too large (at most 16 digits before the decimal point)"]
    with pytest.raises(DataError, match="too large"):
        money(Decimal(10**16))
    assert money(Decimal(10**16 - 1)) == Decimal(10**16 - 1)


def test_a_formula_without_a_saved_result_is_named_not_skipped(sample_root: Pairing, tmp_path: Path) -> None:
    problems = _problems(_form_with(tmp_path, sample_root, "Indicators", "H2", "=1+1"))
    assert problems == [
        "Indicators!H2: the formula =1+1 has no saved result; type the value, "
        "or open and save the form in a spreadsheet first"
    ]


def test_a_title_longer_than_the_database_holds_is_refused(sample_root: Pairing, tmp_path: Path) -> None:
    problems = _problems(_form_with(tmp_path, sample_root, "Activities", "C2", "x" * 301))
    assert problems == ["Activities!C2: 301 characters is too long (at most 300)"]
