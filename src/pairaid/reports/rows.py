"""Report rows from the stored data, in the report's language: figures with their notes, activities,
findings, sources, the pairing tree and how the totals were counted.

Evidence survives a printout or an email: every figure read from a document gets a
note quoting the sentence it came from, and its link is absolute, at the site's
address (``PAIRAID_SITE_URL``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import translation

from pairaid.activities.selectors import activities_of_year, money_moved_by_activity
from pairaid.checks.selectors import findings_of_year
from pairaid.core.change import change_percent
from pairaid.core.codelists import disaggregation_name, sectors
from pairaid.core.tree_sums import Statement
from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue, DataValueStatus
from pairaid.indicators.rollups import RollupRow
from pairaid.indicators.selectors import confirmed_actuals_of_year, evidence_document_ids_of_year
from pairaid.indicators.totals import ScopeTotal, resting_on
from pairaid.registry.models import Pairing
from pairaid.registry.selectors import pairings_with_sides
from pairaid.reports.context import ActivityRow, FindingRow, NoteRow, ReportValue, SourceRow, TableRow, TreeRow
from pairaid.reports.finding_texts import finding_messages, pairing_names
from pairaid.reports.labels import NO_CHANGE_NOTES, ChangeNotes, figure_label, is_zh, labels, money, quantity
from pairaid.reports.links import evidence_url
from pairaid.sources.models import SourceDocument
from pairaid.sources.selectors import documents_by_id, documents_without_text

#: Where a sentence ends: a full stop not inside a number, other end marks, a line break.
_SENTENCE_END = re.compile(r"(?<![0-9])\.|\.(?![0-9])|[。！？!?；;\n]")


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence of ``text`` holding ``start``–``end``, trimmed to about ``limit`` characters."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - limit), start)]
    after = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    first = before[-1] if before else max(0, start - limit // 2)
    last = after.end() if after else min(len(text), end + limit // 2)
    return " ".join(text[first:last].split())


def document_title(document: SourceDocument, limit: int = 120) -> str:
    """A document's title as a report names it: cut at a word near ``limit`` characters (a title read
    from a report without one can be its first paragraph), else its file name."""
    title = " ".join((document.title or document.filename or document.sha256[:12]).split())
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _renumbered(value: ReportValue, new: dict[int, int]) -> ReportValue:
    if value.notes_cited:
        cited = tuple(new[n] for n in value.notes_cited)
        return replace(value, notes_cited=cited, citation="".join(f"[{n}]" for n in cited))
    return replace(value, note=new[value.note], citation=f"[{new[value.note]}]") if value.note else value


class Notes:
    """The notes of one report: a number per evidence span, in the order figures ask for them."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._numbers: dict[tuple[int, int, int], int] = {}

    def number(self, value: DataValue) -> int:
        evidence = value.evidence
        if evidence is None:
            return 0
        key = (evidence.document_id, evidence.start, evidence.end)
        return self._numbers.setdefault(key, len(self._numbers) + 1)

    def in_order(self, values: list[ReportValue]) -> list[ReportValue]:
        """Renumber the notes in the order ``values`` show them (first shown, first numbered);
        returns the figures with their new numbers."""
        new: dict[int, int] = {}
        for f in values:
            for n in (f.note, *f.notes_cited):
                if n:
                    new.setdefault(n, len(new) + 1)
        self._numbers = {key: new[n] for key, n in self._numbers.items() if n in new}
        return [_renumbered(f, new) for f in values]

    def rows(self) -> list[NoteRow]:
        """The notes with their quotes (one query for the documents' texts)."""
        docs = documents_by_id(ids={d for d, _, _ in self._numbers})
        rows = []
        for (doc_id, start, end), n in sorted(self._numbers.items(), key=lambda item: item[1]):
            doc = docs.get(doc_id)
            if doc is None:
                continue
            title = document_title(doc)
            rows.append(NoteRow(n, sentence_around(doc.text, start, end), title, evidence_url(doc_id, start, end)))
        return rows


def _period(value: DataValue, language: str) -> str:
    if value.period_kind == "cumulative":
        return f"{value.period_start.year}–{value.period_end.year}"
    if value.period_kind == "as_of":
        return f"{value.period_end.year}年末" if is_zh(language) else f"end of {value.period_end.year}"
    return f"{value.period_end.year}年" if is_zh(language) else str(value.period_end.year)


def _subject(value: DataValue, language: str, names: dict[int, str]) -> str:
    if value.activity_id:
        activity = value.activity
        return activity.title_zh if is_zh(language) and activity.title_zh else activity.title
    if value.area_id:
        return value.area.display_name(language)
    if value.pairing_id:
        return names.get(value.pairing_id, "")
    return as_written(value) or labels(language)["sides_unstated"]  # never an empty cell: why there is no name


def as_written(value: DataValue) -> str:
    """Who gave and who received a figure of no pairing, quoted as its document writes them (“Shandong” →
    “Hetian”; "" when it says neither), as the findings quote them."""
    sides = [f"“{side}”" for side in (value.donor_label, value.recipient_label) if side]
    return " → ".join(sides)


