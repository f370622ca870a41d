"""Building a report file, as ``pairaid report`` writes it and as the pages build it in the background.

The pairing's (or the nation's) findings are refreshed first unless nothing they are made of
changed since their last refresh (:mod:`pairaid.checks.freshness`), so that the report lists
the checks of the figures it shows; a year with no figures is refused rather than
written empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pairaid.core.errors import InputError

if TYPE_CHECKING:
    from pairaid.registry.models import Pairing

LANGUAGES = ("en", "zh-hans")


@dataclass(frozen=True)
class BuiltReport:
    """A report's bytes and the file name it is written under by default."""

    data: bytes
    filename: str
    narrative: dict[str, str] = field(default_factory=dict)
    #: numbers of an edited summary that are not among the report's figures (it may contradict the tables)
    unknown_numbers: list[str] = field(default_factory=list)


def report_build(
    *,
    year: int,
    pairing: Pairing | None,
    fmt: str,
    language: str = "en",
    include_extracted: bool = False,
    narrative: str | None = None,
) -> BuiltReport:
    """The annual report of ``pairing`` (with every pairing under it), or the national overview when
    ``pairing`` is None, for ``year`` in ``fmt`` (html, pdf, xlsx, docx, md).

    ``narrative``: the summary's paragraphs as edited (:func:`pairaid.reports.narrative.narrative_text`)
    in place of those written from the figures; the report's paragraphs come back in ``narrative``.
    With ``include_extracted`` the findings over extracted figures are refreshed and shown too.

    Raises:
        InputError: an unknown format or language, or no figures to report.
    """
    from pairaid.checks.services import findings_refresh_if_stale
    from pairaid.reports.selectors import overview_context, report_context
    from pairaid.reports.services import FORMATS, report_bytes

    if fmt not in FORMATS:
        raise InputError(f"unknown report format {fmt!r} (use one of {', '.join(FORMATS)})")
    if language not in LANGUAGES:
        raise InputError(f"unknown language {language!r} (use one of {', '.join(LANGUAGES)})")
    if pairing is not None:
        findings_refresh_if_stale(pairing=pairing, year=year, include_extracted=include_extracted)
        context = report_context(pairing=pairing, year=year, language=language, include_extracted=include_extracted)
    else:
        findings_refresh_if_stale(year=year, include_extracted=include_extracted)
        context = overview_context(year=year, language=language, include_extracted=include_extracted)
    if not context.has_values:
        what = f"pairing {pairing}" if pairing is not None else "any pairing"
        hint = "" if include_extracted else " (confirmed figures only: --extracted counts extracted ones too)"
        raise InputError(f"no figures for {what} in {year}: nothing to report{hint}")
    unknown: list[str] = []
    if narrative is not None:
        from pairaid.reports.narrative import narrative_read, narrative_unknown_numbers

        generated = dict(context.narrative)
        context.narrative = narrative_read(narrative, generated)
        figures = [f.shown for f in (*context.headline, *context.economy, *context.people, *context.results)]
        unknown = narrative_unknown_numbers(context.narrative, generated, [*figures, str(year)])
    name = f"report-{pairing.pk}-{year}.{fmt}" if pairing is not None else f"overview-{year}.{fmt}"
    return BuiltReport(report_bytes(context=context, fmt=fmt), name, dict(context.narrative), unknown)
