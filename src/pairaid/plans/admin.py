from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.plans.models import KeyProjectBatch, Plan


class BatchInline(admin.TabularInline):
    model = KeyProjectBatch
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["pairing", "year", "area", "title"]
    list_filter = ["year", "pairing__level"]
    search_fields = ["title", "pairing__name", "area__name_zh", "area__name_en"]
    raw_id_fields = ["pairing", "area", "evidence"]
    inlines = [BatchInline]
