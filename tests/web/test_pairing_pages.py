"""The pairing pages: search by donor and recipient, managing pairings (create, end, re-assign)."""

from __future__ import annotations

from django.test import Client

from tests.web.factories import World


def _client(user: object | None = None, language: str = "en") -> Client:
    client = Client(headers={"Accept-Language": language})
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def test_search_finds_a_pairing_by_donor_and_recipient_in_any_script(world: World) -> None:
    for query in ("Shandong-Kashgar", "山东 喀什", "山东喀什地区"):
        html = _client().get("/search/", {"q": query}).content.decode()
        assert f'href="/pairings/{world.kashi.pk}/"' in html, query
        assert f'href="/pairings/{world.shandong.pk}/"' not in html, query
    html = _client().get("/search/", {"q": "Shandong"}).content.decode()
    assert f'href="/pairings/{world.kashi.pk}/"' in html and f'href="/pairings/{world.shandong.pk}/"' in html
    assert f'href="/pairings/{world.jiangsu.pk}/"' not in html
