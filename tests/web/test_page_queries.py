"""Query budgets of the management, audit, analysis, search and background-work pages: each answers in at
most 20 queries however many users, records, figures or jobs there are."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pairaid.entry.services import activity_update, datavalue_update
from pairaid.jobs.services import export_start
from tests.web.factories import World, make_activity, make_figure, make_report, make_user

BUDGET = 20


@pytest.fixture
def busy(world: World) -> World:
    for n in range(15):
        make_user(f"editor-{n}", "pairing_editor", pairings=(world.kashi,))
        activity = make_activity(world.kashi, f"SD-KS-{n:03}", title=f"Clinic {n}")
        activity_update(user=world.owner, activity=activity, data={"title": f"Clinic {n}, phase 2"})
        figure = make_figure("aid_funds", str(1000 + n), pairing=world.kashi, year=2000 + n)
        datavalue_update(user=world.admin, data_value=figure, data={"value": 2000 + n})
        export_start(user=world.admin, fmt="csv")
    make_report(world.kashi)
    return world


def _pages(world: World) -> list[tuple[Any, str]]:
    from pairaid.jobs.models import Job

    job = Job.objects.filter(user=world.admin).first()
    return [
        (world.admin, "/manage/"),
        (world.admin, "/manage/users/"),
        (world.admin, f"/manage/users/{world.owner.pk}/"),
        (world.admin, "/manage/audit/"),
        (world.national, f"/manage/audit/?user={world.owner.pk}&kind=activity"),
        (world.viewer, "/analysis/?indicator=aid_funds&rows=province&from=2000&to=2014"),
        (None, "/analysis/?indicator=aid_funds&rows=pairing_all&from=2000&to=2014&format=xlsx"),
        (None, "/search/?q=Kashi schools"),
        (world.admin, "/downloads/"),
        (world.admin, f"/jobs/{job.pk}/"),
        (world.admin, f"/jobs/{job.pk}/progress/"),
        (world.owner, "/documents/upload/"),
    ]


def test_each_page_stays_within_its_query_budget(busy: World, django_assert_max_num_queries: Any) -> None:
    for user, url in _pages(busy):
        client = Client()
        if user is not None:
            client.force_login(user)
        with django_assert_max_num_queries(BUDGET):
            response = client.get(url)
        assert response.status_code == 200, url
