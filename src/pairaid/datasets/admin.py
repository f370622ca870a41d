from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from pairaid.datasets.models import Dataset, DatasetIndicator, Submission, SubmissionValue


class DatasetIndicatorInline(admin.TabularInline):
    model = DatasetIndicator
    extra = 0
    raw_id_fields = ["indicator"]


@admin.register(Dataset)
class DatasetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name_en", "name_zh", "levels"]
    inlines = [DatasetIndicatorInline]


class SubmissionValueInline(admin.TabularInline):
    model = SubmissionValue
    extra = 0
    can_delete = False
    fields = ["indicator", "period_kind", "period_end", "disaggregation", "kind", "value", "unit", "status"]
    readonly_fields = fields


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    """Read-only: a submission changes through its steps (submit, approve, freeze, correct), never by hand."""

    list_display = ["pairing", "year", "version", "dataset", "state", "approvals"]
    list_filter = ["state", "year", "dataset"]
    search_fields = ["pairing__name"]
    readonly_fields = ["dataset", "pairing", "year", "version", "state", "approvals", "reason", "corrects"]
    inlines = [SubmissionValueInline]

    def has_add_permission(self, request: object) -> bool:
        return False
