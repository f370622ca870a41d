"""Forms of the pages. They parse and validate input; the entry and review services do the writing."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pairaid.accounts.permissions import datavalue_pairings, editable_pairings
from pairaid.activities.models import Activity, Transaction
from pairaid.activities.selectors import activity_list
from pairaid.core.codelists import sectors
from pairaid.geo.models import Area
from pairaid.geo.selectors import area_find, areas_and_unknown_codes
from pairaid.indicators.models import DataValue, PeriodKind, Qualifier
from pairaid.indicators.selectors import indicator_list
from pairaid.registry.selectors import pairing_list
from pairaid.web.number_fields import ReaderNumberField

#: Report file types accepted for upload.
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


class IndicatorChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """An indicator, listed by its name in the reader's language (not its code)."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name(get_language() or "en"))


class IndicatorsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Indicators, each listed by its name in the reader's language (not its code)."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name(get_language() or "en"))


_SIDES = ("donor_area", "recipient_area", "donor_organisation", "recipient_organisation")


def pairing_label(pairing: Any) -> str:
    """A pairing as a menu lists it: its name in the reader's language (山东省—喀什地区, not its English name)."""
    return str(pairing.display_name(get_language() or "en"))


def offer_pairings(field: forms.Field, shown: QuerySet[Any]) -> None:
    """List ``shown`` pairings in ``field``'s menu (as :func:`_offer`), each by its name in the reader's language,
    their sides read with them (not one query per choice)."""
    assert isinstance(field, forms.ModelChoiceField)
    field.label_from_instance = pairing_label  # type: ignore[method-assign]
    _offer(field, shown.select_related(*_SIDES))


def offer_areas(field: forms.Field, shown: QuerySet[Any]) -> None:
    """List ``shown`` areas in ``field``'s menu (as :func:`_offer`: another area is refused by the write's rule),
    each by its code and its name in the reader's language."""
    assert isinstance(field, forms.ModelChoiceField)
    field.label_from_instance = _area_label  # type: ignore[method-assign]
    _offer(field, shown)


def _area_label(area: Any) -> str:
    return f"{area.code} {area.display_name(get_language() or 'en')}"


def _offer(field: forms.Field, shown: QuerySet[Any]) -> None:
    """List only ``shown`` in ``field``'s menu, while the field takes any object of its queryset.

    A choice that is not the user's is then refused by the write's rule (403, as
    through the API), not as "not one of the available choices".
    """
    assert isinstance(field, forms.ModelChoiceField)
    menu = ModelChoiceIterator(field)
    menu.queryset = shown
    field.widget.choices = menu


def _area_codes(raw: str) -> list[Area]:
    codes = [c.strip() for c in raw.replace("，", ",").split(",") if c.strip()]
    areas, missing = areas_and_unknown_codes(codes=codes)
    if missing:
        raise forms.ValidationError(_("Unknown area code: %(codes)s"), params={"codes": ", ".join(missing)})
    return areas


