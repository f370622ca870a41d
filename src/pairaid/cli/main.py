"""Entry point of the ``pairaid`` command: thin verbs registered from their own modules.

Each verb parses its arguments, calls one service or core function and formats the
result. A :class:`pairaid.core.errors.PairaidError` becomes one line on stderr and
exit status 1.
"""

from __future__ import annotations

import typer

from pairaid import __version__

app = typer.Typer(
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
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """pairaid: pairing-off assistance registry, report reading, checks and reports."""


from pairaid.cli import demo, setup_commands  # noqa: E402

app.command("init")(setup_commands.init)
app.command("serve")(setup_commands.serve)
app.command("demo")(demo.demo)

from pairaid.cli import check_commands  # noqa: E402

app.command("check")(check_commands.check)

from pairaid.cli import areas  # noqa: E402

app.add_typer(areas.app, name="areas")

from pairaid.cli import ingest  # noqa: E402

app.command("ingest")(ingest.ingest)

from pairaid.cli import extract  # noqa: E402

app.command("extract")(extract.extract)

from pairaid.cli import report_commands  # noqa: E402

app.command("report")(report_commands.report)

from pairaid.cli import account_commands  # noqa: E402

app.add_typer(account_commands.token_app, name="token")
app.add_typer(account_commands.user_app, name="user")

from pairaid.cli import interop_commands  # noqa: E402

app.command("export-form")(interop_commands.export_form)
app.command("import-form")(interop_commands.import_form)
app.command("export")(interop_commands.export)
