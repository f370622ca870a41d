"""``pairaid demo``: set up the database, load the built-in sample and show it.

The sample is Shandong's pairing-off assistance to Xinjiang in 2009
(``pairaid/sample/shandong_xinjiang_2009.yaml``). The verb also ingests the
sample's own source document (a summary of its figures written for pairaid)
and links each entered figure to the span of the document that states it
(:mod:`pairaid.sample.evidence`), shows the reporting year (plan against actual, the
dataset's approval, the events, the assessment: :mod:`pairaid.cli.demo_year`), then
writes the sample's annual report. Running
the verb again loads nothing new and prints the same figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from pairaid.cli.demo_year import print_year
from pairaid.cli.errors import one_line_errors
from pairaid.cli.setup_commands import initialise
from pairaid.cli.terminal_output import show_table, value_text

if TYPE_CHECKING:
    from pairaid.geo.models import Area
    from pairaid.indicators.models import DataValue
    from pairaid.registry.models import Pairing
    from pairaid.registry.selectors import PairingNode
    from pairaid.sample.evidence import EvidenceLinks
    from pairaid.sample.loader import SampleSummary

#: Where ``pairaid serve`` listens unless told otherwise.
SERVE_URL = "http://127.0.0.1:8000"


def demo(
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Load this sample file (same layout as the built-in one) instead.", dir_okay=False),
    ] = None,
) -> None:
    """Load the built-in sample (Shandong–Xinjiang, 2009) and show its pairings and headline figures."""
    with one_line_errors():
        console = Console()
        root = demo_show(path=file, console=console)
        _print_reports(console, root, path=file)


def demo_show(*, path: Path | None = None, console: Console | None = None) -> Pairing:
    """Initialise the database (with the shipped pairing registry), load the sample and its source document
    (idempotent), print them.

    Returns the sample's top pairing.
    """
    initialise(verbose=False, registry=True)
    from pairaid.sample.evidence import sample_document_ingest, sample_link_evidence
    from pairaid.sample.loader import sample_load

    console = console or Console()
    summary = sample_load(path=path)
    _print_loaded(console, summary)
    ingested = sample_document_ingest(path=path)
    if ingested is not None:
        links = sample_link_evidence(value_ids=summary.data_value_ids, document=ingested.document)
        _print_document(console, links, new=ingested.status == "new")
    _print_tree(console, summary.root)
    _print_headline(console, summary)
    _print_activities(console, summary.root)
    print_year(console, summary.root, summary.report_year)
    _print_counts(console, summary)
    return summary.root


def headline_order(values: list[DataValue]) -> list[DataValue]:
    """``values`` by subject (as given), then in codelist order, each part right after its whole."""
    from pairaid.indicators.selectors import indicator_codelist

    rank = {item.code: i for i, item in enumerate(indicator_codelist())}
    subjects: dict[str, int] = {}
    by_id = {v.pk: v for v in values}

    def key(value: DataValue) -> tuple[int, int, int, int]:
        whole = by_id.get(value.part_of_id or 0, value)
        subject = subjects.setdefault(whole.subject_key, len(subjects))
        return (subject, rank.get(whole.indicator.code, 999), whole.pk, 0 if whole is value else value.pk)

    for value in values:
        subjects.setdefault(value.subject_key, len(subjects))
    return sorted(values, key=key)


def _print_loaded(console: Console, summary: SampleSummary) -> None:
    created = summary.created
    if summary.already_loaded:
        console.print(f"Sample [bold]{summary.name}[/bold] already loaded: nothing new.")
        return
    console.print(
        f"Loaded sample [bold]{summary.name}[/bold]: {created.pairings} pairings, {created.activities} activities, "
        f"{created.transactions} transactions, {created.data_values} data values created."
    )


def _print_document(console: Console, links: EvidenceLinks, *, new: bool) -> None:
    document = links.document
    state = "ingested" if new else "already ingested"
    console.print(f"Source document: [bold]{document.title}[/bold] (document {document.pk}, {state})", highlight=False)
    console.print(
        f"  {links.extracted} figures extracted for review; {links.linked} of {links.entered} entered figures "
        f"linked to their evidence ({links.newly_linked} new)",
        highlight=False,
    )
    for value in links.unlinked:
        console.print(f"  no evidence found for {value.indicator.code} {value.value.normalize():f}", highlight=False)


def _side_text(area: Area | None, fallback: str) -> str:
    if area is None:
        return fallback
    return f"{area.display_name()} {area.name_zh} [dim]{area.code}[/dim]"


def _pairing_label(pairing: Pairing) -> str:
    donor = pairing.donor_area.display_name() if pairing.donor_area else pairing.donor_label
    recipient = _side_text(pairing.recipient_area, pairing.recipient_label)
    count = f" [cyan]× {pairing.pair_count} pairs[/cyan]" if pairing.pair_count > 1 else ""
    years = f"{pairing.start_year}–{pairing.end_year or ''}"
    return f"{donor} → {recipient}{count} [dim]({pairing.level_label()}, {years})[/dim]"


def _disaggregation_text(disaggregation: str) -> str:
    """``kind:settled_in_parks`` → ``settled in parks``; ``key_projects:batch_6:x`` → ``batch 6, x``."""
    _, _, rest = disaggregation.partition(":")
    return (rest or disaggregation).replace(":", ", ").replace("_", " ")


def _print_tree(console: Console, root: Pairing) -> None:
    from pairaid.registry.selectors import pairing_tree

    def add(branch: Tree, node: PairingNode) -> None:
        for child in node.children:
            add(branch.add(_pairing_label(child.pairing)), child)

    node = pairing_tree(root=root)
    tree = Tree(f"[bold]{_pairing_label(root)}[/bold]")
    add(tree, node)
    console.print()
    console.print("[bold]Pairings[/bold]")
    console.print(tree)


def _subject_text(value: DataValue) -> str:
    if value.area is not None:
        return value.area.display_name()
    if value.pairing is not None:
        return value.pairing.name or str(value.pairing)
    return ""


def _print_headline(console: Console, summary: SampleSummary) -> None:
    from pairaid.core.period_dates import Period
    from pairaid.indicators.selectors import datavalue_headline

    table = Table(title=f"Headline figures, {summary.report_year}", title_justify="left")
    table.add_column("indicator")
    table.add_column("subject")
    table.add_column("period", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("qualifier", no_wrap=True)
    for value in headline_order(datavalue_headline(root=summary.root, year=summary.report_year)):
        name = value.indicator.name_en
        if value.disaggregation:
            name = f"{name} ({_disaggregation_text(value.disaggregation)})"
        if value.part_of_id is not None:
            name = f"  of which {name}"
        qualifier = value.get_qualifier_display() if value.qualifier != "exact" else ""
        if value.change_percent is not None:
            change = f"{value.change_percent.normalize():+f}% on {value.change_base_year or 'last year'}"
            qualifier = f"{qualifier} {change}".strip()
        period = Period(value.period_kind, value.period_start, value.period_end).label  # type: ignore[arg-type]
        table.add_row(name, _subject_text(value), period, value_text(value.value, value.unit), qualifier)
    console.print()
    show_table(console, table)


def _print_activities(console: Console, root: Pairing) -> None:
    from pairaid.activities.selectors import activity_list, transaction_total
    from pairaid.registry.selectors import pairing_descendant_ids

    table = Table(title="Activities", title_justify="left")
    table.add_column("identifier", no_wrap=True)
    table.add_column("title")
    table.add_column("sector", no_wrap=True)
    table.add_column("transactions", justify="right", no_wrap=True)
    for activity in activity_list(pairings=pairing_descendant_ids(root=root)):
        total = transaction_total(activity=activity)
        table.add_row(activity.identifier, activity.title, activity.sector, value_text(total, "CNY") if total else "")
    console.print()
    show_table(console, table)


def _print_reports(console: Console, root: Pairing, *, path: Path | None) -> None:
    """Write the sample's annual report (HTML and PDF) into PAIRAID_HOME/reports; print where and how to browse."""
    from django.conf import settings

    from pairaid.reports.services import report_files_write
    from pairaid.sample.loader import sample_read
    from pairaid.sources.selectors import document_list

    year = int(sample_read(path=path)["report_year"])
    folder = Path(settings.HOME) / "reports"
    console.print()
    for written in report_files_write(pairing=root, year=year, folder=folder):
        line = f"Annual report: {written}"  # a path is not broken: on its own line when both do not fit
        shown = line if cell_len(line) <= console.width else f"Annual report:\n  {written}"
        console.print(shown, highlight=False, soft_wrap=True)
    console.print(f"Report files are in {folder}", highlight=False, soft_wrap=True)
    console.print()
    console.print(
        "To browse the sample (the report's evidence links lead there), run [bold]pairaid serve[/bold] and open:",
        highlight=False,
    )
    pages = [(f"{SERVE_URL}/pairings/{root.pk}/", "the pairing")]
    document = document_list(pairing_id=root.pk).first()
    if document is not None:
        pages.append((f"{SERVE_URL}/documents/{document.pk}/", "its source document, figures highlighted"))
    pages.append((f"{SERVE_URL}/review/", "the extracted figures to review"))
    for url, what in pages:
        console.print(f"  {url}  {what}", highlight=False, soft_wrap=True)


def _print_counts(console: Console, summary: SampleSummary) -> None:
    from pairaid.sample.loader import database_counts

    created = summary.created
    totals = database_counts()
    new = {"pairings": created.pairings, "activities": created.activities}
    new |= {"transactions": created.transactions, "data_values": created.data_values}
    rows = [(name.replace("_", " "), total, new.get(name)) for name, total in totals.items()]
    parts = [f"{name}: {total:,}" + (f" ({made} new)" if made is not None else "") for name, total, made in rows]
    console.print()
    console.print("In the database: " + "; ".join(parts))