class AreaCodeField(forms.CharField):
    """An area typed as its 6-digit code; cleans to the :class:`Area`, or ``None`` when left empty."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=6, **kwargs)

    def clean(self, value: Any) -> Area | None:  # type: ignore[override]
        code = super().clean(value).strip()
        if not code:
            return None
        area = area_find(code=code)
        if area is None:
            raise forms.ValidationError(_("Unknown area code: %(codes)s"), params={"codes": code})
        return area


class ActivityForm(forms.ModelForm):  # type: ignore[type-arg]
    recipient_area_codes = forms.CharField(
        label=_("Recipient areas (codes, comma-separated)"), required=False, max_length=500
    )

    class Meta:
        model = Activity
        fields = (
            "identifier",
            "title",
            "title_zh",
            "description",
            "sector",
            "status",
            "pairing",
            "start_date",
            "end_date",
            "is_key_project",
            "batch",
        )
        widgets: ClassVar[dict[str, Any]] = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_pairings(self.fields["pairing"], editable_pairings(user))
        zh = (get_language() or "en").lower().startswith("zh")  # the codelist's names in the reader's language
        self.fields["sector"].choices = [("", "---------")] + [  # type: ignore[attr-defined]
            (s.code, s.name_zh if zh else s.name_en) for s in sectors()
        ]
        if self.instance.pk and not self.is_bound:
            self.fields["recipient_area_codes"].initial = ", ".join(a.code for a in self.instance.recipient_areas.all())

    def clean_recipient_area_codes(self) -> list[Area]:
        return _area_codes(self.cleaned_data.get("recipient_area_codes", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and start > end:
            # said here, on the field, before the model's constraint says it in its own words
            self.add_error("end_date", _("The end date is before the start date."))
        return data


class TransactionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Transaction
        fields = ("activity", "pairing", "transaction_type", "finance_type", "value", "value_date", "description")
        widgets: ClassVar[dict[str, Any]] = {"value_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pairings = editable_pairings(user)
        offer_pairings(self.fields["pairing"], pairings)
        _offer(self.fields["activity"], activity_list(pairings=pairings))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("activity")) == bool(data.get("pairing")):
            raise forms.ValidationError(_("Choose an activity or a pairing, exactly one of them."))
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", _("Money cannot be negative."))
        return data


class DataValueForm(forms.Form):
    """A figure entered by hand: indicator, subject, period and value."""

    indicator = IndicatorChoiceField(label=_("Indicator"), queryset=indicator_list())
    pairing = forms.ModelChoiceField(label=_("Pairing"), queryset=pairing_list(), required=False)
    area_code = AreaCodeField(label=_("Area code"), required=False)
    period_kind = forms.ChoiceField(label=_("Period kind"), choices=PeriodKind.choices, initial=PeriodKind.YEAR)
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2100)
    start_year = forms.IntegerField(
        label=_("First year (cumulative figures)"), min_value=1949, max_value=2100, required=False
    )
    value = ReaderNumberField(label=_("Value"), max_length=60)  # "80,000,000", "8千万", as the review reads
    qualifier = forms.ChoiceField(label=_("Qualifier"), choices=Qualifier.choices, initial=Qualifier.EXACT)
    disaggregation = forms.CharField(label=_("Disaggregation"), required=False, max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_pairings(self.fields["pairing"], datavalue_pairings(user))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("pairing") and not data.get("area_code") and not self.errors:
            raise forms.ValidationError(_("A figure needs a subject: a pairing, an area or an activity."))
        kind, year = data.get("period_kind"), data.get("year")
        if kind == PeriodKind.CUMULATIVE and year and not data.get("start_year"):
            self.add_error("start_year", _("A cumulative figure needs its first year."))
        if data.get("start_year") and year and data["start_year"] > year:
            self.add_error("start_year", _("The first year is after the last."))
        return data

    def entry_data(self) -> dict[str, Any]:
        """The cleaned form as the fields of a DataValue."""
        d = self.cleaned_data
        year = d["year"]
        if d["period_kind"] == PeriodKind.CUMULATIVE:
            start, end = dt.date(d["start_year"], 1, 1), dt.date(year, 12, 31)
        elif d["period_kind"] == PeriodKind.AS_OF:
            start = end = dt.date(year, 12, 31)
        else:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return {
            "indicator": d["indicator"],
            "pairing": d.get("pairing"),
            "area": d.get("area_code"),
            "period_kind": d["period_kind"],
            "period_start": start,
            "period_end": end,
            "value": d["value"],
            "unit": d["indicator"].unit,
            "qualifier": d["qualifier"],
            "disaggregation": d.get("disaggregation") or "",
        }

    @classmethod
    def initial_for(cls, dv: DataValue) -> dict[str, Any]:
        return {
            "indicator": dv.indicator_id,
            "pairing": dv.pairing_id,
            "area_code": dv.area.code if dv.area_id else "",
            "period_kind": dv.period_kind,
            "year": dv.period_end.year,
            "start_year": dv.period_start.year,
            "value": dv.value,
            "qualifier": dv.qualifier,
            "disaggregation": dv.disaggregation,
        }


class _SeveralFilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _SeveralFilesField(forms.FileField):
    """Several files in one field (Django's documented pattern); each is cleaned as one file."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(widget=_SeveralFilesInput(), **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        one = super().clean
        return [one(item, initial) for item in data] if isinstance(data, list | tuple) else [one(data, initial)]


class UploadForm(forms.Form):
    """Reports to ingest: the files (type and size checked here) and what the reader should know of them."""

    file = _SeveralFilesField(label=_("Report files (.txt, .html, .docx, .pdf); several at once for a yearbook"))
    report_year = forms.IntegerField(label=_("Report year"), min_value=1949, max_value=2100)
    donor = forms.CharField(label=_("Donor"), required=False, max_length=200)
    recipient = forms.CharField(label=_("Recipient"), required=False, max_length=200)

    def __init__(self, *args: Any, names_required: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names_required = names_required  # an editor names the report's donor and recipient

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.names_required and not (data.get("donor") and data.get("recipient")):
            self.add_error(
                "recipient",
                _(
                    "Name the report's donor and recipient: you may upload reports only about the pairings "
                    "and areas you edit."
                ),
            )
        return data

    def clean_file(self) -> list[Any]:
        uploads = self.cleaned_data["file"]
        for upload in uploads:
            if PurePath(upload.name).suffix.lower() not in UPLOAD_SUFFIXES:
                raise forms.ValidationError(
                    _("Unsupported file type (%(name)s); use one of %(types)s."),
                    params={"name": upload.name, "types": ", ".join(UPLOAD_SUFFIXES)},
                )
            if upload.size > settings.UPLOAD_MAX_BYTES:
                raise forms.ValidationError(
                    _("The file %(name)s is larger than %(mb)s MB."),
                    params={"name": upload.name, "mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
                )
        return uploads
