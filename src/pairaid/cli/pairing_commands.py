"""``pairaid pairings list | import | export``: the pairing registry kept by the offices.

``list`` filters by year in force, programme, donor and recipient (names as
written: "Shandong", "喀什"), as a table or JSON; ``import`` reads a registry file
(CSV or Excel, the shipped registry's columns) and stores nothing when any line
is bad; ``export`` writes every pairing in the same columns, so that importing
the export changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pairaid.cli.command_help import PairaidTyper
from pairaid.cli.errors import one_line_errors
from pairaid.cli.terminal_output import show_table
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN

if TYPE_CHECKING:
    from pairaid.registry.models import Pairing

app = PairaidTyper(help="The pairing registry: list, import and export pairings.", no_args_is_help=True)
console = Console()


def _side(area: object, organisation: object) -> tuple[str, str, str | None, str | None]:
    """Name, Chinese name, area code and organisation name of one side."""
    if area is not None:
        return area.name_en or area.name_pinyin, area.name_zh, area.code, None  # type: ignore[attr-defined]
    name = getattr(organisation, "name", "")
    return name, getattr(organisation, "name_zh", "") or name, None, name


def pairing_as_dict(pairing: Pairing) -> dict[str, object]:
    """A pairing as ``pairings list --json`` prints it."""
    from pairaid.registry.selectors import pairing_key

    donor, donor_zh, donor_code, donor_organisation = _side(pairing.donor_area, pairing.donor_organisation)
    recipient, recipient_zh, recipient_code, recipient_organisation = _side(
        pairing.recipient_area, pairing.recipient_organisation
    )
    return {
        "id": pairing.pk,
        "key": pairing_key(pairing),
        "donor": donor,
        "donor_zh": donor_zh,
        "donor_code": donor_code,
        "donor_organisation": donor_organisation,
        "recipient": recipient,
        "recipient_zh": recipient_zh,
        "recipient_code": recipient_code,
        "recipient_organisation": recipient_organisation,
        "level": pairing.level,
        "programme": pairing.programme,
        "pair_count": pairing.pair_count,
        "start_year": pairing.start_year,
        "end_year": pairing.end_year,
        "parent": pairing.parent_id,
        "parent_key": pairing_key(pairing.parent) if pairing.parent else None,
        "source": pairing.source_url,
        "source_title": pairing.source_title,
        "basis": pairing.basis,
        "note": pairing.note,
    }


def _listed_order(pairing: Pairing) -> tuple[object, ...]:
    """Programme, then the larger pairings first, then donor, recipient and years."""
    from pairaid.registry.models import PairingLevel

    return (
        pairing.programme,
        PairingLevel.values.index(pairing.level) if pairing.level in PairingLevel.values else 9,
        pairing.donor_area.code if pairing.donor_area else str(pairing.donor_organisation),
        pairing.recipient_area.code if pairing.recipient_area else str(pairing.recipient_organisation),
        pairing.start_year,
        pairing.pk,
    )


def _both(name: object, name_zh: object) -> str:
    return escape(f"{name} {name_zh}" if name_zh and name_zh != name else str(name))


@app.command("list")
def pairings_list(
    year: Annotated[
        int | None, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="Only pairings in force that year.")
    ] = None,
    programme: Annotated[
        str | None, typer.Option("--programme", help="east_west, xinjiang, tibet, reconstruction or other.")
    ] = None,
    donor: Annotated[
        str | None, typer.Option("--donor", help="Donor area or organisation (and areas within it): 'Shandong'.")
    ] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Recipient area or organisation (and areas within it): '喀什'.")
    ] = None,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of objects."),
) -> None:
    """List pairings, top ones first. Example: pairaid pairings list --year 2017 --programme east_west"""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready
        from pairaid.core.errors import InputError

        database_ready()
        from pairaid.registry.models import Programme
        from pairaid.registry.selectors import pairing_list

        if programme and programme not in Programme.values:
            raise InputError(f"unknown programme {programme!r} (use one of {', '.join(Programme.values)})")
        found = sorted(
            pairing_list(year=year, programme=programme, donor=donor, recipient=recipient).select_related(
                "parent__donor_area", "parent__recipient_area"
            ),
            key=_listed_order,
        )
    if as_json:
        typer.echo(json.dumps([pairing_as_dict(p) for p in found], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(found)} pairing(s)", expand=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("donor", overflow="fold")
    table.add_column("recipient", overflow="fold")
    table.add_column("level", no_wrap=True)
    table.add_column("programme", no_wrap=True)
    table.add_column("years", no_wrap=True)
    table.add_column("source", overflow="fold")
    for p in found:
        row = pairing_as_dict(p)
        table.add_row(
            str(p.pk),
            _both(row["donor"], row["donor_zh"]),
            _both(row["recipient"], row["recipient_zh"]),
            p.level_label(),
            p.programme,
            f"{p.start_year}–{p.end_year or ''}",
            escape(p.source_url or "(none)"),
        )
    show_table(console, table)


@app.command("import")
def pairings_import(
    file: Annotated[Path, typer.Argument(help="A registry file: .csv (UTF-8) or .xlsx, with the registry's columns.")],
    dry_run: bool = typer.Option(False, "--dry-run", help="Check and count, store nothing."),
) -> None:
    """Import pairings from FILE: every bad line is named and nothing is stored when any is bad; lines already
    stored change nothing, changed lines update their pairing (its history keeps the change)."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.interop.pairing_files import pairings_file_import

        done = pairings_file_import(path=file, dry_run=dry_run)
    verb = "would store" if done.dry_run else "stored"
    lines = len(done.created) + len(done.changed) + done.unchanged
    console.print(
        f"{verb} {file}: {lines} line(s): {len(done.created)} new, {len(done.changed)} changed, "
        f"{done.unchanged} unchanged",
        highlight=False,
        soft_wrap=True,
    )


@app.command("export")
def pairings_export(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (CSV goes to stdout without).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or xlsx.")] = "csv",
) -> None:
    """Write every pairing in the registry's columns (what pairings import reads)."""
    with one_line_errors():
        from pairaid.core.errors import InputError

        if out is not None and out.is_dir():
            raise InputError(f"{out}: is a folder; --out names the file to write")
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.interop.pairing_files import pairings_export as export

        done = export(fmt=fmt, path=out)
    if done.text is not None:
        typer.echo(done.text, nl=False)
        return
    left_out = (
        f"; {done.left_out} left out (without a source, given only as a count, or of a programme or level "
        "the registry's format has no word for)"
    )
    console.print(
        f"wrote {out}: {done.lines} pairings" + (left_out if done.left_out else ""), highlight=False, soft_wrap=True
    )
