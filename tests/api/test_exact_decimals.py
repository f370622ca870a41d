"""The API writes every decimal as its exact value without trailing zeros (issue 12): a figure, an output,
money, a roll-up total and a change, not at the database column's scale ("7.0100", "7.01000000000000")."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from pairaid.api.api import _ExactDecimals
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_activity, make_figure, make_transaction


def test_a_decimal_goes_out_exact_without_trailing_zeros() -> None:
    encode = _ExactDecimals().encode
    assert [encode(Decimal(v)) for v in ("7.01000000000000", "20000000.00", "0.0000", "2E+7", "12.5")] == [
        '"7.01"',
        '"20000000"',
        '"0"',
        '"20000000"',
        '"12.5"',
    ]


def test_figures_outputs_money_and_totals_go_out_without_trailing_zeros(world: World) -> None:
    road = make_figure("road_length", "7.01", pairing=world.kashi, year=2009)
    activity = make_activity(world.kashi, "KS-2009-01")
    DataValue.objects.filter(pk=road.pk).update(activity=activity)
    make_figure("people_trained", "200", pairing=world.kashi, year=2008)
    make_figure("people_trained", "250", pairing=world.kashi, year=2009)
    make_transaction(activity, "20000000.00")
    client = Client()
    assert client.get(f"/api/v1/data-values/{road.pk}").json()["value"] == "7.01"
    outputs = client.get(f"/api/v1/data-values?activity={activity.pk}").json()["items"]
    assert [o["value"] for o in outputs] == ["7.01"]
    assert [t["value"] for t in client.get("/api/v1/transactions").json()["items"]] == ["20000000"]
    totals = {t["indicator"]: t for t in client.get("/api/v1/totals", {"year": 2009}).json()}
    assert totals["road_length"]["value"] == "7.01"
    assert [k["value"] for k in totals["road_length"]["kept"]] == ["7.01"]
    trained = totals["people_trained"]
    assert (trained["value"], trained["previous"], trained["change_percent"]) == ("250", "200", "25")
    raw = client.get("/api/v1/totals", {"year": 2009}).content.decode()
    assert "7.0100" not in raw and ".0000" not in raw
