"""The values a report's totals set aside: of a figure told by several documents, each document's account (its
distinct figures of it, added) is a statement of it; the roll-ups count the largest and leave out the others
(never added: :func:`pairaid.indicators.restatements.conflicting_extracted`). "How the totals were counted" names
them with the documents they come from (issue 12): the same value in several documents is one figure "told in N
documents", counted once, never a conflict; different values are "told with N different values", N counted."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import conflicts_set_aside
from pairaid.indicators.totals import TOTAL_PERIOD_KINDS
from pairaid.reports.labels import is_zh, labels
from pairaid.reports.rows import Notes, document_title, report_values


def set_aside_lines(
    *,
    year: int,
    language: str,
    include_extracted: bool,
    pairing_ids: Iterable[int] | None = None,
    left_out: set[int] | None = None,
) -> list[str]:
    """One line per figure of ``year`` (of ``pairing_ids``' tree when given) whose values conflict, in
    ``language``: the value kept and those set aside, each with its document ("People trained, Shandong –
    Kashi, 2009, told with two values: 3,800 people (from Report A) kept; 3,500 people (from Report B) set
    aside"). None without extracted figures: confirmed figures are one per figure. ``left_out``, when given,
    receives the ids of the figures the totals hold or set aside (never to be listed as if counted)."""
    if not include_extracted:
        return []
    lab = labels(language)
    glue = "、" if is_zh(language) else ", "

    def said(values: list[DataValue]) -> str:
        shown = report_values(values, language=language, notes=Notes(language), previous={})
        return glue.join(
            lab["from_source"].format(value=v.shown, source=_source(d, lab["no_source"]))
            for v, d in zip(shown, values, strict=True)
        )

    lines = []
    for kept, held, dropped in conflicts_set_aside(year=year, period_kinds=TOTAL_PERIOD_KINDS, pairing_ids=pairing_ids):
        if left_out is not None:
            left_out.update(v.pk for v in (*held, *dropped))
        (first,) = report_values(kept[:1], language=language, notes=Notes(language), previous={})
        where = {"label": first.label, "subject": first.subject, "period": first.period}
        holding = lab["holding"].format(held=said(held)) if held else ""
        accounts: dict[object, list[DataValue]] = {}
        for v in (*kept, *held, *dropped):
            accounts.setdefault(_document_of(v), []).append(v)
        if not dropped:  # one document's total and the figures beside it
            lines.append(lab["stated_total"].format(**where, kept=said(kept), holding=holding))
            continue
        totals = {_account([v.value for v in told]) for told in accounts.values()}
        if len(totals) == 1:  # one figure told again
            sources = (glue if is_zh(language) else "; ").join(
                _source(told[0], lab["no_source"]) for told in accounts.values()
            )
            shown = report_values(kept, language=language, notes=Notes(language), previous={})
            lines.append(
                lab["told_again"].format(
                    **where, kept=" + ".join(v.shown for v in shown), docs=len(accounts), sources=sources
                )
                + holding
            )
            continue
        n = len(totals)
        lines.append(
            lab["set_aside"].format(
                **where, n=max(n, 2), docs=len(accounts), kept=said(kept) + holding, dropped=said(dropped)
            )
        )
    return lines


def _account(values: list[Decimal]) -> Decimal:
    """A document's account of a figure from its values (as the roll-ups read it): the largest when not smaller
    than the others together, else their sum."""
    top = max(values)
    rest = sum(values, Decimal(0)) - top
    return top if top >= rest else top + rest


def _document_of(value: DataValue) -> object:
    """The document a figure was read from (the figure itself when it has none)."""
    return value.evidence.document_id if value.evidence is not None else ("figure", value.pk)


def _source(value: DataValue, none: str) -> str:
    evidence = value.evidence
    return document_title(evidence.document) if evidence is not None else none
