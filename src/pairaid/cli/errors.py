"""How the CLI reports an error: one line on stderr, exit status 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from pairaid.core.errors import PairaidError

stderr = Console(stderr=True)


def error_line(message: str) -> None:
    """Print ``error: message`` on stderr, on one line, with no markup read in ``message``."""
    stderr.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)


def warning_line(message: str) -> None:
    """Print ``warning: message`` on stderr, with no markup read in ``message``."""
    stderr.print(f"[yellow]warning:[/yellow] {escape(message)}", highlight=False, soft_wrap=True)


def os_error_message(exc: OSError) -> str:
    """``path: reason`` for a file that cannot be read or written ("out: Is a directory")."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn a :class:`PairaidError`, a file that cannot be read or written (``OSError``: a
    folder given as ``--out``, a read-only or missing folder) and a database that cannot
    be reached or is misconfigured into one line on stderr and exit status 1."""
    try:
        yield
    except PairaidError as exc:
        error_line(str(exc))
        raise typer.Exit(1) from None
    except OSError as exc:
        error_line(os_error_message(exc))
        raise typer.Exit(1) from None
    except Exception as exc:
        kind = {"OperationalError": "database", "ImproperlyConfigured": "settings"}.get(type(exc).__name__)
        if kind:
            first_line = (str(exc).splitlines() or [""])[0]
            error_line(f"{kind}: {first_line}")
            raise typer.Exit(1) from None
        raise
