"""``pairaid extract``: read report files into gold-format JSON, one file per report; no database needed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from pairaid.cli.django_setup import keep_built_tables
from pairaid.cli.errors import error_line, one_line_errors, os_error_message
from pairaid.cli.place_option import place_check
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN
from pairaid.core.errors import InputError, PairaidError

_FILES_HELP = (
    "Report files in English or Chinese: .txt (UTF-8, GB18030/GBK, Big5, UTF-16), .html, .docx, .pdf with a text layer."
)
_YEAR_HELP = (
    "Report year (default: from the text, else a yearbook file name 2010_... = 2009, a Chinese page's 2010_... = 2010)."
)


def _read_text(path: Path) -> str:
    """The text of a report file (.txt, .html/.htm, .docx, .pdf) through :func:`pairaid.core.documents.read_document`.

    Raises :class:`InputError` for a missing, unreadable, empty, binary, oversized or unsupported file.
    """
    from pairaid.core.documents import read_document

    return read_document(path).text


def _report_year(path: Path, text: str, year: int | None) -> int:
    """``--year``, else :func:`pairaid.core.extract.report_year.report_year_required` (text, then file name)."""
    if year is not None:
        return year
    from pairaid.core.extract.report_year import report_year_required  # the reading pipeline: only here

    return report_year_required(text, filename=path.name)


def _not_readable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (``a.TXT: no such file``), or None when it can be opened."""
    if not path.exists():
        return f"{path}: no such file"
    if path.is_dir():
        return f"{path}: is a directory, not a file"
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror or exc})"
    return None


def output_names(paths: list[Path]) -> list[str]:
    """The file each report is written to: ``NAME.json``; ``NAME.EXT.json`` when another report of the
    run has the same name before its extension (a.txt and a.html); ``-2``, ``-3`` (the first not taken
    yet in this run) when even those meet (two a.txt from two folders), so that no two reports share one."""
    stems = Counter(path.stem for path in paths)
    taken: set[str] = set()
    unique = []
    for path in paths:
        base = path.stem if stems[path.stem] == 1 else path.name
        name, number = f"{base}.json", 1
        while name in taken:
            number += 1
            name = f"{base}-{number}.json"
        taken.add(name)
        unique.append(name)
    return unique


def extract(
    reports: Annotated[list[Path], typer.Argument(help=_FILES_HELP)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for NAME.json, one per report.")],
    year: Annotated[int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help=_YEAR_HELP)] = None,
    donor: Annotated[str | None, typer.Option(help="Donor as written, e.g. Shandong (default: the title's).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient as written, e.g. Xinjiang.")] = None,
) -> None:
    """Read reports into mentions and facts, written as OUT/NAME.json in the gold format
    (shared/spec/gold-format.md); reports of one name (a.txt, a.html) keep their extension
    (OUT/a.txt.json, OUT/a.html.json). A file that is missing or cannot be opened stops the run
    before anything is written; a file that fails to read gets one line on stderr and the others
    are still read; the exit status is 1 when any failed."""
    if missing := [message for path in reports if (message := _not_readable(path))]:
        for message in missing:  # before anything is written: no run half-done for a mistyped name
            error_line(message)
        raise typer.Exit(1)
    with one_line_errors():
        if out.exists() and not out.is_dir():
            raise InputError(f"{out}: --out must be a folder, not a file")
        keep_built_tables()
        place_check(donor, option="--donor")
        place_check(recipient, option="--recipient")
        out.mkdir(parents=True, exist_ok=True)
    from pairaid.core.extract import extraction_to_json, read_report  # spaCy and the rules: only for this verb

    failed = 0
    for path, name in zip(reports, output_names(reports), strict=True):
        try:
            text = _read_text(path)
            extraction = read_report(text, report_year=_report_year(path, text, year), donor=donor, recipient=recipient)
            data = extraction_to_json(extraction, document=path.name)
            (out / name).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        except PairaidError as exc:
            failed += 1
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message.removeprefix(f'{path.name}: ')}"
            error_line(message)
            continue
        except OSError as exc:  # OUT/NAME.json cannot be written
            failed += 1
            error_line(os_error_message(exc))
            continue
        written = "" if name == f"{path.stem}.json" else f" (written as {name}: another report has its name)"
        typer.echo(f"{path}: {len(extraction.mentions)} mentions, {len(extraction.facts)} facts{written}")
    if failed:
        raise typer.Exit(1)
