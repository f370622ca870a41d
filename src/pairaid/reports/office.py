"""The report as an Excel workbook (one sheet per table, indicator codes in a column) and as a Word document."""

from __future__ import annotations

import io

from pairaid.reports.selectors import ReportContext, ReportFigure


def _figure_rows(figures: list[ReportFigure]) -> list[list[object]]:
    return [
        [
            f.code,
            f.label,
            f.subject,
            f.disaggregation,
            f.value,
            f.unit,
            f.qualifier,
            f.period,
            f.change,
            f.status,
            f.citation,
        ]
        for f in figures
    ]


def report_xlsx(*, context: ReportContext) -> bytes:
    """An XLSX workbook: Overview, Pairings, Channels, Sectors, Activities, Economy, People, Results,
    Findings, Sources; values are numbers (yuan), with the indicator code in column A."""
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    lab = context.labels
    figure_head = [
        lab["code"],
        lab["indicator"],
        lab["subject"],
        "disaggregation",
        lab["value"],
        lab["unit"],
        "qualifier",
        lab["period"],
        lab["change"] + " (%)",
        lab["status"],
        lab["evidence"],
    ]
    sheets: list[tuple[str, list[object], list[list[object]]]] = [
        ("Overview", figure_head, _figure_rows(context.headline)),
        (
            "Pairings",
            [lab["pairing"], lab["money"] + " (CNY)", lab["change"] + " (%)"],
            [[p.label, p.value, p.change] for p in context.pairings],
        ),
        ("Channels", [lab["channel"], lab["money"] + " (CNY)"], [[c.label, c.value] for c in context.channels]),
        (
            "Sectors",
            [lab["code"], lab["sector"], lab["money"] + " (CNY)"],
            [[s.key, s.label, s.value] for s in context.sectors],
        ),
        (
            "Activities",
            [
                lab["identifier"],
                lab["title"],
                lab["sector"],
                lab["place"],
                lab["money"] + " (CNY)",
                lab["outputs"],
                lab["status"],
            ],
            [[a.identifier, a.title, a.sector, a.place, a.money, a.outputs, a.status] for a in context.activities],
        ),
        ("Economy", figure_head, _figure_rows(context.economy)),
        ("People", figure_head, _figure_rows(context.people)),
        ("Results", figure_head, _figure_rows(context.results)),
        (
            "Findings",
            [lab["severity"], lab["rule"], lab["message"], lab["evidence"]],
            [[f.severity, f.rule, f.message, f.citation] for f in context.findings],
        ),
        ("Sources", ["id", lab["document"], lab["address"]], [[s.id, s.title, s.address] for s in context.sources]),
    ]
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, head, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    charts = book.create_sheet("Charts")
    row = 1
    for chart in context.charts.values():
        image = Image(io.BytesIO(chart.png))
        charts.add_image(image, f"A{row}")
        row += 20
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_docx(*, context: ReportContext) -> bytes:
    """A DOCX document with the sections of the report; every figure cites its evidence."""
    from docx import Document
    from docx.shared import Cm

    lab = context.labels
    doc = Document()
    doc.add_heading(context.title, level=0)
    doc.add_paragraph(lab["generated"])

    def table(head: list[str], rows: list[list[str]]) -> None:
        if not rows:
            doc.add_paragraph(lab["none"])
            return
        grid = doc.add_table(rows=1, cols=len(head))
        grid.style = "Light Grid Accent 1"
        for cell, text in zip(grid.rows[0].cells, head, strict=True):
            cell.text = text
        for row in rows:
            cells = grid.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    def figures(items: list[ReportFigure]) -> None:
        table(
            [lab["indicator"], lab["subject"], lab["value"], lab["period"], lab["evidence"]],
            [
                [
                    f.label + (f" ({f.disaggregation})" if f.disaggregation else ""),
                    f.subject,
                    f.shown,
                    f.period,
                    f.citation,
                ]
                for f in items
            ],
        )

    doc.add_heading(lab["overview"], level=1)
    figures(context.headline)
    for chart in context.charts.values():
        doc.add_picture(io.BytesIO(chart.png), width=Cm(15))
    if context.pairings:
        doc.add_heading(lab["pairings"], level=1)
        table([lab["pairing"], lab["money"]], [[p.label, p.shown] for p in context.pairings])
    doc.add_heading(lab["funds"], level=1)
    doc.add_heading(lab["by_channel"], level=2)
    table([lab["channel"], lab["money"]], [[c.label, c.shown] for c in context.channels])
    doc.add_heading(lab["by_sector"], level=2)
    table([lab["sector"], lab["money"]], [[s.label, s.shown] for s in context.sectors])
    if not context.is_overview:
        doc.add_heading(lab["activities"], level=1)
        table(
            [lab["title"], lab["sector"], lab["place"], lab["money"], lab["outputs"], lab["status"]],
            [[a.title, a.sector, a.place, a.shown_money, a.outputs, a.status] for a in context.activities],
        )
    for name in ("economy", "people", "results"):
        doc.add_heading(lab[name], level=1)
        figures(getattr(context, name))
    doc.add_heading(lab["findings"], level=1)
    if context.findings:
        table(
            [lab["severity"], lab["rule"], lab["message"], lab["evidence"]],
            [[f.severity, f.rule, f.message, f.citation] for f in context.findings],
        )
    else:
        doc.add_paragraph(lab["no_findings"])
    doc.add_heading(lab["sources"], level=1)
    for s in context.sources:
        doc.add_paragraph(f"{s.title} {s.address}".strip(), style="List Number")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
