"""The reading rule that bound an extracted figure, as a reviewer reads it: what the rule reads (its file's
concept) and what it gave (an indicator by its name in the reader's language), not its id (``funds.grant_named``);
the rule's own purpose, written in English, is added as the label's explanation on English pages."""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _

from pairaid.core.extract.rules import Rule, all_rules
from pairaid.indicators.selectors import indicators_by_code

#: What each file of rules reads (the part of a rule's id before the dot).
CONCEPTS = {
    "channels": gettext_lazy("channels of aid money"),
    "consumption": gettext_lazy("consumption aid"),
    "context": gettext_lazy("the recipient's economy"),
    "funds": gettext_lazy("aid money"),
    "growth": gettext_lazy("change rates"),
    "income": gettext_lazy("incomes"),
    "investment": gettext_lazy("investment"),
    "measures": gettext_lazy("areas and lengths"),
    "parts": gettext_lazy("parts of a whole"),
    "people": pgettext_lazy("reading rule", "people"),
    "plans": gettext_lazy("plans"),
    "tables": gettext_lazy("tables"),
    "things": gettext_lazy("things counted"),
    "unbound": gettext_lazy("quantities that state no fact"),
}

#: What a rule that binds no indicator gives.
VOTE_WORDS = {
    "plan": gettext_lazy("a plan"),
    "unbound": gettext_lazy("no fact"),
    "channel": gettext_lazy("whose money it is"),
    "part": gettext_lazy("a part of another figure"),
    "growth": gettext_lazy("a change rate"),
}


@cache
def _rules() -> dict[str, Rule]:
    """Every rule by id; an id both languages use is the English rule's (its purpose is the one shown)."""
    return {rule.id: rule for rule in sorted(all_rules(), key=lambda rule: rule.lang == "en")}


def rule_label(rule_id: str) -> str:
    """A rule as a reviewer reads it: "aid money: Grants" / "援助资金规则：无偿援助资金"; the id when unknown."""
    rule = _rules().get(rule_id)
    concept = CONCEPTS.get(rule_id.partition(".")[0])
    if rule is None or concept is None:
        return rule_id
    if rule.vote == "indicator":
        indicator = indicators_by_code().get(rule.value)
        gives = indicator.display_name(get_language() or "en") if indicator else rule.value
    else:
        gives = str(VOTE_WORDS[rule.vote])
    return _("rule on %(concept)s: %(gives)s") % {"concept": concept, "gives": gives}


def rule_purpose(rule_id: str) -> str:
    """The rule's purpose as its file states it (in English), for the English pages; empty in another language."""
    rule = _rules().get(rule_id)
    if rule is None or not (get_language() or "en").startswith("en"):
        return ""
    return rule.purpose
