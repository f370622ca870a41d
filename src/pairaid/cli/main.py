"""Entry point of the ``pairaid`` command: thin verbs registered from their own modules.

Each verb parses its arguments, calls one service or core function and formats the
result. A :class:`pairaid.core.errors.PairaidError` becomes one line on stderr and
exit status 1. Verb modules import Django lazily, inside the verb, so that verbs
without a database (``extract``, ``areas resolve``) start fast.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from pairaid import __version__
from pairaid.cli import (
    account_commands,
    areas,
    assess_commands,
    check_commands,
    demo,
    extract,
    ingest,
    interop_commands,
    pairing_commands,
    report_commands,
    setup_commands,
    worker,
)
from pairaid.cli.command_help import PairaidTyper

app = PairaidTyper(
    name="pairaid",
    help="pairaid: pairing-off assistance registry, report reading, checks and reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pairaid {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """pairaid: pairing-off assistance registry, report reading, checks and reports."""


# Each verb, or group of verbs, in the order --help lists them.
VERBS: tuple[tuple[str, Callable[..., None] | typer.Typer], ...] = (
    # Setting up and looking around
    ("init", setup_commands.init),
    ("demo", demo.demo),
    ("serve", setup_commands.serve),
    ("worker", worker.worker),
    ("areas", areas.app),
    ("pairings", pairing_commands.app),
    # Reading reports
    ("extract", extract.extract),
    ("ingest", ingest.ingest),
    # Checking and reporting
    ("check", check_commands.check),
    ("report", report_commands.report),
    ("assess", assess_commands.assess),
    ("export-form", interop_commands.export_form),
    ("import-form", interop_commands.import_form),
    ("export", interop_commands.export),
    # Users and API tokens
    ("user", account_commands.user_app),
    ("token", account_commands.token_app),
)
for name, verb in VERBS:
    if isinstance(verb, typer.Typer):
        app.add_typer(verb, name=name)
    else:
        app.command(name)(verb)
