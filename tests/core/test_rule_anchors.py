"""The words a rule cannot match without (pairaid.core.extract.rule_anchors): the test that spares trying
most rules must never drop a rule that holds."""

from __future__ import annotations

import re

import pytest

from pairaid.core.extract.rule_anchors import anchors_of
from pairaid.core.extract.rules import all_rules


@pytest.mark.parametrize(
    ("pattern", "anchors"),
    [
        (r"\bgrants?\b[^,;.]{0,20}$", {"grant"}),
        (r"\bfree\s+of\s+charge\b|\bgratis\b", {"charge", "gratis"}),
        (r"\b(?:invested|donated)\b", {"invested", "donated"}),
        (r"\bin\s+cash\b|\bof\b", None),  # "of" is too short to tell
        (r"^\s*(?:\w+\s+){0,3}to\s+work\b", {"work"}),
        (r"\borgani[sz]ed\b", {"organi"}),
    ],
)
def test_the_anchors_of_a_pattern_are_the_letters_every_match_holds(pattern: str, anchors: set[str] | None) -> None:
    found = anchors_of(re.compile(pattern, re.I))
    assert (set(found) if found is not None else None) == anchors


def test_every_rule_s_examples_still_read_as_without_the_test() -> None:
    # the examples of every rule, read with and without the anchor test, give the same readings
    from pairaid.core.extract import read_report
    from pairaid.core.extract.rule_matching import RuleSet

    examples = [e for r in all_rules() if r.lang == "en" for e in (*r.positive, *r.negative)]
    with_test = [read_report(e, report_year=2012, donor="Anhe", recipient="Baishan").readings for e in examples]
    admitted = RuleSet.admitted
    try:
        RuleSet.admitted = lambda self, rules, present: rules  # type: ignore[method-assign]
        without = [read_report(e, report_year=2012, donor="Anhe", recipient="Baishan").readings for e in examples]
    finally:
        RuleSet.admitted = admitted  # type: ignore[method-assign]
    assert with_test == without


def test_needles_are_any_literals_however_short() -> None:
    from pairaid.core.extract.rule_anchors import needles_of

    assert needles_of(re.compile(r"ICP备|版权所有|©")) == {"icp备", "版权所有", "©"}
    assert needles_of(re.compile(r"^[\s•]*(?:来源|编辑)\s*[:\[]")) == {"来源", "编辑"}
    assert needles_of(re.compile(r"^\d+$")) is None  # no literal: every line is searched


def test_needles_are_found_where_they_overlap() -> None:
    from pairaid.core.extract.rule_anchors import Needles

    needles = Needles(["责任编辑", "编辑", "任编", "ICP", "来源"])
    assert needles.found("本文责任编辑:王某") == {"责任编辑", "编辑", "任编"}
    assert needles.found("京icp备12345号") == {"icp"}
    assert needles.found("甲市投入资金3亿元") == set()


def test_the_anchors_of_long_runs_of_chinese_are_not_kept() -> None:
    # Chinese runs words together: a "word" is a clause, seldom seen twice, and keeping each would fill
    # memory page after page; English words are kept, so each is looked at once
    from pairaid.core.extract import read_report
    from pairaid.core.extract.model import Context
    from pairaid.core.extract.rules import rule_set

    read_report("安和市向白山县援助资金3亿元,其中财政援助资金2亿元,建设学校12所。", report_year=2012)
    read_report("Anhe provided grants of 3 million yuan to Baishan.", report_year=2012)
    empty = Context(left="", right="", clause="", np="", head="")
    zh_words = rule_set("zh").present(empty)._bits.words
    en_words = rule_set("en").present(empty)._bits.words
    assert all(w.isascii() for w in zh_words)
    assert "grants" in en_words


def test_chinese_rules_are_tried_without_the_anchor_test_and_read_the_same() -> None:
    # a Chinese "word" is a clause, read afresh for each figure: the Chinese rules are simply tried, and
    # the examples of every Chinese rule read as they do with the test
    from pairaid.core.extract import read_report
    from pairaid.core.extract.rules import rule_set

    zh = rule_set("zh")
    assert zh.tests_anchors is False
    assert rule_set("en").tests_anchors is True
    examples = [e for r in zh.rules for e in (*r.positive, *r.negative)]
    without = [read_report(e, report_year=2012, donor="安和", recipient="白山").readings for e in examples]
    try:
        zh.__dict__["tests_anchors"] = True
        with_test = [read_report(e, report_year=2012, donor="安和", recipient="白山").readings for e in examples]
    finally:
        zh.__dict__["tests_anchors"] = False
    assert with_test == without
    assert any(any(r.kind == "indicator" for r in readings) for many in without for readings in many)


def test_chinese_rules_screened_by_the_strings_they_need_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # a Chinese figure's rules are tried only when the strings they need ("无偿", "资金") stand in its sentence
    # (rule_needles): the examples of every Chinese rule read as they do with every rule tried
    import pairaid.core.extract.facts as facts
    from pairaid.core.extract import read_report
    from pairaid.core.extract.rule_needles import needle_screen
    from pairaid.core.extract.rules import rule_set

    examples = [e for r in rule_set("zh").rules for e in (*r.positive, *r.negative)]
    screened = [read_report(e, report_year=2012, donor="安和", recipient="白山").readings for e in examples]
    plain = facts.mention_readings
    monkeypatch.setattr(
        facts, "mention_readings", lambda sentences, mentions, contexts, text="": plain(sentences, mentions, contexts)
    )
    tried = [read_report(e, report_year=2012, donor="安和", recipient="白山").readings for e in examples]
    assert screened == tried
    screen = needle_screen("zh")
    assert screen.mask("安和市无偿援助白山县资金3亿元") & screen.mask("无偿")
    assert screen.mask("") == 0
