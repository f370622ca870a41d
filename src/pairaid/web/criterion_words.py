"""The assessment rubric's criteria in the reader's language: each rule by what it scores, and its parameters
in words (indicators by their names), instead of the rule's code and a raw dict; an assessment's evidence
in words (:mod:`pairaid.reports.clause_words`, which the API, the command line and the workbook use too)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from pairaid.indicators.selectors import indicators_by_code
from pairaid.reports.clause_words import CLAUSE_WORDS, clause_words, evidence_words

__all__ = ["CLAUSE_WORDS", "clause_words", "evidence_words", "params_words", "rule_words"]

RULE_WORDS = {
    "indicators": gettext_lazy("figures reported against their targets"),
    "plan_execution": gettext_lazy("plan against actual"),
    "completeness": gettext_lazy("completeness of the annual return"),
    "open_findings": gettext_lazy("open findings of the checks"),
}


def rule_words(rule: str) -> str:
    """What a rule scores, in the active language (the code when unknown)."""
    return str(RULE_WORDS.get(rule, rule))


def params_words(params: dict[str, Any] | None) -> str:
    """A criterion's parameters in words: 'indicators: Aid funds, Aid projects', 'execution counted up to 100%'."""
    if not params:
        return "—"
    language = get_language() or "en"
    named = indicators_by_code()
    parts = []
    for key, value in params.items():
        if key == "indicators":
            names = [named[c].display_name(language) if c in named else str(c) for c in value]
            parts.append(_("indicators: %(names)s") % {"names": _(", ").join(names)})
        elif key == "cap":
            parts.append(_("execution counted up to %(cap)s%%") % {"cap": value})
        elif key in ("error", "warning", "info"):
            continue
        else:
            parts.append(f"{key}: {value}")
    if any(k in params for k in ("error", "warning", "info")):
        parts.append(
            _("share of the points taken off per finding: error %(error)s, warning %(warning)s, note %(info)s")
            % {k: params.get(k, 0) for k in ("error", "warning", "info")}
        )
    return "; ".join(parts)
