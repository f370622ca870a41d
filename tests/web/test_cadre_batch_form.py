"""The cadre batch form offers the areas of its pairing's recipient only (issue 13: it listed all of China's
3,000-odd areas in one menu), named in the reader's language; an area outside is still refused (403)."""

from __future__ import annotations

import re

from django.test import Client

from pairaid.events.models import CadreBatch
from pairaid.geo.models import Area
from tests.web.factories import World, area


def _client(user: object, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    client.force_login(user)
    return client


def _area_menu(page: str) -> dict[str, str]:
    select = re.search(r'<select name="area"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None, "no area menu"
    return dict(re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select.group(1)))


def test_the_area_menu_holds_the_recipients_areas_by_name(world: World) -> None:
    url = f"/events/new/cadre_batch/{world.kashi.pk}/"
    en = _area_menu(_client(world.owner).get(url).content.decode())
    zh = _area_menu(_client(world.owner, "zh-hans").get(url).content.decode())
    kashi = area("653100")
    within = Area.objects.filter(code__startswith="6531").count()
    assert en.pop("") == zh.pop("") == "---------"
    assert len(en) == len(zh) == within and 10 < within < 20  # Kashi and its counties, not 3,000 areas
    assert {Area.objects.get(pk=pk).code[:4] for pk in en} == {"6531"}
    assert en[str(kashi.pk)] == "653100 Kashi Prefecture" and zh[str(area("653122").pk)] == "653122 疏勒县"
    assert str(area("654000").pk) not in en and Area.objects.count() > 3000


def test_a_batch_in_the_recipients_area_is_stored_and_one_outside_refused(world: World) -> None:
    url = f"/events/new/cadre_batch/{world.kashi.pk}/"
    form = {"year": "2009", "number": "2", "persons": "12", "title": "Second batch"}
    outside = _client(world.owner).post(url, {**form, "area": str(area("654000").pk)})
    assert outside.status_code == 403 and not CadreBatch.objects.exists()
    inside = _client(world.owner).post(url, {**form, "area": str(area("653122").pk)})
    assert inside.status_code == 302, inside.content.decode()[-2000:]
    assert list(CadreBatch.objects.values_list("pairing_id", "area__code", "persons")) == [
        (world.kashi.pk, "653122", 12)
    ]
