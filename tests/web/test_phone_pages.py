"""The dashboard and a pairing's page fit a phone (issue 13): at 390 px the dashboard's map and charts and the
pairing page's notes (a long web address) made the page wider than the window, in English and in Chinese."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import browser_page  # noqa: F401 - the Chromium page fixture
from tests.web.test_review_browser import PHONE, _shown_whole

pytestmark = pytest.mark.browser


def test_the_dashboard_and_a_pairing_page_fit_a_phone(browser_page: Any, live_server: Any) -> None:  # noqa: F811
    from pairaid.sample.loader import sample_load

    root = sample_load().root
    page = browser_page
    page.set_viewport_size(PHONE)
    for language in ("en", "zh-hans"):
        page.set_extra_http_headers({"Accept-Language": language})
        for url in ("/", f"/pairings/{root.pk}/"):
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            assert page.locator("main h1, main h2").count() > 0
            _shown_whole(page, f"{url} in {language} at 390 px")
