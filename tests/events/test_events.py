"""Events: recorded with their rules, listed by date, and the indicators computed from them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from pairaid.accounts.permissions import NotAllowed
from pairaid.core.errors import DataError
from pairaid.core.read_once import read_once
from pairaid.events.models import CadreBatch, FrameworkAgreement, TradeFair, Visit
from pairaid.events.selectors import _year_events, event_indicators, events_of_year
from pairaid.events.services import datavalues_from_events, event_create, event_delete, event_update
from pairaid.indicators.models import DataValue
from pairaid.indicators.selectors import indicators_by_code
from pairaid.registry.selectors import pairing_descendant_ids, pairing_index
from pairaid.sources.models import Evidence
from tests.web.factories import World, area, make_figure, make_report


def _year_of_events(world: World) -> None:
    event_create(
        user=world.owner,
        kind="visit",
        pairing=world.kashi,
        data={"year": 2009, "title": "Department leaders to Kashi", "direction": "to_recipient",
              "leader_level": "prefectural", "leaders": 30, "leaders_qualifier": "more_than", "delegations": 3},
    )
    event_create(
        user=world.owner,
        kind="visit",
        pairing=world.kashi,
        data={"year": 2009, "date": dt.date(2009, 9, 1), "title": "Return visits from Kashi",
              "direction": "to_donor", "delegations": 10},
    )
    event_create(
        user=world.owner,
        kind="cadre_batch",
        pairing=world.kashi,
        data={"year": 2009, "number": 6, "persons": 10, "title": "Sixth batch"},
    )
    event_create(
        user=world.owner,
        kind="trade_fair",
        pairing=world.shandong,
        data={"year": 2009, "date": dt.date(2009, 6, 15), "name": "Kashgar commodity fair", "booths": 146,
              "contracts": 30, "contract_value": Decimal("4577000000"), "delegation_size": 670},
    )
    event_create(
        user=world.owner,
        kind="agreement",
        pairing=world.shandong,
        data={"year": 2009, "title": "Strategic cooperation framework", "parties": "Shandong; Xinjiang",
              "fields": ["modern agriculture", "energy", "tourism"]},
    )


def test_indicators_are_computed_from_the_year_s_events(world: World) -> None:
    _year_of_events(world)
    computed = {c.code: c for c in event_indicators(pairing=world.shandong, year=2009)}
    assert {code: (c.value, c.qualifier, c.events) for code, c in computed.items()} == {
        "leader_visits": (Decimal(30), "more_than", 1),
        "delegations": (Decimal(13), "exact", 2),
        "cadres_seconded": (Decimal(10), "exact", 1),
        "contracts_signed": (Decimal(30), "exact", 1),
        "contract_value": (Decimal("4577000000"), "exact", 1),
    }
    assert event_indicators(pairing=world.kashi, year=2010) == []


def test_the_year_s_events_are_listed_by_date_undated_last(world: World) -> None:
    _year_of_events(world)
    rows = events_of_year(pairing=world.shandong, year=2009)
    assert [r.title for r in rows] == [
        "Kashgar commodity fair",
        "Return visits from Kashi",
        "Department leaders to Kashi",
        "Sixth batch",
        "Strategic cooperation framework",
    ]
    assert ("booths", "146") in rows[0].details
    assert ("fields of cooperation", "modern agriculture; energy; tourism") in rows[-1].details


def test_the_year_s_events_are_read_in_one_query_as_each_kind_s_table_holds_them(
    world: World, django_assert_num_queries: Any
) -> None:
    """The four tables are read at once (a UNION of typed columns): every field, the evidence and a batch's
    area come back as a read of each table gives them (dates, decimals, lists), on SQLite and PostgreSQL."""
    _year_of_events(world)
    evidence = Evidence.objects.create(document=make_report(world.kashi).document, start=0, end=8, rule="test")
    CadreBatch.objects.filter(number=6).update(area=area("653122"), evidence=evidence, start_date=dt.date(2009, 2, 1))
    with read_once():
        pairing_index(), pairing_descendant_ids(root=world.shandong), indicators_by_code()  # a page has read them
        with django_assert_num_queries(1):
            rows = events_of_year(pairing=world.shandong, year=2009)
            computed = event_indicators(pairing=world.shandong, year=2009)
    assert len(rows) == 5 and len(computed) == 5
    batch = next(r for r in rows if r.title == "Sixth batch")
    assert batch.evidence_url == f"/documents/{evidence.document_id}/#span-0-8"
    assert ("start", "2009-02-01") in batch.details and ("area", "Shule County") in batch.details
    assert (batch.pairing_name, batch.pairing_id) == (str(world.kashi), world.kashi.pk)
    held = _year_events(world.shandong, 2009)
    for kind, model in (("visit", Visit), ("cadre_batch", CadreBatch), ("trade_fair", TradeFair),
                        ("agreement", FrameworkAgreement)):
        fields = [f.attname for f in model._meta.concrete_fields]
        assert [[getattr(e, f) for f in fields] for e in held[kind]] == [
            [getattr(e, f) for f in fields] for e in model.objects.order_by("pk")
        ], kind
    assert held["trade_fair"][0].contract_value == Decimal("4577000000.00")
    assert held["agreement"][0].fields == ["modern agriculture", "energy", "tourism"]
    assert held["cadre_batch"][0].area.code == "653122" and held["cadre_batch"][0].evidence.end == 8


def test_figures_are_stored_from_events_where_none_is_confirmed(world: World) -> None:
    _year_of_events(world)
    make_figure("delegations", "10", pairing=world.kashi)
    stored = datavalues_from_events(user=world.owner, pairing=world.kashi, year=2009)
    assert sorted((v.indicator.code, v.value, v.qualifier) for v in stored) == [
        ("cadres_seconded", Decimal(10), "exact"),
        ("leader_visits", Decimal(30), "more_than"),
    ]
    assert datavalues_from_events(user=world.owner, pairing=world.kashi, year=2009) == []
    assert DataValue.objects.filter(pairing=world.kashi, indicator__code="delegations").get().value == 10


def test_an_event_s_rules(world: World) -> None:
    with pytest.raises(ValidationError, match="not in 2009"):
        event_create(user=world.owner, kind="visit", pairing=world.kashi,
                     data={"year": 2009, "date": dt.date(2010, 1, 5), "direction": "to_donor"})
    with pytest.raises(ValidationError):
        event_create(user=world.owner, kind="visit", pairing=world.kashi, data={"year": 2009, "direction": "west"})
    with pytest.raises(ValidationError, match="list of names"):
        event_create(user=world.owner, kind="agreement", pairing=world.kashi,
                     data={"year": 2009, "parties": "A; B", "fields": "energy"})
    with pytest.raises(DataError, match="unknown kind of event"):
        event_create(user=world.owner, kind="party", pairing=world.kashi, data={"year": 2009})


def test_only_the_pairing_s_editors_record_change_and_remove_events(world: World) -> None:
    with pytest.raises(NotAllowed):
        event_create(user=world.colleague, kind="cadre_batch", pairing=world.kashi,
                     data={"year": 2009, "number": 6, "persons": 10})
    batch = event_create(user=world.owner, kind="cadre_batch", pairing=world.kashi,
                         data={"year": 2009, "number": 6, "persons": 10})
    with pytest.raises(NotAllowed):
        event_update(user=world.national, event=batch, data={"persons": 12})
    event_update(user=world.owner, event=batch, data={"persons": 12})
    assert [h.history_change_reason for h in batch.history.order_by("history_id")] == ["recorded", "edited"]
    pk = batch.pk
    event_delete(user=world.owner, event=batch)
    assert CadreBatch.history.filter(id=pk).latest("history_id").history_type == "-"
