"""What a roll-up must not add (issue 12, a fresh tester's findings): a year's event count to a standing
stock, another pairing's channel into one pairing's "of which", conflicting values of one figure, and one
sentence entered and read again in another unit. Made-up values on a small tree."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.activities.models import Activity
from pairaid.indicators.totals import scope_totals
from pairaid.reports.selectors import overview_context
from tests.checks.factories import document, pairing, value


@pytest.fixture
def tree() -> dict[str, object]:
    top = pairing("370000", "650000", name="Shandong – Xinjiang")
    kashi = pairing("370000", "653100", level="prefecture", parent=top, name="Shandong – Kashi")
    shule = pairing("370000", "653122", level="county", parent=kashi, name="Shandong – Shule")
    other = pairing("110000", "150000", name="Beijing – Inner Mongolia")
    return {"top": top, "kashi": kashi, "shule": shule, "other": other}


def _totals(code: str, **kwargs: object) -> dict[str, tuple[Decimal, str]]:
    found = scope_totals(year=2009, **kwargs)  # type: ignore[arg-type]
    return {t.period_kind: (t.value, t.qualifier) for t in found if t.indicator.code == code}


@pytest.mark.django_db
def test_an_events_count_is_not_added_to_the_standing_stock(tree: dict) -> None:
    value("enterprises", "780", pairing=tree["top"], kind="as_of", qualifier="more_than")
    fair = Activity.objects.create(identifier="F1", title="Fair", sector="enterprise", pairing=tree["top"])
    park = Activity.objects.create(identifier="P1", title="Park", sector="industry", pairing=tree["shule"])
    for activity, amount, kind in ((fair, "30", "year"), (park, "94", "as_of")):
        output = value("enterprises", amount, kind=kind)
        output.activity = activity
        output.save()
    # the stock at the year's end holds the park's 94 (a stock of a part of it); the fair's 30 is the year's
    assert _totals("enterprises") == {"as_of": (780, "more_than"), "year": (30, "exact")}
    headline = [f for f in overview_context(year=2009, with_charts=False).headline if f.code == "enterprises"]
    assert [(f.shown, f.period) for f in headline] == [
        ("more than 780 enterprises", "end of 2009"),
        ("30 enterprises", "2009"),
    ]


@pytest.mark.django_db
def test_another_pairings_channel_is_no_part_of_one_pairings_aid_funds(tree: dict) -> None:
    value("aid_funds", "1574000000", pairing=tree["top"])
    value("grant_funds", "75800000", pairing=tree["kashi"])
    summary = overview_context(year=2009, with_charts=False).narrative["funds"]
    assert "aid funds of 1.574 billion yuan (of which 75.8 million yuan in grants)" in summary
    value("grant_funds", "37870000", pairing=tree["other"])  # a pairing that states no aid funds
    summary = overview_context(year=2009, with_charts=False).narrative["funds"]
    assert "of which" not in summary
    assert "aid funds of 1.574 billion yuan. In 2009, grants came to 113.67 million yuan." in summary  # apart


@pytest.mark.django_db
def test_conflicting_extracted_values_of_one_figure_are_not_added(tree: dict) -> None:
    for amount in ("20000000", "16000000", "15400000", "30000000"):
        value("aid_funds", amount, pairing=tree["shule"], status="extracted")
    assert _totals("aid_funds", include_extracted=True) == {"year": (Decimal(30000000), "exact")}
    assert _totals("aid_funds") == {}  # none confirmed


@pytest.mark.django_db
def test_one_sentence_entered_and_read_again_in_another_unit_counts_once(tree: dict) -> None:
    doc = document("More than 30 department-level leaders visited Kashi during the year.")
    value("leader_visits", "30", pairing=tree["kashi"], unit="person_time", doc=doc, written="More than 30")
    value("leader_visits", "30", pairing=tree["kashi"], unit="person", doc=doc, written="30", status="extracted")
    totals = [t for t in scope_totals(year=2009, include_extracted=True) if t.indicator.code == "leader_visits"]
    assert [(t.unit, t.value) for t in totals] == [("person_time", 30)]


def _read_at(code: str, amount: str, *, pairing: object, doc: object, at: int, written: str) -> None:
    """An extracted figure read at the ``at``-th place ``written`` occurs in ``doc``'s one sentence."""
    from pairaid.sources.models import Evidence

    start = -1
    for _ in range(at + 1):
        start = doc.text.index(written, start + 1)  # type: ignore[attr-defined]
    v = value(code, amount, pairing=pairing, status="extracted")  # type: ignore[arg-type]
    end = len(doc.text)  # type: ignore[attr-defined]
    v.evidence = Evidence.objects.create(
        document=doc, start=start, end=start + len(written), sentence_start=0, sentence_end=end
    )
    v.save()


@pytest.mark.django_db
def test_two_figures_at_distinct_places_of_one_sentence_both_count(tree: dict) -> None:
    doc = document(
        "The county held 12 trainings of officials for 400 person-times"
        " and 15 trainings of farmers for 400 person-times."
    )
    for at, courses in enumerate(("12", "15")):
        _read_at("training_courses", courses, pairing=tree["shule"], doc=doc, at=0, written=f"{courses} trainings")
        _read_at("people_trained", "400", pairing=tree["shule"], doc=doc, at=at, written="400 person-times")
    assert _totals("training_courses", include_extracted=True) == {"year": (Decimal(27), "exact")}
    assert _totals("people_trained", include_extracted=True) == {"year": (Decimal(800), "exact")}
    # the same figure told again in another sentence is still one statement, counted once
    again = document("In all, 400 person-times were trained.")
    value("people_trained", "400", pairing=tree["shule"], status="extracted", doc=again, written="400 person-times")
    value("training_courses", "15", pairing=tree["shule"], status="extracted", doc=again, written="400")
    assert _totals("people_trained", include_extracted=True) == {"year": (Decimal(800), "exact")}
    assert _totals("training_courses", include_extracted=True) == {"year": (Decimal(27), "exact")}
