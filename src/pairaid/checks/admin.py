from django.contrib import admin

from pairaid.checks.models import Finding


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("severity", "rule", "pairing", "year", "message")
    list_filter = ("severity", "rule", "year")
    search_fields = ("message",)
    raw_id_fields = ("data_values", "evidence", "pairing")
