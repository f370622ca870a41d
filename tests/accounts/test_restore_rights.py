"""A restore checks the rights on the record first, whatever version it names (issue 13): another record's
version id was answered "no version" before the rights were asked, telling a stranger which ids exist."""

from __future__ import annotations

from typing import Any

from django.test import Client

from pairaid.entry.services import datavalue_update
from pairaid.indicators.models import DataValue
from tests.web.factories import World, make_figure


def _browser(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_restore_is_refused_before_the_version_is_looked_up_and_another_records_version_is_404(
    world: World,
) -> None:
    kashi = make_figure("schools", "12", pairing=world.kashi, status="entered")
    datavalue_update(user=world.admin, data_value=kashi, data={"value": 14})
    yili = make_figure("schools", "5", pairing=world.jiangsu, status="entered")
    yili_version = yili.history.earliest().history_id
    kashi_version = kashi.history.earliest().history_id

    stranger = _browser(world.colleague)  # edits Jiangsu–Yili only
    assert stranger.post(f"/history/datavalue/{kashi.pk}/{yili_version}/restore/").status_code == 403
    assert stranger.post(f"/history/datavalue/{kashi.pk}/{kashi_version}/restore/").status_code == 403
    assert stranger.post(f"/history/datavalue/{kashi.pk}/999999/restore/").status_code == 403

    owner = _browser(world.owner)
    assert owner.post(f"/history/datavalue/{kashi.pk}/{yili_version}/restore/").status_code == 404
    assert owner.post(f"/history/datavalue/{kashi.pk}/999999/restore/").status_code == 404
    assert DataValue.objects.get(pk=kashi.pk).value == 14
    response = owner.post(f"/history/datavalue/{kashi.pk}/{kashi_version}/restore/")
    assert response.status_code == 302 and DataValue.objects.get(pk=kashi.pk).value == 12
