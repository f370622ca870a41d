"""The assessment rubric's criteria in the reader's language: each rule by what it scores, and its parameters
in words (indicators by their names), instead of the rule's code and a raw dict; an assessment's evidence
(:class:`pairaid.core.assessment.Clause`) in words, with the codelists' names of indicators and units."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from pairaid.core.assessment import Clause
from pairaid.indicators.selectors import indicators_by_code

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


def _percent(rate: Decimal | None) -> str:
    return f"{((rate or Decimal(0)) * 100).quantize(Decimal('0.1'))}%"


def _state(code: str) -> str:
    from pairaid.datasets.models import SubmissionState

    label = str(SubmissionState(code).label) if code in SubmissionState.values else _("Not submitted")
    return label[:1].lower() + label[1:]


def _counted_findings(clause: Clause) -> str:
    n = {"n": clause.count}
    if clause.severity == "error":
        return ngettext("%(n)s error", "%(n)s errors", clause.count) % n
    if clause.severity == "warning":
        return ngettext("%(n)s warning", "%(n)s warnings", clause.count) % n
    return ngettext("%(n)s note", "%(n)s notes", clause.count) % n


def clause_words(clause: Clause) -> str:
    """A line of an assessment's evidence in the active language, by names (indicators, units from the
    codelists; the checks' rule by its title; the dataset's state by its label), never by codes."""
    from pairaid.reports.finding_texts import rule_title
    from pairaid.reports.labels import quantity

    language = get_language() or "en"
    named = indicators_by_code()
    found = named.get(clause.indicator)
    words: dict[str, object] = {"indicator": found.display_name(language) if found else clause.indicator}
    if clause.value is not None:
        words["value"] = quantity(clause.value, clause.unit, language)
    if clause.target is not None:
        words["target"] = quantity(clause.target, clause.unit, language)
    words["percent"] = _percent(clause.rate)
    kind = clause.kind
    if kind == "not_reported":
        return _("%(indicator)s: not reported") % words
    if kind == "of_target":
        return _("%(indicator)s: %(value)s of the target %(target)s (%(percent)s)") % words
    if kind == "reported":
        return _("%(indicator)s: %(value)s reported (no target)") % words
    if kind == "executed":
        words.setdefault("value", _("nothing recorded"))
        return _("%(indicator)s: %(value)s done of %(target)s planned (%(percent)s)") % words
    if kind == "filled":
        state = _state(clause.state)
        if clause.version is not None:
            state = _("%(state)s, version %(version)s") % {"state": state, "version": clause.version}
        return _("%(filled)s of %(total)s indicators filled; dataset %(state)s") % {
            "filled": clause.count, "total": clause.total, "state": state
        }
    if kind == "missing":
        names = [named[c].display_name(language) if c in named else c for c in clause.codes]
        return _("missing: %(names)s") % {"names": _(", ").join(names)}
    if kind == "findings":
        rule = rule_title(clause.rule, language)
        return _("%(counted)s: %(rule)s") % {"counted": _counted_findings(clause), "rule": rule}
    return str(CLAUSE_WORDS.get(kind, clause.text))


CLAUSE_WORDS = {
    "no_plan": gettext_lazy("no plan for the year"),
    "no_dataset": gettext_lazy("no dataset is configured for the pairing"),
    "no_findings": gettext_lazy("no findings"),
}


def evidence_words(clauses: tuple[Clause, ...] | list[Clause]) -> str:
    """A criterion's evidence in the active language, its lines joined ("; ", "；")."""
    return _("; ").join(clause_words(c) for c in clauses)
