"""Every rule of ``data/rules`` is tested by its own examples, through the real pipeline (the way Duckling
keeps its rules): a positive example makes the rule's reading, a negative one does not.  The examples are
made up for their rule; none is quoted from a report.

A rule makes its reading when, in the example read as a pairing chapter of 2012 between two made-up
places, it is one of the rules of a fact (``Fact.rules``: the rules that voted for the winning reading,
the part link, the growth rate) or, for ``plan`` and ``unbound`` rules, of a mention's winning reading.
"""

from __future__ import annotations

import pytest

from pairaid.core.extract import Extraction, read_report
from pairaid.core.extract.rules import Rule, all_rules, load_rule, rule_set, undocumented

# the made-up pairing each language's examples are read in
PARTIES = {"en": ("Anhe", "Baishan"), "zh": ("安和", "白山")}
RULES = all_rules()
POSITIVE = [pytest.param(r, e, id=f"{r.id}-{k}") for r in RULES for k, e in enumerate(r.positive)]
NEGATIVE = [pytest.param(r, e, id=f"{r.id}-{k}") for r in RULES for k, e in enumerate(r.negative)]


def _read(rule: Rule, example: str) -> Extraction:
    donor, recipient = PARTIES[rule.lang]
    return read_report(example, report_year=2012, donor=donor, recipient=recipient)


def made_by(rule: Rule, ex: Extraction) -> bool:
    """Whether ``rule`` made a reading that stands in ``ex``."""
    if rule.vote in ("plan", "unbound"):
        return any(r and r[0].kind == rule.vote and rule.id in r[0].rules for r in ex.readings)
    return any(rule.id in f.rules for f in ex.facts)


def _explain(ex: Extraction) -> str:
    pairs = zip(ex.mentions, ex.readings, strict=True)
    return "\n".join(f"{m.text!r}: {[(r.indicator or r.kind, r.score, r.rules) for r in rs]}" for m, rs in pairs)


def test_there_are_rules_and_every_one_has_a_positive_and_a_negative_example() -> None:
    assert len(rule_set("en").rules) > 80
    assert len(rule_set("zh").rules) > 20
    assert undocumented(RULES) == [], "every rule needs a purpose and at least one positive and one negative example"


_GRANTS = {
    "id": "funds.made_up",
    "purpose": "grants",
    "votes": {"indicator": "grant_funds"},
    "left": [r"\bgrants?\s+of\s*$"],
    "examples": {
        "positive": ["Anhe gave grants of 3 million yuan."],
        "negative": ["Anhe gave loans of 3 million yuan."],
    },
}


@pytest.mark.parametrize(
    "lacking",
    [
        {"examples": None},
        {"examples": {"positive": ["Anhe gave grants of 3 million yuan."]}},
        {"examples": {"negative": ["Anhe gave loans of 3 million yuan."]}},
        {"purpose": ""},
    ],
    ids=["no examples", "no negative", "no positive", "no purpose"],
)
def test_a_rule_without_both_examples_or_a_purpose_fails_the_check(lacking: dict[str, object]) -> None:
    documented = load_rule(_GRANTS, lang="en", concept="funds")
    assert undocumented((documented,)) == []
    bare = load_rule({**_GRANTS, **lacking}, lang="en", concept="funds")
    assert undocumented((documented, bare)) == ["funds.made_up"]


@pytest.mark.parametrize(("rule", "example"), POSITIVE)
def test_a_positive_example_makes_its_rule_s_reading(rule: Rule, example: str) -> None:
    ex = _read(rule, example)
    assert made_by(rule, ex), f"{rule.id} does not hold in {example!r}:\n{_explain(ex)}"


@pytest.mark.parametrize(("rule", "example"), NEGATIVE)
def test_a_negative_example_does_not(rule: Rule, example: str) -> None:
    ex = _read(rule, example)
    assert not made_by(rule, ex), f"{rule.id} holds in its negative example {example!r}:\n{_explain(ex)}"
