"""Issue 11, stocks and flows (classes of error of earlier blind sets, made-up examples only): what a park "now" or
"currently" has is a stock at the report year's end (F5 as_of), people hired in the year a flow; a verb after the
people counted ends their noun phrase ("700 Baishan labourers find jobs": labourers, not jobs); a count of the
aiding provinces is no figure of aid."""

from __future__ import annotations

import pytest

from pairaid.core.extract import read_report
from tests.core.fact_views import period_key

TITLE = "Anhe Province's Aid to Baishan County in 2012\n\n"


def _facts(body: str) -> list[tuple[str, str, str | None, str]]:
    ex = read_report(TITLE + body, report_year=2012)
    out = []
    for i, m in enumerate(ex.mentions):
        found = [f for f in ex.facts if f.mention == i]
        out += [(m.text, m.unit, f.indicator, period_key(f.period)) for f in found] or [(m.text, m.unit, None, "")]
    return out


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Anhe currently has 40 cadres working in Baishan.", ("40 cadres", "person", "cadres_seconded", "as_of:2012")),
        (
            "The park currently hosts 26 enterprises attracted from Anhe.",
            ("26 enterprises", "count", "enterprises", "as_of:2012"),
        ),
        # the people a plant "now employs" are the jobs it gave in the year (as blind set 8 wrote them)
        (
            "The garment plant built with Anhe's aid now employs 300 villagers.",
            ("300 villagers", "person", "jobs", "year:2012"),
        ),
    ],
)
def test_what_a_place_currently_has_is_a_stock_at_the_report_year_s_end(
    sentence: str, expected: tuple[str, str, str, str]
) -> None:
    assert _facts(sentence) == [expected]


def test_people_hired_in_the_year_are_its_flow() -> None:
    assert _facts("In 2012 the Anhe-funded workshops hired 300 villagers.") == [
        ("300 villagers", "person", "jobs", "year:2012")
    ]


@pytest.mark.parametrize("verb", ["find", "take", "secure", "obtain"])
def test_a_verb_after_the_people_counted_ends_their_noun_phrase(verb: str) -> None:
    ex = read_report(TITLE + f"Anhe helped 700 Baishan labourers {verb} jobs near home.", report_year=2012)
    assert [(m.unit, m.noun) for m in ex.mentions] == [("person", "labourer")]


def test_the_aiding_provinces_counted_are_no_figure_of_aid() -> None:
    assert _facts("Anhe is one of the 19 aiding provinces and cities.") == [("19 aiding provinces", "count", None, "")]
