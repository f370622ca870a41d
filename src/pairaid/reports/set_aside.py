"""The values a report's totals set aside: of a figure told with different values (by two documents, or
read twice from one), the roll-ups count the largest and leave out the others (never added:
:func:`pairaid.indicators.restatements.conflicting_extracted`). "How the totals were counted" names both,
with the documents they come from (issue 12)."""

from __future__ import annotations

from collections.abc import Iterable

from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import conflicts_set_aside
from pairaid.indicators.totals import TOTAL_PERIOD_KINDS
from pairaid.reports.labels import is_zh, labels
from pairaid.reports.rows import Notes, document_title, report_values


def set_aside_lines(
    *, year: int, language: str, include_extracted: bool, pairing_ids: Iterable[int] | None = None
) -> list[str]:
    """One line per figure of ``year`` (of ``pairing_ids``' tree when given) whose values conflict, in
    ``language``: the value kept and those set aside, each with its document ("People trained, Shandong –
    Kashi, 2009, told with two values: 3,800 people (from Report A) kept; 3,500 people (from Report B) set
    aside"). None without extracted figures: confirmed figures are one per figure."""
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
    for kept, dropped in conflicts_set_aside(year=year, period_kinds=TOTAL_PERIOD_KINDS, pairing_ids=pairing_ids):
        (first,) = report_values(kept[:1], language=language, notes=Notes(language), previous={})
        lines.append(
            lab["set_aside"].format(
                label=first.label, subject=first.subject, period=first.period, kept=said(kept), dropped=said(dropped)
            )
        )
    return lines


def _source(value: DataValue, none: str) -> str:
    evidence = value.evidence
    return document_title(evidence.document) if evidence is not None else none
