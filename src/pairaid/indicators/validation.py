"""What a figure entered or corrected by hand must satisfy, beyond the model's own rules.

* its unit is its indicator's (a figure read from a report may keep the unit the
  report gave, for the checks to flag; one typed by a person may not);
* a count (an indicator whose ``value_type`` is ``count``) is a whole number;
* its period is one of its kind: a year is one calendar year, an as-of period one
  day (:func:`pairaid.core.period_dates.spans_its_kind`);
* its period falls within the term of its pairing (its own, or its activity's): a
  pairing of 1996–2010 has no figure of 1990 or of 2015.

Each problem is said in the user's language, on the field it concerns.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pairaid.core.period_dates import spans_its_kind
from pairaid.indicators.models import DataValue, PeriodKind


def datavalue_problems(dv: DataValue, *, changed: Collection[str] | None = None) -> dict[str, str]:
    """The problems of ``dv`` by field name (empty when there are none).

    With ``changed`` (field names), only the rules those fields take part in are
    tested: a figure read from a report keeps its unit when only its value is corrected.
    """

    def tested(*fields: str) -> bool:
        return changed is None or any(field in changed for field in fields)

    problems: dict[str, str] = {}
    indicator = dv.indicator
    name = indicator.display_name(get_language() or "en")
    if tested("indicator", "unit") and dv.unit != indicator.unit:
        problems["unit"] = _("The unit of %(indicator)s is %(unit)s, not %(given)s.") % {
            "indicator": name,
            "unit": indicator.unit,
            "given": dv.unit,
        }
    if tested("indicator", "value", "value_high") and indicator.value_type == "count":
        for field, value in (("value", dv.value), ("value_high", dv.value_high)):
            if value is not None and Decimal(value) != Decimal(value).to_integral_value():
                problems[field] = _("%(indicator)s counts whole things: %(value)s is not a whole number.") % {
                    "indicator": name,
                    "value": Decimal(value).normalize(),
                }
    if (
        tested("period_kind", "period_start", "period_end")
        and dv.period_start
        and dv.period_start <= dv.period_end  # the other way round is told as such (entry services)
        and not spans_its_kind(dv.period_kind, dv.period_start, dv.period_end)
    ):
        if dv.period_kind == PeriodKind.YEAR:
            problems["period_end"] = _("A year period runs from 1 January to 31 December of one year.")
        elif dv.period_kind == PeriodKind.AS_OF:
            problems["period_end"] = _("An as-of period is one day: its start and end are the same date.")
    if tested("period_kind", "period_start", "period_end", "pairing", "activity"):
        for field, message in _outside_term(dv).items():
            problems.setdefault(field, message)
    return problems


def _outside_term(dv: DataValue) -> dict[str, str]:
    """The period field outside the term of ``dv``'s pairing (its own, or its activity's), with the term."""
    pairing = dv.pairing if dv.pairing_id else (dv.activity.pairing if dv.activity_id else None)
    if pairing is None or dv.period_start is None or dv.period_end is None:
        return {}
    first, last = pairing.start_year, pairing.end_year
    if dv.period_start.year >= first and (last is None or dv.period_end.year <= last):
        return {}
    term = f"{first}–{last}" if last is not None else _("from %(year)s") % {"year": first}
    field = "period_start" if dv.period_start.year < first else "period_end"
    message = _("%(pairing)s runs %(term)s: a figure's period (%(start)s to %(end)s) must fall within it.") % {
        "pairing": pairing.display_name(get_language() or "en"),
        "term": term,
        "start": dv.period_start.isoformat(),
        "end": dv.period_end.isoformat(),
    }
    return {field: message}


def datavalue_validate(dv: DataValue, *, changed: Collection[str] | None = None) -> None:
    """Raise ``ValidationError`` (per field) when ``dv`` breaks a rule of figures entered by hand."""
    problems = datavalue_problems(dv, changed=changed)
    if problems:
        raise ValidationError(problems)
