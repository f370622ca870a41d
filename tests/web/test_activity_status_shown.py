"""An activity's pages and the API show the status reports and exports give (issue 12): the one from its
dates on the day (Activity.current_status), not the stage as stored; in English and Chinese."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from django.test import Client

from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity, ActivityStatus, status_on_expression
from pairaid.reports.selectors import report_context
from tests.web.factories import World, make_activity


def _page(user: object, url: str, language: str) -> str:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_finished_activity_reads_closed_on_its_pages_and_in_the_api(world: World) -> None:
    ended = make_activity(world.kashi, "ST-1", title="Made-up water tower")  # stored: implementation
    Activity.objects.filter(pk=ended.pk).update(start_date=dt.date(2015, 3, 1), end_date=dt.date(2016, 9, 30))
    ended.refresh_from_db()
    assert ended.status == ActivityStatus.IMPLEMENTATION and ended.current_status() == ActivityStatus.CLOSED
    detail = _page(world.owner, f"/activities/{ended.pk}/", "en")
    assert "ST-1 · " in detail and " · Closed" in detail and "(from its dates; set as Implementation)" in detail
    assert "· Implementation" not in detail
    listed = _page(world.owner, f"/pairings/{world.kashi.pk}/", "en")
    assert re.search(r"Made-up water tower</a></td><td>[^<]*</td><td>Closed</td>", listed)
    zh_detail = _page(world.owner, f"/activities/{ended.pk}/", "zh-hans")
    assert " · 已完成" in zh_detail and "实施中" in zh_detail  # the stage as set, said apart
    zh_listed = _page(world.owner, f"/pairings/{world.kashi.pk}/", "zh-hans")
    assert re.search(r"</a></td><td>[^<]*</td><td>已完成</td>", zh_listed)

    headers = {"Authorization": f"Bearer {token_create(username=world.owner.username).token}"}
    got = Client().get(f"/api/v1/activities/{ended.pk}", headers=headers).json()
    assert (got["status"], got["status_label"], got["stored_status"]) == (4, "Closed", 2)
    zh = Client(headers={"Accept-Language": "zh-hans"}).get(f"/api/v1/activities/{ended.pk}", headers=headers).json()
    assert zh["status_label"] == "已完成"
    closed = Client().get("/api/v1/activities?status=4", headers=headers).json()
    assert [a["identifier"] for a in closed["items"]] == ["ST-1"]  # filtered by the status shown
    assert Client().get("/api/v1/activities?status=2", headers=headers).json()["items"] == []
    report = report_context(pairing=world.kashi, year=2016, with_charts=False)  # the report says the same
    assert [a.status for a in report.activities if a.identifier == "ST-1"] == ["Closed"]


def test_the_database_s_status_is_the_model_s_on_every_case(world: World) -> None:
    """status_on_expression (filters) answers as Activity.status_on (pages, reports, exports)."""
    day = dt.date(2020, 6, 15)
    past, future = dt.date(2019, 1, 1), dt.date(2021, 1, 1)
    made = []
    for n, (stored, (start, end)) in enumerate(
        itertools.product(
            ActivityStatus,
            [(None, None), (past, None), (future, None), (None, past), (None, future), (past, future), (past, past)],
        )
    ):
        made.append(
            Activity.objects.create(
                identifier=f"C-{n}",
                title="x",
                sector="health",
                pairing=world.kashi,
                status=stored,
                start_date=start,
                end_date=end,
            )
        )
    shown = dict(
        Activity.objects.filter(identifier__startswith="C-")
        .annotate(now=status_on_expression(day))
        .values_list("identifier", "now")
    )
    assert shown == {a.identifier: a.status_on(day) for a in made}
