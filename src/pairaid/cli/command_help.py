"""How every ``pairaid`` verb shows its help and refuses a command line it cannot read.

Typer labels each parameter with its annotation (``<bool>``, ``<list[Path]>``, ``{reports}``).
:class:`PairaidTyper` makes every verb a :class:`Command` (and every group a :class:`Group`) whose
help names a parameter without a ``metavar`` of its own by its name: ``--year YEAR``,
``--out OUT``, ``REPORTS...``; a flag (``--json``, ``--help``) shows none. Rich's boxed panels
are used on a wide terminal (:func:`pairaid.cli.terminal_output.is_wide`); on a narrower one, or
when the help goes to a file or a pipe, the plain layout (two columns, wrapped at the width).
A command line that cannot be read (a missing argument, a year out of range) is refused as every
other mistake is: one line ``error: …`` on stderr (exit status 2).
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.console import Console
from typer._click import exceptions as click_errors  # typer 0.29 carries click inside (pinned)
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from pairaid.cli.errors import error_line
from pairaid.cli.terminal_output import is_wide


class _NamedArgument(TyperArgument):
    """An argument shown by its metavar alone, in the usage line and in the list of arguments."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        return [str(self.metavar) if self.required else f"[{self.metavar}]"]


def _name_parameters(params: list[Any]) -> None:
    for param in params:
        if isinstance(param, TyperOption) and param.metavar is None:
            param.metavar = "" if param.is_flag else param.name.upper()
        elif isinstance(param, TyperArgument) and not isinstance(param, _NamedArgument):
            if param.metavar is None:
                param.metavar = param.name.upper() + ("..." if param.nargs != 1 else "")
            param.__class__ = _NamedArgument  # Typer makes the arguments itself: this is the one hook


def _format_help(command: Any, base: Any, ctx: Any, formatter: Any) -> None:
    _name_parameters(command.get_params(ctx))
    mode = command.rich_markup_mode
    if not is_wide(Console()):
        command.rich_markup_mode = None
    try:
        base.format_help(command, ctx, formatter)
    finally:
        command.rich_markup_mode = mode


class Command(TyperCommand):
    """A verb whose help names its parameters by their names (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _name_parameters(self.params)  # before parsing: an error names them so too

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _format_help(self, TyperCommand, ctx, formatter)


class Group(TyperGroup):
    """A group of verbs whose own options are named as :class:`Command`'s are; the top one reports
    a command line it cannot read as ``error: …`` (see the module docstring)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _format_help(self, TyperGroup, ctx, formatter)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            # not standalone: a usage error comes back here; an Exit comes back as its status
            status = super().main(*args, standalone_mode=False, **kwargs)
        except click_errors.NoArgsIsHelpError as exc:
            exc.show()  # a group named alone: its help
            sys.exit(exc.exit_code)
        except click_errors.UsageError as exc:
            where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            error_line(exc.format_message() + where)
            sys.exit(exc.exit_code)
        except click_errors.ClickException as exc:
            error_line(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            error_line("stopped")
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)


class PairaidTyper(typer.Typer):
    """``typer.Typer`` whose groups and verbs are :class:`Group` and :class:`Command`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        kwargs.setdefault("pretty_exceptions_enable", False)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)
