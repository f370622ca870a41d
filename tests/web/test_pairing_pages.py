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


def _source() -> dict[str, str]:
    return {"source_url": "https://example.org/notice", "source_title": "Notice", "basis": "stated", "note": ""}


def test_an_administrator_creates_a_pairing_naming_its_areas_in_words(world: World) -> None:
    from pairaid.registry.models import Pairing

    data = {
        "donor": "Shandong",
        "recipient": "疏勒县",
        "level": "county",
        "programme": "east_west",
        "start_year": "2010",
        "parent": "Shandong-Kashgar",
        **_source(),
    }
    response = _client(world.admin).post("/pairings/new/", data)

    created = Pairing.objects.get(recipient_area__code="653122")
    assert response.status_code == 302 and response["Location"] == f"/pairings/{created.pk}/"
    assert (created.donor_area.code, created.parent, created.programme, created.start_year) == (
        "370000",
        world.kashi,
        "east_west",
        2010,
    )
    assert created.history.get().history_user == world.admin


def test_the_form_names_what_is_wrong_in_chinese(world: World) -> None:
    data = {"donor": "Kashi", "recipient": "", "level": "county", "programme": "xinjiang", "start_year": "2010"}
    html = _client(world.national, "zh-hans").post("/pairings/new/", {**data, **_source()}).content.decode()

    assert "653100 喀什地区" in html and "653101 喀什市" in html  # Kashi may be the prefecture or the city
    assert "请给出一个地区或一个组织，只能选其一。" in html


def test_a_pairing_editor_cannot_open_the_registry_screens(world: World) -> None:
    client = _client(world.owner)
    assert client.get("/pairings/new/").status_code == 403
    assert client.post(f"/pairings/{world.kashi.pk}/end/", {"end_year": "2010"}).status_code == 403
    assert "/pairings/new/" not in client.get("/pairings/").content.decode()
    assert f"/pairings/{world.kashi.pk}/reassign/" not in client.get(f"/pairings/{world.kashi.pk}/").content.decode()


def test_a_re_assignment_ends_one_pairing_starts_another_and_both_pages_show_it(world: World) -> None:
    from pairaid.registry.models import Pairing

    client = _client(world.admin)
    response = client.post(
        f"/pairings/{world.kashi.pk}/reassign/",
        {"year": "2011", "side": "recipient", "area": "和田地区", "level": "", **_source()},
    )

    successor = Pairing.objects.get(recipient_area__code="653200")
    assert response.status_code == 302 and response["Location"] == f"/pairings/{successor.pk}/"
    assert Pairing.objects.get(pk=world.kashi.pk).end_year == 2010
    old_page = client.get(f"/pairings/{world.kashi.pk}/").content.decode()
    assert f'<li class="successor">Continued by <a href="/pairings/{successor.pk}/">' in old_page
    assert f"re-assigned from 2011: #{successor.pk}" in old_page  # the history's reason
    new_page = _client(world.admin, "zh-hans").get(f"/pairings/{successor.pk}/").content.decode()
    assert f'<li class="predecessor">接续 <a href="/pairings/{world.kashi.pk}/">' in new_page


def test_ending_a_pairing_before_it_starts_is_refused_with_the_reason(world: World) -> None:
    html = _client(world.admin).post(f"/pairings/{world.kashi.pk}/end/", {"end_year": "2005"}).content.decode()
    assert "A pairing cannot end in 2005 before it starts in 2009." in html
