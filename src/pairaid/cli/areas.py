"""``pairaid areas``: look up administrative areas without a database.

The verbs read the core area table (cpca's codes) through
:func:`pairaid.core.gazetteer_store.default_gazetteer` (kept built in
``PAIRAID_HOME/cache``); no Django set-up is needed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pairaid.cli.command_help import PairaidTyper
from pairaid.cli.django_setup import keep_built_tables
from pairaid.cli.errors import error_line, one_line_errors
from pairaid.cli.terminal_output import show_table
from pairaid.core.errors import InputError

if TYPE_CHECKING:
    from pairaid.core.gazetteer import Candidate

app = PairaidTyper(help="Administrative areas: codes, names and place-name lookup.", no_args_is_help=True)
console = Console()


def _as_dict(candidate: Candidate) -> dict[str, object]:
    area = candidate.area
    return {
        "code": area.code,
        "name_zh": area.name_zh,
        "name_pinyin": area.name_pinyin,
        "name_en": area.name_en,
        "level": area.level,
        "parent_code": area.parent_code,
        "match": candidate.match,
        "matched": candidate.matched,
        "score": candidate.score,
        "in_context": candidate.in_context,
        "reason": candidate.reason,
    }


def _shown(name: str, limit: int = 60) -> str:
    """``name`` quoted for a message, cut to ``limit`` characters."""
    return repr(name if len(name) <= limit else name[:limit] + "…")


@app.command("resolve")
def resolve(
    name: str = typer.Argument(..., help="Place name: Chinese, pinyin or English, with or without suffix."),
    context: Annotated[
        list[str] | None,
        typer.Option(
            "--context",
            "-c",
            help="Area name or 6-digit code the place lies in (repeatable): a parent, donor or recipient.",
        ),
    ] = None,
    limit: int = typer.Option(5, "--limit", "-n", min=1, help="Most candidates to show."),
    as_json: bool = typer.Option(False, "--json", help="Print the candidates as a JSON list."),
) -> None:
    """Print the areas NAME may refer to, best first, with how each matched and why.

    Exits 1 when no area matches. Examples: pairaid areas resolve Kashgar;
    pairaid areas resolve "Shulu County" --context Kashi; pairaid areas resolve 和田 --json
    """
    with one_line_errors():
        if not name.strip():
            raise InputError("a place name is needed (Chinese, pinyin or English)")
        from pairaid.core.gazetteer_store import default_gazetteer  # the area table: only for this verb

        keep_built_tables()
        gazetteer = default_gazetteer()
        if unknown := gazetteer.context_unknown(context or []):
            raise InputError(f"no area matches the context {', '.join(_shown(item) for item in unknown)}")
        found = gazetteer.resolve(name, context=context or None, limit=limit)
    if as_json:
        typer.echo(json.dumps([_as_dict(c) for c in found], ensure_ascii=False, indent=2))
    elif found:
        title = f"Areas for {_shown(name)}" + (f" in {', '.join(context)}" if context else "")
        table = Table(title=escape(title))
        table.add_column("code", no_wrap=True)
        table.add_column("name", overflow="fold")
        table.add_column("level / parent", overflow="fold")
        table.add_column("match", no_wrap=True)
        table.add_column("reason", overflow="fold", ratio=1)
        for c in found:
            parent = gazetteer.area(c.area.parent_code) if c.area.parent_code else None
            table.add_row(
                c.area.code,
                f"{c.area.name_zh}\n{c.area.name_en}\n{c.area.name_pinyin}",
                c.area.level + (f"\nin {parent.code} {parent.name_zh}" if parent else ""),
                f"{c.match}\n{c.score:.3f}",
                escape(c.reason),
            )
        show_table(console, table)
    if not found:
        if not as_json:
            error_line(f"no area matches {_shown(name)}")
        raise typer.Exit(1)
