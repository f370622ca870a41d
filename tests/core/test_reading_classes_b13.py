"""Classes of reading error of blind set 13 (issue 11), each fixed as a general rule and tested here on made-up
text (no sentence of any report): a funding source named in one clause does not flow into a parallel clause with
its own cue; gapped clauses ("Kelan gave N yuan and Cangzhou M"); a year of a figure's own clause wins over a
period of the clause before. The report year of a yearbook edition: tests/core/test_report_year.py."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.fact_views import period_key


def _facts(text: str, year: int = 2026) -> dict[str, list[tuple[str, str]]]:
    ex = read_report(text, report_year=year, donor="Kelan", recipient="Dongpo")
    out: dict[str, list[tuple[str, str]]] = {}
    for f in ex.facts:
        out.setdefault(ex.mentions[f.mention].text, []).append((f.indicator, period_key(f.period)))
    return out


Y = "year:2026"


@pytest.mark.parametrize(
    ("text", "figure", "reading"),
    [
        # each clause's own cue wins: the fiscal source of the first clause does not flow into the others
        (
            "Fiscal aid of 70 million yuan was allocated, and 45 projects were built, attracting 900 million yuan of "
            "enterprise investment.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan allocated fiscal aid of 70 million yuan, and 900 million yuan of corporate investment was "
            "brought in.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan gave 70 million yuan in grants, and 900 million yuan was invested by Kelan firms.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Kelan helped Dongpo attract 900 million yuan of investment.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
        (
            "Fiscal aid of 70 million yuan was allocated, and 45 projects were built, attracting 900 million yuan of "
            "enterprise investment.",
            "70 million yuan",
            ("government_aid_funds", Y),
        ),
        (
            "Government funds of 70 million yuan were allocated to Dongpo.",
            "70 million yuan",
            ("government_aid_funds", Y),
        ),
        # gapped clauses: the second party's figure shares the first figure's verb, unit and indicator
        ("Kelan gave 50 million yuan of aid funds and Cangzhou 30 million.", "30 million", ("aid_funds", Y)),
        ("Kelan gave 5 million yuan of aid funds and Cangzhou 3.", "3", ("aid_funds", Y)),
        ("Kelan sent 40 teachers to Dongpo, while Cangzhou sent 25.", "25", ("professionals_sent", Y)),
        ("Kelan trained 300 herders and the county 120.", "120", ("people_trained", Y)),
        # a year of the figure's own clause wins over a stock date of the clause before
        (
            "Kelan built a park, where 37 Kelan firms had set up by the end of May, while Kelan helped Dongpo attract "
            "900 million yuan of investment this year.",
            "900 million yuan",
            ("enterprise_investment", Y),
        ),
    ],
)
def test_each_clause_reads_by_its_own_cue(text: str, figure: str, reading: tuple[str, str]) -> None:
    assert _facts(text)[figure] == [reading]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Kelan gave 50 million yuan of aid funds and Cangzhou built 30 houses.", "30 houses"),
        ("Kelan trained 300 herders, while Cangzhou had 120 in its own courses.", "120"),
    ],
)
def test_a_clause_with_its_own_verb_is_no_gap(text: str, figure: str) -> None:
    facts = _facts(text)
    assert facts.get(figure, [("", "")])[0][0] not in ("aid_funds", "people_trained")


def test_a_gapped_sum_takes_the_scale_of_the_sum_before_it() -> None:
    ex = read_report("Kelan gave 5 million yuan of aid funds and Cangzhou 3.", report_year=2026)
    three = next(m for m in ex.mentions if m.text == "3")
    assert (three.unit, three.value) == ("CNY", 3000000)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kelan provided ¥390m of aid funds.", 390000000),
        ("Kelan provided RMB 8.6bn of aid funds.", 8600000000),
        ("Kelan provided 8.6 bn yuan of aid funds.", 8600000000),
        ("Kelan provided 390 mln yuan of aid funds.", 390000000),
        ("Kelan provided 3.5 million renminbi of aid funds.", 3500000),
        ("Kelan provided CN¥ 4.5 million of aid funds.", 4500000),
        ("Kelan provided RMB¥5.5 million of aid funds.", 5500000),
    ],
)
def test_money_written_in_its_short_forms_is_yuan(text: str, value: int) -> None:
    ex = read_report(text, report_year=2026, donor="Kelan", recipient="Dongpo")
    assert [(m.unit, m.value) for m in ex.mentions] == [("CNY", value)]
    assert [f.indicator for f in ex.facts] == ["aid_funds"]


@pytest.mark.parametrize(
    "text", ["Kelan firms invested US$20 million in Dongpo.", "Kelan gave HK$30 million.", "Kelan gave USD 3 million."]
)
def test_money_in_another_currency_is_no_yuan(text: str) -> None:
    ex = read_report(text, report_year=2026, donor="Kelan", recipient="Dongpo")
    assert not [m for m in ex.mentions if m.unit == "CNY"]
    assert not ex.facts


CUM = "cumulative:2003-2026"


@pytest.mark.parametrize(
    ("text", "figure", "reading"),
    [
        # a span of years the figures are summed over, ending in the report year, with no "the past"
        (
            "Over 24 years, Kelan has provided a cumulative 3.2 billion yuan of aid funds to Dongpo.",
            "3.2 billion yuan",
            ("aid_funds", CUM),
        ),
        (
            "In the 24 years of pairing, aid funds from Kelan accumulated to 3.2 billion yuan.",
            "3.2 billion yuan",
            ("aid_funds", CUM),
        ),
        (
            "Total 24 years of aid: funds accumulated to 3.2 billion yuan and 900 cadres were sent.",
            "900 cadres",
            ("cadres_seconded", CUM),
        ),
        (
            "During twenty-four years of assistance, Kelan's aid funds totalled 3.2 billion yuan.",
            "3.2 billion yuan",
            ("aid_funds", CUM),
        ),
        # the N years from a year: from it on, up to the report year at most
        (
            "In the 10 years from 2017, Kelan provided 3.2 billion yuan of aid funds.",
            "3.2 billion yuan",
            ("aid_funds", "cumulative:2017-2026"),
        ),
        # a duration that is no span of the figures
        ("Kelan built 3 schools in 2 years.", "3 schools", ("schools", Y)),
    ],
)
def test_a_span_of_years_stated_makes_its_figures_cumulative(text: str, figure: str, reading: tuple[str, str]) -> None:
    assert _facts(text)[figure] == [reading]


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        ("Personnel exchange 36 person-times.", "36 person-times", "personnel_exchanges"),
        (
            "Kelan organised personnel exchanges of 36 person-times with Dongpo.",
            "36 person-times",
            "personnel_exchanges",
        ),
        # a combined count of cadres and professionals sent to take posts: the cadres (gold-format F7, its head noun)
        ("Kelan sent 120 cadres and technicians to take posts in Dongpo.", "120 cadres", "cadres_seconded"),
        # jobs in the donor's own place are labour transferred; jobs in the recipient or at home are jobs
        ("Kelan helped 3,000 Dongpo farmers find jobs in Kelan.", "3,000 Dongpo farmers", "labour_transferred"),
        (
            "In 2026, 1,400 labourers from Dongpo got stable jobs in Kelan Province.",
            "1,400 labourers",
            "labour_transferred",
        ),
        ("Kelan helped 3,000 Dongpo farmers find jobs in Dongpo.", "3,000 Dongpo farmers", "jobs"),
        ("Kelan trained 5,000 Dongpo farmers, 3,000 of whom found jobs in Kelan.", "3,000", "jobs"),
        ("In 2026, 4,200 Dongpo farmers found jobs in Kelan, in Dongpo or elsewhere.", "4,200 Dongpo farmers", "jobs"),
    ],
)
def test_exchanges_cadres_and_where_jobs_are(text: str, figure: str, indicator: str) -> None:
    assert [i for i, _ in _facts(text)[figure]] == [indicator]


def _places(text: str) -> dict[str, str | None]:
    ex = read_report(text, report_year=2026)
    return {ex.mentions[f.mention].text: f.recipient for f in ex.facts}


AID_TO = "Shandong's Aid to Kashgar\n\nIn 2026 Shandong provided 300 million yuan of aid funds to Kashgar.\n\n"
BELOW = "\n\nShandong invested 50 million yuan and built 12 schools.\n\nShandong also trained 2,000 farmers.\n\n"


@pytest.mark.parametrize(
    "heading",
    [
        "Shule County",
        "1. Shule County",
        "(1) Shule County",
        "2) Shule County",
        "Shule County:",
        "Shule County (Kashgar)",
    ],
)
def test_a_county_heading_carries_to_the_figures_below_it_until_replaced(heading: str) -> None:
    places = _places(AID_TO + heading + BELOW + "Yengisar County\n\nShandong built 8 clinics.\n")
    assert places["300 million yuan"] == "Kashgar"
    assert [places[f] for f in ("50 million yuan", "12 schools", "2,000 farmers")] == ["Shule County"] * 3
    assert "Yengisar" in (places["8 clinics"] or "")


def test_a_figure_in_a_county_named_first_in_its_sentence_goes_to_that_county() -> None:
    # any county of the gazetteer, not only the counties the registry pairs with the donor
    places = _places(
        "Jiangsu Helps Yili\n\nIn Yining County, Jiangsu built 12 schools. In 2026, Jiangsu built 5 clinics in Yili."
        " Jiangsu trained 3,000 herders in Huocheng County and 1,000 in Yining County.\n"
    )
    assert places == {
        "12 schools": "Yining County",
        "5 clinics": "Yili",
        "3,000 herders": "Huocheng County",
        "1,000": "Yining County",
    }


@pytest.mark.parametrize(
    ("text", "figure", "indicator"),
    [
        (
            "With fiscal funds from the provincial government, Kelan built 12 projects and drew 200 million yuan "
            "from enterprises.",
            "200 million yuan",
            "enterprise_investment",
        ),
        (
            "Kelan's fiscal aid totalled 30 million yuan, while 200 million yuan of investment came from Kelan firms.",
            "200 million yuan",
            "enterprise_investment",
        ),
        ("Kelan raised 20 million yuan from enterprises.", "20 million yuan", "social_donations"),
        (
            "Kelan helped 300 farmers find jobs in Kelan, and 2,000 local jobs were created in Dongpo.",
            "2,000 local jobs",
            "jobs",
        ),
    ],
)
def test_a_clause_s_own_words_name_whose_money_or_which_jobs(text: str, figure: str, indicator: str) -> None:
    assert [i for i, _ in _facts(text)[figure]] == [indicator]
