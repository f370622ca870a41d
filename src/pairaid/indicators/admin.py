from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from pairaid.core.errors import DataError
from pairaid.indicators.codelist import AGGREGATIONS, KINDS, VALUE_TYPES, indicator_check
from pairaid.indicators.models import DataValue, Indicator


class IndicatorForm(forms.ModelForm):  # type: ignore[type-arg]
    """An indicator added here is checked as the API checks it (:func:`indicator_check`)."""

    value_type = forms.ChoiceField(choices=[(v, v) for v in VALUE_TYPES])
    default_kind = forms.ChoiceField(choices=[(v, v) for v in KINDS])
    aggregation = forms.ChoiceField(choices=[(v, v) for v in AGGREGATIONS])

    class Meta:
        model = Indicator
        fields = ("code", "group", "name_en", "name_zh", "unit", "value_type", "default_kind", "aggregation")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk is None and not self.errors:
            try:
                indicator_check(**{name: cleaned[name] for name in self.Meta.fields})
            except DataError as exc:
                raise forms.ValidationError(str(exc)) from None
        return cleaned


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    form = IndicatorForm
    list_display = ["code", "name_en", "name_zh", "unit", "group", "default_kind", "aggregation"]
    list_filter = ["group", "value_type", "default_kind"]
    search_fields = ["code", "name_en", "name_zh"]

    def get_readonly_fields(self, request: HttpRequest, obj: Indicator | None = None) -> list[str]:
        return ["code"] if obj is not None else []


@admin.register(DataValue)
class DataValueAdmin(SimpleHistoryAdmin):
    list_display = [
        "indicator",
        "value",
        "unit",
        "qualifier",
        "period_kind",
        "period_start",
        "period_end",
        "pairing",
        "area",
        "status",
    ]
    list_filter = ["status", "period_kind", "indicator__group", "pairing__level", "period_start"]
    search_fields = [
        "indicator__code",
        "indicator__name_en",
        "indicator__name_zh",
        "pairing__name",
        "area__name_zh",
        "area__name_en",
    ]
    raw_id_fields = ["pairing", "area", "activity", "organisation", "evidence", "part_of"]
