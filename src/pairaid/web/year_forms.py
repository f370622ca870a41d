"""Forms of the reporting year's pages: planned values, key-project batches, a plan sentence accepted,
reasons for a step of a dataset, events, the datasets' indicators and the rubric's criteria. They parse
and validate input; the plans, datasets, events and assessment services do the writing."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from pairaid.events.models import CadreBatch, FrameworkAgreement, TradeFair, Visit
from pairaid.geo.selectors import areas_within
from pairaid.indicators.models import PeriodKind
from pairaid.indicators.selectors import indicator_list
from pairaid.registry.models import Pairing, PairingLevel
from pairaid.registry.selectors import pairing_list
from pairaid.sources.models import SourceDocument
from pairaid.sources.selectors import evidence_unbound
from pairaid.web.forms import AreaCodeField, IndicatorChoiceField, IndicatorsChoiceField, offer_areas, pairing_label

_VALUE = {"max_digits": 24, "decimal_places": 4, "min_value": 0}


class PlannedValueForm(forms.Form):
    indicator = IndicatorChoiceField(indicator_list(aggregation="sum"), label=_("Indicator"))
    value = forms.DecimalField(label=_("Planned value"), **_VALUE)  # type: ignore[arg-type]
    period_kind = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[("", _("the year (a flow) or its end (a stock)")), (PeriodKind.YEAR, _("the year")),
                 (PeriodKind.AS_OF, _("its end"))],
    )


class BatchForm(forms.Form):
    number = forms.IntegerField(label=_("Batch"), min_value=1, max_value=999)
    projects = forms.IntegerField(label=_("Key projects"), min_value=0, max_value=100000)
    livelihood_projects = forms.IntegerField(
        label=_("Of which for livelihoods"), min_value=0, max_value=100000, required=False
    )


class PlanMentionForm(forms.Form):
    """A plan sentence of a report (a mention bound to no figure) accepted as a planned value of a pairing's plan."""

    mention = forms.ModelChoiceField(None, label=_("Mention"))  # the document's, given to the form
    indicator = IndicatorChoiceField(indicator_list(aggregation="sum"), label=_("Indicator"))
    pairing = forms.ModelChoiceField(pairing_list(), label=_("Pairing"))
    year = forms.IntegerField(label=_("Year of the plan"), min_value=1949, max_value=2100)
    area_code = AreaCodeField(label=_("Recipient area (code, optional)"), required=False)
    value = forms.DecimalField(label=_("Value (empty: as the report states it)"), required=False, **_VALUE)  # type: ignore[arg-type]

    def __init__(self, *args: Any, document: SourceDocument, pairings: QuerySet[Pairing], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mention"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = evidence_unbound(document=document)
        field.label_from_instance = lambda e: f"{e.text} — …{e.sentence[:90]}…"  # type: ignore[method-assign]
        pairing_field = self.fields["pairing"]
        assert isinstance(pairing_field, forms.ModelChoiceField)
        # each choice is labelled with both sides' names in the reader's language: loaded with the pairings
        pairing_field.queryset = pairings.select_related(
            "donor_area", "recipient_area", "donor_organisation", "recipient_organisation"
        )
        pairing_field.label_from_instance = pairing_label  # type: ignore[method-assign]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DatasetConfigForm(forms.Form):
    indicators = IndicatorsChoiceField(
        indicator_list(), label=_("Indicators"), widget=forms.CheckboxSelectMultiple
    )
    levels = forms.MultipleChoiceField(
        choices=PairingLevel.choices, label=_("Pairings by their recipient's level (none: all)"), required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class CriterionForm(forms.Form):
    weight = forms.DecimalField(label=_("Weight (points)"), max_digits=7, decimal_places=2, min_value=0)
    params = forms.CharField(label=_("Parameters (JSON)"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_params(self) -> dict[str, Any]:
        raw = self.cleaned_data["params"].strip() or "{}"
        try:
            found = json.loads(raw)
        except json.JSONDecodeError:
            raise forms.ValidationError(_("Not valid JSON.")) from None
        if not isinstance(found, dict):
            raise forms.ValidationError(_("The parameters are a JSON object: {\"name\": value}."))
        return found


_COMMON = ("year", "date", "title", "description")
_DATES = {"date": forms.DateInput(attrs={"type": "date"}), "description": forms.Textarea(attrs={"rows": 2})}


class _EventForm(forms.ModelForm):  # type: ignore[type-arg]
    """The fields of an event a page edits (its pairing is fixed by the page)."""

    def __init__(self, *args: Any, pairing: Pairing | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pairing = pairing


class VisitForm(_EventForm):
    class Meta:
        model = Visit
        fields = (*_COMMON, "direction", "leader_level", "leaders", "leaders_unit", "leaders_qualifier", "delegations",
                  "size", "place")
        widgets = _DATES


class CadreBatchForm(_EventForm):
    class Meta:
        model = CadreBatch
        fields = (*_COMMON, "number", "persons", "start_date", "end_date", "area")
        widgets = {**_DATES, "start_date": forms.DateInput(attrs={"type": "date"}),
                   "end_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recipient = self.pairing.recipient_area if self.pairing is not None else None
        if recipient is not None:  # the areas of the pairing's recipient, not every area of China
            offer_areas(self.fields["area"], areas_within(area=recipient))


class TradeFairForm(_EventForm):
    class Meta:
        model = TradeFair
        fields = (*_COMMON, "name", "delegation_size", "organisations", "booths", "contracts", "contract_value")
        widgets = _DATES


class AgreementForm(_EventForm):
    fields_text = forms.CharField(label=_("Fields of cooperation (one a line)"), required=False, widget=forms.Textarea)

    class Meta:
        model = FrameworkAgreement
        fields = (*_COMMON, "parties", "value")
        widgets = _DATES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["fields_text"] = "\n".join(self.instance.fields)

    def event_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["fields"] = [line.strip() for line in data.pop("fields_text").splitlines() if line.strip()]
        return data


#: The form of each kind of event.
EVENT_FORMS: dict[str, type[_EventForm]] = {
    "visit": VisitForm,
    "cadre_batch": CadreBatchForm,
    "trade_fair": TradeFairForm,
    "agreement": AgreementForm,
}


def event_data(form: _EventForm) -> dict[str, Any]:
    """The cleaned fields of an event form as the events services take them."""
    return form.event_data() if isinstance(form, AgreementForm) else dict(form.cleaned_data)
