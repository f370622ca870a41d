"""Findings of the checks in the report's language: every rule worded in English and Chinese,
from the figures the finding names, with names and never codes."""

from __future__ import annotations

import re
import string
from datetime import date
from decimal import Decimal

import pytest

from pairaid.checks.models import Finding
from pairaid.core.checks import RULES
from pairaid.geo.models import Area
from pairaid.indicators.models import DataValue, Indicator
from pairaid.reports.finding_texts import finding_text
from pairaid.reports.labels import wording

SHULE = Area(pk=1, code="653121", name_en="Shule County", name_zh="疏勒县", level="county")
TRAINED = Indicator(pk=1, code="people_trained", name_en="People trained", name_zh="培训人数", unit="person")
AID = Indicator(pk=2, code="aid_funds", name_en="Aid funds", name_zh="援助资金", unit="CNY")
GRANTS = Indicator(pk=3, code="grant_funds", name_en="Grants", name_zh="无偿援助资金", unit="CNY")
NAMES = {7: "Shandong – Kashi"}


def _value(pk: int, indicator: Indicator, value: str, year: int = 2009, **kw: object) -> DataValue:
    v = DataValue(
        pk=pk,
        indicator=indicator,
        value=Decimal(value),
        unit=indicator.unit,
        period_kind=kw.pop("period_kind", "year"),
        period_start=kw.pop("start", date(year, 1, 1)),
        period_end=date(year, 12, 31),
        qualifier=kw.pop("qualifier", "exact"),
        **kw,  # type: ignore[arg-type]
    )
    return v


def _finding(rule: str, values: list[tuple[str, str]]) -> Finding:
    return Finding(rule=rule, severity=RULES[rule].value, message="(the checks' own English)", values=values)


def test_every_rule_is_worded_in_both_languages_with_known_placeholders() -> None:
    known = {"subject", "indicator", "first", "second", "year", "base_year", "period", "other_period"}
    known |= {"change", "computed", "implied", "sum", "parts", "scope", "total", "aid_total"}
    rules = wording("findings")["rules"]
    assert set(rules) == set(RULES)
    for code, rule in rules.items():
        for language in ("en", "zh"):
            used = {name for _, name, _, _ in string.Formatter().parse(rule[language]) if name}
            assert used <= known, (code, used - known)
            assert rule["title"][language]


def test_a_growth_rate_with_no_previous_figure_in_words() -> None:
    figure = _value(1, TRAINED, "1000", area=SHULE, change_percent=Decimal(25))
    finding = _finding("implied_previous_value", [["stated rate", "25"], ["implied previous value", "800"]])
    assert finding_text(finding, [figure], language="en", names=NAMES) == (
        "Shule County: People trained 1,000 people in 2009, up 25% on 2008, implies 800 people in 2008; "
        "no figure for 2008 is stored."
    )
    assert finding_text(finding, [figure], language="zh-hans", names=NAMES) == (
        "疏勒县：2009年培训人数1000人，比2008年增长25%，推算2008年约为800人；未存2008年数据。"
    )


def test_a_rate_against_the_stored_year_before_names_both_figures() -> None:
    stated = _value(2, AID, "97400000", pairing_id=7, change_percent=Decimal("-10"))
    before = _value(1, AID, "80000000", year=2008, pairing_id=7)
    finding = _finding("growth_rate_mismatch", [["stated rate", "-10"], ["rate from stored values", "21.8"]])
    assert finding_text(finding, [before, stated], language="en", names=NAMES) == (
        "Shandong – Kashi: Aid funds 97.4 million yuan in 2009 is said to be down 10% on 2008, but the stored "
        "2008 figure 80 million yuan gives 21.8%."
    )
    assert finding_text(finding, [before, stated], language="zh-hans", names=NAMES) == (
        "Shandong – Kashi：2009年援助资金9740万元，称比2008年下降10%，但按已存2008年数据8000万元计算为21.8%。"
    )


def test_parts_above_their_whole_list_the_parts_and_a_qualifier_in_words() -> None:
    whole = _value(1, AID, "100000000", pairing_id=7, qualifier="more_than")
    parts = [_value(2, GRANTS, "75800000", pairing_id=7, part_of_id=1), _value(3, AID, "40000000", pairing_id=7)]
    parts[1].part_of_id = 1
    finding = _finding("parts_exceed_whole", [["whole", "100000000"], ["sum of parts", "115800000"]])
    en = finding_text(finding, [*parts, whole], language="en", names=NAMES)
    zh = finding_text(finding, [*parts, whole], language="zh-hans", names=NAMES)
    assert en == (
        "Shandong – Kashi: the parts of Aid funds more than 100 million yuan add up to 115.8 million yuan, "
        "more than the whole (Grants 75.8 million yuan, 40 million yuan)."
    )
    assert "1亿余元" in zh and "1.16亿元" in zh and "无偿援助资金7580万元、4000万元" in zh


@pytest.mark.parametrize("rule", sorted(RULES))
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_rule_writes_a_code_and_chinese_has_no_latin_letters(rule: str, language: str) -> None:
    figures = [
        _value(1, TRAINED, "1000", area=SHULE, change_percent=Decimal(5), qualifier="more_than"),
        _value(2, TRAINED, "900", area=SHULE, period_kind="cumulative", start=date(2005, 1, 1), part_of_id=1),
    ]
    values = [["stated rate", "5"], ["rate from stored values", "11.1"], ["implied previous value", "952"]]
    values += [["whole", "1000"], ["sum of parts", "900"]]
    for found in (figures, []):
        text = finding_text(_finding(rule, values), found, language=language, names=NAMES)
        assert text and not re.search(r"[a-z]+_[a-z_]+|\{|kind:|more_than", text), text
        if language == "zh-hans":
            assert not re.search(r"[A-Za-z]", text), text
