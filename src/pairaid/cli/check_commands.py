"""``pairaid check``: run the checks over the data values, store and print the findings."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from pairaid.cli.errors import one_line_errors
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option
from pairaid.cli.terminal_output import show_table
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN

console = Console()
#: Columns from which the findings are drawn as a table: below, the other five columns left the message
#: about twenty (at 100 columns, a finding's sentence ran to a dozen lines of one or two words).
MESSAGES_WIDE = 150
_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _counted(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def check(
    pairing: str | None = typer.Option(None, "--pairing", "-p", help=PAIRING_HELP),
    year: int | None = typer.Option(None, "--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="Only this year."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any error-level finding exists."),
    extracted: bool = typer.Option(False, "--extracted", help="Check extracted values too, not only confirmed ones."),
) -> None:
    """Check the figures (parts against totals, counts against lists, figures told twice, growth rates,
    annual against cumulative) and print the findings."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.checks.selectors import finding_list
        from pairaid.checks.services import findings_refresh

        chosen = pairing_from_option(pairing, year=year) if pairing is not None else None
        result = findings_refresh(pairing=chosen, year=year, include_extracted=extracted)
        findings = finding_list(pairing=chosen, year=year).filter(includes_extracted=extracted)
        counts = f"{_counted(result.errors, 'error')}, {_counted(result.warnings, 'warning')}, {result.infos} info"
        table = Table(title=f"Findings: {counts}")  # the words of the severity column
        for column in ("severity", "rule", "year"):
            table.add_column(column, no_wrap=True)
        for column in ("pairing", "message", "evidence"):
            table.add_column(column, overflow="fold")
        for f in findings:
            evidence = f"doc {f.evidence.document_id} [{f.evidence.start}:{f.evidence.end}]" if f.evidence else ""
            table.add_row(
                f"[{_STYLE[f.severity]}]{f.severity}[/]",
                f.rule,
                str(f.year or ""),
                str(f.pairing or ""),
                f.message,
                evidence,
            )
        show_table(console, table, wide=MESSAGES_WIDE)
    if strict and result.errors:
        raise typer.Exit(1)
