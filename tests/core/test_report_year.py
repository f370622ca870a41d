"""The year a report covers, from its text and file name (pairaid.core.extract.report_year): made-up texts."""

from __future__ import annotations

import pytest

from pairaid.core.extract.report_year import report_year_of

CHAPTER = "Anhe - Baishan Pairing-off Aid\n\nIn 2019 Anhe gave 3 million yuan, against 2 million yuan in 2018.\n"
NEWS = (
    "Anhe and Baishan keep pace\n\n"
    "BAISHAN, Oct. 22 -- Anhe has given 3 million yuan this year, against 2 million yuan in 2019,"
    " officials said on Thursday.\n"
)


@pytest.mark.parametrize(
    ("text", "filename", "year"),
    [
        # a yearbook's chapter is named for the year it appeared in and covers the year before
        (CHAPTER, "2020_anhe-baishan.txt", 2019),
        # a news release, opened by its dateline, covers the year it appeared in (issue 11, blind set 5)
        (NEWS, "2020_anhe-baishan-news.txt", 2020),
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN CITY, July 9 (staff reporter) --"), "2020_news.txt", 2020),
        # the dateline names the province after the city, and the year after the day (issue 11, blind set 7)
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Eastshire, Oct. 22, 2020 --"), "2020_anhe-baishan.txt", 2020),
        (NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Inner Westland, May 3, 2020 —"), "2020_news.txt", 2020),
        # a dated dateline's year wins over a plan's later year and the file name
        (
            NEWS.replace("BAISHAN, Oct. 22 --", "BAISHAN, Eastshire, Dec. 30, 2020 --") + "It plans more in 2021.\n",
            "2021_anhe-baishan.txt",
            2020,
        ),
        # a capitalised heading with a date later in the text is no dateline
        (CHAPTER + "\nNOTES, May 3: compiled by the office.\n", "2020_anhe-baishan.txt", 2019),
    ],
)
def test_the_year_a_report_covers(text: str, filename: str, year: int) -> None:
    assert report_year_of(text, filename=filename) == year
