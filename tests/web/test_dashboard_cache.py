"""The dashboard's figures (headlines, the year's totals, the pairings' aid funds) and the area page's
totals come from the shared cache under the database's count of changes (indicators.data_cache): the
cached figures are the uncached ones, and a figure added or changed by a service, a bulk update or raw
SQL shows at once."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pairaid.entry.services import datavalue_update
from pairaid.indicators.models import DataValue
from pairaid.indicators.totals import ScopeTotal, scope_totals
from pairaid.web.selectors import DashboardTotals, dashboard_totals, dashboard_totals_cached
from pairaid.web.year_context import area_year_panel
from tests.web.factories import World, area, make_figure


@pytest.fixture
def figures(world: World) -> dict[str, Any]:
    return {
        "xinjiang": make_figure("aid_funds", "1574000000", pairing=world.shandong),
        "kashi": make_figure("aid_funds", "600000000", pairing=world.kashi),  # inside Shandong–Xinjiang's
        "before": make_figure("aid_funds", "1000000000", pairing=world.shandong, year=2008),
        "trained": make_figure("people_trained", "1200", pairing=world.jiangsu),
    }


def _shown(found: DashboardTotals) -> Any:
    """Everything the page shows of the figures, as plain values."""
    return (
        found.years,
        found.year,
        [(h.indicator.code, [(t.year, t.value) for t in h.series]) for h in found.headlines],
        [(f.pairing.pk, f.value, f.previous) for f in found.by_pairing],
        [
            (t.indicator.code, t.unit, t.period_kind, t.value, t.previous, t.change, t.value_count, t.kept, t.covered)
            for t in found.totals
        ],
    )


def _national_aid(found: DashboardTotals) -> Decimal:
    return next(t.value for t in found.totals if t.indicator.code == "aid_funds")


def test_the_cached_figures_are_the_uncached_ones(figures: dict[str, Any], world: World) -> None:
    for year in (None, 2009, 2008):
        first = dashboard_totals_cached(year=year)
        with CaptureQueriesContext(connection) as queries:
            again = dashboard_totals_cached(year=year)
        assert len(queries) <= 2  # the count of changes and the cache: no statement read again
        assert _shown(again) == _shown(first) == _shown(dashboard_totals(year=year))
    found = dashboard_totals_cached(year=2009)
    assert found.years == (2009, 2008)
    assert _national_aid(found) == Decimal("1574000000")  # Kashi's inside Shandong–Xinjiang's, not added
    aid = next(t for t in found.totals if t.indicator.code == "aid_funds")
    assert aid.previous == Decimal("1000000000")
    assert [(s.value, s.value_count) for s in aid.kept] == [(Decimal("1574000000"), 1)]
    assert [s.value for s in aid.covered] == [Decimal("600000000")]
    assert (aid.kept_more, aid.covered_count) == (0, 1)
    assert [(f.pairing.pk, f.value, f.previous) for f in found.by_pairing] == [
        (world.shandong.pk, Decimal("1574000000"), Decimal("1000000000"))
    ]


def test_a_stored_total_keeps_its_statements(figures: dict[str, Any]) -> None:
    aid = next(t for t in dashboard_totals(year=2009).totals if t.indicator.code == "aid_funds")
    copy = pickle.loads(pickle.dumps(aid))
    kept = (aid.value, aid.value_count, aid.kept, aid.covered)
    assert (copy.value, copy.value_count, copy.kept, copy.covered) == kept


@pytest.mark.parametrize("how", ["service", "bulk", "raw", "added"])
def test_a_changed_figure_shows_at_once_although_the_dashboard_is_cached(
    figures: dict[str, Any], world: World, how: str
) -> None:
    assert "1,574,000,000" in Client().get("/").content.decode()
    assert _national_aid(dashboard_totals_cached()) == Decimal("1574000000")
    xinjiang = figures["xinjiang"]
    if how == "service":
        datavalue_update(user=world.admin, data_value=xinjiang, data={"value": 1600000000})
        expected = Decimal("1600000000")
    elif how == "bulk":
        DataValue.objects.filter(pk=xinjiang.pk).update(value=Decimal("1600000000"))
        expected = Decimal("1600000000")
    elif how == "raw":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE indicators_datavalue SET value = %s WHERE id = %s", ["1600000000", xinjiang.pk])
        expected = Decimal("1600000000")
    else:
        make_figure("aid_funds", "26000000", pairing=world.jiangsu)
        expected = Decimal("1600000000")  # Jiangsu–Xinjiang's added beside Shandong–Xinjiang's
    assert _national_aid(dashboard_totals_cached()) == expected
    html = Client().get("/").content.decode()
    assert "1,600,000,000" in html
    assert "1,574,000,000" not in html or how == "added"


def test_the_area_pages_cached_totals_are_the_uncached_ones_and_follow_a_bulk_update(figures: dict[str, Any]) -> None:
    xinjiang = area("650000")

    def aid(totals: list[ScopeTotal]) -> Decimal:
        return next(t.value for t in totals if t.indicator.code == "aid_funds")

    first = area_year_panel(area=xinjiang, year=2009, language="en")["totals"]
    again = area_year_panel(area=xinjiang, year=2009, language="en")["totals"]
    uncached = scope_totals(year=2009, area=xinjiang)
    assert [(t.indicator.code, t.value, t.previous, t.kept, t.covered) for t in again] == [
        (t.indicator.code, t.value, t.previous, t.kept, t.covered) for t in first
    ]
    assert [(t.indicator.code, t.value, t.previous, t.kept, t.covered) for t in again] == [
        (t.indicator.code, t.value, t.previous, t.kept, t.covered) for t in uncached
    ]
    assert aid(again) == Decimal("1574000000")
    assert 'data-value="1574000000' in Client().get("/areas/650000/?year=2009").content.decode()
    DataValue.objects.filter(pk=figures["xinjiang"].pk).update(value=Decimal("1600000000"))
    assert aid(area_year_panel(area=xinjiang, year=2009, language="en")["totals"]) == Decimal("1600000000")
    assert 'data-value="1600000000' in Client().get("/areas/650000/?year=2009").content.decode()
