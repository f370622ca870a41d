"""In real headless Chromium (Debian's): a reviewer corrects a figure's indicator to one counted in another unit
through the unit select of the correction form on the evidence view, in English and in Chinese (issue 13).

The test report's "12 schools" read as schools (unit school) is put right as houses (unit house). Changing the
indicator alone is refused with the reason on the form, in the page's language; with the unit select set to the
new indicator's unit and the value given, the figure is corrected: its stored indicator, unit and value are
checked, and the reading kept beside them.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_browser import browser_page  # noqa: F401 - the Chromium page fixture
from tests.web.test_pairing_browser import _log_in
from tests.web.test_review_browser import reviewer  # noqa: F401 - the report and its reviewer

pytestmark = pytest.mark.browser


def _correct_to_houses(page: Any, who: dict[str, Any], words: dict[str, str]) -> None:
    from pairaid.indicators.models import DataValue

    report = who["report"]
    schools = report.schools.pk
    page.goto(f"{who['url']}/documents/{report.document.pk}/")
    with page.expect_navigation():
        page.locator(f"#figure-{schools} a[data-action=correct]").click()
    form = page.locator(f"#correct-{schools}")
    assert form.locator("select[name=unit]").input_value() == "school"  # the unit the report gave
    form.locator("select[name=indicator]").select_option("houses")
    with page.expect_navigation():
        form.locator("button[name=correct]").click()
    form = page.locator(f"#correct-{schools}")
    assert words["refused"] in form.inner_text()  # the indicator alone: refused, said on the form
    dv = DataValue.objects.select_related("indicator").get(pk=schools)
    assert (dv.status, dv.indicator.code, dv.unit, dv.value) == ("extracted", "schools", "school", 12)

    form.locator("select[name=indicator]").select_option("houses")
    unit = form.locator("select[name=unit]")
    unit.select_option("house")
    assert unit.locator("option:checked").inner_text() == words["houses"]  # the unit by its name in the language
    form.locator("input[name=value]").fill(words["value"])
    with page.expect_navigation():
        form.locator("button[name=correct]").click()
    assert page.locator(f"#figure-{schools} .status").inner_text() == words["corrected"]
    assert words["indicator"] in page.locator(f"#figure-{schools}").inner_text()

    dv = DataValue.objects.select_related("indicator").get(pk=schools)
    assert (dv.status, dv.indicator.code, dv.unit, dv.value) == ("corrected", "houses", "house", 12)
    assert dv.as_read == {"indicator": "schools", "unit": "school"}  # the reading kept beside the correction
    assert dv.original_value is None  # the value was read right: no original value to keep


def test_a_reviewer_corrects_the_indicator_and_its_unit_in_english(
    browser_page: Any, reviewer: dict[str, Any]  # noqa: F811
) -> None:
    _log_in(browser_page, reviewer)
    words = {
        "refused": (
            "Houses built or renovated counts in houses, this figure in schools: "
            "to change its indicator, give the unit houses (house) and the value in it."
        ),
        "houses": "houses",
        "value": "12",
        "corrected": "Corrected",
        "indicator": "Houses built or renovated",
    }
    _correct_to_houses(browser_page, reviewer, words)


def test_a_reviewer_corrects_the_indicator_and_its_unit_in_chinese(
    browser_page: Any, reviewer: dict[str, Any]  # noqa: F811
) -> None:
    page = browser_page
    _log_in(page, reviewer)
    with page.expect_navigation():
        page.select_option("header select[name=language]", "zh-hans")
    words = {
        "refused": "住房以套计，此数据以所计：改换指标须同时给出单位套（house）及以该单位计的数值。",
        "houses": "套",
        "value": "12",
        "corrected": "已更正",
        "indicator": "住房",
    }
    _correct_to_houses(page, reviewer, words)
