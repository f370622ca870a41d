"""Entry point of the ``pairaid`` command: thin verbs registered from their own modules.

Each verb parses its arguments, calls one service or core function and formats the
result. A :class:`pairaid.core.errors.PairaidError` becomes one line on stderr and
exit status 1. Verb modules import Django lazily, inside the verb, so that verbs
without a database (``extract``, ``areas resolve``) start fast.
"""

from __future__ import annotations

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


# Setting up and looking around
app.command("init")(setup_commands.init)
app.command("demo")(demo.demo)
app.command("serve")(setup_commands.serve)
app.command("worker")(worker.worker)
app.add_typer(areas.app, name="areas")
app.add_typer(pairing_commands.app, name="pairings")
# Reading reports
app.command("extract")(extract.extract)
app.command("ingest")(ingest.ingest)
# Checking and reporting
app.command("check")(check_commands.check)
app.command("report")(report_commands.report)
app.command("assess")(assess_commands.assess)
app.command("export-form")(interop_commands.export_form)
app.command("import-form")(interop_commands.import_form)
app.command("export")(interop_commands.export)
# Users and API tokens
app.add_typer(account_commands.user_app, name="user")
app.add_typer(account_commands.token_app, name="token")
