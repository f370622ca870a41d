"""In real headless Chromium: a reviewer walks the review in English and in Chinese.

From the queue to a report's evidence view: accepts one figure, rejects another, and corrects a third's
indicator, place and value (the report's reading kept beside it); on the way, every button, button-like
link and filter on the queue and on the evidence view is checked to be shown whole, inside the window's
width, not cut off by a box around it and not covered by anything, at 1280 × 800 and at a phone's 390 px.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import OUTPUT, browser_page  # noqa: F401 - the Chromium page fixture
from tests.web.test_pairing_browser import _log_in

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

#: For every button of the page's main part: a problem, or nothing. A button counts as shown when it has a
#: size, lies within the window's width, inside every box around it that cuts off what overflows it, and is
#: the element found at its own centre once scrolled into view (nothing lies over it).
PROBLEMS_JS = """
() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  const controls = document.querySelectorAll(
    "main button, main a.button, main input[type=submit], main select, main input[type=checkbox]");
  for (const el of controls) {
    const label = `${el.tagName.toLowerCase()} "${(el.innerText || el.name || el.value || "").trim()}"`;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") { problems.push(`${label} is hidden`); continue; }
    el.scrollIntoView({block: "center", inline: "nearest"});
    const r = el.getBoundingClientRect();
    if (r.width < 4 || r.height < 4) { problems.push(`${label} has no size`); continue; }
    if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${label} leaves the window (${r.left}-${r.right})`);
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const s = getComputedStyle(up);
      if ([s.overflow, s.overflowX, s.overflowY].some(v => v !== "visible")) {
        const b = up.getBoundingClientRect();
        if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5)
          problems.push(`${label} is cut off by its ${up.tagName.toLowerCase()}.${up.className}`);
      }
    }
    const x = Math.min(Math.max(r.left + r.width / 2, 0), width - 1), y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== el && !el.contains(hit) && !(el.labels && [...el.labels].some(l => l.contains(hit))))
      problems.push(`${label} is covered by ${hit.tagName.toLowerCase()}.${hit.className}`);
  }
  return problems;
}
"""


def _shown_whole(page: Any, where: str) -> int:
    """Assert every control of the page is shown whole; returns how many buttons were looked at."""
    problems = page.evaluate(PROBLEMS_JS)
    assert not problems, f"{where}: {problems}"
    return page.locator("main button, main a.button").count()


@pytest.fixture
def reviewer(live_server: Any) -> dict[str, Any]:
    """Shandong – Xinjiang with Shandong – Kashi under it, the test report's four figures read from it, and a
    pairing editor of the tree (who reviews its figures)."""
    from tests.web.factories import PASSWORD, make_pairing, make_report, make_user

    xinjiang = make_pairing("370000", "650000", level="province")
    kashi = make_pairing("370000", "653100", level="prefecture", parent=xinjiang)
    report = make_report(kashi)
    make_user("kashi-reviewer", "pairing_editor", pairings=(xinjiang,))
    return {"url": live_server.url, "username": "kashi-reviewer", "password": PASSWORD, "report": report}


def _walk(page: Any, who: dict[str, Any], words: dict[str, str], shots: str) -> None:
    from pairaid.indicators.models import DataValue

    url, report = who["url"], who["report"]
    document = report.document.pk
    page.set_viewport_size(DESKTOP)
    page.goto(f"{url}/review/")
    assert page.locator("#queue li.figure").count() == 4
    assert _shown_whole(page, "the queue at 1280 px") >= 12  # accept, correct, reject for each, the bulk buttons
    page.goto(f"{url}/review/?document={document}&order=certainty")
    assert page.locator("#queue li.figure").count() == 4

    page.goto(f"{url}/documents/{document}/")
    assert page.locator("#report-text mark").count() == 4
    _shown_whole(page, "the evidence view at 1280 px")
    with page.expect_navigation():
        page.locator(f"#figure-{report.aid.pk} button[name=accept]").click()
    with page.expect_navigation():
        page.locator(f"#figure-{report.cadres.pk} button[name=reject]").click()

    # the trainees' figure: the reader took the wrong indicator and place; the reviewer puts both right
    with page.expect_navigation():
        page.locator(f"#figure-{report.trained.pk} a[data-action=correct]").click()
    form = page.locator(f"#correct-{report.trained.pk}")
    _shown_whole(page, "the correction form at 1280 px")
    form.locator("select[name=indicator]").select_option("jobs")
    form.locator("input[name=area]").fill(words["place"])
    form.locator("input[name=value]").fill(words["value"])
    with page.expect_navigation():
        form.locator("button[name=correct]").click()
    status = {pk: page.locator(f"#figure-{pk} .status").inner_text() for pk in (report.aid.pk, report.trained.pk)}
    assert status == {report.aid.pk: words["accepted"], report.trained.pk: words["corrected"]}
    assert page.locator(f"#figure-{report.cadres.pk} .status").inner_text() == words["rejected"]
    card = page.locator(f"#figure-{report.trained.pk}").inner_text()
    assert words["jobs"] in card and words["shule"] in card and words["as_read"] in card
    assert "None" not in card  # the place the report gave: none, not Python's word for it
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"review-{shots}-1280.png"), full_page=True)

    trained = DataValue.objects.select_related("indicator", "area").get(pk=report.trained.pk)
    assert (trained.status, trained.indicator.code, trained.area.code, trained.value) == (
        "corrected",
        "jobs",
        "653122",
        4500,
    )
    assert trained.as_read["indicator"] == "people_trained" and trained.original_value == 4456
    assert DataValue.objects.get(pk=report.aid.pk).status == "accepted"
    assert DataValue.objects.get(pk=report.cadres.pk).status == "rejected"

    page.set_viewport_size(PHONE)
    page.goto(f"{url}/documents/{document}/")
    _shown_whole(page, "the evidence view at 390 px")
    page.goto(f"{url}/documents/{document}/?correct={report.schools.pk}#figure-{report.schools.pk}")
    _shown_whole(page, "the correction form at 390 px")
    page.goto(f"{url}/review/")
    assert page.locator("#queue li.figure").count() == 1  # the schools are left
    _shown_whole(page, "the queue at 390 px")
    page.screenshot(path=str(OUTPUT / f"review-{shots}-390.png"), full_page=True)
    with page.expect_navigation():
        page.locator(f"#figure-{report.schools.pk} button[name=accept]").click()
    assert DataValue.objects.get(pk=report.schools.pk).status == "accepted"


def test_a_reviewer_walks_the_review_in_english(browser_page: Any, reviewer: dict[str, Any]) -> None:  # noqa: F811
    _log_in(browser_page, reviewer)
    words = {
        "place": "Shule",
        "value": "4,500",
        "accepted": "Accepted",
        "corrected": "Corrected",
        "rejected": "Rejected",
        "jobs": "People employed",
        "shule": "Shule County",
        "as_read": "As read:",
    }
    _walk(browser_page, reviewer, words, "en")


def test_a_reviewer_walks_the_review_in_chinese(browser_page: Any, reviewer: dict[str, Any]) -> None:  # noqa: F811
    page = browser_page
    _log_in(page, reviewer)
    with page.expect_navigation():
        page.select_option("header select[name=language]", "zh-hans")
    words = {
        "place": "疏勒县",
        "value": "4,500",
        "accepted": "已接受",
        "corrected": "已更正",
        "rejected": "已驳回",
        "jobs": "就业",
        "shule": "疏勒县",
        "as_read": "原文：",
    }
    _walk(page, reviewer, words, "zh")
