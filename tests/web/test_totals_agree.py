"""The dashboard, the area page, the overview and the API give the same totals (the demo's 2009)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from pairaid.reports.selectors import overview_context
from pairaid.sample.loader import sample_load

pytestmark = pytest.mark.django_db


def _page_totals(html: str) -> dict[tuple[str, str], Decimal]:
    table = html.split('id="totals"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'data-indicator="([a-z_]+)" data-unit="([^"]+)" data-value="([0-9.]+)"', table)
    return {(code, unit): Decimal(value) for code, unit, value in rows}


def test_dashboard_area_page_overview_and_api_agree_on_every_total() -> None:
    sample_load()
    client = Client()
    dashboard = _page_totals(client.get("/?year=2009").content.decode())
    xinjiang = _page_totals(client.get("/areas/650000/?year=2009").content.decode())
    api = {
        (t["indicator"], t["unit"]): Decimal(t["value"])
        for t in client.get("/api/v1/totals", {"year": 2009}).json()  # the year's flows and its end's stocks
    }
    overview = {(f.code, f.unit): f.value for f in overview_context(year=2009, with_charts=False).headline}

    # the figures stored lower in the tree count, each once: 20 (Shandong–Xinjiang) + 38,755
    # (Shandong–Kashi), which holds the 6,300 of the training centres, an activity of Shandong–Kashi (issue 12:
    # they were added, 45,075, counting the same people twice)
    assert dashboard[("people_trained", "person")] == 38775
    assert dashboard[("cadres_seconded", "person")] == 10  # stated for Shandong–Shule only
    assert dashboard[("aid_funds", "CNY")] == 1574000000
    assert api == dashboard
    assert {k: v for k, v in xinjiang.items() if k in dashboard} == dashboard  # every pairing is in Xinjiang
    assert overview == {k: v for k, v in dashboard.items() if k in overview}
    assert len(overview) >= 12


def test_the_dashboard_headline_series_counts_what_is_stored_under_the_top() -> None:
    sample_load()
    html = Client().get("/").content.decode()
    cadres = html.split('data-indicator="cadres_seconded"', 1)[1].split("</div>", 1)[0]
    assert "No confirmed figures yet." not in cadres and ">10<" in cadres


def test_the_api_names_the_subject_of_each_statement_an_area_s_total_kept() -> None:
    """Within Xinjiang the demo's statements are the pairings' (issue 12: every one was said to be an area's)."""
    from pairaid.registry.models import Pairing

    sample_load()
    totals = Client().get("/api/v1/totals", {"year": 2009, "area": "650000"}).json()
    (aid,) = [t for t in totals if t["indicator"] == "aid_funds"]
    top = Pairing.objects.get(name="Shandong – Xinjiang")
    assert [(k["subject"], k["id"], Decimal(k["value"])) for k in aid["kept"]] == [("pairing", top.pk, 1574000000)]
    assert {k["subject"] for t in totals for k in t["kept"]} == {"pairing"}


def test_the_api_refuses_a_pairing_and_an_area_at_once() -> None:
    response = Client().get("/api/v1/totals", {"year": 2009, "pairing": 1, "area": "650000"})
    assert response.status_code in (400, 422) and "error" in response.json()


def test_the_dashboard_shows_the_year_s_map() -> None:
    import io

    from PIL import Image

    sample_load()
    client = Client()
    assert '<img src="/map/2009.png"' in client.get("/?year=2009").content.decode()
    response = client.get("/map/2009.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content)).convert("RGB")
    dark_red = sum(1 for r, g, b in image.getdata() if r > 100 and g < 40 and b < 70)
    assert dark_red > 2000  # Xinjiang, which received the 2009 aid funds


def test_a_county_s_economy_is_not_its_province_s_in_the_api_and_on_the_area_page() -> None:
    from tests.checks.factories import area, value

    value("gdp", "3220000000", subject_area=area("653122"))  # Shule County's GDP
    client = Client()
    xinjiang = client.get("/api/v1/totals", {"year": 2009, "area": "650000"}).json()
    assert [t["indicator"] for t in xinjiang] == []
    (shule,) = client.get("/api/v1/totals", {"year": 2009, "area": "653122"}).json()
    assert (shule["indicator"], Decimal(shule["value"])) == ("gdp", 3220000000)
    assert [k["label"] for k in shule["kept"]] == [f"{area('653122').name_en} ({area('653122').name_zh})"]
    assert [(k["subject"], k["id"]) for k in shule["kept"]] == [("area", area("653122").pk)]
    assert 'data-indicator="gdp"' not in client.get("/areas/650000/?year=2009").content.decode()
    assert _page_totals(client.get("/areas/653122/?year=2009").content.decode())[("gdp", "CNY")] == 3220000000


def test_every_view_gives_the_channels_floor_of_each_pairing_alike() -> None:
    """Issue 12: the channels floor (an all-channels aid total below the sum of its channels gives way to that
    sum) was the nation's alone, so the pairings' rows, the pairing and area pages' trees and the map added the
    pairings as stated (100 + 10) beside a national 110. Made-up figures: Anhe – Xinjiang states 100 of all
    channels and 30 of government funds (100 stands); Linxi – Inner Mongolia states 10 of all channels, 50 of
    government funds and 5 of donations (its aid funds are 55); last year it stated 20 of government funds
    alone (20). Every view gives 100 + 55 = 155, and Linxi's change on last year (+175%)."""
    from pairaid.reports.map_data import map_arguments
    from pairaid.reports.selectors import report_context
    from tests.checks.factories import pairing, value

    first = pairing("370000", "650000", name="Anhe – Xinjiang")
    second = pairing("110000", "150000", name="Linxi – Inner Mongolia")
    value("aid_funds", "100", pairing=first)
    value("government_aid_funds", "30", pairing=first)
    value("aid_funds", "10", pairing=second)
    value("government_aid_funds", "50", pairing=second)
    value("social_donations", "5", pairing=second)
    value("government_aid_funds", "20", pairing=second, year=2008)
    client = Client()
    aid = ("aid_funds", "CNY")

    def api(**scope: object) -> Decimal:
        (found,) = [
            Decimal(t["value"])
            for t in client.get("/api/v1/totals", {"year": 2009, **scope}).json()
            if t["indicator"] == "aid_funds"
        ]
        return found

    assert _page_totals(client.get("/?year=2009").content.decode())[aid] == 155
    assert api() == 155
    overview = overview_context(year=2009, with_charts=False)
    assert [f.value for f in overview.headline if f.code == "aid_funds"] == [155]
    assert sorted((r.value, r.change) for r in overview.pairings) == [(55, 175), (100, None)]
    assert sum(r.value for r in overview.pairings) == 155
    assert _page_totals(client.get(f"/pairings/{second.pk}/?year=2009").content.decode())[aid] == 55
    assert _page_totals(client.get(f"/pairings/{first.pk}/?year=2009").content.decode())[aid] == 100
    assert api(pairing=second.pk) == 55
    report = report_context(pairing=second, year=2009, with_charts=False)
    (headline,) = [f for f in report.headline if f.code == "aid_funds"]
    assert (headline.value, headline.change, headline.change_note) == (55, 175, "")
    assert _page_totals(client.get("/areas/150000/?year=2009").content.decode())[aid] == 55
    assert _page_totals(client.get("/areas/650000/?year=2009").content.decode())[aid] == 100
    assert api(area="150000") == 55
    drawn = map_arguments(year=2009, language="en")
    assert drawn["values"] == {"150000": 55, "650000": 100}
    assert sorted(a.value for a in drawn["arrows"]) == [55, 100]
