"""``pairaid report``: a pairing's annual report or the national overview, in one of five formats."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pairaid.cli.errors import one_line_errors
from pairaid.core.errors import InputError

console = Console()


def report(
    year: int = typer.Option(..., "--year", "-y", help="The report year."),
    pairing: str | None = typer.Option(None, "--pairing", "-p", help="Pairing id, name or donor-recipient."),
    overview: bool = typer.Option(False, "--overview", help="The national overview of all pairings instead."),
    fmt: str = typer.Option("html", "--format", "-f", help="html, pdf, xlsx, docx or md."),
    out: str | None = typer.Option(None, "--out", "-o", help="File to write (default: report-<year>.<format>)."),
    lang: str = typer.Option("en", "--lang", help="Labels in en or zh-hans."),
    extracted: bool = typer.Option(False, "--extracted", help="Count extracted figures too, not only confirmed."),
) -> None:
    """Write the annual report of a pairing (--pairing) or the national overview (--overview)."""
    with one_line_errors():
        if bool(pairing) == overview:
            raise InputError("give either --pairing P or --overview")
        from pairaid.cli.setup_commands import initialise

        initialise(verbose=False)
        from pairaid.checks.services import findings_refresh
        from pairaid.cli.pairing_option import pairing_from_option
        from pairaid.reports.selectors import overview_context, report_context
        from pairaid.reports.services import FORMATS, report_write

        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r} (use one of {', '.join(FORMATS)})")
        if pairing:
            chosen = pairing_from_option(pairing)
            findings_refresh(pairing=chosen, year=year)
            context = report_context(pairing=chosen, year=year, language=lang, include_extracted=extracted)
        else:
            findings_refresh(year=year)
            context = overview_context(year=year, language=lang, include_extracted=extracted)
        path = report_write(context=context, fmt=fmt, path=Path(out) if out else Path(f"report-{year}.{fmt}"))
        console.print(f"wrote {path}", highlight=False)
