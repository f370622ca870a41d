"""A report's headline: the totals of its scope as values, with the pairings they rest on and the notes
quoting the sentences of their largest statements; and what a report opens with (:func:`report_opening`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.conf import settings

from pairaid.indicators.selectors import figures_quoted
from pairaid.indicators.statements import PairingForest
from pairaid.indicators.totals import ScopeTotal
from pairaid.reports.context import ReportValue
from pairaid.reports.labels import NO_CHANGE_NOTES, ChangeNotes, change_notes, quantity
from pairaid.reports.links import links_are_local
from pairaid.reports.rows import Notes, counting_notes


def headline_values(
    totals: list[ScopeTotal],
    *,
    language: str,
    period: str,
    citation: str,
    no_change: ChangeNotes = NO_CHANGE_NOTES,
    stock_period: str = "",
    parent: dict[int, int | None] | None = None,
    subject: str = "",
    status: str = "",
) -> list[ReportValue]:
    """Totals of a scope as headline figures, each with its qualifier ("more than 810 enterprises"); a total
    whose last year rests on other pairings has no change but ``no_change.withheld`` as its note; one with no
    figure last year ``no_change.missing``, one whose last year's is 0 ``no_change.from_zero`` (a change not
    shown always says why). A
    stock (what stands at the year's end) is of ``stock_period``. With ``parent`` (the pairing tree), each value says
    the pairings it rests on (:attr:`ReportValue.pairings`, :attr:`ReportValue.reaches`), so that a part is said
    "of which" only of a whole that holds its pairings. ``subject``: what the totals are of (the pairing with those
    under it, all pairings); ``status``: what a total is, beside the stored figures' statuses ("total")."""
    return [
        ReportValue(
            code=t.indicator.code,
            label=t.indicator.display_name(language),
            subject=subject,
            value=t.value,
            unit=t.unit,
            shown=quantity(t.value, t.unit, language, t.qualifier),
            period=stock_period if t.period_kind == "as_of" and stock_period else period,
            change=t.change,
            change_note=no_change.why(t.change, t.previous, withheld=t.change_withheld),
            qualifier=t.qualifier,
            citation=citation,
            status=status,
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


def report_opening(
    totals: list[ScopeTotal], *, year: int, language: str, lab: dict[str, str], set_aside: list[str], scope: str
) -> dict[str, Any]:
    """What a pairing's report and the overview open with alike: the year, the language and its labels, the
    headline values of the year's totals (of ``scope``: the pairing's name, or all pairings) and how those were
    counted (``set_aside``: the values of a figure told twice that they left out,
    :func:`pairaid.reports.set_aside.set_aside_lines`)."""
    return {
        "year": year,
        "language": language,
        "labels": lab,
        "links_note": lab["links_local"].format(url=settings.SITE_URL) if links_are_local() else "",
        "headline": headline_values(
            totals,
            language=language,
            period=lab["year_of"].format(year=year),
            stock_period=lab["end_of_year"].format(year=year),
            parent=PairingForest.load().parent,
            citation=lab["generated"],
            no_change=change_notes(year, language),
            subject=scope,
            status=lab["total_status"],
        ),
        "counting": counting_notes(
            totals, language=language, activities_word=lab["activities_of"], more_word=lab["and_more"]
        )
        + [
            lab["channels_sum" if t.stated else "channels_sum_unstated"].format(
                label=t.indicator.display_name(language),
                value=quantity(t.value, t.unit, language, t.qualifier),
                stated=quantity(t.stated, t.unit, language, "exact"),
            )
            for t in totals
            if t.stated is not None
        ]
        + set_aside,
    }
