"""``pairaid ingest``: read report files into documents, evidence and extracted data values."""

from __future__ import annotations

import textwrap
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pairaid.cli.errors import one_line_errors, stderr
from pairaid.cli.place_option import place_check
from pairaid.cli.terminal_output import show_table
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN
from pairaid.core.errors import PairaidError

console = Console()
_STATUS_STYLE = {"new": "green", "read again": "green", "already ingested": "cyan", "failed": "red"}


@dataclass(frozen=True)
class _Row:
    file: str
    status: str
    document_id: int | None = None
    mentions: int | None = None
    facts: int | None = None
    unbound: int | None = None
    unattached: int | None = None


def ingest(
    reports: Annotated[list[Path], typer.Argument(help="Report files: .txt, .html/.htm, .docx or .pdf with text.")],
    year: Annotated[
        int | None,
        typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="Report year (default: from the text)."),
    ] = None,
    donor: Annotated[str | None, typer.Option(help="Donor as written, e.g. Shandong (default: the title's).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient as written, e.g. Xinjiang.")] = None,
    address: Annotated[str, typer.Option(help="Where the report was published (http(s) URL).")] = "",
    max_mb: Annotated[int, typer.Option("--max-mb", min=1, help="Refuse files larger than this many MB.")] = 20,
    reread: Annotated[
        bool,
        typer.Option(
            "--reread",
            help="Read a report stored already again, with --year, --donor and --recipient as given, "
            "replacing its extracted figures (refused while any of them was reviewed).",
        ),
    ] = False,
) -> None:
    """Read reports (.txt in any common encoding, .html/.htm, .docx, .pdf with a text layer) into the database:
    the text, every quantity as evidence, every fact as an extracted figure waiting for review (pairaid serve,
    /review/). A report already read (same text) adds nothing; given another year, donor or recipient, it says
    what would change (--reread reads it again). Exit status 1 when any file failed."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        place_check(donor, option="--donor")
        place_check(recipient, option="--recipient")
        from pairaid.core.documents import read_document  # docx and pypdf: only for this verb
        from pairaid.ingest.services import document_ingest

        rows: list[_Row] = []
        notes: list[str] = []
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        bar = Progress(*columns, console=stderr, transient=True)
        # the bar only on a terminal: elsewhere, stopping it printed an empty line on stderr
        with bar if stderr.is_terminal else nullcontext(bar) as progress:
            task = progress.add_task("ingesting", total=len(reports))
            for path in reports:
                progress.update(task, description=f"ingesting {path.name}")
                try:
                    document = read_document(path, max_bytes=max_mb * 1024 * 1024)
                    result = document_ingest(
                        document=document,
                        address=address,
                        report_year=year,
                        donor=donor,
                        recipient=recipient,
                        reread=reread,
                    )
                except PairaidError as exc:
                    message = str(exc)
                    if not message.startswith(str(path)):
                        message = f"{path}: {message.removeprefix(f'{path.name}: ')}"
                    progress.console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
                    rows.append(_Row(str(path), "failed"))
                else:
                    numbers = (result.document_id, result.mentions, result.facts, result.unbound, result.unattached)
                    rows.append(_Row(str(path), result.status, *numbers))
                    if result.changes:
                        notes.append(_reread_note(path, result.changes, result.kept_citations))
                progress.advance(task)
        show_table(console, _summary(rows))
        if any(row.mentions is not None for row in rows):
            _print_wrapped(_COLUMNS_SAID)
        for note in notes:
            _print_wrapped(note)
    if any(row.status == "failed" for row in rows):
        raise typer.Exit(1)


#: What the table's two less plain columns count, said in words under it.
_COLUMNS_SAID = (
    "not facts: quantities read that state no fact (a year, a rank, a phone number...); "
    "no pairing: facts that no registered pairing fits that year, stored for review without one."
)


def _reread_note(path: Path, changes: tuple[str, ...], kept_citations: int) -> str:
    """What reading a stored report with other options would change, and whether --reread may do it."""
    said = f"{path}: already ingested; read with these options: {', '.join(changes)}."
    if kept_citations:
        return (
            f"{said} It cannot be read again: {kept_citations} reviewed or entered figures, plans or events"
            " cite its text, and a new reading would lose them."
        )
    return f"{said} Add --reread to read it again."


def _print_wrapped(text: str) -> None:
    """``text`` in lines of at most 80 characters (fewer on a narrower terminal), no word broken."""
    lines = textwrap.wrap(
        text, width=min(console.width, 80), subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )
    for line in lines:
        console.print(escape(line), highlight=False, soft_wrap=True)


def _summary(rows: list[_Row]) -> Table:
    failed = sum(row.status == "failed" for row in rows)
    table = Table(title=f"Ingested {len(rows) - failed} of {len(rows)} files")
    table.add_column("file", overflow="fold")
    table.add_column("status", no_wrap=True)
    for column in ("document", "mentions", "facts", "not facts", "no pairing"):
        table.add_column(column, justify="right")
    for row in rows:
        numbers = [row.document_id, row.mentions, row.facts, row.unbound, row.unattached]
        table.add_row(
            row.file,
            f"[{_STATUS_STYLE[row.status]}]{row.status}[/]",
            *("" if number is None else str(number) for number in numbers),
        )
    return table
