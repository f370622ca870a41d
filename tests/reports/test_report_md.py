"""The Markdown report leaves out a table with no rows and says "None recorded." (issue 12: it printed
tables of a header and nothing under it)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.reports.context import ReportContext, TableRow
from pairaid.reports.labels import labels
from pairaid.reports.services import report_markdown


def _header_only_tables(text: str) -> list[int]:
    """Line numbers of table rules (``| --- |``) with no row under them."""
    lines = text.splitlines()
    return [i for i, line in enumerate(lines) if line.startswith("| ---") and not lines[i + 1].startswith("|")]


@pytest.mark.parametrize(("language", "none"), [("en", "None recorded."), ("zh-hans", "无记录。")])
@pytest.mark.parametrize("overview", [True, False])
def test_an_empty_table_is_said_to_be_empty(language: str, none: str, overview: bool) -> None:
    context = ReportContext(title="T", year=2014, language=language, labels=labels(language), is_overview=overview)
    context.channels = [TableRow("grant_funds", "Grants", Decimal(5), "5 yuan")]
    text = report_markdown(context=context)
    assert _header_only_tables(text) == []
    assert "| Grants | 5 yuan |" in text
    # the headline, the sectors, the sources, and (a pairing's report) the activities and three sections of figures
    assert text.count(none) == (3 if overview else 7)
