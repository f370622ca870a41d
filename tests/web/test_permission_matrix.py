"""The permission matrix, generated from one table (``rights.csv``): role × write × own/other,
through the pages and through the API.

Each cell says who may do a write: ``any`` (on any pairing), ``own`` (on the pairings or areas
assigned to them, and those below) or ``none``. "Own" is the Shandong–Kashi side (figures of
Shule County), "other" the Jiangsu–Yili side (figures of Yining). An allowed write changes the
database; a refused one answers 403 (401 through the API, or the login page, for anonymous
visitors) and leaves the database as it was. The README's table of roles is this table.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from pairaid.accounts.models import Membership
from pairaid.accounts.services import token_create
from pairaid.activities.models import Activity, Transaction
from pairaid.entry.services import activity_update, datavalue_update, transaction_update
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.jobs.models import Job
from pairaid.registry.models import Pairing
from pairaid.sources.models import Evidence, SourceDocument
from tests.web.factories import World, area, make_activity, make_figure, make_transaction, make_user

TABLE = Path(__file__).with_name("rights.csv")
README = Path(__file__).resolve().parents[2] / "README.md"
ROLES = {
    "administrator": "administrator",
    "national_office": "national office",
    "pairing_editor": "pairing editor",
    "recipient_editor": "recipient editor",
    "viewer": "viewer",
    "anonymous": "anonymous",
}
#: The user of the world who plays each role.
PLAYERS = {
    "administrator": "admin",
    "national_office": "national",
    "pairing_editor": "owner",
    "recipient_editor": "recipient_editor",
    "viewer": "viewer",
}


def _table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def roles_markdown() -> str:
    """The table as the README shows it."""
    cell = {"any": "any", "own": "own", "none": "—"}
    lines = [
        "| write | through | " + " | ".join(ROLES.values()) + " |",
        "| --- | --- | " + " | ".join("---" for _ in ROLES) + " |",
    ]
    for row in _table():
        through = row["through"].replace(" ", ", ")
        lines.append(f"| {row['what']} | {through} | " + " | ".join(cell[row[r]] for r in ROLES) + " |")
    return "\n".join(lines)


@dataclass(frozen=True)
class Side:
    """The records of one pairing that the writes name."""

    pairing: Pairing
    area: Area
    activity: Activity
    activity_version: int
    transaction: Transaction
    transaction_version: int
    figure: DataValue
    figure_version: int
    document: SourceDocument
    extracted: DataValue
    copy: DataValue
    upload: tuple[str, str, str, str]  # file name, text, donor, recipient
    person: Any  # a pairing editor of this side, whom the users' pages manage
    role: Membership


def _side(world: World, pairing: Pairing, area_code: str, tag: str, donor: str, recipient: str) -> Side:
    place = area(area_code)
    activity = make_activity(pairing, f"{tag}-001", title=f"{recipient} water works")
    tx = make_transaction(activity)
    figure = make_figure("jobs", "1000", pairing=pairing, area_=place, status="entered")
    versions = (
        activity.history.latest().history_id,
        tx.history.latest().history_id,
        figure.history.latest().history_id,
    )
    activity_update(user=world.admin, activity=activity, data={"title": f"{recipient} water works, phase 2"})
    transaction_update(user=world.admin, transaction_=tx, data={"value": tx.value * 2})
    datavalue_update(user=world.admin, data_value=figure, data={"value": 1500})
    text = f"{donor}'s aid to {recipient} in 2009\n\nIn 2009 {donor} gave aid funds of 8 million yuan.\n"
    document = SourceDocument.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), title=text.splitlines()[0], report_year=2009, text=text
    )
    start = text.index("8 million yuan")
    evidence = Evidence.objects.create(document=document, start=start, end=start + 14, rule="test")
    extracted = make_figure(
        "aid_funds", "8000000", pairing=pairing, area_=place, status="extracted", evidence=evidence, certainty="0.9"
    )
    start = text.index("aid funds")
    evidence = Evidence.objects.create(document=document, start=start, end=start + 9, rule="test")
    copy = make_figure("jobs", "1500", pairing=pairing, area_=place, status="extracted", evidence=evidence)
    upload_text = f"{donor}'s aid to {recipient}, 2010\n\nIn 2010 {donor} built 3 schools in {recipient}.\n"
    person = make_user(f"{tag.lower()}-editor", "pairing_editor", pairings=(pairing,))
    return Side(
        pairing,
        place,
        activity,
        versions[0],
        tx,
        versions[1],
        figure,
        versions[2],
        document,
        extracted,
        copy,
        (f"{tag.lower()}-2010.txt", upload_text, donor, recipient),
        person,
        Membership.objects.get(user=person),
    )


@pytest.fixture
def sides(world: World) -> dict[str, Side]:
    return {
        "own": _side(world, world.kashi, "653122", "SD-KS", "Shandong", "Kashi"),
        "other": _side(world, world.jiangsu, "654002", "JS-YL", "Jiangsu", "Yili"),
    }


Call = Callable[[Client, dict[str, str], Side], Any]


def _api(method: str, path: Callable[[Side], str], body: Callable[[Side], dict[str, Any]]) -> Call:
    def call(client: Client, headers: dict[str, str], s: Side) -> Any:
        return getattr(client, method)(path(s), json.dumps(body(s)), content_type="application/json", headers=headers)

    return call


def _web(path: Callable[[Side], str], data: Callable[[Side], dict[str, Any]]) -> Call:
    def call(client: Client, headers: dict[str, str], s: Side) -> Any:
        return client.post(path(s), data=data(s))

    return call


def _indicator(code: str) -> int:
    return int(Indicator.objects.get(code=code).pk)


def _upload(s: Side) -> dict[str, Any]:
    name, text, donor, recipient = s.upload
    file = SimpleUploadedFile(name, text.encode(), content_type="text/plain")
    return {"file": file, "report_year": 2010, "donor": donor, "recipient": recipient}


def _activity_form(s: Side) -> dict[str, Any]:
    return {
        "identifier": f"{s.activity.identifier}-B",
        "title": "Clinic",
        "sector": "health",
        "status": 2,
        "pairing": s.pairing.pk,
    }


def _own_activity() -> Activity:
    return Activity.objects.get(identifier="SD-KS-001")


def _transaction_form(s: Side) -> dict[str, Any]:
    return {
        "activity": s.activity.pk,
        "transaction_type": "commitment",
        "finance_type": "grant",
        "value": "250000.00",
        "value_date": "2009-09-30",
    }


def _figure_form(s: Side, year: int) -> dict[str, Any]:
    return {
        "indicator": _indicator("schools"),
        "pairing": s.pairing.pk,
        "area_code": s.area.code,
        "period_kind": "year",
        "year": year,
        "value": "4",
        "qualifier": "exact",
    }


WRITES: dict[str, dict[str, Call]] = {
    "activity_create": {
        "API": _api(
            "post",
            lambda s: "/api/v1/activities",
            lambda s: {
                "identifier": f"{s.activity.identifier}-B",
                "title": "Clinic",
                "sector": "health",
                "pairing": s.pairing.pk,
            },
        ),
        "web": _web(lambda s: "/activities/new/", _activity_form),
    },
    "activity_update": {
        "API": _api("patch", lambda s: f"/api/v1/activities/{s.activity.pk}", lambda s: {"title": "Renamed"}),
        "web": _web(
            lambda s: f"/activities/{s.activity.pk}/edit/",
            lambda s: {**_activity_form(s), "identifier": s.activity.identifier},
        ),
    },
    # the own activity (Shandong – Kashi) given the area of each side: the other side's lies outside its pairing
    "activity_areas": {
        "API": _api(
            "patch", lambda s: f"/api/v1/activities/{_own_activity().pk}", lambda s: {"recipient_areas": [s.area.code]}
        ),
        "web": _web(
            lambda s: f"/activities/{_own_activity().pk}/edit/",
            lambda s: {
                **_activity_form(s),
                "identifier": _own_activity().identifier,
                "pairing": _own_activity().pairing_id,
                "recipient_area_codes": s.area.code,
            },
        ),
    },
    "transaction_create": {
        "API": _api("post", lambda s: "/api/v1/transactions", _transaction_form),
        "web": _web(lambda s: "/transactions/new/", _transaction_form),
    },
    "transaction_update": {
        "API": _api("patch", lambda s: f"/api/v1/transactions/{s.transaction.pk}", lambda s: {"value": "7.00"}),
        "web": _web(
            lambda s: f"/transactions/{s.transaction.pk}/edit/", lambda s: {**_transaction_form(s), "value": "7.00"}
        ),
    },
    "datavalue_create": {
        "API": _api(
            "post",
            lambda s: "/api/v1/data-values",
            lambda s: {
                "indicator": "schools",
                "pairing": s.pairing.pk,
                "area": s.area.code,
                "period_start": "2010-01-01",
                "period_end": "2010-12-31",
                "value": "4",
            },
        ),
        "web": _web(lambda s: "/figures/new/", lambda s: _figure_form(s, 2010)),
    },
    "datavalue_update": {
        "API": _api("patch", lambda s: f"/api/v1/data-values/{s.figure.pk}", lambda s: {"value": "1600"}),
        "web": _web(
            lambda s: f"/figures/{s.figure.pk}/edit/",
            lambda s: {**_figure_form(s, 2009), "indicator": _indicator("jobs"), "value": "1600"},
        ),
    },
    # a planned figure is the pairing's plan: its pairing editors', not the recipient area's editors' (issue 13)
    "plan_value_set": {
        "API": _api(
            "put",
            lambda s: f"/api/v1/plans/{s.pairing.pk}/2010/values",
            lambda s: {"indicator": "houses", "value": "200", "area": s.area.code},
        ),
        "web": _web(
            lambda s: f"/plans/{s.pairing.pk}/2010/values/",
            lambda s: {"indicator": _indicator("houses"), "value": "200"},
        ),
    },
    "datavalue_planned": {
        "API": _api(
            "post",
            lambda s: "/api/v1/data-values",
            lambda s: {
                "indicator": "houses",
                "pairing": s.pairing.pk,
                "area": s.area.code,
                "period_start": "2010-01-01",
                "period_end": "2010-12-31",
                "value": "200",
                "kind": "planned",
            },
        ),
    },
    **{
        f"datavalue_{action}": {
            "API": _api("post", lambda s, a=action: f"/api/v1/data-values/{s.extracted.pk}/{a}", lambda s, b=body: b),
            "web": _web(lambda s, a=action: f"/figures/{s.extracted.pk}/{a}/", lambda s, b=body: b),
        }
        for action, body in (("accept", {}), ("correct", {"value": "9000000"}), ("reject", {}))
    },
    "datavalue_same_as": {
        "API": _api("post", lambda s: f"/api/v1/data-values/{s.copy.pk}/same-as", lambda s: {}),
        "web": _web(lambda s: f"/figures/{s.copy.pk}/same_as/", lambda s: {}),
    },
    "datavalues_review": {
        "web": _web(lambda s: "/review/bulk/", lambda s: {"ids": [s.extracted.pk], "action": "accept"}),
    },
    "document_accept_confident": {
        "web": _web(lambda s: f"/documents/{s.document.pk}/accept-confident/", lambda s: {}),
    },
    "activity_restore": {
        "web": _web(lambda s: f"/history/activity/{s.activity.pk}/{s.activity_version}/restore/", lambda s: {}),
    },
    "transaction_restore": {
        "web": _web(
            lambda s: f"/history/transaction/{s.transaction.pk}/{s.transaction_version}/restore/", lambda s: {}
        ),
    },
    "datavalue_restore": {
        "web": _web(lambda s: f"/history/datavalue/{s.figure.pk}/{s.figure_version}/restore/", lambda s: {}),
    },
    "report_upload": {"web": _web(lambda s: "/documents/upload/", _upload)},
    "indicator_create": {
        "API": _api(
            "post",
            lambda s: "/api/v1/indicators",
            lambda s: {
                "code": f"households_{s.area.code}",
                "group": "energy",
                "name_en": "Households",
                "name_zh": "户数",
                "unit": "household",
            },
        ),
    },
    "pairing_create": {
        "API": _api(
            "post",
            lambda s: "/api/v1/pairings",
            lambda s: {
                "donor_area": s.pairing.donor_area.code,
                "recipient_area": s.area.code,
                "level": "county",
                "start_year": 2009,
                "parent": s.pairing.pk,
                "source_url": "https://example.org/notice",
                "source_title": "Notice",
                "basis": "stated",
            },
        ),
        "web": _web(
            lambda s: "/pairings/new/",
            lambda s: {
                "donor": s.pairing.donor_area.code,
                "recipient": s.area.code,
                "level": "county",
                "programme": "east_west",
                "start_year": 2009,
                "parent": str(s.pairing.pk),
                "source_url": "https://example.org/notice",
                "source_title": "Notice",
                "basis": "stated",
            },
        ),
    },
    "pairing_update": {
        "API": _api("patch", lambda s: f"/api/v1/pairings/{s.pairing.pk}", lambda s: {"note": "checked"}),
    },
    "pairing_end": {
        "API": _api("post", lambda s: f"/api/v1/pairings/{s.pairing.pk}/end", lambda s: {"end_year": 2012}),
        "web": _web(lambda s: f"/pairings/{s.pairing.pk}/end/", lambda s: {"end_year": 2012}),
    },
    "pairing_reassign": {
        "API": _api(
            "post",
            lambda s: f"/api/v1/pairings/{s.pairing.pk}/reassign",
            lambda s: {
                "year": 2013,
                "recipient_area": s.area.code,
                "level": "county",
                "source_url": "https://example.org/notice",
                "source_title": "Notice",
            },
        ),
        "web": _web(
            lambda s: f"/pairings/{s.pairing.pk}/reassign/",
            lambda s: {
                "year": 2013,
                "side": "recipient",
                "area": s.area.code,
                "level": "county",
                "source_url": "https://example.org/notice",
                "source_title": "Notice",
                "basis": "stated",
            },
        ),
    },
}


STRONG = "Kashgar-river-2009!"
WRITES |= {
    "user_create": {
        "web": _web(
            lambda s: "/manage/users/new/",
            lambda s: {"username": f"new-{s.person.username}", "password1": STRONG, "password2": STRONG},
        ),
    },
    "membership_grant": {"web": _web(lambda s: f"/manage/users/{s.person.pk}/", lambda s: {"role": "viewer"})},
    "administrator_grant": {
        "web": _web(lambda s: f"/manage/users/{s.person.pk}/", lambda s: {"role": "administrator"}),
    },
    "membership_revoke": {
        "web": _web(lambda s: f"/manage/users/{s.person.pk}/roles/{s.role.pk}/remove/", lambda s: {}),
    },
    "user_deactivate": {"web": _web(lambda s: f"/manage/users/{s.person.pk}/active/", lambda s: {"active": "0"})},
}


def _snapshot() -> str:
    rows = [
        list(Activity.objects.order_by("pk").values_list("pk", "identifier", "title", "pairing_id")),
        list(Activity.recipient_areas.through.objects.order_by("pk").values_list("activity_id", "area_id")),
        list(Transaction.objects.order_by("pk").values_list("pk", "value", "transaction_type", "activity_id")),
        list(DataValue.objects.order_by("pk").values_list("pk", "value", "status", "pairing_id", "area_id")),
        list(SourceDocument.objects.order_by("pk").values_list("pk", "sha256")),
        list(Pairing.objects.order_by("pk").values_list("pk", "key", "recipient_area_id", "end_year", "note")),
        list(Indicator.objects.order_by("pk").values_list("code", flat=True)),
        list(Job.objects.order_by("pk").values_list("pk", "kind", "user_id")),  # an upload is read in the background
        list(get_user_model().objects.order_by("pk").values_list("pk", "username", "is_active")),
        list(Membership.objects.order_by("pk").values_list("pk", "user_id", "role")),
    ]
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


def _client(world: World, role: str, channel: str) -> tuple[Client, dict[str, str]]:
    client = Client()
    if role == "anonymous":
        return client, {}
    user = getattr(world, PLAYERS[role])
    if channel == "API":
        return client, {"Authorization": f"Bearer {token_create(username=user.username).token}"}
    client.force_login(user)
    return client, {}


CELLS = [
    (row["write"], channel, role, row[role]) for row in _table() for channel in row["through"].split() for role in ROLES
]


@pytest.mark.parametrize(("write", "channel", "role", "cell"), CELLS, ids=["-".join(c[:3]) for c in CELLS])
def test_each_role_does_what_the_table_says_and_nothing_more(
    world: World, sides: dict[str, Side], write: str, channel: str, role: str, cell: str
) -> None:
    client, headers = _client(world, role, channel)
    for side in ("own", "other"):
        allowed = cell == "any" or (cell == "own" and side == "own")
        with transaction.atomic():
            before = _snapshot()
            response = WRITES[write][channel](client, headers, sides[side])
            where = f"{role} {write} through {channel} on the {side} side"
            if allowed:
                assert response.status_code in ({200, 201} if channel == "API" else {302}), (
                    where,
                    response.content[:800],
                )
                assert _snapshot() != before, f"{where} changed nothing"
            else:
                assert _snapshot() == before, f"{where} changed data"
                expected = {"API": 401, "web": 302}[channel] if role == "anonymous" else 403
                assert response.status_code == expected, (where, response.content[:800])
                if channel == "API":
                    assert response.json()["error"]["code"] in {"forbidden", "not_authenticated"}
                elif role == "anonymous":
                    assert response["Location"].startswith("/login/")
            transaction.set_rollback(True)


def test_every_write_of_the_table_is_tried_and_every_tried_write_is_in_the_table() -> None:
    assert [row["write"] for row in _table()] == list(WRITES)
    assert all(set(row["through"].split()) == set(WRITES[row["write"]]) for row in _table())


def test_the_readme_documents_the_roles_with_this_table() -> None:
    assert roles_markdown() in README.read_text(encoding="utf-8"), "README's roles table differs:\n" + roles_markdown()
