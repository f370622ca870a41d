"""In real headless Chromium: an administrator creates a user, gives them a role over a pairing, then
creates a pairing and re-assigns it (the registry's screens), entirely in the browser, in English and in
Chinese, starting from the Management page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import OUTPUT, browser_page  # noqa: F401 - the Chromium page fixture
from tests.web.test_pairing_browser import _fill_source, _log_in, _save

pytestmark = pytest.mark.browser
STRONG = "Kashgar-river-2009!"


@pytest.fixture
def administrator(live_server: Any) -> dict[str, str]:
    from tests.web.factories import PASSWORD, make_pairing, make_user

    make_user("office-admin", "administrator")
    make_pairing("370000", "650000")  # Shandong – Xinjiang, the pairing the new user will edit
    return {"url": live_server.url, "username": "office-admin", "password": PASSWORD}


def _new_user_with_a_pairing(page: Any, url: str, username: str, words: dict[str, str]) -> Any:
    from django.contrib.auth import get_user_model

    page.goto(f"{url}/")
    page.click(f"header >> text={words['management']}")
    page.click(f"#manage >> text={words['new_user']}")
    page.fill("#id_username", username)
    page.fill("#id_password1", STRONG)
    page.fill("#id_password2", STRONG)
    with page.expect_navigation():
        page.click("#user-form button[type=submit]")
    assert words["created"] in page.locator(".messages").inner_text()
    page.select_option("#id_role", "pairing_editor")
    page.fill("#id_pairings", words["pairing"])
    with page.expect_navigation():
        page.click("#membership-form button[type=submit]")
    assert words["given"] in page.locator(".messages").inner_text()
    assert page.locator("#memberships tr[data-role=pairing_editor]").count() == 1
    return get_user_model().objects.get(username=username)


def _pairing_made_and_reassigned(page: Any, url: str, made: dict[str, str], then: dict[str, str]) -> Any:
    """Through the registry's screens: a new pairing ``made`` (donor, recipient, year), then re-assigned from
    ``then['year']`` to a new ``then['side']`` (``then['area']``); returns the old and the new pairing."""
    from pairaid.registry.models import Pairing

    page.goto(f"{url}/manage/")
    page.click(f"#manage >> text={made['link']}")
    for field in ("donor", "recipient"):
        page.fill(f"#id_{field}", made[field])
    page.select_option("#id_level", "prefecture")
    page.select_option("#id_programme", "xinjiang")
    page.fill("#id_start_year", made["year"])
    _fill_source(page)
    _save(page)
    old = Pairing.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    page.click(f"text={then['link']}")
    page.fill("#id_year", then["year"])
    page.check(f"input[name=side][value={then['side']}]")
    page.fill("#id_area", then["area"])
    _fill_source(page)
    _save(page)
    new = Pairing.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    return Pairing.objects.get(pk=old.pk), new


def test_an_administrator_manages_a_user_and_a_pairing_in_english(
    browser_page: Any,  # noqa: F811
    administrator: dict[str, str],
) -> None:
    from pairaid.accounts.permissions import user_rights
    from pairaid.registry.models import Pairing

    page, url = browser_page, administrator["url"]
    _log_in(page, administrator)
    words = {
        "management": "Management",
        "new_user": "New user",
        "created": "User hotan-editor created.",
        "pairing": "Shandong-Xinjiang",
        "given": "Role given.",
    }
    person = _new_user_with_a_pairing(page, url, "hotan-editor", words)
    xinjiang = Pairing.objects.get(donor_area__code="370000", recipient_area__code="650000")
    assert user_rights(person).pairing_ids == {xinjiang.pk}
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "user.png"), full_page=True)

    made = {"link": "New pairing", "donor": "Tianjin", "recipient": "Hotan Prefecture", "year": "2010"}
    then = {"link": "Re-assign the pairing", "year": "2014", "side": "recipient", "area": "Kashi Prefecture"}
    hotan, kashi = _pairing_made_and_reassigned(page, url, made, then)
    assert (hotan.donor_area.code, hotan.recipient_area.code, hotan.end_year) == ("120000", "653200", 2013)
    assert (kashi.donor_area.code, kashi.recipient_area.code, kashi.start_year) == ("120000", "653100", 2014)

    page.goto(f"{url}/manage/audit/")
    log = page.locator("#audit").inner_text()
    assert "office-admin" in log and "Pairing" in log


def test_an_administrator_manages_a_user_and_a_pairing_in_chinese(
    browser_page: Any,  # noqa: F811
    administrator: dict[str, str],
) -> None:
    from pairaid.accounts.permissions import user_rights
    from pairaid.registry.models import Pairing

    page, url = browser_page, administrator["url"]
    _log_in(page, administrator)
    with page.expect_navigation():
        page.select_option("header select[name=language]", "zh-hans")
    words = {
        "management": "管理",
        "new_user": "新建用户",
        "created": "已创建用户 kashi-editor。",
        "pairing": "山东-新疆",
        "given": "已授予角色。",
    }
    person = _new_user_with_a_pairing(page, url, "kashi-editor", words)
    xinjiang = Pairing.objects.get(donor_area__code="370000", recipient_area__code="650000")
    assert user_rights(person).pairing_ids == {xinjiang.pk}
    assert "结对编辑" in page.locator("#memberships").inner_text()

    made = {"link": "新建结对关系", "donor": "广东省", "recipient": "喀什地区", "year": "2010"}
    then = {"link": "调整结对关系", "year": "2015", "side": "donor", "area": "上海市"}
    guangdong, shanghai = _pairing_made_and_reassigned(page, url, made, then)
    assert (guangdong.donor_area.code, guangdong.recipient_area.code, guangdong.end_year) == ("440000", "653100", 2014)
    assert (shanghai.donor_area.code, shanghai.recipient_area.code, shanghai.start_year) == ("310000", "653100", 2015)
    page.goto(f"{url}/manage/audit/")
    assert "审计日志" in page.locator("h1").inner_text() and "office-admin" in page.locator("#audit").inner_text()