def report_values(
    qs: Iterable[DataValue],
    *,
    language: str,
    notes: Notes,
    previous: dict,
    no_change: ChangeNotes = NO_CHANGE_NOTES,
) -> list[ReportValue]:
    """The figures of ``qs`` (with indicator, subject and evidence loaded) as a report shows them;
    change on last year from ``previous`` (key → last year's value) unless the document stated one; none
    shown says why (``no_change``: no figure last year, or last year's is 0)."""
    values = list(qs)
    names = pairing_names({v.pairing_id for v in values if v.pairing_id}, language)
    with translation.override(language):
        statuses = {code: str(label) for code, label in DataValueStatus.choices}
    found = []
    for v in values:
        part = disaggregation_name(v.disaggregation, language)
        name = v.indicator.display_name(language)
        key = (v.indicator_id, v.subject_key, v.period_kind, v.disaggregation, v.unit)
        number = notes.number(v)
        evidence = v.evidence
        found.append(
            ReportValue(
                code=v.indicator.code,
                label=figure_label(name, part, language),
                subject=_subject(v, language, names),
                value=v.value,
                unit=v.unit,
                shown=quantity(v.value, v.unit, language, v.qualifier),
                period=_period(v, language),
                change=(change := change_percent(v.value, previous.get(key), stated=v.change_percent)),
                change_note=no_change.why(change, previous.get(key)),
                qualifier=v.qualifier,
                disaggregation=part,
                status=statuses.get(v.status, v.status),
                evidence_url=evidence_url(evidence.document_id, evidence.start, evidence.end) if evidence else None,
                citation=f"[{number}]" if number else statuses.get(v.status, v.status),
                note=number,
            )
        )
    return found


def counting_notes(
    totals: list[ScopeTotal], *, language: str, activities_word: str, more_word: str, shown: int = 5
) -> list[str]:
    """For each total resting on more than one statement: which statements it added (the ``shown``
    largest, and how many more), each followed by those it holds ("People trained 38,775 people =
    Shandong – Kashi 38,755 people (holding Shandong – Kashi (activities) 6,300 people) + Shandong – Xinjiang
    20 people"); a statement held by none named (an area's own figure holds it) is listed at the end."""
    several = [t for t in totals if t.value_count > 1 and len(t.kept) + len(t.covered) > 1]
    names = pairing_names({s.node for t in several for s in (*t.kept, *t.covered)}, language)
    zh = is_zh(language)

    def said(s: Statement[int], unit: str) -> str:
        marked = (f"（{activities_word}）" if zh else f" ({activities_word})") if s.beside else ""
        return f"{names.get(s.node, s.label)}{marked} {quantity(s.value, unit, language, s.qualifier)}"

    def holding(items: list[Statement[int]], unit: str) -> str:
        if not items:
            return ""
        more = len(items) - shown
        inside = ("、" if zh else ", ").join(said(s, unit) for s in _largest(tuple(items), shown))
        inside += more_word.format(n=more) if more > 0 else ""
        return f"（已含：{inside}）" if zh else f" (holding {inside})"

    lines = []
    for t in several:
        holders = {s.node for s in t.kept if not s.beside}
        held: dict[int | None, list[Statement[int]]] = {}
        for s in t.covered:
            held.setdefault(s.holder if s.holder in holders else None, []).append(s)
        kept = _largest(t.kept, shown)
        more = len(t.kept) - len(kept)
        line = f"{t.indicator.display_name(language)} {quantity(t.value, t.unit, language, t.qualifier)} = "
        line += " + ".join(said(s, t.unit) + ("" if s.beside else holding(held.pop(s.node, []), t.unit)) for s in kept)
        line += more_word.format(n=more) if more > 0 else ""
        rest = [s for items in held.values() for s in items]  # held by no statement listed
        lines.append(line + holding(rest, t.unit))
    return lines


def _largest(statements: tuple[Statement[int], ...], shown: int) -> list[Statement[int]]:
    return sorted(statements, key=lambda s: (-s.value, s.node))[:shown]


def activity_rows(*, pairing_ids: list[int], year: int, language: str) -> list[ActivityRow]:
    """The year's activities of these pairings: an activity counts unless it starts after the year or
    ends before it (an undated one counts in every year), with its money moved and outputs of the year."""
    names = {s.code: (s.name_zh if is_zh(language) else s.name_en) for s in sectors()}
    activities = activities_of_year(pairing_ids=pairing_ids, year=year, outputs=confirmed_actuals_of_year(year=year))
    money_by_activity = money_moved_by_activity(pairing_ids=pairing_ids, year=year)
    rows = []
    today = date.today()
    with translation.override(language):
        for a in activities:
            amount = money_by_activity.get(a.pk, Decimal(0))
            outputs = "；".join if is_zh(language) else "; ".join
            rows.append(
                ActivityRow(
                    identifier=a.identifier,
                    title=a.title_zh if is_zh(language) and a.title_zh else a.title,
                    sector=names.get(a.sector, a.sector),
                    place=("、" if is_zh(language) else ", ").join(
                        area.display_name(language) for area in a.recipient_areas.all()
                    ),
                    money=amount,
                    shown_money=money(amount, language) if amount else "",
                    outputs=outputs(
                        f"{_output_label(v, language)} {quantity(v.value, v.unit, language, v.qualifier)}"
                        for v in a.data_values.all()
                    ),
                    status=str(a.current_status(today).label),  # as the pages and IATI's: from its dates
                )
            )
    return rows


