"""A page showing a history reads it in a fixed number of queries, however many versions it has (issue 13:
the activity page ran 24 queries with 6 versions naming other recipient areas, one diff per version)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pairaid.entry.services import activity_update, datavalue_update, transaction_update
from tests.web.factories import World, area, make_activity, make_figure, make_transaction

pytestmark = pytest.mark.django_db


def _queries(world: World, url: str, language: str) -> tuple[int, str]:
    client = Client(headers={"Accept-Language": language})
    client.force_login(world.admin)
    client.get(url)  # the session and the caches warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _activity_changed(world: World, activity: Any, times: int) -> None:
    counties = [area("653121"), area("653122"), area("653123")]
    for n in range(times):
        areas = counties[: 1 + n % 3] if n % 4 != 3 else None
        activity_update(user=world.admin, activity=activity, data={"title": f"School {n}"}, recipient_areas=areas)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_activity_page_asks_as_many_queries_for_two_versions_as_for_twelve(world: World, language: str) -> None:
    activity = make_activity(world.kashi, "CN-TEST-1")
    tx = make_transaction(activity)
    _activity_changed(world, activity, 2)
    few, _ = _queries(world, f"/activities/{activity.pk}/", language)
    _activity_changed(world, activity, 10)
    for n in range(4):
        transaction_update(user=world.admin, transaction_=tx, data={"value": 2000 + n})
    many, page = _queries(world, f"/activities/{activity.pk}/", language)
    assert many == few <= 20
    assert page.count('data-field="recipient_areas"') == 10  # of 12 changes, two leave the areas as they are
    assert "653122" in page and "653123" in page
    assert ("疏勒" if language == "zh-hans" else "Shule") in page


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_figure_and_pairing_pages_ask_as_many_queries_however_many_versions(world: World, language: str) -> None:
    figure = make_figure("aid_funds", "1000", pairing=world.kashi, year=2009)
    datavalue_update(user=world.admin, data_value=figure, data={"value": 1001})
    few_figure, _ = _queries(world, f"/figures/{figure.pk}/", language)
    few_pairing, _ = _queries(world, f"/pairings/{world.kashi.pk}/", language)
    for n in range(10):
        datavalue_update(user=world.owner, data_value=figure, data={"value": 1002 + n})
    for n in range(6):
        world.kashi.name = f"Shandong – Kashi ({n})"
        world.kashi.save()
    many_figure, page = _queries(world, f"/figures/{figure.pk}/", language)
    many_pairing, _ = _queries(world, f"/pairings/{world.kashi.pk}/", language)
    assert many_figure == few_figure <= 20 and many_pairing == few_pairing <= 20
    assert "1011" in page and page.count('data-field="value"') == 11
