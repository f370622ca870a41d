"""Charts write money in the unit the report's text writes it in, and a Chinese report's headings are
each said once (issue 12: the zh axis said 万元 under 157,400 while the text said 15.74亿元; the zh
pairing report had two headings "结对关系")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pairaid.reports.charts import scaled
from pairaid.reports.labels import labels


@pytest.mark.parametrize(
    ("language", "values", "expected"),
    [
        ("zh-hans", ["1574000000", "75800000"], ([15.74, 0.758], "亿元")),
        ("zh-hans", ["75800000", "7000000"], ([7580.0, 700.0], "万元")),
        ("en", ["1574000000", "75800000"], ([1.574, 0.0758], "billion yuan")),
        ("en", ["75800000", "7000000"], ([75.8, 7.0], "million yuan")),
    ],
)
def test_chart_money_is_in_the_text_s_unit(language: str, values: list[str], expected: tuple[list[float], str]) -> None:
    found, unit = scaled([Decimal(v) for v in values], language)
    assert unit == expected[1]
    assert found == pytest.approx(expected[0])


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_pairing_report_s_headings_are_each_said_once(language: str) -> None:
    lab = labels(language)
    headings = ["narrative", "overview", "tree", "pairings", "funds", "activities", "findings", "notes", "sources"]
    said = [lab[name] for name in headings]
    assert len(set(said)) == len(said)
    if language == "zh-hans":
        assert (lab["tree"], lab["pairings"]) == ("结对层级", "结对关系")
