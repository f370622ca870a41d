"""``pairaid assess``: score every pairing of a year by the assessment rubric and rank them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from pairaid.cli.errors import one_line_errors
from pairaid.cli.terminal_output import show_table
from pairaid.cli.year_option import YEAR_MAX, YEAR_MIN

if TYPE_CHECKING:
    from pairaid.assessment.selectors import PairingAssessment


def assessment_json(ranking: list[PairingAssessment]) -> list[dict[str, object]]:
    """One object per pairing: ``pairing`` (its name), ``pairing_id``, ``year``, ``rank``, ``score`` (0–100)
    and ``criteria``, each with its ``code``, ``name``, ``rule``, ``weight``, ``points`` and ``evidence`` lines."""
    from pairaid.reports.clause_words import evidence_lines

    return [
        {
            "pairing": str(a.pairing),
            "pairing_id": a.pairing.pk,
            "year": a.year,
            "rank": a.rank,
            "score": float(a.score),
            "criteria": [
                {
                    "code": c.code,
                    "name": c.name,
                    "rule": c.rule,
                    "weight": float(c.weight),
                    "points": float(c.points),
                    "evidence": evidence_lines(c),  # by names, not codes
                }
                for c in a.result.criteria
            ],
        }
        for a in ranking
    ]


def assess(
    year: Annotated[int, typer.Option("--year", "-y", min=YEAR_MIN, max=YEAR_MAX, help="The year to assess.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: one object per pairing, best first.")] = False,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", help="Also write the ranking and its evidence to this XLSX file.")
    ] = None,
) -> None:
    """Score every pairing in force in YEAR by the rubric (indicators, plan execution, completeness, open
    findings), after running the checks of the year, and print the ranking."""
    with one_line_errors():
        from pairaid.cli.setup_commands import database_ready

        database_ready()
        from pairaid.assessment.selectors import assessment_run
        from pairaid.checks.services import findings_refresh

        findings_refresh(year=year)
        ranking = assessment_run(year=year)
        if xlsx is not None:
            from pairaid.reports.assessment_book import assessment_xlsx

            xlsx.parent.mkdir(parents=True, exist_ok=True)
            xlsx.write_bytes(assessment_xlsx(ranking=ranking, year=year))
        if as_json:
            typer.echo(json.dumps(assessment_json(ranking), ensure_ascii=False, indent=2))
            return
        console = Console()
        show_table(console, ranking_table(ranking, year))
        if xlsx is not None:
            console.print(f"Workbook: {xlsx}", highlight=False, soft_wrap=True)


def ranking_table(ranking: list[PairingAssessment], year: int) -> Table:
    """The ranking as a table: rank, pairing, score and each criterion's points of its weight, the criterion
    named in words ("Plan execution (/25)"; the codes are in ``--json``)."""
    table = Table(title=f"Annual assessment {year}", title_justify="left")
    table.add_column("rank", justify="right", no_wrap=True)
    table.add_column("pairing", min_width=40)
    table.add_column("score", justify="right", no_wrap=True)
    criteria = ranking[0].result.criteria if ranking else ()
    for c in criteria:
        table.add_column(f"{c.name} (/{c.weight.normalize():f})", justify="right")  # words, not the code
    for a in ranking:
        table.add_row(
            str(a.rank), str(a.pairing), f"{a.score}", *(f"{c.points.normalize():f}" for c in a.result.criteria)
        )
    return table
