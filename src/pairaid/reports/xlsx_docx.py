"""The report as an Excel workbook (one sheet per table) and as a Word document.

Sheet names, headers and every cell of text are in the report's language: indicators and sectors by their
names, never their codes (the codes are the open-data exports', ``pairaid export``); money a number of yuan,
an activity with no money in the year an empty cell, not 0.
"""

from __future__ import annotations

import io

from pairaid.reports.context import ReportContext, ReportValue, TableRow

#: the sheets of a pairing's figures, left out of the overview when it has none (its other formats have no such section)
_PAIRING_SHEETS = ("sheet_activities", "sheet_economy", "sheet_people", "sheet_results")


def _value_rows(values: list[ReportValue]) -> list[list[object]]:
    return [[f.label, f.subject, f.value, f.shown, f.period, _change(f), f.status, f.citation] for f in values]


def _change(value: ReportValue | TableRow) -> object:
    """The change on last year (a number), else why none is given (the HTML's note), else nothing."""
    return value.change if value.change is not None else (value.change_note or None)


def _rate(rate: object) -> str:
    return "" if rate is None else f"{rate}%"


def report_xlsx(*, context: ReportContext) -> bytes:
    """An XLSX workbook: overview, pairings, channels, sectors, activities, economy, people, results,
    the recipient's economy, findings, notes and sources; values are numbers (yuan), named in the
    report's language."""
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    lab = context.labels
    value_head = [
        lab["indicator"],
        lab["subject"],
        lab["value"],
        lab["value"] + f" ({lab['unit']})",
        lab["period"],
        lab["change"] + " (%)",
        lab["status"],
        lab["evidence"],
    ]
    money = lab["money"] + f" ({lab['yuan']})"
    sheets: list[tuple[str, list[object], list[list[object]]]] = [
        ("sheet_overview", value_head, _value_rows(context.headline)),
        *(
            [("sheet_tree", [lab["pairing"], lab["level"], money], [[t.name, t.level, t.value] for t in context.tree])]
            if context.tree
            else []
        ),
        *(
            [
                (
                    "sheet_pairings",
                    [lab["pairing"], money, lab["change"] + " (%)"],
                    [[p.label, p.value, _change(p)] for p in context.pairings],
                )
            ]
            if context.pairings or context.is_overview
            else []
        ),
        (
            "sheet_channels",
            [lab["channel"], money, lab["signed"] + f" ({lab['yuan']})"],
            [[c.label, c.value, None] for c in context.channels]
            + [[c.label, None, c.value] for c in context.commitments],
        ),
        ("sheet_sectors", [lab["sector"], money], [[s.label, s.value] for s in context.sectors]),
        (
            "sheet_activities",
            [lab["identifier"], lab["title"], lab["sector"], lab["place"], money, lab["outputs"], lab["status"]],
            [
                [a.identifier, a.title, a.sector, a.place, a.money or None, a.outputs, a.status]
                for a in context.activities
            ],
        ),
        ("sheet_economy", value_head, _value_rows(context.economy)),
        ("sheet_people", value_head, _value_rows(context.people)),
        ("sheet_results", value_head, _value_rows(context.results)),
        ("sheet_recipient", value_head, _value_rows(context.recipient)),
        *(
            [("sheet_unpaired", value_head, [[lab["unpaired_note"]], *_value_rows(context.unpaired)])]
            if context.unpaired
            else []
        ),
        (
            "sheet_findings",
            [lab["severity"], lab["message"], lab["evidence"]],
            [[f.severity, f.message, f.citation] for f in context.findings],
        ),
        (
            "sheet_notes",
            ["#", lab["evidence"], lab["document"]],
            [[n.number, f"“{n.quote}”", n.document] for n in context.notes],
        ),
        (
            "sheet_sources",
            ["#", lab["document"], lab["address"]],
            [[number, s.title, s.public_address] for number, s in enumerate(context.sources, 1)],
        ),
    ]
    year = context.reporting_year
    if year is not None:
        at = 1 + [key for key, _, _ in sheets].index("sheet_activities")
        sheets[at:at] = [
            (
                "sheet_plan",
                [lab["for"], lab["indicator"], lab["planned"], lab["actual"], lab["executed"] + " (%)"],
                [[e.subject, e.label, e.planned, e.actual, e.rate] for e in [*year.execution, *year.recipients]],
            ),
            (
                "sheet_events",
                [lab["date"], lab["event"], lab["details"]],
                [[e.date, e.what, e.details] for e in year.events],
            ),
            (
                "sheet_assessment",
                [lab["criterion"], lab["points"], lab["weight"]],
                [[lab["score"], year.score, 100], *([c.name, c.points, c.weight] for c in year.criteria)]
                if year.score is not None
                else [],
            ),
        ]
    if context.is_overview:  # as in its other formats, the overview has no sections of one pairing's figures
        sheets = [s for s in sheets if s[2] or s[0] not in _PAIRING_SHEETS]
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for key, head, rows in sheets:
        sheet = book.create_sheet(lab[key])
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    if context.links_note:  # the evidence links lead to this computer only: said on a sheet of its own
        book.create_sheet(lab["sheet_links"]).append([context.links_note])
    charts = book.create_sheet(lab["sheet_charts"])
    row = 1
    for chart in context.charts.values():
        image = Image(io.BytesIO(chart.png))
        charts.add_image(image, f"A{row}")
        row += 22
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def report_docx(*, context: ReportContext) -> bytes:
    """A DOCX document with the sections of the report; every figure read from a document points to
    the note quoting its sentence."""
    from docx import Document
    from docx.shared import Cm

    lab = context.labels
    doc = Document()
    doc.add_heading(context.title, level=0)
    doc.add_paragraph(lab["generated"])
    if context.links_note:
        doc.add_paragraph(context.links_note)

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

    def value_table(items: list[ReportValue]) -> None:
        table(
            [lab["indicator"], lab["subject"], lab["value"], lab["period"], lab["change"]],
            [
                [
                    f.label,
                    f.subject,
                    f.shown + (f" [{f.note}]" if f.note else "") + "".join(f" [{n}]" for n in f.notes_cited),
                    f.period,
                    f.change_note if f.change is None else f"{f.change:+}%",
                ]
                for f in items
            ],
        )

    if context.narrative:
        doc.add_heading(lab["narrative"], level=1)
        for text in context.narrative.values():
            doc.add_paragraph(text)
    doc.add_heading(lab["overview"], level=1)
    value_table(context.headline)
    if context.counting:
        doc.add_heading(lab["counting"], level=2)
        doc.add_paragraph(lab["counting_intro"])
        for line in context.counting:
            doc.add_paragraph(line, style="List Bullet")
    for chart in context.charts.values():
        doc.add_picture(io.BytesIO(chart.png), width=Cm(15))
    if context.tree:
        doc.add_heading(lab["tree"], level=1)
        table(
            [lab["pairing"], lab["level"], lab["money"]],
            [["  " * t.depth + t.name, t.level, t.shown] for t in context.tree],
        )
    if context.pairings:
        doc.add_heading(lab["pairings"], level=1)
        table(
            [lab["pairing"], lab["money"], lab["change"]],
            [[p.label, p.shown, p.change_note if p.change is None else f"{p.change:+}%"] for p in context.pairings],
        )
    doc.add_heading(lab["funds"], level=1)
    doc.add_heading(lab["by_channel"], level=2)
    table([lab["channel"], lab["money"]], [[c.label, c.shown] for c in context.channels])
    if context.commitments:
        doc.add_heading(lab["by_commitment"], level=2)
        table([lab["channel"], lab["signed"]], [[c.label, c.shown] for c in context.commitments])
    doc.add_heading(lab["by_sector"], level=2)
    table([lab["sector"], lab["money"]], [[s.label, s.shown] for s in context.sectors])
    if not context.is_overview:
        doc.add_heading(lab["activities"], level=1)
        table(
            [lab["title"], lab["sector"], lab["place"], lab["money"], lab["outputs"], lab["status"]],
            [[a.title, a.sector, a.place, a.shown_money, a.outputs, a.status] for a in context.activities],
        )
    year = context.reporting_year
    if year is not None:
        doc.add_heading(lab["plan_actual"], level=1)
        table(
            [lab["indicator"], lab["planned"], lab["actual"], lab["executed"]],
            [[e.label, e.planned, e.actual, _rate(e.rate)] for e in year.execution],
        )
        if year.recipients:
            doc.add_heading(lab["promised"], level=2)
            table(
                [lab["for"], lab["indicator"], lab["planned"], lab["actual"], lab["executed"]],
                [[e.subject, e.label, e.planned, e.actual, _rate(e.rate)] for e in year.recipients],
            )
        doc.add_heading(lab["events"], level=1)
        table([lab["date"], lab["event"], lab["details"]], [[e.date, e.what, e.details] for e in year.events])
        if year.score is not None:
            doc.add_heading(lab["assessment"], level=1)
            doc.add_paragraph(year.score_line)
            table(
                [lab["criterion"], lab["points"], lab["weight"]],
                [[c.name, c.points, c.weight] for c in year.criteria],
            )
    for name, title in (
        ("economy", "economy"),
        ("people", "people"),
        ("results", "results"),
        ("recipient", "recipient_economy"),
        ("unpaired", "unpaired"),
    ):
        items = getattr(context, name)
        if items or (name not in ("recipient", "unpaired") and not context.is_overview):
            doc.add_heading(lab[title], level=1)
            if name == "unpaired":
                doc.add_paragraph(lab["unpaired_note"])
            value_table(items)
    doc.add_heading(lab["findings"], level=1)
    if context.findings:
        table(
            [lab["severity"], lab["message"], lab["evidence"]],
            [[f.severity, f.message, f.citation] for f in context.findings],
        )
    else:
        doc.add_paragraph(lab["no_findings"])
    if context.notes:
        doc.add_heading(lab["notes"], level=1)
        for n in context.notes:
            doc.add_paragraph(f"[{n.number}] “{n.quote}” — {n.document} {n.url}")
    doc.add_heading(lab["sources"], level=1)
    for s in context.sources:
        doc.add_paragraph(f"{s.title} {s.public_address}", style="List Number")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
