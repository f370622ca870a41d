"""In real headless Chromium, in English and in Chinese: a county pairing's dataset walks its way — its
editor submits it, the province's editor approves it, the national office approves and freezes it, a
frozen figure refuses a change (409), and the province's editor opens a correction with a reason, both
versions kept. Then the reporting year's pages are read 390 px wide (a phone) without sideways scrolling."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import OUTPUT, browser_page  # noqa: F401 - the Chromium page fixture

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "open": "Open", "submitted": "Submitted", "approved": "Approved", "frozen": "Frozen",
        "done_submit": "Dataset submitted.", "done_approve": "Dataset approved at your level.",
        "done_freeze": "Dataset frozen.", "done_correct": "Correction opened as a new version.",
        "locked": "These figures cannot change", "as_frozen": "Figures as frozen", "notifications": "Notifications (1)",
        "reason": "a late disbursement to Shule", "version": "version 2",
    },
    "zh-hans": {
        "open": "填报中", "submitted": "已报送", "approved": "已审核", "frozen": "已锁定",
        "done_submit": "数据集已报送。", "done_approve": "数据集已在本级审核通过。",
        "done_freeze": "数据集已锁定。", "done_correct": "已发起更正，生成新版本。",
        "locked": "这些数据不能修改", "as_frozen": "锁定时的数据", "notifications": "通知 (1)",
        "reason": "疏勒县一笔拨款到位较晚", "version": "版本 2",
    },
}


@pytest.fixture
def year(live_server: Any) -> dict[str, Any]:
    from pairaid.assessment.services import rubric_sync
    from pairaid.datasets.services import datasets_sync
    from pairaid.plans.services import plan_get_or_create, plan_value_set
    from tests.web.factories import PASSWORD, make_figure, make_user, make_world

    datasets_sync()
    rubric_sync()
    world = make_world()
    make_user("kashi-editor", "pairing_editor", pairings=(world.kashi,))
    figure = make_figure("aid_funds", "16000000", pairing=world.kashi)
    plan, _ = plan_get_or_create(user=world.owner, pairing=world.kashi, year=2009)
    plan_value_set(user=world.owner, plan=plan, indicator="aid_funds", value="20000000")
    return {"url": live_server.url, "password": PASSWORD, "world": world, "figure": figure}


def _as(page: Any, year: dict[str, Any], username: str, language: str) -> None:
    """Log in as ``username`` (the last user's session and language forgotten) and choose ``language``."""
    url = year["url"]
    page.context.clear_cookies()
    page.goto(f"{url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", year["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")
    if language != "en":
        with page.expect_navigation():
            page.select_option("header select[name=language]", language)


def _step(page: Any, step: str) -> None:
    with page.expect_navigation():
        page.click(f"button[name=step][value={step}]")


def _state(page: Any) -> str:
    return str(page.locator("#state").inner_text())


def _walk(page: Any, year: dict[str, Any], language: str) -> None:
    from pairaid.datasets.models import Submission

    words, url, world = WORDS[language], year["url"], year["world"]
    dataset = f"{url}/datasets/{world.kashi.pk}/2009/"

    _as(page, year, "kashi-editor", language)
    page.goto(dataset)
    assert _state(page) == words["open"]
    assert page.locator("tr.state-filled[data-code=aid_funds]").count() == 1
    _step(page, "submit")
    assert _state(page) == words["submitted"] and words["done_submit"] in page.locator(".messages").inner_text()
    assert page.locator("button[name=step][value=approve]").count() == 0  # Shandong's editor approves first

    _as(page, year, "owner", language)
    assert page.locator("header .notifications-link").inner_text() == words["notifications"]
    page.goto(f"{url}/datasets/")
    with page.expect_navigation():
        page.click(f"ul.waiting a[href='/datasets/{world.kashi.pk}/2009/']")
    _step(page, "approve")
    assert _state(page) == words["submitted"] and words["done_approve"] in page.locator(".messages").inner_text()

    _as(page, year, "national", language)
    page.goto(dataset)
    _step(page, "approve")
    assert _state(page) == words["approved"]
    _step(page, "freeze")
    assert _state(page) == words["frozen"] and words["done_freeze"] in page.locator(".messages").inner_text()

    _as(page, year, "owner", language)
    figure = year["figure"]
    page.goto(f"{url}/figures/{figure.pk}/edit/")
    page.fill("#id_value", "17000000")
    with page.expect_navigation() as sent:
        page.click("main button[type=submit]")
    assert sent.value.status == 409 and words["locked"] in page.locator("main").inner_text()
    figure.refresh_from_db()
    assert figure.value == 16000000

    page.goto(dataset)
    _step(page, "correct")  # no reason: refused, nothing new
    assert _state(page) == words["frozen"] and Submission.objects.filter(pairing=world.kashi).count() == 1
    page.fill("form.step-correct textarea, form.step-correct input[name=reason]", words["reason"])
    _step(page, "correct")
    assert _state(page) == words["open"] and words["done_correct"] in page.locator(".messages").inner_text()
    assert words["version"] in page.locator(".dataset-state").inner_text()
    versions = page.locator(".card.version")
    assert versions.count() == 2 and words["reason"] in page.locator("main").inner_text()
    frozen = versions.filter(has_text=words["as_frozen"])
    assert frozen.count() == 1
    frozen.locator("summary").click()
    assert "16,000,000" in frozen.locator("details").inner_text()
    assert [(s.version, s.state, s.reason) for s in Submission.objects.filter(pairing=world.kashi).order_by("version")
            ] == [(1, "frozen", ""), (2, "open", words["reason"])]


#: The innermost elements that reach past the right edge of the window: what makes a page too wide.
OVERFLOWING = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""


def _narrow(page: Any, year: dict[str, Any], language: str) -> None:
    """Each reporting-year page fits 390 px: the page itself never scrolls sideways."""
    url, world = year["url"], year["world"]
    page.set_viewport_size({"width": 390, "height": 844})
    too_wide = []
    for path in (
        f"/pairings/{world.kashi.pk}/?year=2009",
        f"/plans/{world.kashi.pk}/2009/",
        f"/datasets/{world.kashi.pk}/2009/",
        "/datasets/",
        f"/events/{world.kashi.pk}/2009/",
        "/assessment/?year=2009",
        "/notifications/",
        "/areas/653100/?year=2009",
    ):
        page.goto(url + path)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > 390:
            too_wide.append((path, wide, page.evaluate(OVERFLOWING)))
    assert not too_wide, f"too wide in {language}: {too_wide}"
    OUTPUT.mkdir(exist_ok=True)
    page.goto(f"{url}/datasets/{world.kashi.pk}/2009/")
    page.screenshot(path=str(OUTPUT / f"dataset-390-{language}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_dataset_is_submitted_approved_frozen_and_corrected(
    browser_page: Any,  # noqa: F811
    year: dict[str, Any],
    language: str,
) -> None:
    _walk(browser_page, year, language)
    _narrow(browser_page, year, language)
