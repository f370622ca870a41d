"""The reporting year in ``pairaid demo``: plan against actual, the dataset and its approval, the
year's events, and the annual assessment of the sample's pairings."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pairaid.cli.terminal_output import show_line, show_table, value_text

#: Pairings of the assessment's ranking the demo shows (the best first).
SHOWN = 10

if TYPE_CHECKING:
    from pairaid.plans.selectors import ExecutionRow
    from pairaid.registry.models import Pairing


def _amount(value: Decimal | None, unit: str) -> str:
    return "nothing recorded" if value is None else value_text(value, unit)


def _period(row: ExecutionRow, year: int) -> str:
    return f"end of {year}" if row.period_kind == "as_of" else str(year)


def print_year(console: Console, root: Pairing, year: int) -> None:
    """Print the sample's reporting year: plan against actual, the dataset, the events, the assessment."""
    _print_plans(console, root, year)
    _print_dataset(console, root, year)
    _print_events(console, root, year)
    _print_assessment(console, year)


def _print_plans(console: Console, root: Pairing, year: int) -> None:
    from pairaid.plans.selectors import batch_progress, plan_execution, plan_list, recipient_execution

    table = Table(title=f"Plan against actual, {year}", title_justify="left")
    for column in ("indicator", "for", "period"):
        table.add_column(column)
    for column in ("planned", "actual", "executed"):
        table.add_column(column, justify="right", no_wrap=True)
    # the tree's total is shown when it is more than the one recipient's plan listed below: each plan once
    rows = [(str(root), r) for r in plan_execution(pairing=root, year=year) if r.stated or r.plans > 1]
    rows += [(r.subject, r) for r in recipient_execution(pairing=root, year=year)]
    for subject, r in rows:
        rate = f"{r.rate}%" if r.rate is not None else "—"
        table.add_row(r.label, subject, _period(r, year), _amount(r.planned, r.unit), _amount(r.actual, r.unit), rate)
    console.print()
    show_table(console, table)
    for plan in plan_list(year=year).filter(pairing=root):
        for batch in batch_progress(plan=plan):
            livelihood = f" ({batch.livelihood_projects} for livelihoods)" if batch.livelihood_projects else ""
            console.print(
                f"Key projects, batch {batch.number}: {batch.projects} planned{livelihood}; "
                f"{batch.recorded} recorded as activities of the batch, {batch.started} started",
                highlight=False,
            )


def _print_dataset(console: Console, root: Pairing, year: int) -> None:
    from pairaid.datasets.selectors import completeness, submission_current

    submission = submission_current(pairing=root, year=year)
    found = completeness(pairing=root, year=year, with_who=False)
    state = f"{submission.state} (version {submission.version})" if submission else "not submitted"
    console.print()
    show_line(
        console,
        f"Dataset [bold]{escape(found.dataset.name_en)}[/bold], {escape(str(root))} {year}: {state}; "
        f"{found.filled} of {found.total} indicators filled ({found.percent}%)",
    )
    if found.missing:
        show_line(console, escape(f"missing or waiting for review: {', '.join(found.missing)}"), indent=2)


def _print_events(console: Console, root: Pairing, year: int) -> None:
    from pairaid.events.selectors import event_indicators, events_of_year

    table = Table(title=f"Events and exchanges, {year}", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("event")
    table.add_column("details")
    for event in events_of_year(pairing=root, year=year):
        details = "; ".join(f"{label} {value}" for label, value in event.details)
        table.add_row(event.date.isoformat() if event.date else str(event.year), event.title, details)
    console.print()
    show_table(console, table)
    computed = event_indicators(pairing=root, year=year)
    if computed:
        shown = ", ".join(
            f"{c.label} {'more than ' if c.qualifier == 'more_than' else ''}{_amount(c.value, c.unit)}"
            for c in computed
        )
        show_line(console, escape(f"From the events: {shown}"))


def _print_assessment(console: Console, year: int) -> None:
    from pairaid.assessment.selectors import assessment_run
    from pairaid.checks.services import findings_refresh
    from pairaid.cli.assess_commands import ranking_table

    findings_refresh(year=year)
    ranking = assessment_run(year=year)
    console.print()
    show_table(console, ranking_table(ranking[:SHOWN], year))
    more = f"{len(ranking) - SHOWN} more pairings; all of them and " if len(ranking) > SHOWN else ""
    console.print(f"{more}the evidence of each criterion: pairaid assess --year {year} --json", highlight=False)
