"""What ``pairings import`` says of files it cannot use: each problem named as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from pairaid.cli.main import app
from pairaid.core.errors import InputError
from pairaid.core.registry import COLUMNS, read_registry_csv
from pairaid.interop.pairing_files import pairings_file_import, pairings_file_read
from pairaid.registry.imports import PairingImportError

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS) + "\n"
LINE = [
    "t-sd-xj",
    "east_west",
    "province",
    "370000",
    "",
    "650000",
    "",
    "1996",
    "2010",
    "",
    "https://example.org/a",
    "A",
    "stated",
    "",
]


def test_a_formula_without_a_stored_value_is_named_not_called_empty(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    sheet.append([*LINE[:7], "=1990+6", *LINE[8:]])
    path = tmp_path / "lines.xlsx"
    book.save(path)  # openpyxl stores no computed value

    records, errors = pairings_file_read(path=path)

    assert records == []
    assert [str(e) for e in errors] == [
        "lines.xlsx:2: start_year is a formula without a stored value (=1990+6): open the file in a spreadsheet "
        "and save it, or write the value"
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_empty_file_is_called_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"lines{suffix}"
    path.write_bytes(b"")

    with pytest.raises(InputError, match="the file is empty"):
        pairings_file_import(path=path)


def test_a_file_of_blank_lines_is_called_empty() -> None:
    assert [str(e) for e in read_registry_csv("\n\n", where="x.csv")[1]] == [
        "x.csv: the file is empty: a registry file starts with a header row"
    ]


def test_a_header_alone_says_zero_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.csv"
    path.write_text(HEADER, encoding="utf-8")

    result = CliRunner().invoke(app, ["pairings", "import", str(path), "--dry-run"])

    assert (result.exit_code, result.output.strip()) == (
        0,
        f"would store {path}: 0 line(s): 0 new, 0 changed, 0 unchanged",
    )


def test_a_semicolon_separated_file_is_told_its_separator() -> None:
    text = HEADER.replace(",", ";") + ";".join(LINE) + "\n"

    assert [str(e) for e in read_registry_csv(text, where="x.csv")[1]] == [
        "x.csv:1: the columns are separated by ';', not by commas: save the file as comma-separated CSV"
    ]


def test_a_current_code_for_years_before_it_existed_is_refused(tmp_path: Path) -> None:
    """650500 Hami City replaced 652200 Hami Prefecture in 2016: a pairing of 2000-2010 wrote the old code."""
    path = tmp_path / "lines.csv"
    line = [
        "t-hami",
        "xinjiang",
        "prefecture",
        "410000",
        "",
        "650500",
        "",
        "2000",
        "2010",
        "",
        "https://example.org/a",
        "A",
        "stated",
        "",
    ]
    path.write_text(HEADER + ",".join(line) + "\n", encoding="utf-8")

    with pytest.raises(PairingImportError) as raised:
        pairings_file_import(path=path)

    assert raised.value.problems == [
        "lines.csv:2: recipient_code 650500 (哈密市) is the code from 2016, after this pairing's 2000–2010: "
        "write 652200 (哈密地区)"
    ]
