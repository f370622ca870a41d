"""The audit trail in the reader's language: the reasons the services record in English ("corrected: indicator,
unit", "same as #12", "restored from version 3") and the kinds of record ("data value"), said with gettext."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pairaid.indicators.models import DataValue

#: The kinds of record with history (model names), as the audit log names them.
KIND_WORDS = {
    "activity": gettext_lazy("Activity"),
    "criterion": gettext_lazy("Criterion"),
    "datavalue": gettext_lazy("Figure"),
    "dataset": gettext_lazy("Dataset"),
    "datasetindicator": gettext_lazy("Dataset indicator"),
    "keyprojectbatch": gettext_lazy("Key-project batch"),
    "pairing": gettext_lazy("Pairing"),
    "plan": gettext_lazy("Plan"),
    "submission": gettext_lazy("Submission"),
    "transaction": gettext_lazy("Transaction"),
}

#: Reasons recorded as they are, said in the reader's language.
_PLAIN = {
    "accepted": gettext_lazy("accepted"),
    "rejected": gettext_lazy("rejected"),
    "entered": gettext_lazy("entered"),
    "edited": gettext_lazy("edited"),
    "recorded": gettext_lazy("recorded"),
    "ended": gettext_lazy("ended"),
    "plan edited": gettext_lazy("plan edited"),
    "plan created": gettext_lazy("plan created"),
    "plan created from a report": gettext_lazy("plan created from a report"),
    "planned value removed": gettext_lazy("planned value removed"),
    "batch set": gettext_lazy("batch set"),
    "removed": gettext_lazy("removed"),
    "configured": gettext_lazy("configured"),
    "submitted": gettext_lazy("submitted"),
    "frozen": gettext_lazy("frozen"),
    "approved by the national office": gettext_lazy("approved by the national office"),
    "imported from the yearly form": gettext_lazy("imported from the yearly form"),
    "the shipped pairing registry": gettext_lazy("the shipped pairing registry"),
}


def _field_names(listed: str) -> str:
    names = []
    for name in (n.strip() for n in listed.split(",")):
        try:
            names.append(str(DataValue._meta.get_field(name).verbose_name))
        except Exception:
            names.append(name)
    return _(", ").join(names) if names else listed


_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"corrected: (.+)"), lambda m: _("corrected: %(fields)s") % {"fields": _field_names(m[1])}),
    (re.compile(r"same as #(\d+)"), lambda m: _("same as #%(id)s") % {"id": m[1]}),
    (re.compile(r"restored from version (\d+)"), lambda m: _("restored from version %(v)s") % {"v": m[1]}),
    (re.compile(r"approved by (.+)"), lambda m: _("approved by %(level)s") % {"level": m[1]}),
    (re.compile(r"returned: (.*)", re.S), lambda m: _("returned: %(reason)s") % {"reason": m[1]}),
    (
        re.compile(r"correction of version (\d+): (.*)", re.S),
        lambda m: _("correction of version %(version)s: %(reason)s") % {"version": m[1], "reason": m[2]},
    ),
    (re.compile(r"imported from (.+)"), lambda m: _("imported from %(source)s") % {"source": m[1]}),
)


def reason_words(reason: str) -> str:
    """A recorded reason in the reader's language (a reason written by a person stays as written)."""
    if reason in _PLAIN:
        return str(_PLAIN[reason])
    for pattern, words in _PATTERNS:
        if found := pattern.fullmatch(reason):
            return words(found)
    return reason


def kind_words(kind: str, fallback: str) -> str:
    """A kind of record (a model's name) in the reader's language."""
    return str(KIND_WORDS.get(kind, fallback))
