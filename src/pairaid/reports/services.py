"""Writing a report: the context rendered as HTML, PDF (WeasyPrint), Markdown, XLSX or DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.template.loader import render_to_string

from pairaid.core.errors import InputError
from pairaid.reports.context import ReportContext

if TYPE_CHECKING:
    from pairaid.registry.models import Pairing

FORMATS = ("html", "pdf", "md", "xlsx", "docx")


def _sections(context: ReportContext) -> list[tuple[str, tuple[str, list[object]]]]:
    lab = {**context.labels, "recipient": context.labels["recipient_economy"]}
    return [
        (name, (lab[name], list(getattr(context, name))))
        for name in ("economy", "people", "results", "recipient", "unpaired")
        if getattr(context, name) or (not context.is_overview and name not in ("recipient", "unpaired"))
    ]


def report_html(*, context: ReportContext) -> str:
    """The report as one HTML page (charts inline as SVG; figures link to their evidence)."""
    return render_to_string("reports/report.html", {"r": context, "sections": _sections(context)})


def report_markdown(*, context: ReportContext) -> str:
    """The report as Markdown; figures cite their evidence in a column."""
    return render_to_string("reports/report.md", {"r": context, "sections": _sections(context)})


def report_pdf(*, context: ReportContext) -> bytes:
    """The report as PDF through WeasyPrint; Chinese text needs a CJK font (Debian ``fonts-noto-cjk``)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    pdf = HTML(string=report_html(context=context), base_url="/").write_pdf()
    assert pdf is not None
    return pdf


def report_bytes(*, context: ReportContext, fmt: str) -> bytes:
    """The report in ``fmt`` (html, pdf, md, xlsx, docx).

    Raises:
        InputError: an unknown format.
    """
    from pairaid.reports import xlsx_docx

    match fmt:
        case "html":
            return report_html(context=context).encode("utf-8")
        case "md":
            return report_markdown(context=context).encode("utf-8")
        case "pdf":
            return report_pdf(context=context)
        case "xlsx":
            return xlsx_docx.report_xlsx(context=context)
        case "docx":
            return xlsx_docx.report_docx(context=context)
    raise InputError(f"unknown report format {fmt!r} (use one of {', '.join(FORMATS)})")


def report_write(*, context: ReportContext, fmt: str, path: Path) -> Path:
    """Write the report in ``fmt`` to ``path`` (parent folders are made); returns ``path``."""
    data = report_bytes(context=context, fmt=fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def report_files_write(
    *, pairing: Pairing, year: int, folder: Path, formats: tuple[str, ...] = ("html", "pdf"), language: str = "en"
) -> list[Path]:
    """Refresh the pairing's findings and write its annual report for ``year`` into ``folder``,
    one file per format (``<folder>/report-<pairing id>-<year>.<format>``); returns the paths."""
    from pairaid.checks.services import findings_refresh
    from pairaid.reports.selectors import report_context

    findings_refresh(pairing=pairing, year=year)
    context = report_context(pairing=pairing, year=year, language=language)
    return [
        report_write(context=context, fmt=fmt, path=folder / f"report-{pairing.pk}-{year}.{fmt}") for fmt in formats
    ]
