"""Binding on text the rules were not written from: made-up sentences in the shapes yearbook reports take
(a funding source a clause away, a period opened a sentence earlier, other words and word orders for a cue,
passive voice, parts of totals, values given for an earlier year), each read as a 2012 pairing chapter
between two made-up places.  Written for issue 11 to find binding mistakes; none is quoted from a report.
Each case lists every fact the text holds: mention text -> (indicator, period), the period as
``year:YYYY``, ``as_of:YYYY`` or ``cumulative:YYYY-YYYY``."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.fact_views import period_key

CASES = [
    pytest.param(
        "With 3.2 million yuan from the Anhe Municipal Finance Bureau, Baishan County built 14 village clinics.",
        {
            "3.2 million yuan": ("government_aid_funds", "year:2012"),
            "14 village clinics": ("health_facilities", "year:2012"),
        },
        id="a government source in an opening phrase",
    ),
    pytest.param(
        "Fiscal assistance of 45 million yuan was allocated by the Anhe municipal government to Baishan in 2012.",
        {"45 million yuan": ("government_aid_funds", "year:2012")},
        id="passive voice, the giver after 'by'",
    ),
    pytest.param(
        "In 2012 the Anhe government earmarked 45 million yuan of aid funds for Baishan, an increase of 12% over the"
        " 40 million yuan of 2011.",
        {
            "45 million yuan": ("government_aid_funds", "year:2012"),
            "40 million yuan": ("government_aid_funds", "year:2011"),
        },
        id="the previous year's value after 'over the'",
    ),
    pytest.param(
        "Migrant workers from Baishan earned 36 million yuan of labour income in Anhe,"
        " against 29 million yuan in 2011.",
        {"36 million yuan": ("labour_income", "year:2012"), "29 million yuan": ("labour_income", "year:2011")},
        id="the previous year's value after 'against', its year after it",
    ),
    pytest.param(
        "Anhe provided free aid of 68 million yuan, 11% more than in 2011 (61 million yuan).",
        {"68 million yuan": ("grant_funds", "year:2012"), "61 million yuan": ("grant_funds", "year:2011")},
        id="the previous year's value in brackets",
    ),
    pytest.param(
        "The aid funds totalled 50 million yuan. Of this amount, 42 million yuan came from the municipal budget and"
        " 8 million yuan was donated by businesses.",
        {
            "50 million yuan": ("aid_funds", "year:2012"),
            "42 million yuan": ("government_aid_funds", "year:2012"),
            "8 million yuan": ("social_donations", "year:2012"),
        },
        id="parts of a total, each with its source",
    ),
    pytest.param(
        "Anhe arranged 60 million yuan of aid for Baishan, of which 48 million yuan was fiscal money and"
        " 12 million yuan social donations.",
        {
            "60 million yuan": ("aid_funds", "year:2012"),
            "48 million yuan": ("government_aid_funds", "year:2012"),
            "12 million yuan": ("social_donations", "year:2012"),
        },
        id="a part named by the words after it, with no verb",
    ),
    pytest.param(
        "Donations from all sectors of Anhe society reached 3.5 million yuan.",
        {"3.5 million yuan": ("social_donations", "year:2012")},
        id="donations as the subject of 'reached'",
    ),
    pytest.param(
        "Free aid from Anhe amounted to 30 million yuan, 5 million yuan more than the year before.",
        {"30 million yuan": ("grant_funds", "year:2012")},
        id="free aid as the subject of 'amounted to'; a difference is no figure",
    ),
    pytest.param(
        "Anhe's companies and citizens contributed 2.6 million yuan in cash and materials worth 1.1 million yuan to"
        " Baishan.",
        {"2.6 million yuan": ("social_donations", "year:2012"), "1.1 million yuan": ("social_donations", "year:2012")},
        id="a social giver as the subject",
    ),
    pytest.param(
        "Anhe seconded 25 officials to Baishan for two-year terms and dispatched 40 medical personnel and 60 teachers.",
        {
            "25 officials": ("cadres_seconded", "year:2012"),
            "40 medical personnel": ("professionals_sent", "year:2012"),
            "60 teachers": ("professionals_sent", "year:2012"),
        },
        id="other words for cadres and professionals",
    ),
    pytest.param(
        "A total of 2,300 people received skills training with Anhe's support, and 1,500 surplus rural labourers"
        " were transferred to jobs in Anhe.",
        {"2,300 people": ("people_trained", "year:2012"), "1,500": ("labour_transferred", "year:2012")},
        id="training and transfer in the passive",
    ),
    pytest.param(
        "Anhe began helping Baishan in 2003. Over the years it has provided 380 million yuan in aid"
        " and built 96 schools.",
        {"380 million yuan": ("aid_funds", "cumulative:2003-2012"), "96 schools": ("schools", "cumulative:2003-2012")},
        id="a start year a sentence earlier",
    ),
    pytest.param(
        "Since 2003, Anhe has provided 380 million yuan of aid funds to Baishan. In 2012 it provided 52 million yuan.",
        {"380 million yuan": ("aid_funds", "cumulative:2003-2012"), "52 million yuan": ("aid_funds", "year:2012")},
        id="a sum since a year, then the year's figure",
    ),
    pytest.param(
        "By the end of 2012, 35 firms from Anhe had settled in the Baishan park. Anhe also trained 420 herders, and"
        " 180 herders found jobs through job fairs.",
        {
            "35 firms": ("enterprises", "as_of:2012"),
            "420 herders": ("people_trained", "year:2012"),
            "180 herders": ("jobs", "year:2012"),
        },
        id="the year's events after a stock",
    ),
    pytest.param(
        "The aid went to 37 projects, including 20 industrial projects and 17 infrastructure projects.",
        {
            "37 projects": ("aid_projects", "year:2012"),
            "20 industrial projects": ("aid_projects", "year:2012"),
            "17 infrastructure projects": ("aid_projects", "year:2012"),
        },
        id="parts of a count",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_made_up_figures_bind_as_a_reader_would(text: str, expected: dict[str, tuple[str, str]]) -> None:
    ex = read_report(f"Anhe - Baishan Pairing Assistance\n{text}", report_year=2012, donor="Anhe", recipient="Baishan")
    got = {ex.mentions[f.mention].text: (f.indicator, period_key(f.period)) for f in ex.facts}
    assert got == expected
    assert all(f.rule for f in ex.facts)
