"""A change on last year that a report does not show always says why, in every format and language
(issue 12: "change on last year" was blank, with no note, when last year had no figure). Made-up values."""

from __future__ import annotations

import re

import pytest

from pairaid.reports.selectors import overview_context, report_context
from pairaid.reports.services import report_bytes
from tests.checks.factories import pairing, value
from tests.reports.test_report_language import _text

NOTES = {"en": "no change on last year: no figure for 2009", "zh-hans": "不计比上年增减：2009年无数据"}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_change_not_shown_for_want_of_last_years_figure_says_so_in_every_format(language: str) -> None:
    top = pairing()
    value("aid_funds", "5000000", pairing=top, year=2010)
    value("aid_funds", "4000000", pairing=top, year=2009)
    value("people_trained", "550", pairing=top, year=2010)  # none in 2009
    note = NOTES[language]
    context = overview_context(year=2010, language=language, with_charts=False)
    changes = {f.code: (f.change, f.change_note) for f in context.headline}
    assert changes["aid_funds"] == (pytest.approx(25), "")
    assert changes["people_trained"] == (None, note)
    for fmt in ("html", "md", "xlsx", "docx", "pdf"):
        text = _text(fmt, report_bytes(context=context, fmt=fmt))
        assert note in re.sub(r"\s+", " ", text) or note.replace(" ", "") in re.sub(r"\s+", "", text), fmt
    report = report_context(pairing=top, year=2010, language=language, with_charts=False)
    (trained,) = [f for f in report.people if f.code == "people_trained"]
    assert (trained.change, trained.change_note) == (None, note)


@pytest.mark.django_db
def test_a_pairing_with_no_figure_last_year_says_so_in_the_overviews_pairing_table() -> None:
    value("aid_funds", "5000000", pairing=pairing(), year=2010)
    tibet = pairing("110000", "540000")
    value("aid_funds", "3000000", pairing=tibet, year=2010)
    value("aid_funds", "2000000", pairing=tibet, year=2009)
    rows = overview_context(year=2010, with_charts=False).pairings
    assert sorted((r.value, r.change, r.change_note) for r in rows) == [
        (3000000, 50, ""),
        (5000000, None, "no change on last year: no figure for 2009"),
    ]
