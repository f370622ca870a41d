"""``pairaid report``: a pairing's annual report or the national overview, in one of five formats."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from pairaid.cli.errors import one_line_errors
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN
from pairaid.core.errors import InputError

console = Console()


def _format(fmt: str | None, out: str | None, formats: tuple[str, ...]) -> str:
    """The report format: ``--format``, else the suffix of ``--out``, else html (no ``--out``).

    Raises:
        InputError: an unknown format; a ``--format`` that ``--out``'s suffix contradicts
            (``-f html -o r.pdf``); without ``--format``, an ``--out`` whose suffix names no format (``r5.txt``)
            or that has none (``r``, ``r.``, the dotfile ``.pdf``).
    """
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    suffix = "md" if suffix == "markdown" else "html" if suffix == "htm" else suffix
    if fmt is None and out is not None and not suffix:
        # r, r. and the dotfile .pdf have no suffix: refuse rather than write HTML without a word
        dotfile = " (a name that starts with a dot has none)" if Path(out).name.startswith(".") else ""
        raise InputError(
            f"--out {out}: the name has no report suffix{dotfile}; end it in .{', .'.join(formats)}, or give --format"
        )
    if fmt is None and suffix and suffix not in formats:
        raise InputError(
            f"--out {out}: .{suffix} is not a report format; end the name in .{', .'.join(formats)}, or give --format"
        )
    chosen = fmt or suffix or "html"
    if chosen not in formats:
        raise InputError(f"unknown report format {chosen!r} (use one of {', '.join(formats)})")
    if suffix in formats and suffix != chosen:
        raise InputError(f"--out {out} ends in .{suffix} but --format is {chosen}; make them agree")
    return chosen


def report(
    year: int = typer.Option(..., "--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="The report year."),
    pairing: str | None = typer.Option(None, "--pairing", "-p", help=PAIRING_HELP),
    overview: bool = typer.Option(False, "--overview", help="The national overview of all pairings instead."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="html, pdf, xlsx, docx or md (default: --out's suffix, else html)."
    ),
    out: str | None = typer.Option(
        None,
        "--out",
        "-o",
        help="File to write (default: report-<pairing id>-<year>.<format>, or overview-<year>.<format>, here).",
    ),
    lang: str = typer.Option("en", "--lang", help="Labels in en or zh-hans."),
    extracted: bool = typer.Option(False, "--extracted", help="Count extracted figures too, not only confirmed."),
    narrative_out: str | None = typer.Option(
        None, "--narrative-out", help="Also write the summary's paragraphs to this text file, to edit."
    ),
    narrative_in: str | None = typer.Option(
        None, "--narrative", help="Use the summary's paragraphs of this edited file (from --narrative-out)."
    ),
) -> None:
    """Write the annual report of a pairing (--pairing) or the national overview (--overview)."""
    with one_line_errors():
        if bool(pairing) == overview:
            raise InputError("give either --pairing P or --overview")
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.reports.builds import report_build
        from pairaid.reports.services import FORMATS

        if out is not None and Path(out).is_dir():
            raise InputError(f"{out}: is a folder; --out names the file to write")
        fmt = _format(fmt, out, FORMATS)
        chosen = pairing_from_option(pairing, year=year) if pairing is not None else None
        edited = _read_text(narrative_in) if narrative_in else None
        built = report_build(
            year=year, pairing=chosen, fmt=fmt, language=lang, include_extracted=extracted, narrative=edited
        )
        path = Path(out or built.filename)
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
            console.print(f"created the folder {path.parent}", highlight=False, soft_wrap=True)
        path.write_bytes(built.data)
        if narrative_out:
            from pairaid.reports.narrative import narrative_text

            Path(narrative_out).write_text(narrative_text(built.narrative, lang), encoding="utf-8")
            console.print(f"wrote {narrative_out}", highlight=False)
        if built.unknown_numbers:
            from pairaid.cli.errors import warning_line

            warning_line(
                f"{narrative_in}: {', '.join(built.unknown_numbers)} in the edited summary is among no figure of "
                "the report: check it against the tables"
            )
        console.print(f"wrote {path}", highlight=False, soft_wrap=True)
        from pairaid.reports.links import links_are_local

        if links_are_local():
            from django.conf import settings

            console.print(
                f"warning: its evidence links lead to {settings.SITE_URL}, this computer's address: set "
                "PAIRAID_SITE_URL to the site's public address before sending it (its notes quote each sentence)",
                highlight=False,
                soft_wrap=True,
            )


def _read_text(name: str) -> str:
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {name}: {exc}") from None
