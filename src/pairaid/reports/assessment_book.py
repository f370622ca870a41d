"""The annual assessment as an Excel workbook: the ranking, each criterion's evidence, and the rubric."""

from __future__ import annotations

import io
from collections.abc import Sequence

from django.utils import translation

from pairaid.assessment.selectors import PairingAssessment
from pairaid.reports.clause_words import evidence_lines


def assessment_xlsx(*, ranking: Sequence[PairingAssessment], year: int, language: str = "en") -> bytes:
    """An XLSX workbook: ``Ranking`` (rank, pairing, level, score, each criterion's points), ``Evidence``
    (one line of evidence per row, in ``language``, by names) and ``Rubric`` (code, name, rule, weight).
    Points and scores are numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    criteria = ranking[0].result.criteria if ranking else ()
    book = Workbook()
    sheet = book.active
    sheet.title = "Ranking"
    sheet.append(["rank", "pairing", "level", "score", *(c.code for c in criteria)])
    with translation.override(language):  # the level of the two sides, in the workbook's language
        levels = [a.pairing.level_label() for a in ranking]
    for a, level in zip(ranking, levels, strict=True):
        sheet.append([a.rank, str(a.pairing), level, a.score, *(c.points for c in a.result.criteria)])
    evidence = book.create_sheet("Evidence")
    evidence.append(["pairing", "criterion", "points", "weight", "evidence"])
    for a in ranking:
        for c in a.result.criteria:
            for line in evidence_lines(c, language):
                evidence.append([str(a.pairing), c.code, c.points, c.weight, line])
    rubric = book.create_sheet("Rubric")
    rubric.append(["code", "criterion", "rule", "weight"])
    for c in criteria:
        rubric.append([c.code, c.name, c.rule, c.weight])
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    book.properties.title = f"Annual assessment {year}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
