"""``pairaid check``: run the checks over the data values, store and print the findings."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from pairaid.cli.errors import one_line_errors
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option
from pairaid.cli.terminal_output import show_table
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN
from pairaid.core.errors import InputError

console = Console()
#: Columns from which the findings are drawn as a table: below, the other five columns left the message
#: about twenty (at 100 columns, a finding's sentence ran to a dozen lines of one or two words).
MESSAGES_WIDE = 150
_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _environment_language() -> str:
    """zh-hans when the environment's language is Chinese (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else en."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return "zh-hans" if os.environ[name].lower().startswith("zh") else "en"
    return "en"


def check(
    pairing: str | None = typer.Option(None, "--pairing", "-p", help=PAIRING_HELP),
    year: int | None = typer.Option(None, "--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="Only this year."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when any error-level finding exists."),
    extracted: bool = typer.Option(False, "--extracted", help="Check extracted values too, not only confirmed ones."),
    lang: str | None = typer.Option(
        None, "--lang", help="Findings in en or zh-hans (default: the environment's language, LANG)."
    ),
) -> None:
    """Check the figures (parts against totals, counts against lists, figures told twice, growth rates,
    annual against cumulative) and print the findings, in words and names, never codes."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        language = lang or _environment_language()
        if language not in ("en", "zh-hans"):
            raise InputError(f"--lang: {language!r} is not a language of pairaid (use en or zh-hans)")
        database_ready()
        from django.utils import translation

        from pairaid.checks.selectors import finding_list
        from pairaid.checks.services import findings_refresh
        from pairaid.reports.finding_texts import finding_messages, rule_title
        from pairaid.reports.labels import labels

        chosen = pairing_from_option(pairing, year=year) if pairing is not None else None
        result = findings_refresh(pairing=chosen, year=year, include_extracted=extracted)
        findings = list(finding_list(pairing=chosen, year=year).filter(includes_extracted=extracted))
        lab = labels(language)
        messages = finding_messages(findings, language=language)
        counts = {"errors": result.errors, "warnings": result.warnings, "infos": result.infos}
        table = Table(title=lab["findings_counted"].format(**counts))
        for column in ("severity", "rule", "year_column"):
            table.add_column(lab[column], no_wrap=True)
        for column in ("pairing", "message", "evidence"):
            table.add_column(lab[column], overflow="fold")
        with translation.override(language):
            for f in findings:
                table.add_row(
                    f"[{_STYLE[f.severity]}]{f.get_severity_display()}[/]",
                    rule_title(f.rule, language),
                    str(f.year or ""),
                    f.pairing.display_name(language) if f.pairing else "",
                    messages[f.pk],
                    f.evidence.document.title if f.evidence else "",
                )
        show_table(console, table, wide=MESSAGES_WIDE)
    if strict and result.errors:
        raise typer.Exit(1)
