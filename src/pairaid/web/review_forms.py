"""Forms of the review: a correction of any field of an extracted figure, and the queue's filters.

Numbers are typed as people write them ("80,000,000", "75.8 million", "7580万",
"1.5亿", "八千万"), read by the project's own readers (:mod:`pairaid.core.numbers`,
:mod:`pairaid.core.chinese_numbers`). The place is an area typed as a code or a
name, the pairing as ``--pairing`` takes it. The review services write.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pairaid.core.errors import DataError, InputError
from pairaid.core.period_dates import period_from_years
from pairaid.indicators.models import DataValue, PeriodKind, Qualifier
from pairaid.indicators.selectors import indicator_list
from pairaid.indicators.units import UNIT_NAMES, unit_name
from pairaid.registry.models import Pairing
from pairaid.registry.pairing_names import pairing_resolve
from pairaid.web.forms import IndicatorChoiceField
from pairaid.web.number_fields import ReaderNumberField
from pairaid.web.pairing_forms import FIRST_YEAR, LAST_YEAR, AreaField
from pairaid.web.reading_rule_words import rule_label


class PairingNameField(forms.CharField):
    """A pairing typed as ``--pairing`` takes it: its id, key, or donor and recipient ('Shandong-Kashgar')."""

    #: The names the form shows for pairings it knows (the figure's own, in the reader's language).
    known: dict[str, Pairing]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known = {}

    def clean(self, value: Any) -> Pairing | None:  # type: ignore[override]
        text = super().clean(value).strip()
        if not text:
            return None
        if text in self.known:
            return self.known[text]
        try:
            return pairing_resolve(text=text)
        except InputError as exc:
            raise forms.ValidationError(str(exc)) from None


def _pairing_shown(pairing: Pairing) -> str:
    """A pairing as the correction form shows it: its name in the reader's language, never its key."""
    return pairing.display_name(get_language() or "en")


class CorrectionForm(forms.Form):
    """A correction of an extracted figure: any field, shown with the figure's values.

    Only the fields posted count: a form that posts the value alone corrects the value alone.
    """

    indicator = IndicatorChoiceField(
        label=_("Indicator"), queryset=indicator_list(), to_field_name="code", required=False
    )
    period_kind = forms.ChoiceField(label=_("Period kind"), choices=PeriodKind.choices, required=False)
    start_year = forms.IntegerField(
        label=_("First year (cumulative figures)"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)
    pairing = PairingNameField(label=_("Pairing"), required=False, max_length=200)
    area = AreaField(label=_("Place (area code or name)"), required=False, max_length=100)
    value = ReaderNumberField(label=_("Value"), required=False, max_length=60)
    value_high = ReaderNumberField(label=_("Upper value (ranges)"), required=False, max_length=60)
    qualifier = forms.ChoiceField(label=_("Qualifier"), choices=Qualifier.choices, required=False)
    unit = forms.ChoiceField(label=_("Unit"), required=False)

    def __init__(self, *args: Any, data_value: DataValue, **kwargs: Any) -> None:
        kwargs.setdefault("initial", self.initial_for(data_value))
        kwargs.setdefault("auto_id", f"correct-{data_value.pk}-%s")
        super().__init__(*args, **kwargs)
        self.data_value = data_value
        codes = sorted({*UNIT_NAMES, data_value.unit})  # the indicators' units, and the one the report gave
        self.fields["unit"].choices = [(code, unit_name(code)) for code in codes]  # type: ignore[attr-defined]
        if data_value.pairing_id:  # shown by name (not its key); posted back unchanged it is the figure's own
            self.fields["pairing"].known = {_pairing_shown(data_value.pairing): data_value.pairing}  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(dv: DataValue) -> dict[str, Any]:
        return {
            "indicator": dv.indicator.code,
            "period_kind": dv.period_kind,
            "start_year": dv.period_start.year,
            "year": dv.period_end.year,
            "pairing": _pairing_shown(dv.pairing) if dv.pairing_id else "",
            "area": dv.area.code if dv.area_id else "",
            "value": _typed(dv.value),
            "value_high": _typed(dv.value_high),
            "qualifier": dv.qualifier,
            "unit": dv.unit,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        posted = set(self.data)
        if {"period_kind", "year", "start_year"} & posted and not self.errors:
            kind = data.get("period_kind") or self.data_value.period_kind
            year = data.get("year") or self.data_value.period_end.year
            start = data.get("start_year") or self.data_value.period_start.year
            try:
                period = period_from_years(kind, year=year, start_year=start, end_year=year)
            except DataError as exc:
                self.add_error("start_year" if kind == PeriodKind.CUMULATIVE else "year", str(exc))
            else:
                data["period_start"], data["period_end"] = period.start, period.end
        return data

    def changes(self) -> dict[str, Any]:
        """The fields posted, as the review service takes them (objects for indicator, pairing, area)."""
        data, posted = self.cleaned_data, set(self.data)
        changes: dict[str, Any] = {}
        for name in ("indicator", "period_kind", "qualifier", "value", "unit"):
            if name in posted and data.get(name) not in (None, ""):
                changes[name] = data[name]
        for name in ("pairing", "area", "value_high"):  # may be emptied
            if name in posted:
                changes[name] = data.get(name)
        if "period_start" in data:
            changes["period_start"], changes["period_end"] = data["period_start"], data["period_end"]
        return changes


def _typed(value: Decimal | None) -> str:
    """A stored figure as a person would type it again: 75800000.0000 -> 75,800,000."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


class QueueFilterForm(forms.Form):
    """The review queue's filters (each left empty keeps every figure) and its order."""

    pairing = PairingNameField(label=_("Pairing"), required=False, max_length=200)
    indicator = IndicatorChoiceField(
        label=_("Indicator"), queryset=indicator_list(), to_field_name="code", required=False
    )
    rule = forms.ChoiceField(label=_("Rule"), required=False)
    certainty = forms.ChoiceField(
        label=_("Certainty"),
        required=False,
        choices=[("", _("any")), ("uncertain", _("uncertain")), ("certain", _("certain"))],
    )
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("as in the report")), ("certainty", _("least certain first")), ("rule", _("by rule"))],
    )

    def __init__(self, *args: Any, rules: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labelled = ((rule, rule_label(rule)) for rule in rules)  # by what each reads, in the reader's language
        self.fields["rule"].choices = [("", _("any")), *labelled]  # type: ignore[attr-defined]
