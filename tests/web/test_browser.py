"""Browser tests in real headless Chromium (Debian ``chromium`` driven by Playwright).

A pairing editor logs in, opens the dashboard (a screenshot goes to
``test-output/dashboard.png``), opens the sample's document, accepts one extracted
figure, corrects another, and finds both in the audit trail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing, and CI=true requires it (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} is absent (apt-get install -y chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.fixture
def sample_document(live_server: Any) -> dict[str, Any]:
    """The built-in sample loaded, its summary report ingested, and a pairing editor of the sample's tree."""
    from pairaid.core.documents import read_document
    from pairaid.ingest.services import document_ingest
    from pairaid.sample.loader import sample_load, sample_path
    from tests.web.factories import PASSWORD, make_user, sample_dataset_returned

    summary = sample_load()
    sample_dataset_returned(summary.root)  # the sample's 2009 dataset is approved: its figures refuse changes
    report = sample_path().with_name("shandong_xinjiang_2009_summary.txt")
    result = document_ingest(document=read_document(report), report_year=2009, donor="Shandong", recipient="Xinjiang")
    make_user("sd-editor", "pairing_editor", pairings=(summary.root,))
    return {"document": result.document, "password": PASSWORD, "url": live_server.url}


def _unconfirmed_keys(document: Any) -> list[int]:
    """Extracted figures of ``document`` whose key holds no confirmed figure yet (the sample entered some)."""
    from pairaid.indicators.models import CONFIRMED_STATUSES, DataValue

    confirmed = set(
        DataValue.objects.filter(status__in=CONFIRMED_STATUSES).values_list(
            "indicator_id", "subject_key", "period_kind", "period_start", "period_end", "disaggregation"
        )
    )
    extracted = DataValue.objects.filter(evidence__document=document, status="extracted", pairing__isnull=False)
    chosen: list[int] = []
    for dv in extracted.order_by("evidence__start"):
        key = (dv.indicator_id, dv.subject_key, dv.period_kind, dv.period_start, dv.period_end, dv.disaggregation)
        if key not in confirmed:
            confirmed.add(key)
            chosen.append(dv.pk)
    return chosen


def test_an_editor_reviews_the_sample_document_and_sees_it_in_the_audit_trail(
    browser_page: Any, sample_document: dict[str, Any]
) -> None:
    from pairaid.indicators.models import DataValue

    page, url, document = browser_page, sample_document["url"], sample_document["document"]
    page.goto(f"{url}/login/")
    page.fill("#id_username", "sd-editor")
    page.fill("#id_password", sample_document["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")

    assert page.locator(".headline").count() == 4
    assert "1,574,000,000" in page.locator('.headline[data-indicator="aid_funds"]').inner_text()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "dashboard.png"), full_page=True)
    assert (OUTPUT / "dashboard.png").stat().st_size > 10_000

    page.goto(f"{url}/documents/{document.pk}/")
    assert page.locator("#report-text mark").count() >= 50
    first, second = _unconfirmed_keys(document)[:2]
    with page.expect_navigation():
        page.locator(f"#figure-{first} button[name=accept]").click()
    with page.expect_navigation():
        page.locator(f"#figure-{second} a[data-action=correct]").click()
    form = page.locator(f"#correct-{second}")
    form.locator("input[name=value]").fill("42")
    with page.expect_navigation():
        form.locator("button[name=correct]").click()
    assert page.locator(f"#figure-{first} .status").inner_text() == "Accepted"
    assert page.locator(f"#figure-{second} .status").inner_text() == "Corrected"

    corrected = DataValue.objects.get(pk=second)
    assert corrected.value == 42 and corrected.original_value is not None

    page.goto(f"{url}/figures/{first}/")
    trail = page.locator("#history").inner_text()
    assert "sd-editor" in trail and "Extracted" in trail and "Accepted" in trail
    page.goto(f"{url}/figures/{second}/")
    trail = page.locator("#history").inner_text()
    assert "sd-editor" in trail and "Corrected" in trail and "42" in trail
