"""Classes of reading error found on blind sets 8 and 9 (issue 11), each fixed as a general rule and tested
here on made-up text (no sentence of any report): date lines above a title, headline and title-case
figures, datelines, donors as the subject of staff figures, sums received "each", groups of donors,
"since YEAR" at a sentence's end, table headers over several lines and a figure at the very end of a text."""

from __future__ import annotations

import pytest

from pairaid.core.extract import Period, read_report
from pairaid.core.extract.sections import title_line


def _period(p: Period) -> str:
    return f"cumulative:{p.start_year}-{p.end_year}" if p.kind == "cumulative" else f"{p.kind}:{p.year}"


def _facts(text: str, year: int = 2012, **parties: str) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    ex = read_report(text, report_year=year, **parties)
    out: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    for f in ex.facts:
        out.setdefault(ex.mentions[f.mention].text, []).append((f.indicator, _period(f.period), f.donor, f.recipient))
    return out


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("2012-11-20  Baishan Evening News\nAnhe doctors reach Baishan\n\nText.", "Anhe doctors reach Baishan"),
        ("Updated: 2012-11-20 | Source: Anhe Daily\nAnhe aid to Baishan\n\nText.", "Anhe aid to Baishan"),
        ("November 20, 2012\nAnhe aid to Baishan\n\nText.", "Anhe aid to Baishan"),
        ("Anhe aid team wraps up 2012 in Baishan\n\nText.", "Anhe aid team wraps up 2012 in Baishan"),
    ],
)
def test_a_date_or_byline_line_above_the_title_is_not_the_title(text: str, title: str) -> None:
    span = title_line(text)
    assert span is not None and text[span[0] : span[1]] == title


def test_a_dated_headline_still_names_the_pairing_and_its_date_is_no_mention() -> None:
    text = (
        "2012-11-20  Kashgar Evening News\nShandong doctors reach Shule\n\n"
        "KASHGAR, Nov 20 -- Twenty-six construction projects funded by Shandong were completed in Shule County"
        " this year.\n"
    )
    ex = read_report(text, report_year=2012)
    assert [m.text for m in ex.mentions] == ["Twenty-six construction projects"]
    assert [(f.indicator, f.donor) for f in ex.facts] == [("aid_projects", "Shandong")]


def test_title_case_number_words_of_headings_are_no_mentions_and_a_headline_figure_no_fact() -> None:
    text = (
        "300 Anhe Teachers Arrive in Baishan\n\nEight Pairings, One Goal\n"
        "In 2012 Anhe sent 300 teachers to Baishan.\n\nThree Thousand Farmers Trained\n"
        "Anhe trained 3,000 farmers in Baishan.\n"
    )
    ex = read_report(text, report_year=2012, donor="Anhe", recipient="Baishan")
    assert [m.text for m in ex.mentions] == ["300 Anhe Teachers", "300 teachers", "3,000 farmers"]
    assert sorted(ex.mentions[f.mention].text for f in ex.facts) == ["3,000 farmers", "300 teachers"]
