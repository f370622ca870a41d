"""An assessment's evidence (:class:`pairaid.core.assessment.Clause`) in the active language, by names: the
codelists' names of indicators and units, the checks' rules by their titles, a dataset's state by its label;
never by codes. The pages, the API, the command line and the workbook all say it so."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from pairaid.core.assessment import Clause, CriterionScore
from pairaid.indicators.selectors import indicators_by_code
from pairaid.reports.finding_texts import rule_title
from pairaid.reports.labels import quantity


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


def evidence_lines(criterion: CriterionScore, language: str = "en") -> list[str]:
    """A criterion's evidence, one line per clause, in ``language`` ("Aid funds provided (all channels):
    75.8 million yuan reported (no target)", not "aid_funds: 75,800,000 CNY reported (no target)")."""
    with translation.override(language):
        return [clause_words(c) for c in criterion.clauses]

