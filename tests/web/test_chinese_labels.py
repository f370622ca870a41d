"""Chinese pages name what the codelists name (issue 13): the activity form's sectors, the pairing page's
assessment evidence (indicators, units, judgements in words), in the reader's language."""

from __future__ import annotations

import re

from django.test import Client

from tests.web.factories import World


def _client(user: object, language: str) -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def _options(html: str, select: str) -> list[tuple[str, str]]:
    found = re.search(rf'<select name="{select}"[^>]*>(.*?)</select>', html, re.S)
    assert found, f"no <select name={select}>"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', found.group(1))


def test_the_activity_form_lists_sectors_by_their_name_in_the_readers_language(world: World) -> None:
    zh = dict(_options(_client(world.owner, "zh-hans").get("/activities/new/").content.decode(), "sector"))
    en = dict(_options(_client(world.owner, "en").get("/activities/new/").content.decode(), "sector"))
    assert zh["agriculture"] == "农业" and zh["infrastructure"] == "基础设施"
    assert en["agriculture"] == "Agriculture and agricultural standardisation"
    assert en["infrastructure"] == "Rural infrastructure"
    assert zh.keys() == en.keys() and len(zh) > 5
    assert not [n for code, n in zh.items() if code and re.search("[A-Za-z]", n)], "English on the Chinese page"
