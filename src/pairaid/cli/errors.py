"""How the CLI reports an error: one line on stderr, exit status 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape

from pairaid.core.errors import PairaidError

stderr = Console(stderr=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn a :class:`PairaidError` (and a database that cannot be reached) into one line and exit 1."""
    try:
        yield
    except PairaidError as exc:
        stderr.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except Exception as exc:
        if type(exc).__name__ == "OperationalError":
            first_line = (str(exc).splitlines() or [""])[0]
            stderr.print(f"[red]error:[/red] database: {escape(first_line)}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        raise