def _output_label(v: DataValue, language: str) -> str:
    """An activity's output named by its indicator and, when it is a part, its disaggregation in words:
    "Value of signed cooperation agreements (project investment)", not a second bare value beside the whole."""
    return figure_label(v.indicator.display_name(language), disaggregation_name(v.disaggregation, language), language)


def table_rows(
    rows: list[RollupRow],
    language: str,
    previous: dict[str, Decimal] | dict[str, RollupRow] | None = None,
    *,
    no_change: ChangeNotes = NO_CHANGE_NOTES,
) -> list[TableRow]:
    """Roll-up rows as a table, with change on ``previous`` (key → last year's value or row) where both exist.
    Of last year's roll-up row, the change is given only when both rest on the same pairings' statements, as
    the totals' (:func:`pairaid.indicators.totals.resting_on`); else none, and ``no_change`` says why (other
    pairings' figures, none last year, or last year's 0: with ``previous`` only)."""
    found = []
    for r in rows:
        last = (previous or {}).get(r.key)
        withheld = False
        if isinstance(last, RollupRow):
            withheld = r.total is not None and last.total is not None and resting_on(r.total) != resting_on(last.total)
            last = None if withheld else last.value
        shown = quantity(r.value, r.unit, language)
        change = None if withheld else change_percent(r.value, last)
        note = no_change.why(change, last, withheld=withheld) if previous is not None else ""
        found.append(TableRow(r.key, r.label, r.value, shown, change, note))
    return found


def channel_rows(rows: list[RollupRow], language: str) -> dict[str, list[TableRow]]:
    """Money by funding channel as two tables: ``channels``, the money moved (disbursed, spent), and
    ``commitments``, the contracts signed, which are promises: never in one money column beside the money moved."""
    signed = [r for r in rows if r.key.endswith(":commitment")]
    return {
        "channels": table_rows([r for r in rows if r not in signed], language),
        "commitments": table_rows(signed, language),
    }


def tree_rows(*, root: Pairing, totals: dict[int, Decimal], language: str) -> list[TreeRow]:
    """``root`` and every pairing under it, depth first, each with its aid funds of the year ("" when none)."""
    from pairaid.indicators.statements import PairingForest

    pairings = pairings_with_sides(ids=PairingForest.load().under(root.pk))  # the tree's only, not the nation's
    children: dict[int | None, list[Pairing]] = {}
    for p in pairings:
        children.setdefault(p.parent_id, []).append(p)
    rows: list[TreeRow] = []
    with translation.override(language):
        stack = [(root, 0)]
        while stack:
            node, depth = stack.pop()
            value = totals.get(node.pk)
            shown = money(value, language) if value is not None else ""
            rows.append(
                TreeRow(
                    depth, node.display_name(language), node.level_label(), shown, node.name_with_level(language), value
                )
            )
            kids = sorted(children.get(node.pk, []), key=lambda p: p.display_name(language))
            stack.extend((k, depth + 1) for k in reversed(kids))
    return rows


def finding_rows(
    *,
    pairing_ids: list[int] | None,
    year: int,
    language: str,
    notes: Notes,
    include_extracted: bool = False,
    limit: int | None = None,
) -> list[FindingRow]:
    """The year's findings, errors first, then warnings, then notes (the first ``limit`` of them): on
    confirmed figures, or with ``include_extracted`` on the extracted ones too (a report that counts
    them shows what the checks found in them); each written in ``language`` from its rule and
    figures (:func:`pairaid.reports.finding_texts.finding_messages`), with names, not codes."""
    found = findings_of_year(year=year, include_extracted=include_extracted, pairing_ids=pairing_ids, limit=limit)
    messages = finding_messages(found, language=language)
    rows = []
    with translation.override(language):
        for f in found:
            e = f.evidence
            rows.append(
                FindingRow(
                    str(f.get_severity_display()),
                    f.rule,
                    messages[f.pk],
                    evidence_url(e.document_id, e.start, e.end) if e else None,
                    f"{e.document.title}" if e else "",
                )
            )
    return rows


def source_rows(
    values: list[ReportValue], *, year: int | None = None, statuses: list[str] | None = None
) -> list[SourceRow]:
    """The documents the figures came from; with ``year``, the documents of every stored figure of
    that year of ``statuses`` (what an overview's totals were counted from), at most 200."""
    ids = sorted({int(f.evidence_url.split("/documents/")[1].split("/")[0]) for f in values if f.evidence_url})
    if year is not None:
        stated = evidence_document_ids_of_year(year=year, statuses=statuses or CONFIRMED_STATUSES, limit=200)
        ids = sorted(set(ids) | set(stated))
    return [
        SourceRow(d.pk, document_title(d), d.address, f"{settings.SITE_URL}/documents/{d.pk}/")
        for d in documents_without_text(ids=ids)
    ]
