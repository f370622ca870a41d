"""In real headless Chromium: an administrator creates and re-assigns pairings, in English and in Chinese.

The re-assignment ends one pairing and starts another; each page names the other
and the old pairing's history says why it ended.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import browser_page  # noqa: F401 - the Chromium page fixture

pytestmark = pytest.mark.browser


@pytest.fixture
def administrator(live_server: Any) -> dict[str, str]:
    from tests.web.factories import PASSWORD, make_user

    make_user("registry-admin", "administrator")
    return {"url": live_server.url, "username": "registry-admin", "password": PASSWORD}


def _log_in(page: Any, who: dict[str, str]) -> None:
    page.goto(f"{who['url']}/login/")
    page.fill("#id_username", who["username"])
    page.fill("#id_password", who["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{who['url']}/")


def _fill_source(page: Any) -> None:
    page.fill("#id_source_url", "https://example.org/scheme-2010")
    page.fill("#id_source_title", "Scheme of 2010")


def _save(page: Any) -> None:
    with page.expect_navigation():
        page.click("main button[type=submit]")


def test_an_administrator_creates_and_re_assigns_a_pairing_in_english(
    browser_page: Any,  # noqa: F811
    administrator: dict[str, str],
) -> None:
    from pairaid.registry.models import Pairing

    page, url = browser_page, administrator["url"]
    _log_in(page, administrator)
    page.goto(f"{url}/pairings/")
    page.click("text=New pairing")
    page.fill("#id_donor", "Shandong")
    page.fill("#id_recipient", "喀什地区")
    page.select_option("#id_level", "prefecture")
    page.select_option("#id_programme", "xinjiang")
    page.fill("#id_start_year", "2010")
    _fill_source(page)
    _save(page)

    kashi = Pairing.objects.get(donor_area__code="370000", recipient_area__code="653100")
    assert page.url == f"{url}/pairings/{kashi.pk}/"
    assert "Pairing saved." in page.locator(".messages").inner_text()

    page.click("text=Re-assign the pairing")
    page.fill("#id_year", "2014")
    page.check("input[name=side][value=recipient]")
    page.fill("#id_area", "Hotan Prefecture")
    _fill_source(page)
    _save(page)

    hotan = Pairing.objects.get(donor_area__code="370000", recipient_area__code="653200")
    assert (hotan.start_year, hotan.programme, Pairing.objects.get(pk=kashi.pk).end_year) == (2014, "xinjiang", 2013)
    assert page.url == f"{url}/pairings/{hotan.pk}/"
    assert "Continues" in page.locator(".reassignments .predecessor").inner_text()
    page.click(".reassignments .predecessor a")
    assert page.url == f"{url}/pairings/{kashi.pk}/"
    assert "Continued by" in page.locator(".reassignments .successor").inner_text()
    history = page.locator("#history").inner_text()
    assert "registry-admin" in history and f"re-assigned from 2014: #{hotan.pk}" in history


def test_an_administrator_creates_and_re_assigns_a_pairing_in_chinese(
    browser_page: Any,  # noqa: F811
    administrator: dict[str, str],
) -> None:
    from pairaid.registry.models import Pairing

    page, url = browser_page, administrator["url"]
    _log_in(page, administrator)
    with page.expect_navigation():
        page.select_option("header select[name=language]", "zh-hans")
    page.goto(f"{url}/pairings/")
    page.click("text=新建结对关系")
    page.fill("#id_donor", "江苏")
    page.fill("#id_recipient", "伊犁")
    page.select_option("#id_level", "prefecture")
    page.select_option("#id_programme", "xinjiang")
    page.fill("#id_start_year", "2010")
    _fill_source(page)
    _save(page)

    yili = Pairing.objects.get(donor_area__code="320000", recipient_area__code="654000")
    assert "结对关系已保存。" in page.locator(".messages").inner_text()

    page.click("text=调整结对关系")
    page.fill("#id_year", "2015")
    page.check("input[name=side][value=donor]")
    page.fill("#id_area", "上海市")
    _fill_source(page)
    _save(page)

    shanghai = Pairing.objects.get(donor_area__code="310000", recipient_area__code="654000")
    assert (shanghai.start_year, Pairing.objects.get(pk=yili.pk).end_year) == (2015, 2014)
    assert page.url == f"{url}/pairings/{shanghai.pk}/"
    assert "结对关系已调整" in page.locator(".messages").inner_text()
    assert "接续" in page.locator(".reassignments .predecessor").inner_text()
    page.goto(f"{url}/pairings/{yili.pk}/")
    assert "由以下结对关系接续" in page.locator(".reassignments .successor").inner_text()
    assert "修改记录" in page.locator("#history h2").inner_text()
