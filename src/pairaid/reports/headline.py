"""A report's headline: the totals of its scope as values, with the pairings they rest on and the notes
quoting the sentences of their largest statements."""

from __future__ import annotations

from dataclasses import replace

from pairaid.indicators.selectors import figures_quoted
from pairaid.indicators.totals import ScopeTotal
from pairaid.reports.context import ReportValue
from pairaid.reports.labels import NO_CHANGE_NOTES, ChangeNotes, change_notes, quantity
from pairaid.reports.rows import Notes


def headline_values(
    totals: list[ScopeTotal],
    *,
    language: str,
    period: str,
    citation: str,
    no_change: ChangeNotes = NO_CHANGE_NOTES,
    stock_period: str = "",
    parent: dict[int, int | None] | None = None,
) -> list[ReportValue]:
    """Totals of a scope as headline figures, each with its qualifier ("more than 810 enterprises"); a total
    whose last year rests on other pairings has no change but ``no_change.withheld`` as its note; one with no
    figure last year ``no_change.missing``, one whose last year's is 0 ``no_change.from_zero`` (a change not
    shown always says why). A
    stock (what stands at the year's end) is of ``stock_period``. With ``parent`` (the pairing tree), each value says
    the pairings it rests on (:attr:`ReportValue.pairings`, :attr:`ReportValue.reaches`), so that a part is said
    "of which" only of a whole that holds its pairings."""
    return [
        ReportValue(
            code=t.indicator.code,
            label=t.indicator.display_name(language),
            subject="",
            value=t.value,
            unit=t.unit,
            shown=quantity(t.value, t.unit, language, t.qualifier),
            period=stock_period if t.period_kind == "as_of" and stock_period else period,
            change=t.change,
            change_note=no_change.why(t.change, t.previous, withheld=t.change_withheld),
            qualifier=t.qualifier,
            citation=citation,
            period_kind=t.period_kind,
            **(_resting(t, parent) if parent is not None else {}),
        )
        for t in totals
    ]


def _resting(total: ScopeTotal, parent: dict[int, int | None]) -> dict[str, object]:
    """The pairings ``total``'s statements are of (kept and covered), and, for each kept one, the pairing
    and those above it (an area's own statement: none)."""
    statements = (*total.kept, *total.covered)
    reaches = []
    for s in total.kept:
        chain: set[int] = set()
        node: int | None = None if s.of_area else s.node
        while node is not None and node not in chain:
            chain.add(node)
            node = parent.get(node)
        reaches.append(frozenset(chain))
    return {
        "pairings": frozenset(s.node for s in statements if not s.of_area),
        "reaches": tuple(reaches),
    }


def headline_quoted(
    headline: list[ReportValue],
    totals: list[ScopeTotal],
    *,
    year: int,
    statuses: list[str],
    notes: Notes,
    most: int = 3,
) -> list[ReportValue]:
    """The headline values, each citing the notes that quote the sentences of its largest statements (at most
    ``most``; a statement with no stored evidence is quoted by none). ``totals``: the headline's, in order."""
    chosen = [
        [
            (t.indicator.pk, t.unit, t.period_kind, s.node, s.of_area, s.beside)
            for s in sorted(t.kept, key=lambda s: (-s.value, s.node))[:most]
        ]
        for t in totals
    ]
    found = figures_quoted(year=year, statuses=statuses, places=[p for places in chosen for p in places])
    quoted = []
    for value, places in zip(headline, chosen, strict=True):
        cited = tuple(dict.fromkeys(notes.number(found[p]) for p in places if p in found))
        quoted.append(replace(value, notes_cited=cited) if cited else value)
    return quoted


def total_change_note(total: ScopeTotal, *, year: int, language: str) -> str:
    """Why ``total`` (of ``year``) shows no change on last year, in ``language`` ("" when it shows one): the
    reports' own wording (:func:`pairaid.reports.labels.change_notes`), for the pages' totals."""
    return change_notes(year, language).why(total.change, total.previous, withheld=total.change_withheld)
