"""The users' pages and the global audit log, through the pages as administrators and the national office use them.

An administrator creates a user and gives them a role over a pairing; the national office
manages users but not administrators; nobody deactivates themselves; a deactivated user
cannot sign in. The audit log names users (never ids), numbers each record's versions,
and filters by who, what, which change and when.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.test import Client

from pairaid.accounts.models import Membership
from pairaid.accounts.permissions import user_rights
from pairaid.entry.services import activity_update, datavalue_update
from tests.web.factories import PASSWORD, World, make_activity, make_figure

STRONG = "Kashgar-river-2009!"


def _client(user: Any, language: str = "en") -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


def _signs_in(username: str, password: str) -> bool:
    client = Client()
    client.post("/login/", {"username": username, "password": password})
    return "_auth_user_id" in client.session


def test_an_administrator_creates_a_user_and_gives_them_a_pairing(world: World) -> None:
    client = _client(world.admin)
    response = client.post(
        "/manage/users/new/", {"username": "aksu", "email": "", "password1": STRONG, "password2": STRONG}
    )
    aksu = get_user_model().objects.get(username="aksu")
    assert response.status_code == 302 and response["Location"] == f"/manage/users/{aksu.pk}/"
    response = client.post(f"/manage/users/{aksu.pk}/", {"role": "pairing_editor", "pairings": str(world.kashi.pk)})
    assert response.status_code == 302
    (membership,) = Membership.objects.filter(user=aksu)
    assert (membership.role, list(membership.pairings.all())) == ("pairing_editor", [world.kashi])
    assert user_rights(get_user_model().objects.get(pk=aksu.pk)).pairing_ids == {world.kashi.pk}
    html = client.get(f"/manage/users/{aksu.pk}/").content.decode()
    assert 'data-role="pairing_editor"' in html and f'href="/pairings/{world.kashi.pk}/"' in html
    assert _signs_in("aksu", STRONG)


def test_a_role_must_cover_what_it_edits_and_a_weak_password_is_refused(world: World) -> None:
    client = _client(world.admin)
    response = client.post(f"/manage/users/{world.viewer.pk}/", {"role": "pairing_editor", "pairings": ""})
    assert response.status_code == 400
    assert "A pairing editor edits one or more pairings, and no areas." in response.content.decode()
    response = client.post(f"/manage/users/{world.viewer.pk}/", {"role": "recipient_editor", "areas": "Atlantis"})
    assert "No area is named Atlantis." in response.content.decode()
    assert list(Membership.objects.filter(user=world.viewer).values_list("role", flat=True)) == ["viewer"]
    weak = {"username": "weak", "password1": "12345678", "password2": "12345678"}
    assert client.post("/manage/users/new/", weak).status_code == 200
    assert not get_user_model().objects.filter(username="weak").exists()


def test_in_chinese_the_refusal_is_in_chinese(world: World) -> None:
    response = _client(world.admin, "zh-hans").post(
        f"/manage/users/{world.viewer.pk}/", {"role": "recipient_editor", "pairings": str(world.kashi.pk)}
    )
    assert response.status_code == 400
    assert "受援方编辑只负责一个或多个地区，不负责结对关系。" in response.content.decode()


def test_the_national_office_manages_users_but_not_administrators(world: World) -> None:
    office = _client(world.national)
    assert office.post(f"/manage/users/{world.viewer.pk}/", {"role": "administrator"}).status_code == 403
    assert office.post(f"/manage/users/{world.admin.pk}/active/", {"active": "0"}).status_code == 403
    admin_role = Membership.objects.get(user=world.admin)
    assert office.post(f"/manage/users/{world.admin.pk}/roles/{admin_role.pk}/remove/").status_code == 403
    assert office.post(f"/manage/users/{world.viewer.pk}/", {"role": "national_office"}).status_code == 302
    assert office.post(f"/manage/users/{world.viewer.pk}/active/", {"active": "0"}).status_code == 302
    assert not get_user_model().objects.get(pk=world.viewer.pk).is_active
    assert not _signs_in("viewer", PASSWORD)
    assert office.post(f"/manage/users/{world.national.pk}/active/", {"active": "0"}).status_code == 403


def test_the_users_pages_are_for_administrators_and_the_national_office(world: World) -> None:
    for user in (world.owner, world.recipient_editor, world.viewer):
        assert _client(user).get("/manage/users/").status_code == 403
        assert _client(user).get("/manage/audit/").status_code == 403
    assert Client().get("/manage/users/").status_code == 302
    assert "manage/" not in _client(world.viewer).get("/").content.decode()
    assert 'href="/manage/"' in _client(world.national).get("/").content.decode()
    html = _client(world.national).get("/manage/").content.decode()
    assert 'href="/pairings/new/"' in html and 'href="/manage/users/new/"' in html and 'href="/manage/audit/"' in html


def test_the_audit_log_names_users_numbers_versions_and_filters(world: World) -> None:
    activity = make_activity(world.kashi, "SD-KS-9", title="Shule clinic")
    activity_update(user=world.owner, activity=activity, data={"title": "Shule clinic, phase 2"})
    activity_update(user=world.admin, activity=activity, data={"title": "Shule clinic, phase 3"})
    figure = make_figure("jobs", "1000", pairing=world.kashi)
    datavalue_update(user=world.owner, data_value=figure, data={"value": 1500})
    client = _client(world.national)

    html = client.get("/manage/audit/?kind=activity").content.decode()
    rows = re.findall(r"<tr><td><time[^>]*>[^<]*</time></td><td>([^<]*)</td><td>(\w+)</td>\s*<td>(.*?)</td>"
                      r"<td class=\"num\">(\d+)</td>", html)
    assert [(who, change, version) for who, change, _, version in rows] == [
        ("administrator", "changed", "3"),
        ("owner", "changed", "2"),
        ("system", "created", "1"),
    ]
    assert f'href="/activities/{activity.pk}/#history"' in rows[0][2]
    owner_only = client.get(f"/manage/audit/?user={world.owner.pk}").content.decode()
    assert owner_only.count("<tr><td><time") == 2 and "administrator" not in owner_only.split("<tbody>")[1]
    assert client.get("/manage/audit/?action=-").content.decode().count("<tr><td><time") == 0
    assert client.get("/manage/audit/?since=2001-01-01&until=2001-12-31").content.decode().count("<tr><td><time") == 0


def test_a_figures_history_names_the_user_who_changed_it_and_restore_names_the_records_version(world: World) -> None:
    figure = make_figure("jobs", "1000", pairing=world.kashi)
    datavalue_update(user=world.owner, data_value=figure, data={"value": 1500})
    datavalue_update(user=world.admin, data_value=figure, data={"value": 1600})
    client = _client(world.owner)
    html = client.get(f"/figures/{figure.pk}/").content.decode()
    history = html.split('id="history"')[1]
    assert "<del>owner</del> → <ins>administrator</ins>" in history and f">#{world.owner.pk}<" not in history
    first = figure.history.earliest().history_id
    response = client.post(f"/history/datavalue/{figure.pk}/{first}/restore/", {"next": f"/figures/{figure.pk}/"})
    html = client.get(response["Location"]).content.decode()
    assert "Restored version 1 of this record." in html and "restored from version 1" in html
    assert "version 4" in html


def test_a_user_created_at_the_same_moment_is_a_form_error_not_a_500(world: World, monkeypatch: Any) -> None:
    # issue 16: of three simultaneous POSTs of one name two gave 500 IntegrityError
    client = _client(world.admin)
    get_user_model().objects.create_user(username="aksu", password=STRONG)  # another request's, not yet seen:
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)  # every check that the name is free misses it
    response = client.post(
        "/manage/users/new/", {"username": "aksu", "email": "", "password1": STRONG, "password2": STRONG}
    )
    monkeypatch.undo()
    assert response.status_code == 200
    assert "A user named &#x27;aksu&#x27; exists already." in response.content.decode()
    assert get_user_model().objects.filter(username="aksu").count() == 1


def test_the_same_role_is_not_given_twice(world: World) -> None:
    # issue 16: role=pairing_editor, pairings=8 twice (and viewer twice) gave duplicate memberships
    client = _client(world.admin)
    aksu = get_user_model().objects.create_user(username="aksu", password=STRONG)
    kashi = {"role": "pairing_editor", "pairings": str(world.kashi.pk)}
    assert client.post(f"/manage/users/{aksu.pk}/", kashi).status_code == 302
    response = client.post(f"/manage/users/{aksu.pk}/", kashi)
    assert response.status_code == 400
    assert f"They hold this role over {world.kashi} already." in response.content.decode()
    assert client.post(f"/manage/users/{aksu.pk}/", {"role": "viewer"}).status_code == 302
    response = client.post(f"/manage/users/{aksu.pk}/", {"role": "viewer"})
    assert response.status_code == 400 and "They hold this role already." in response.content.decode()
    assert sorted(Membership.objects.filter(user=aksu).values_list("role", flat=True)) == ["pairing_editor", "viewer"]
    other = {"role": "pairing_editor", "pairings": str(world.jiangsu.pk)}
    assert client.post(f"/manage/users/{aksu.pk}/", other).status_code == 302  # another pairing: a second membership


def test_a_role_covering_everything_is_held_once_by_the_database(world: World) -> None:
    Membership.objects.create(user=world.viewer, role="national_office")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=world.viewer, role="national_office")
