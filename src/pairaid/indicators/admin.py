from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.indicators.models import DataValue, Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "unit", "group", "default_kind", "aggregation"]
    list_filter = ["group", "value_type", "default_kind"]
    search_fields = ["code", "name_en", "name_zh"]


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
