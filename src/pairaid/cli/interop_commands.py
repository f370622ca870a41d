"""``pairaid export-form``, ``pairaid import-form`` and ``pairaid export``: the yearly Excel form and open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pairaid.cli.errors import one_line_errors
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN
from pairaid.core.errors import InputError

console = Console()
EXPORT_FORMATS = ("csv", "datapackage", "iati")


def export_form(
    file: Annotated[Path, typer.Argument(help="The .xlsx file to write.")],
    pairing: Annotated[str, typer.Option("--pairing", "-p", help=PAIRING_HELP)],
    year: Annotated[int, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="The form's year.")],
) -> None:
    """Write the yearly statistical form of a pairing (figures, activities, transactions) as Excel."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        if file.suffix.lower() != ".xlsx":
            raise InputError(f"{file}: the form is an Excel workbook; name it ….xlsx")
        database_ready()
        from pairaid.interop.form_export import form_export

        done = form_export(pairing=pairing_from_option(pairing, year=year), year=year, path=file)
        console.print(
            f"wrote {done.path}: {done.pairing}, {done.year}: {done.indicator_rows} indicator rows, "
            f"{done.activities} activities, {done.transactions} transactions",
            highlight=False,
        )


def import_form(file: Annotated[Path, typer.Argument(help="A filled form (.xlsx) written by export-form.")]) -> None:
    """Read a filled yearly form back: every cell is checked and nothing is stored when any is wrong."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.interop.form_import import form_import

        done = form_import(path=file)
        parts = [
            f"{kind.replace('_', ' ')}: {c['created']} new, {c['changed']} changed, {c['unchanged']} unchanged"
            for kind, c in done.counts.items()
        ]
        console.print(f"stored {file} ({done.pairing}, {done.year}): " + "; ".join(parts), highlight=False)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv (data values), datapackage or iati (XML 2.03).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (a folder for datapackage).")],
    pairing: Annotated[
        str | None, typer.Option("--pairing", "-p", help=PAIRING_HELP + " Only it and those under it.")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="Only this year.")
    ] = None,
    include_extracted: Annotated[
        bool,
        typer.Option(
            "--include-extracted", help="Add the figures read from reports and not yet reviewed (status column)."
        ),
    ] = False,
) -> None:
    """Export open data: confirmed data values with their evidence as CSV, a Frictionless data package,
    or IATI XML."""
    with one_line_errors():
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"unknown export format {fmt!r} (use one of {', '.join(EXPORT_FORMATS)})")
        if fmt == "datapackage" and out.exists() and not out.is_dir():
            raise InputError(f"{out}: a data package is a folder; --out names a file")
        if fmt != "datapackage" and out.is_dir():
            raise InputError(f"{out}: is a folder; --out names the file to write")
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.interop.iati import iati_export
        from pairaid.interop.opendata import datapackage_export, datavalues_csv_export
        from pairaid.interop.selectors import tree_ids

        ids = tree_ids(pairing=pairing_from_option(pairing, year=year)) if pairing is not None else None
        if fmt == "iati":
            done = iati_export(path=out, pairing_ids=ids, year=year)
            console.print(f"wrote {done.path}: {done.activities} activities, {done.transactions} transactions")
            if done.left_out:
                console.print(
                    f"left out {len(done.left_out)} with nothing dated: no dates, transaction nor figure "
                    f"(IATI needs a date; give a start date to export them): {', '.join(done.left_out[:10])}"
                    + (" …" if len(done.left_out) > 10 else ""),
                    highlight=False,
                )
            return
        written = (
            datavalues_csv_export(path=out, pairing_ids=ids, year=year, include_extracted=include_extracted)
            if fmt == "csv"
            else datapackage_export(folder=out, pairing_ids=ids, year=year, include_extracted=include_extracted)
        )
        rows = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in written.rows.items())
        console.print(f"wrote {', '.join(str(p) for p in written.paths)}: {rows}", highlight=False)
