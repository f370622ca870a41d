"""``pairaid token create USER`` and ``pairaid user create USER --role ROLE``: API tokens and users with roles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

from pairaid.cli.command_help import PairaidTyper
from pairaid.cli.errors import error_line, one_line_errors
from pairaid.cli.pairing_option import PAIRING_HELP, pairing_from_option

console = Console()
token_app = PairaidTyper(help="API tokens (Authorization: Bearer <token>).", no_args_is_help=True)
user_app = PairaidTyper(help="Users and their roles.", no_args_is_help=True)


@token_app.command("create")
def token_create(
    username: str = typer.Argument(..., help="the user the token acts as"),
    name: str = typer.Option("", "--name", help="a label to recognise the token by"),
) -> None:
    """Create an API token for USER and print it once (only its hash is stored)."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.accounts.services import token_create as create

        issued = create(username=username, name=name)
        typer.echo(issued.token)


@token_app.command("revoke")
def token_revoke(prefix: str = typer.Argument(..., help="the token's first 12 characters")) -> None:
    """Revoke the token(s) starting with PREFIX. Exits 1 when no token in use starts with it."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.accounts.services import token_revoke as revoke
        from pairaid.core.errors import InputError

        revoked = revoke(prefix=prefix)
        if not revoked:
            raise InputError(f"no token in use starts with {prefix!r} (give a token's first 12 characters)")
        console.print(f"revoked: {revoked}")


def _password(given: str | None, *, from_stdin: bool) -> str:
    """``--password``, else the first line of standard input, else asked twice on the terminal."""
    if given is not None and from_stdin:
        error_line("give --password or --password-stdin, not both")
        raise typer.Exit(1)
    if given is not None:
        return given
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        error_line("no terminal to ask the password on: give --password or --password-stdin")
        raise typer.Exit(1)
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("create")
def user_create(
    username: str = typer.Argument(..., help="the login name"),
    role: str = typer.Option(
        "viewer", "--role", help="administrator, national_office, pairing_editor, recipient_editor or viewer"
    ),
    pairing: Annotated[
        list[str] | None, typer.Option("--pairing", help="A pairing the editor edits (repeatable). " + PAIRING_HELP)
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", help="area code a recipient editor edits (repeatable)")
    ] = None,
    password: str | None = typer.Option(
        None, "--password", help="The password (asked on the terminal when neither this nor --password-stdin)."
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input (for scripts)."
    ),
) -> None:
    """Create a user with a role over pairings (--pairing P) or areas (--area CODE)."""
    password = _password(password, from_stdin=password_stdin)
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from django.contrib.auth import password_validation
        from django.core.exceptions import ValidationError
        from django.db import transaction

        from pairaid.accounts.services import membership_grant
        from pairaid.accounts.services import user_create as create
        from pairaid.core.errors import InputError
        from pairaid.geo.selectors import areas_and_unknown_codes

        pairings = [pairing_from_option(text) for text in pairing or []]
        areas, unknown = areas_and_unknown_codes(codes=area or [])
        if unknown:
            raise InputError(f"unknown area code: {', '.join(unknown)}")
        try:
            password_validation.validate_password(password)
        except ValidationError as exc:
            raise InputError("password: " + " ".join(exc.messages)) from None
        with transaction.atomic():  # a refused role leaves no user behind
            user = create(username=username, password=password)
            membership_grant(user=user, role=role, pairings=pairings, areas=areas)
        console.print(f"user {username}: {role}")
