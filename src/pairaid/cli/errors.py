"""How the CLI reports an error: one line on stderr, exit status 1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import typer
from rich.console import Console

from pairaid.core.errors import PairaidError

T = TypeVar("T")
stderr = Console(stderr=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn a :class:`PairaidError` (and a database that cannot be reached) into one line and exit 1."""
    try:
        yield
    except PairaidError as exc:
        stderr.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except Exception as exc:
        if type(exc).__name__ == "OperationalError":
            stderr.print(f"[red]error:[/red] database: {exc}".splitlines()[0], highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None
        raise


def run_guarded(func: Callable[[], T]) -> T:
    """Call ``func`` inside :func:`one_line_errors`."""
    with one_line_errors():
        return func()
