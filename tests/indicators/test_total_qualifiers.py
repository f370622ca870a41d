"""A total's qualifier is its parts', and a change on last year compares totals of the same pairings (issue 12).

Made-up values on a small tree: Shandong – Xinjiang over Shandong – Kashi over two county pairings.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from pairaid.core.tree_sums import Statement, added_qualifier, forest_total, tree_totals
from pairaid.indicators.totals import scope_totals
from pairaid.reports.selectors import overview_context
from tests.checks.factories import pairing, value


def test_a_sum_with_a_lower_bound_is_a_lower_bound() -> None:
    assert added_qualifier(["exact", "exact"]) == "exact"
    assert added_qualifier(["more_than", "exact"]) == "more_than"
    assert added_qualifier(["nearly", "nearly"]) == "nearly"
    assert added_qualifier(["more_than", "less_than"]) == "about"  # bounds of both sides: approximate
    parent = {1: None, 2: 1, 3: 1}
    totals = tree_totals(parent, [Statement(2, Decimal(780), qualifier="more_than"), Statement(3, Decimal(30))])
    assert (totals[1].value, totals[1].qualifier) == (810, "more_than")
    assert (totals[3].value, totals[3].qualifier) == (30, "exact")
    # a kept statement that holds the lower bound below it gives its own qualifier
    held = tree_totals(parent, [Statement(1, Decimal(900)), Statement(2, Decimal(780), qualifier="more_than")])
    assert (held[1].value, held[1].qualifier) == (900, "exact")
    # an exact total beside a lower bound one (rule 2: the smaller statement is another group)
    beside = forest_total(parent, [Statement(1, Decimal(5), qualifier="more_than"), Statement(3, Decimal(30))])
    assert beside is not None and (beside.value, beside.qualifier) == (35, "more_than")
    restored = type(totals[1]).__new__(type(totals[1]))
    restored.__setstate__(totals[1].__getstate__())  # a cached total keeps its qualifier
    assert restored.qualifier == "more_than"


@pytest.fixture
def tree() -> dict[str, object]:
    top = pairing("370000", "650000", name="Shandong – Xinjiang")
    kashi = pairing("370000", "653100", level="prefecture", parent=top, name="Shandong – Kashi")
    shule = pairing("370000", "653122", level="county", parent=kashi, name="Shandong – Shule")
    hotan = pairing("370000", "653200", level="prefecture", parent=top, name="Shandong – Hotan")
    return {"top": top, "kashi": kashi, "shule": shule, "hotan": hotan}


@pytest.mark.django_db
def test_every_view_of_a_total_shows_the_lower_bound_of_its_part(tree: dict) -> None:
    value("enterprises", "780", pairing=tree["kashi"], qualifier="more_than")
    value("enterprises", "30", pairing=tree["hotan"])
    (total,) = [t for t in scope_totals(year=2009) if t.indicator.code == "enterprises"]
    assert (total.value, total.qualifier) == (810, "more_than")  # two prefecture pairings' statements
    client = Client()
    (api,) = [t for t in client.get("/api/v1/totals", {"year": 2009}).json() if t["indicator"] == "enterprises"]
    assert (Decimal(api["value"]), api["qualifier"]) == (810, "more_than")
    assert {(k["label"], k["qualifier"]) for k in api["kept"]} == {
        ("Shandong – Kashi", "more_than"),
        ("Shandong – Hotan", "exact"),
    }
    for page in ("/?year=2009", "/areas/650000/?year=2009", f"/pairings/{tree['top'].pk}/?year=2009"):
        table = client.get(page).content.decode().split('id="totals"', 1)[1]
        row = table.split('data-indicator="enterprises"', 1)[1].split("</tr>", 1)[0]
        assert 'data-qualifier="more_than"' in row and ">more than 810<" in row, page
    (card,) = [f for f in overview_context(year=2009, with_charts=False).headline if f.code == "enterprises"]
    assert (card.shown, card.qualifier) == ("more than 810 enterprises", "more_than")
    zh = overview_context(year=2009, language="zh-hans", with_charts=False)
    assert [f.shown for f in zh.headline if f.code == "enterprises"] == ["810余家"]
    assert any(
        line.startswith("Enterprises cooperating or attracted more than 810 enterprises = ")
        for line in overview_context(year=2009, with_charts=False).counting
    )


@pytest.mark.django_db
def test_a_change_on_last_year_compares_totals_of_the_same_pairings(tree: dict) -> None:
    # aid funds: 2008 stated by the top pairing, 2009 by a county pairing only: not comparable
    value("aid_funds", "1000000000", pairing=tree["top"], year=2008)
    value("aid_funds", "5000000", pairing=tree["shule"], year=2009)
    # people trained: the same pairing both years: compared
    value("people_trained", "200", pairing=tree["kashi"], year=2008)
    value("people_trained", "250", pairing=tree["kashi"], year=2009)
    found = {t.indicator.code: t for t in scope_totals(year=2009)}
    aid, trained = found["aid_funds"], found["people_trained"]
    assert (aid.previous, aid.change, aid.change_withheld) == (1000000000, None, True)
    assert (trained.previous, trained.change, trained.change_withheld) == (200, Decimal("25.0"), False)
    (api,) = [t for t in Client().get("/api/v1/totals", {"year": 2009}).json() if t["indicator"] == "aid_funds"]
    assert (api["change_percent"], api["change_withheld"]) == (None, True)
    headline = {f.code: f for f in overview_context(year=2009, with_charts=False).headline}
    assert headline["aid_funds"].change is None
    assert headline["aid_funds"].change_note.startswith("no change on last year")
    assert (headline["people_trained"].change, headline["people_trained"].change_note) == (Decimal("25.0"), "")
    table = Client().get("/?year=2009").content.decode().split('id="totals"', 1)[1]
    row = table.split('data-indicator="aid_funds"', 1)[1].split("</tr>", 1)[0]
    assert (
        "no change on last year: that year&#x27;s total rests on other figures (of other pairings or areas, or of "
        "other funding channels)"
    ) in row
    assert "%" not in row


@pytest.mark.django_db
def test_the_pages_say_why_a_total_has_no_change_as_the_reports_do(tree: dict) -> None:
    value("people_trained", "40", pairing=tree["shule"], year=2009)  # nothing in 2008
    (total,) = [t for t in scope_totals(year=2009) if t.indicator.code == "people_trained"]
    (card,) = [f for f in overview_context(year=2009, with_charts=False).headline if f.code == "people_trained"]
    assert (total.previous, total.change, card.change_note) == (
        None,
        None,
        "no change on last year: no figure for 2008",
    )
    pages = ("/?year=2009", "/areas/650000/?year=2009", f"/pairings/{tree['top'].pk}/?year=2009")
    for language, note in (("en", card.change_note), ("zh-hans", "不计比上年增减：2008年无数据")):
        for page in pages:
            html = Client(headers={"accept-language": language}).get(page).content.decode()
            row = html.split('id="totals"', 1)[1].split('data-indicator="people_trained"', 1)[1].split("</tr>", 1)[0]
            assert f'<span class="muted">{note}</span>' in row, (language, page)
