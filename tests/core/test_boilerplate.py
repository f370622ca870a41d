"""The rules of ``data/boilerplate.yaml`` on their own examples: each example is found, each counter-example not."""

from __future__ import annotations

import pytest

from pairaid.core.extract.boilerplate import boilerplate_rules, find_boilerplate, off_topic
from pairaid.core.extract.chinese_text import language_parts, normalise
from pairaid.core.extract.document import read_text

RULES = boilerplate_rules()


def _normalised(text: str) -> str:
    """``text`` as the document step normalises it, before it blanks what is not the report."""
    return normalise(text, language_parts(text))[0]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_examples_and_counter_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.examples and rule.not_


@pytest.mark.parametrize(
    ("rule_id", "example"), [(r.id, e) for r in RULES for e in r.examples], ids=lambda v: str(v)[:20]
)
def test_an_example_is_found_by_its_rule(rule_id: str, example: str) -> None:
    rule = next(r for r in RULES if r.id == rule_id)
    text = _normalised(example + "\n甲市投入资金3亿元。")
    assert rule.pattern.search(text.split("\n")[0])
    assert find_boilerplate(text) and "3亿元" in text[find_boilerplate(text)[-1][1] :]


@pytest.mark.parametrize(("rule_id", "example"), [(r.id, e) for r in RULES for e in r.not_], ids=lambda v: str(v)[:20])
def test_a_counter_example_is_left_alone(rule_id: str, example: str) -> None:
    assert find_boilerplate(_normalised(example)) == []


def test_a_paragraph_on_another_subject_is_off_topic() -> None:
    assert off_topic("当天,期货价格下跌15.6美元,收于每盎司22.9美元,跌幅为0.7%。")
    assert not off_topic("甲市投入帮扶资金3亿元,股票收盘后公布。")
    assert not off_topic("上个月又栽了300多亩新茶,3年后就能采摘上市。")


def test_what_is_skipped_is_blanked_and_keeps_its_offsets() -> None:
    original = "来源:某某日报\n甲市投入资金3亿元。"
    doc = read_text(original)
    assert doc.text == "       \n甲市投入资金3亿元。"
    assert [(s.reason, original[s.start : s.end]) for s in doc.skipped] == [("byline", "来源:某某日报")]
